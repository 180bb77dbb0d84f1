// SPDX-License-Identifier: MIT
#include "secrets/SshPublicKey.h"

#include "secrets/SshSigner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QtEndian>


namespace studio {

namespace {

/// The first string of an SSH wire blob: the key type it claims to be.
QString blobType(const QByteArray &blob)
{
    if (blob.size() < 4)
        return {};
    const quint32 length = qFromBigEndian<quint32>(blob.constData());
    if (length == 0 || length > quint32(blob.size() - 4))
        return {};
    return QString::fromLatin1(blob.mid(4, qsizetype(length)));
}

} // namespace

Result<SshPublicKey> SshPublicKey::parse(const QString &line, const QString &origin)
{
    const QStringList fields = line.trimmed().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (fields.size() < 2)
        return Error{Error::Code::Parse, QStringLiteral("%1 is not an OpenSSH public key (\"ssh-ed25519 AAAA… comment\")").arg(origin)};
    const auto decoded = QByteArray::fromBase64Encoding(fields.at(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return Error{Error::Code::Parse, QStringLiteral("%1: the key is not base64").arg(origin)};
    SshPublicKey key;
    key.type = fields.at(0);
    key.blob = decoded.decoded;
    key.comment = fields.mid(2).join(u' ');
    if (blobType(key.blob) != key.type)
        return Error{Error::Code::Parse, QStringLiteral("%1: the key says it is %2 but its data is %3")
                                             .arg(origin, key.type, blobType(key.blob).isEmpty() ? QStringLiteral("damaged") : blobType(key.blob))};
    return key;
}

Result<SshPublicKey> SshPublicKey::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    const QByteArray text = file.readAll();
    if (text.contains("PRIVATE KEY-----")) {
        const Result<SshSigner> signer = SshSigner::fromKeyData(text, path);
        if (!signer)
            return signer.error();
        Result<SshPublicKey> key = parse(signer->publicKey(), path);
        if (key)
            key.value().comment = signer->comment();
        return key;
    }
    return parse(QString::fromUtf8(text).section(u'\n', 0, 0), path);
}

QString SshPublicKey::fingerprint() const
{
    return QStringLiteral("SHA256:")
           + QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha256)
                                     .toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

QString SshPublicKey::line() const
{
    return type + u' ' + QString::fromLatin1(blob.toBase64());
}

} // namespace studio
