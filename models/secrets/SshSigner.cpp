// SPDX-License-Identifier: MIT
#include "secrets/SshSigner.h"

#include "secrets/OpenSsl_p.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/pem.h>

#include <QByteArrayView>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace studio {

namespace ossl = openssl;

namespace {

// --- SSH wire format (RFC 4251 §5): uint32 big-endian, string = uint32 length + bytes, mpint ------

void putU32(QByteArray &out, quint32 value)
{
    const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    out.append(bytes, 4);
}

void putString(QByteArray &out, QByteArrayView bytes)
{
    putU32(out, quint32(bytes.size()));
    out.append(bytes.data(), bytes.size());
}

/// A positive mpint: big-endian, with a leading zero byte when the top bit is set.
QByteArray mpint(const BIGNUM *value)
{
    QByteArray bytes(BN_num_bytes(value), Qt::Uninitialized);
    BN_bn2bin(value, reinterpret_cast<unsigned char *>(bytes.data()));
    if (!bytes.isEmpty() && (uchar(bytes.at(0)) & 0x80))
        bytes.prepend('\0');
    return bytes;
}

class WireReader
{
public:
    explicit WireReader(QByteArrayView data) : m_data(data) {}

    bool u32(quint32 &value)
    {
        if (m_data.size() - m_pos < 4)
            return false;
        const auto *p = reinterpret_cast<const uchar *>(m_data.data() + m_pos);
        value = quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
        m_pos += 4;
        return true;
    }

    bool string(QByteArrayView &value)
    {
        quint32 length = 0;
        if (!u32(length) || quint64(m_data.size() - m_pos) < length)
            return false;
        value = m_data.sliced(m_pos, qsizetype(length));
        m_pos += qsizetype(length);
        return true;
    }

    bool bignum(ossl::Bignum &value)
    {
        QByteArrayView bytes;
        if (!string(bytes) || (!bytes.isEmpty() && (uchar(bytes.at(0)) & 0x80))) // negative: not a key part
            return false;
        value.reset(BN_bin2bn(reinterpret_cast<const uchar *>(bytes.data()), int(bytes.size()), nullptr));
        return value != nullptr;
    }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
};

/// Key material must not linger in freed memory.
struct WipeOnExit {
    QByteArray &bytes;
    ~WipeOnExit()
    {
        if (!bytes.isEmpty())
            OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    }
};

Error parseError(const QString &origin, const QString &why)
{
    return Error{Error::Code::Parse, QStringLiteral("%1 is not a usable SSH private key: %2").arg(origin, why)};
}

Error encryptedKeyError(const QString &origin)
{
    return Error{Error::Code::Refused,
                 QStringLiteral("%1 is protected by a passphrase: encrypted SSH keys are not supported yet. Use an "
                                "unencrypted key kept only for signing (ssh-keygen -t ed25519 -N \"\" -f "
                                "~/.ssh/deploy_signing), or sign with git itself where ssh-agent holds your key "
                                "(git commit -S with gpg.format=ssh).")
                     .arg(origin)};
}

Result<ossl::Key> ed25519Key(QByteArrayView publicKey, QByteArrayView secret, const QString &origin)
{
    // OpenSSH stores the 32-byte seed followed by the 32-byte public key.
    if (publicKey.size() != 32 || secret.size() != 64 || secret.sliced(32) != publicKey)
        return parseError(origin, QStringLiteral("malformed Ed25519 key"));
    ossl::Key key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                               reinterpret_cast<const uchar *>(secret.data()), 32));
    if (!key)
        return parseError(origin, ossl::lastError());
    uchar derived[32];
    size_t length = sizeof derived;
    if (EVP_PKEY_get_raw_public_key(key.get(), derived, &length) != 1 || length != 32
        || QByteArrayView(reinterpret_cast<const char *>(derived), 32) != publicKey)
        return parseError(origin, QStringLiteral("the Ed25519 public key does not match the private key"));
    return key;
}

