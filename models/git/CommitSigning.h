// SPDX-License-Identifier: MIT
#pragma once

// The contract between the Git layer, which builds commit objects, and whoever signs them
// (secrets/SshSigner). The Git layer never sees a private key.

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace studio {

/// Signs the exact bytes of an unsigned commit object and returns an armored signature
/// (e.g. "-----BEGIN SSH SIGNATURE-----…"), which is stored in the commit's `gpgsig` header.
using CommitSigner = std::function<Result<QByteArray>(const QByteArray &commitContent)>;

/// How Git's configuration asks commits to be signed (`commit.gpgsign`, `gpg.format`, `user.signingkey`).
struct SignerConfig {
    enum class Format { OpenPgp, Ssh, X509 };
    Format format = Format::OpenPgp; ///< gpg.format; Git's default is openpgp
    QString signingKey;              ///< user.signingkey exactly as configured
    /// For gpg.format=ssh: the key file user.signingkey designates, with "~/" expanded and a relative
    /// path taken from the work tree. Empty for a literal key ("key::ssh-ed25519 AAAA…").
    QString keyFile;
    bool literalKey = false; ///< user.signingkey holds a public key itself: only ssh-agent can sign
};

} // namespace studio
