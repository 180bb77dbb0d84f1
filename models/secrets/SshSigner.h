// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "git/CommitSigning.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace studio {

/// Signs data with an SSH private key the way `ssh-keygen -Y sign` does: an armored SSHSIG signature
/// ("-----BEGIN SSH SIGNATURE-----", hash sha512), which `git verify-commit` (gpg.format=ssh) and
/// `ssh-keygen -Y verify` accept. Ed25519 and RSA keys (signed with rsa-sha2-512), read from OpenSSH
/// key files ("openssh-key-v1", what `ssh-keygen` writes) or unencrypted PEM files.
///
/// Encrypted keys and keys held only by ssh-agent are not supported yet. A signer is cheap to copy
/// and safe to use from any thread.
class SshSigner
{
public:
    /// Reads an unencrypted private key file.
    static Result<SshSigner> fromKeyFile(const QString &path);
    /// Parses the text of a private key file; `origin` names it in errors.
    static Result<SshSigner> fromKeyData(const QByteArray &keyFile, const QString &origin);
    /// The signer Git's configuration designates (GitRepository::signingConfig()): gpg.format must be
    /// ssh; user.signingkey may name the private key or its ".pub" file beside it.
    static Result<SshSigner> fromConfig(const SignerConfig &config);

    QString keyType() const; ///< "ssh-ed25519" or "ssh-rsa"
    /// The public key as in a ".pub" file or an allowed_signers line: "ssh-ed25519 AAAA…" (no comment).
    QString publicKey() const;
    QByteArray publicKeyBlob() const; ///< SSH wire encoding of the public key
    QString fingerprint() const;      ///< "SHA256:…", as `ssh-keygen -l` prints it
    QString comment() const;          ///< the key file's comment, often user@host

    /// The armored SSHSIG signature of `message`, ending with a newline (as ssh-keygen writes it).
    Result<QByteArray> sign(const QByteArray &message, const QString &signatureNamespace = QStringLiteral("git")) const;

    /// A CommitSigner for GitRepository::commit()/commitAll()/revert() (namespace "git").
    CommitSigner commitSigner() const;

private:
    SshSigner() = default;
    std::shared_ptr<evp_pkey_st> m_key;
    QByteArray m_publicBlob;
    QString m_keyType;
    QString m_comment;
};

} // namespace studio