Result<ossl::Key> rsaKey(WireReader &reader, const QString &origin)
{
    // OpenSSH order: n, e, d, iqmp, p, q. OpenSSL also wants d mod (p-1) and d mod (q-1).
    ossl::Bignum n, e, d, iqmp, p, q;
    if (!reader.bignum(n) || !reader.bignum(e) || !reader.bignum(d) || !reader.bignum(iqmp) || !reader.bignum(p)
        || !reader.bignum(q))
        return parseError(origin, QStringLiteral("malformed RSA key"));
    ossl::BignumContext context(BN_CTX_new());
    ossl::Bignum one(BN_new()), pMinus1(BN_new()), qMinus1(BN_new()), dmp1(BN_new()), dmq1(BN_new());
    if (!context || !one || !pMinus1 || !qMinus1 || !dmp1 || !dmq1 || !BN_one(one.get())
        || !BN_sub(pMinus1.get(), p.get(), one.get()) || !BN_sub(qMinus1.get(), q.get(), one.get())
        || !BN_mod(dmp1.get(), d.get(), pMinus1.get(), context.get())
        || !BN_mod(dmq1.get(), d.get(), qMinus1.get(), context.get()))
        return parseError(origin, ossl::lastError());

    ossl::ParamBuilder builder(OSSL_PARAM_BLD_new());
    if (!builder || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get())
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get())
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_D, d.get())
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_FACTOR1, p.get())
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_FACTOR2, q.get())
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_EXPONENT1, dmp1.get())
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_EXPONENT2, dmq1.get())
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_COEFFICIENT1, iqmp.get()))
        return parseError(origin, ossl::lastError());
    ossl::Params params(OSSL_PARAM_BLD_to_param(builder.get()));
    ossl::KeyContext keyContext(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *raw = nullptr;
    if (!params || !keyContext || EVP_PKEY_fromdata_init(keyContext.get()) != 1
        || EVP_PKEY_fromdata(keyContext.get(), &raw, EVP_PKEY_KEYPAIR, params.get()) != 1)
        return parseError(origin, ossl::lastError());
    ossl::Key key(raw);
    // A key whose parts do not fit together would sign garbage; OpenSSL checks p*q = n, d, e.
    ossl::KeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_private_check(check.get()) != 1 || EVP_PKEY_pairwise_check(check.get()) != 1)
        return parseError(origin, QStringLiteral("the RSA key is inconsistent (%1)").arg(ossl::lastError()));
    return key;
}

/// The "openssh-key-v1" container (OpenSSH PROTOCOL.key), unencrypted.
Result<ossl::Key> parseOpenSshKey(const QByteArray &decoded, const QString &origin, QString *comment,
                                  QByteArray *publicBlob)
{
    static const QByteArray magic("openssh-key-v1", 15); // with its terminating NUL
    if (!decoded.startsWith(magic))
        return parseError(origin, QStringLiteral("missing the openssh-key-v1 header"));
    WireReader reader(QByteArrayView(decoded).sliced(magic.size()));
    QByteArrayView cipher, kdf, kdfOptions, publicKey, privateSection;
    quint32 keyCount = 0;
    if (!reader.string(cipher) || !reader.string(kdf) || !reader.string(kdfOptions) || !reader.u32(keyCount))
        return parseError(origin, QStringLiteral("truncated header"));
    if (cipher != "none" || kdf != "none")
        return encryptedKeyError(origin);
    if (keyCount != 1)
        return parseError(origin, QStringLiteral("it holds %1 keys; expected exactly one").arg(keyCount));
    if (!reader.string(publicKey) || !reader.string(privateSection))
        return parseError(origin, QStringLiteral("truncated key"));

    WireReader secret(privateSection);
    quint32 check1 = 0;
    quint32 check2 = 0;
    QByteArrayView type;
    if (!secret.u32(check1) || !secret.u32(check2) || check1 != check2 || !secret.string(type))
        return parseError(origin, QStringLiteral("corrupt private section"));

    Result<ossl::Key> key = Error{};
    if (type == "ssh-ed25519") {
        QByteArrayView pk, sk;
        if (!secret.string(pk) || !secret.string(sk))
            return parseError(origin, QStringLiteral("malformed Ed25519 key"));
        key = ed25519Key(pk, sk, origin);
    } else if (type == "ssh-rsa") {
        key = rsaKey(secret, origin);
    } else {
        return Error{Error::Code::Refused,
                     QStringLiteral("%1 is a %2 key; commit signing supports Ed25519 and RSA keys "
                                    "(ssh-keygen -t ed25519)")
                         .arg(origin, QString::fromLatin1(type.toByteArray()))};
    }
    if (!key)
        return key.error();
    QByteArrayView keyComment;
    if (secret.string(keyComment))
        *comment = QString::fromUtf8(keyComment.toByteArray());
    *publicBlob = publicKey.toByteArray();
    return key;
}

