// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace studio {

/// An OpenSSH public key ("ssh-ed25519 AAAA… comment", as in a .pub file or authorized_keys): its
/// SHA256 fingerprint as `ssh-keygen -lf` prints it, and its line in an allowed_signers file.
struct SshPublicKey {
    QString type;    ///< "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "sk-ssh-ed25519@openssh.com"…
    QByteArray blob; ///< the SSH wire encoding (the decoded base64 field)
    QString comment;

    /// Parses one public key line; `origin` names it in errors.
    static Result<SshPublicKey> parse(const QString &line, const QString &origin);
    /// Reads a .pub file, or the public half of an unencrypted private key file (as ssh-keygen -lf does).
    static Result<SshPublicKey> fromFile(const QString &path);

    QString fingerprint() const; ///< "SHA256:" + unpadded base64 of SHA-256(blob)
    QString line() const;        ///< "type base64" (no comment)
};

} // namespace studio
