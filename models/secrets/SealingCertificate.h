// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace studio {

/// The Sealed Secrets controller's public certificate (what `kubeseal --fetch-cert` prints), checked
/// the way kubeseal checks it: the first PEM certificate, an RSA key, not expired. Immutable and
/// cheap to copy; safe to share between threads.
class SealingCertificate
{
public:
    /// Parses PEM text; `source` (a file or URL) names it in errors.
    static Result<SealingCertificate> fromPem(const QByteArray &pem, const QString &source,
                                              const QDateTime &now = QDateTime::currentDateTimeUtc());
    static Result<SealingCertificate> fromFile(const QString &path);

    QString subject() const { return m_subject; }
    QDateTime notAfter() const { return m_notAfter; }
    int keyBits() const { return m_bits; }
    /// SHA-256 of the certificate (DER) in hex, for display.
    QString fingerprint() const { return m_fingerprint; }

    EVP_PKEY *publicKey() const { return m_key.get(); }

private:
    SealingCertificate() = default;
    std::shared_ptr<EVP_PKEY> m_key;
    QString m_subject;
    QDateTime m_notAfter;
    int m_bits = 0;
    QString m_fingerprint;
};

} // namespace studio