int refusePassphrase(char *, int, int, void *)
{
    return -1; // never prompt: an encrypted PEM key is refused with a clear error instead
}

Result<ossl::Key> parsePemKey(const QByteArray &pem, const QString &origin)
{
    if (pem.contains("ENCRYPTED"))
        return encryptedKeyError(origin);
    ossl::Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return parseError(origin, ossl::lastError());
    ossl::Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, &refusePassphrase, nullptr));
    if (!key)
        return parseError(origin, ossl::lastError());
    return key;
}

QString keyTypeOf(EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_ED25519: return QStringLiteral("ssh-ed25519");
    case EVP_PKEY_RSA: return QStringLiteral("ssh-rsa");
    default: return QString();
    }
}

/// The SSH public key blob of a key OpenSSL holds.
Result<QByteArray> publicBlobOf(EVP_PKEY *key, const QString &type, const QString &origin)
{
    QByteArray blob;
    putString(blob, type.toLatin1());
    if (type == u"ssh-ed25519") {
        uchar raw[32];
        size_t length = sizeof raw;
        if (EVP_PKEY_get_raw_public_key(key, raw, &length) != 1 || length != 32)
            return parseError(origin, ossl::lastError());
        putString(blob, QByteArrayView(reinterpret_cast<const char *>(raw), 32));
        return blob;
    }
    BIGNUM *n = nullptr;
    BIGNUM *e = nullptr;
    if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &n) != 1
        || EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_E, &e) != 1) {
        BN_free(n);
        return parseError(origin, ossl::lastError());
    }
    const ossl::Bignum modulus(n);
    const ossl::Bignum exponent(e);
    putString(blob, mpint(exponent.get()));
    putString(blob, mpint(modulus.get()));
    return blob;
}

QByteArray armor(const QByteArray &blob)
{
    const QByteArray base64 = blob.toBase64();
    QByteArray text("-----BEGIN SSH SIGNATURE-----\n");
    for (qsizetype i = 0; i < base64.size(); i += 70) // OpenSSH wraps at 70 columns
        text += base64.mid(i, 70) + '\n';
    text += "-----END SSH SIGNATURE-----\n";
    return text;
}

} // namespace

Result<SshSigner> SshSigner::fromKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error{Error::Code::NotFound, QStringLiteral("the SSH key file %1 does not exist").arg(path)};
    if (file.size() > 64 * 1024)
        return Error{Error::Code::Parse, QStringLiteral("%1 is too large to be an SSH private key").arg(path)};
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Io, QStringLiteral("cannot read the SSH key file %1: %2").arg(path, file.errorString())};
    QByteArray content = file.readAll();
    const WipeOnExit wipe{content};
    return fromKeyData(content, path);
}

