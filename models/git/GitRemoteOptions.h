// SPDX-License-Identifier: MIT
#pragma once

// How fetch, pull, push and clone authenticate, verify the server, report progress and get cancelled.

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace studio {

/// Credentials the caller offers for one remote operation. Each one is tried at most once: a refused
/// credential is never offered again, so an operation cannot loop on authentication (libgit2 asks again
/// after every refusal). Nothing here is stored by the Git layer; keep secrets in the OS keychain.
struct GitCredentials {
    QString username;          ///< HTTPS user, or SSH user when the URL names none ("git" by default)
    QString token;             ///< HTTPS password or access token; offered once
    bool useSshAgent = true;   ///< offer ssh-agent's keys first (when SSH_AUTH_SOCK is set)
    QStringList sshKeyFiles;   ///< private key files, tried in order; "<file>.pub" is used when present
    QString sshKeyPassphrase;  ///< for encrypted key files
};

/// Progress of a transfer. `current`/`total` count objects (or deltas while resolving).
struct GitProgress {
    enum class Phase {
        Receiving, ///< fetch: downloading objects
        Resolving, ///< fetch: resolving deltas
        Packing,   ///< push: building the pack
        Sending,   ///< push: uploading
        Remote,    ///< a message from the server ("remote: …" in git), in `message`
    };
    Phase phase = Phase::Receiving;
    quint64 current = 0;
    quint64 total = 0;
    quint64 bytes = 0;
    QString message;
};

/// Options of fetch, pull, push and clone.
struct GitRemoteOptions {
    GitCredentials credentials;
    /// Hard limit on how often libgit2 may ask for credentials in one operation.
    int maxCredentialAttempts = 4;

    /// Called on the worker thread running the operation. Return false to cancel.
    std::function<bool(const GitProgress &)> progress;
    /// Set to true from any thread to cancel at the next progress point. Owned by the caller.
    const std::atomic<bool> *cancel = nullptr;

    /// TLS certificates and SSH host keys libgit2 cannot verify are refused unless this is true or
    /// `acceptInvalidCertificate` (asked with the host and a description of the certificate) returns true.
    bool allowInvalidCertificates = false;
    std::function<bool(const QString &host, const QString &description)> acceptInvalidCertificate;
};

} // namespace studio
