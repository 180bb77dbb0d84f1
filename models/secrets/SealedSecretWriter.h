// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "secrets/PlainSecret.h"
#include "secrets/SealingCertificate.h"

#include <QByteArray>
#include <QString>

namespace studio {

/// Who may decrypt a sealed value (Sealed Secrets' scopes): only this name in this namespace, any
/// name in this namespace, or anywhere in the cluster.
enum class SealingScope { Strict, NamespaceWide, ClusterWide };

/// Writes SealedSecret manifests the Sealed Secrets controller decrypts, byte-compatible with
/// kubeseal (reference/interop.md §1): per value a random 32-byte AES-256-GCM session key (zero
/// nonce, no AAD) encrypted with RSA-OAEP SHA-256 under the scope's label, laid out as
/// uint16-BE length ‖ RSA ciphertext ‖ AES-GCM ciphertext ‖ 16-byte tag, base64-encoded.
class SealedSecretWriter
{
public:
    /// "strict", "namespace-wide", "cluster-wide"; nullopt for anything else.
    static std::optional<SealingScope> scopeFromName(const QString &name);
    static QString scopeName(SealingScope scope);

    /// The OAEP label: "<namespace>/<name>", "<namespace>" or empty.
    static QByteArray label(SealingScope scope, const QString &namespaceName, const QString &name);

    /// One value sealed for `label`, base64 (standard, padded).
    static Result<QByteArray> seal(const SealingCertificate &certificate, const QByteArray &plaintext, const QByteArray &label);

    /// The SealedSecret manifest (YAML) for `secret`: keys sorted, each sealed separately, the scope
    /// annotation on the SealedSecret and its template.
    static Result<QString> manifest(const SealingCertificate &certificate, const PlainSecret &secret, SealingScope scope);
};

} // namespace studio