Result<SshSigner> SshSigner::fromKeyData(const QByteArray &keyFile, const QString &origin)
{
    static const QByteArray begin("-----BEGIN OPENSSH PRIVATE KEY-----");
    static const QByteArray end("-----END OPENSSH PRIVATE KEY-----");
    QByteArray text = keyFile.trimmed();
    const WipeOnExit wipeText{text};

    ossl::Key key;
    QString comment;
    QByteArray declaredBlob;
    if (text.startsWith(begin)) {
        const qsizetype endAt = text.indexOf(end);
        if (endAt < 0)
            return parseError(origin, QStringLiteral("the END OPENSSH PRIVATE KEY line is missing"));
        QByteArray body;
        const WipeOnExit wipeBody{body};
        body.reserve(endAt - begin.size());
        for (qsizetype i = begin.size(); i < endAt; ++i) { // base64 wrapped at 70 columns
            if (!QChar::isSpace(uchar(text.at(i))))
                body.append(text.at(i));
        }
        auto decoded = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return parseError(origin, QStringLiteral("invalid base64"));
        QByteArray bytes = std::move(decoded.decoded);
        const WipeOnExit wipeBytes{bytes};
        Result<ossl::Key> parsed = parseOpenSshKey(bytes, origin, &comment, &declaredBlob);
        if (!parsed)
            return parsed.error();
        key = std::move(parsed).value();
    } else if (text.startsWith("-----BEGIN ") && text.contains("PRIVATE KEY-----")) {
        Result<ossl::Key> parsed = parsePemKey(text, origin);
        if (!parsed)
            return parsed.error();
        key = std::move(parsed).value();
    } else if (text.startsWith("ssh-") || text.startsWith("ecdsa-") || text.startsWith("sk-")) {
        return Error{Error::Code::Usage,
                     QStringLiteral("%1 is a public key; signing needs the private key file (usually the same path "
                                    "without .pub)")
                         .arg(origin)};
    } else {
        return parseError(origin, QStringLiteral("expected a key written by ssh-keygen, starting with "
                                                 "\"-----BEGIN OPENSSH PRIVATE KEY-----\""));
    }

    SshSigner signer;
    signer.m_keyType = keyTypeOf(key.get());
    if (signer.m_keyType.isEmpty())
        return Error{Error::Code::Refused,
                     QStringLiteral("%1 is neither an Ed25519 nor an RSA key; commit signing supports only those "
                                    "(ssh-keygen -t ed25519)")
                         .arg(origin)};
    if (signer.m_keyType == u"ssh-rsa" && EVP_PKEY_get_bits(key.get()) < 2048)
        return Error{Error::Code::Refused,
                     QStringLiteral("%1 is a %2-bit RSA key, too weak to sign with; use ssh-keygen -t ed25519 "
                                    "(or -t rsa -b 3072)")
                         .arg(origin)
                         .arg(EVP_PKEY_get_bits(key.get()))};
    Result<QByteArray> blob = publicBlobOf(key.get(), signer.m_keyType, origin);
    if (!blob)
        return blob.error();
    if (!declaredBlob.isEmpty() && declaredBlob != blob.value())
        return parseError(origin, QStringLiteral("its public part does not match its private key"));
    signer.m_publicBlob = blob.value();
    signer.m_comment = comment;
    signer.m_key = std::shared_ptr<evp_pkey_st>(key.release(), EVP_PKEY_free);
    return signer;
}

Result<SshSigner> SshSigner::fromConfig(const SignerConfig &config)
{
    if (config.format != SignerConfig::Format::Ssh)
        return Error{Error::Code::Refused,
                     QStringLiteral("commit.gpgsign asks for %1 signatures, but Deploy Studio signs commits only with "
                                    "SSH keys: run `git config gpg.format ssh` and `git config user.signingkey "
                                    "~/.ssh/id_ed25519`, or turn signing off with `git config commit.gpgsign false`")
                         .arg(config.format == SignerConfig::Format::X509 ? QStringLiteral("X.509 (gpgsm)")
                                                                          : QStringLiteral("OpenPGP (gpg)"))};
    if (config.signingKey.isEmpty())
        return Error{Error::Code::Usage,
                     QStringLiteral("gpg.format is ssh but user.signingkey is not set: run `git config user.signingkey "
                                    "~/.ssh/id_ed25519` (the private key file, or its .pub beside it)")};
    if (config.literalKey || config.keyFile.isEmpty())
        return Error{Error::Code::Refused,
                     QStringLiteral("user.signingkey holds a public key itself (%1…): only ssh-agent can sign with it, "
                                    "and signing through ssh-agent is not supported yet. Set user.signingkey to the "
                                    "path of the private key file instead (e.g. ~/.ssh/id_ed25519).")
                         .arg(config.signingKey.left(24))};
    QString path = config.keyFile;
    if (path.endsWith(u".pub")) {
        // As with ssh-keygen -Y sign -f key.pub: the private key sits beside it.
        const QString privateKey = path.chopped(4);
        if (!QFileInfo::exists(privateKey))
            return Error{Error::Code::NotFound,
                         QStringLiteral("user.signingkey names the public key %1, but its private key %2 is missing; "
                                        "signing with a key held only by ssh-agent is not supported yet")
                             .arg(path, privateKey)};
        path = privateKey;
    }
    return fromKeyFile(path);
}

