// SPDX-License-Identifier: MIT
#include "secrets/SealedSecretWriter.h"

#include "secrets/OpenSsl_p.h"

#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <array>

namespace studio {

namespace {

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, openssl::Deleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>>;

constexpr int kSessionKeySize = 32;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;

/// Wipes the session key however the function returns.
struct SessionKey {
    std::array<unsigned char, kSessionKeySize> bytes{};
    ~SessionKey() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};

Result<QByteArray> rsaOaepEncrypt(EVP_PKEY *key, const unsigned char *data, size_t size, const QByteArray &label)
{
    openssl::KeyContext context(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!context || EVP_PKEY_encrypt_init(context.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_OAEP_PADDING) != 1
        || EVP_PKEY_CTX_set_rsa_oaep_md(context.get(), EVP_sha256()) != 1
        || EVP_PKEY_CTX_set_rsa_mgf1_md(context.get(), EVP_sha256()) != 1)
        return Error{Error::Code::Internal, QStringLiteral("cannot set up RSA-OAEP: %1").arg(openssl::lastError())};
    if (!label.isEmpty()) {
        // set0 takes ownership of the copy.
        void *copy = OPENSSL_memdup(label.constData(), size_t(label.size()));
        if (!copy || EVP_PKEY_CTX_set0_rsa_oaep_label(context.get(), copy, int(label.size())) != 1) {
            OPENSSL_free(copy);
            return Error{Error::Code::Internal, QStringLiteral("cannot set the OAEP label: %1").arg(openssl::lastError())};
        }
    }
    size_t length = 0;
    if (EVP_PKEY_encrypt(context.get(), nullptr, &length, data, size) != 1)
        return Error{Error::Code::Internal, QStringLiteral("RSA-OAEP encryption failed: %1").arg(openssl::lastError())};
    QByteArray out(qsizetype(length), Qt::Uninitialized);
    if (EVP_PKEY_encrypt(context.get(), reinterpret_cast<unsigned char *>(out.data()), &length, data, size) != 1)
        return Error{Error::Code::Internal, QStringLiteral("RSA-OAEP encryption failed: %1").arg(openssl::lastError())};
    out.resize(qsizetype(length));
    return out;
}

Result<QByteArray> aesGcmEncrypt(const SessionKey &key, const QByteArray &plaintext)
{
    const std::array<unsigned char, kNonceSize> nonce{}; // zero: every session key is used once
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!context || EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1
        || EVP_EncryptInit_ex(context.get(), nullptr, nullptr, key.bytes.data(), nonce.data()) != 1)
        return Error{Error::Code::Internal, QStringLiteral("cannot set up AES-256-GCM: %1").arg(openssl::lastError())};
    QByteArray out(plaintext.size() + kTagSize, Qt::Uninitialized);
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    int written = 0;
    int final = 0;
    if (EVP_EncryptUpdate(context.get(), bytes, &written, reinterpret_cast<const unsigned char *>(plaintext.constData()),
                          int(plaintext.size())) != 1
        || EVP_EncryptFinal_ex(context.get(), bytes + written, &final) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, bytes + written + final) != 1)
        return Error{Error::Code::Internal, QStringLiteral("AES-256-GCM encryption failed: %1").arg(openssl::lastError())};
    out.resize(written + final + kTagSize);
    return out;
}

QString yamlString(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\""));
    return u'"' + escaped + u'"';
}

} // namespace

std::optional<SealingScope> SealedSecretWriter::scopeFromName(const QString &name)
{
    if (name == u"strict")
        return SealingScope::Strict;
    if (name == u"namespace-wide")
        return SealingScope::NamespaceWide;
    if (name == u"cluster-wide")
        return SealingScope::ClusterWide;
    return std::nullopt;
}

QString SealedSecretWriter::scopeName(SealingScope scope)
{
    switch (scope) {
    case SealingScope::Strict:
        return QStringLiteral("strict");
    case SealingScope::NamespaceWide:
        return QStringLiteral("namespace-wide");
    case SealingScope::ClusterWide:
        return QStringLiteral("cluster-wide");
    }
    return {};
}

