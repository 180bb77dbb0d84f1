// SPDX-License-Identifier: MIT
#include "secrets/SealingCertificate.h"

#include "secrets/OpenSsl_p.h"

#include <QFile>

#include <openssl/pem.h>
#include <openssl/x509.h>

namespace studio {

namespace {

using Certificate = std::unique_ptr<X509, openssl::Deleter<X509, X509_free>>;

QDateTime toDateTime(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QString subjectOf(X509 *certificate)
{
    openssl::Bio bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), X509_get_subject_name(certificate), 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(size));
}

} // namespace

Result<SealingCertificate> SealingCertificate::fromPem(const QByteArray &pem, const QString &source, const QDateTime &now)
{
    openssl::Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    Certificate certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate) {
        ERR_clear_error();
        return Error{Error::Code::Parse, QStringLiteral("%1 holds no PEM certificate; give the controller's certificate "
                                                        "(kubeseal --fetch-cert > cert.pem)")
                                             .arg(source)};
    }
    SealingCertificate result;
    result.m_subject = subjectOf(certificate.get());
    result.m_notAfter = toDateTime(X509_get0_notAfter(certificate.get()));
    const QDateTime notBefore = toDateTime(X509_get0_notBefore(certificate.get()));
    if (!result.m_notAfter.isValid() || result.m_notAfter < now)
        return Error{Error::Code::Refused, QStringLiteral("the certificate in %1 expired on %2; fetch the controller's "
                                                          "current certificate (kubeseal --fetch-cert)")
                                               .arg(source, result.m_notAfter.toString(Qt::ISODate))};
    if (notBefore.isValid() && notBefore > now)
        return Error{Error::Code::Refused, QStringLiteral("the certificate in %1 is not valid before %2; check the clock")
                                               .arg(source, notBefore.toString(Qt::ISODate))};
    EVP_PKEY *key = X509_get_pubkey(certificate.get()); // a new reference, owned below
    if (!key)
        return Error{Error::Code::Parse, QStringLiteral("cannot read the public key of %1: %2").arg(source, openssl::lastError())};
    result.m_key = std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
        return Error{Error::Code::Refused, QStringLiteral("the certificate in %1 has key type %2; Sealed Secrets needs an "
                                                          "RSA key (is it the controller's certificate?)")
                                               .arg(source, QString::fromLatin1(EVP_PKEY_get0_type_name(key)))};
    result.m_bits = EVP_PKEY_get_bits(key);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate.get(), EVP_sha256(), digest, &length) == 1)
        result.m_fingerprint = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
    return result;
}

Result<SealingCertificate> SealingCertificate::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Io, QStringLiteral("cannot read the certificate %1: %2").arg(path, file.errorString())};
    return fromPem(file.readAll(), path);
}

} // namespace studio