QString SshSigner::keyType() const
{
    return m_keyType;
}

QByteArray SshSigner::publicKeyBlob() const
{
    return m_publicBlob;
}

QString SshSigner::publicKey() const
{
    return m_keyType + u' ' + QString::fromLatin1(m_publicBlob.toBase64());
}

QString SshSigner::fingerprint() const
{
    return QStringLiteral("SHA256:")
        + QString::fromLatin1(QCryptographicHash::hash(m_publicBlob, QCryptographicHash::Sha256)
                                  .toBase64(QByteArray::OmitTrailingEquals));
}

QString SshSigner::comment() const
{
    return m_comment;
}

Result<QByteArray> SshSigner::sign(const QByteArray &message, const QString &signatureNamespace) const
{
    if (!m_key)
        return Error{Error::Code::Internal, QStringLiteral("no signing key")};
    if (signatureNamespace.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("an SSH signature needs a namespace (\"git\" for commits)")};
    const QByteArray ns = signatureNamespace.toUtf8();
    const QByteArray hashAlgorithm("sha512");

    // PROTOCOL.sshsig: the signed data holds H(message) as an SSH string (length-prefixed).
    QByteArray signedData("SSHSIG");
    putString(signedData, ns);
    putString(signedData, QByteArrayView()); // reserved
    putString(signedData, hashAlgorithm);
    putString(signedData, QCryptographicHash::hash(message, QCryptographicHash::Sha512));

    const bool rsa = m_keyType == u"ssh-rsa";
    ossl::DigestContext context(EVP_MD_CTX_new());
    // Ed25519 hashes internally (no digest); RSA signs as rsa-sha2-512 (PKCS#1 v1.5, SHA-512).
    if (!context || EVP_DigestSignInit(context.get(), nullptr, rsa ? EVP_sha512() : nullptr, nullptr, m_key.get()) != 1)
        return Error{Error::Code::Internal, QStringLiteral("cannot start signing: %1").arg(ossl::lastError())};
    size_t length = 0;
    const auto *data = reinterpret_cast<const uchar *>(signedData.constData());
    if (EVP_DigestSign(context.get(), nullptr, &length, data, size_t(signedData.size())) != 1)
        return Error{Error::Code::Internal, QStringLiteral("cannot sign: %1").arg(ossl::lastError())};
    QByteArray rawSignature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<uchar *>(rawSignature.data()), &length, data,
                       size_t(signedData.size()))
        != 1)
        return Error{Error::Code::Internal, QStringLiteral("cannot sign: %1").arg(ossl::lastError())};
    rawSignature.truncate(qsizetype(length));

    QByteArray signatureBlob;
    putString(signatureBlob, rsa ? QByteArrayView("rsa-sha2-512") : QByteArrayView("ssh-ed25519"));
    putString(signatureBlob, rawSignature);

    QByteArray blob("SSHSIG");
    putU32(blob, 1);
    putString(blob, m_publicBlob);
    putString(blob, ns);
    putString(blob, QByteArrayView());
    putString(blob, hashAlgorithm);
    putString(blob, signatureBlob);
    return armor(blob);
}

CommitSigner SshSigner::commitSigner() const
{
    return [signer = *this](const QByteArray &commitContent) { return signer.sign(commitContent, QStringLiteral("git")); };
}

} // namespace studio