QByteArray SealedSecretWriter::label(SealingScope scope, const QString &namespaceName, const QString &name)
{
    switch (scope) {
    case SealingScope::Strict:
        return (namespaceName + u'/' + name).toUtf8();
    case SealingScope::NamespaceWide:
        return namespaceName.toUtf8();
    case SealingScope::ClusterWide:
        return {};
    }
    return {};
}

Result<QByteArray> SealedSecretWriter::seal(const SealingCertificate &certificate, const QByteArray &plaintext,
                                            const QByteArray &label)
{
    SessionKey key;
    if (RAND_bytes(key.bytes.data(), kSessionKeySize) != 1)
        return Error{Error::Code::Internal, QStringLiteral("no random session key: %1").arg(openssl::lastError())};
    const Result<QByteArray> rsa = rsaOaepEncrypt(certificate.publicKey(), key.bytes.data(), key.bytes.size(), label);
    if (!rsa)
        return rsa.error();
    if (rsa->size() > 0xffff)
        return Error{Error::Code::Refused, QStringLiteral("the certificate's RSA key is too large for Sealed Secrets")};
    const Result<QByteArray> gcm = aesGcmEncrypt(key, plaintext);
    if (!gcm)
        return gcm.error();
    QByteArray blob;
    blob.reserve(2 + rsa->size() + gcm->size());
    blob.append(char((rsa->size() >> 8) & 0xff));
    blob.append(char(rsa->size() & 0xff));
    blob.append(rsa.value());
    blob.append(gcm.value());
    return blob.toBase64();
}

Result<QString> SealedSecretWriter::manifest(const SealingCertificate &certificate, const PlainSecret &secret, SealingScope scope)
{
    if (QString problem = PlainSecret::checkName(secret.name, QStringLiteral("the Secret's name")); !problem.isEmpty())
        return Error{Error::Code::Usage, problem};
    if (scope != SealingScope::ClusterWide || !secret.namespaceName.isEmpty()) {
        if (QString problem = PlainSecret::checkName(secret.namespaceName, QStringLiteral("the namespace")); !problem.isEmpty())
            return Error{Error::Code::Usage, problem};
    }
    if (secret.data.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("there is nothing to seal: give at least one KEY=VALUE")};
    const QByteArray scopeLabel = label(scope, secret.namespaceName, secret.name);
    QString encrypted;
    for (auto it = secret.data.cbegin(); it != secret.data.cend(); ++it) {
        if (QString problem = PlainSecret::checkKey(it.key()); !problem.isEmpty())
            return Error{Error::Code::Usage, problem};
        const Result<QByteArray> sealed = seal(certificate, it.value(), scopeLabel);
        if (!sealed)
            return sealed.error();
        encrypted += QStringLiteral("    %1: %2\n").arg(it.key(), QString::fromLatin1(sealed.value()));
    }
    QString annotations;
    if (scope == SealingScope::NamespaceWide)
        annotations = QStringLiteral("sealedsecrets.bitnami.com/namespace-wide: \"true\"");
    else if (scope == SealingScope::ClusterWide)
        annotations = QStringLiteral("sealedsecrets.bitnami.com/cluster-wide: \"true\"");
    auto metadata = [&](const QString &indent) {
        QString text = QStringLiteral("%1name: %2\n").arg(indent, secret.name);
        if (!secret.namespaceName.isEmpty())
            text += QStringLiteral("%1namespace: %2\n").arg(indent, secret.namespaceName);
        if (!annotations.isEmpty())
            text += QStringLiteral("%1annotations:\n%1  %2\n").arg(indent, annotations);
        return text;
    };
    return QStringLiteral("apiVersion: bitnami.com/v1alpha1\n"
                          "kind: SealedSecret\n"
                          "metadata:\n%1"
                          "spec:\n"
                          "  encryptedData:\n%2"
                          "  template:\n"
                          "    metadata:\n%3"
                          "    type: %4\n")
        .arg(metadata(QStringLiteral("  ")), encrypted, metadata(QStringLiteral("      ")), yamlString(secret.type));
}

} // namespace studio
