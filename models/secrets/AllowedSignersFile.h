// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "secrets/SshPublicKey.h"

#include <QList>
#include <QString>

namespace studio {

/// One team member allowed to sign commits.
struct AllowedSigner {
    QString principal; ///< usually the e-mail Git records as committer
    SshPublicKey key;
};

/// Writes the allowed_signers file Git's gpg.ssh.allowedSignersFile (and `ssh-keygen -Y verify`) reads:
/// one `principal namespaces="git" keytype base64 comment` line per key, sorted by principal.
class AllowedSignersFile
{
public:
    static Result<QString> render(QList<AllowedSigner> signers);
};

} // namespace studio
