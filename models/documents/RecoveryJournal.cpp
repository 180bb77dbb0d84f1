// SPDX-License-Identifier: MIT
#include "documents/RecoveryJournal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace studio {

RecoveryJournal::RecoveryJournal(QString directory) : m_directory(std::move(directory))
{
    if (m_directory.isEmpty())
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QString RecoveryJournal::fileFor(const QString &path) const
{
    const QByteArray hash = QCryptographicHash::hash(QDir::cleanPath(path).toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_directory + u'/' + QString::fromLatin1(hash) + QStringLiteral(".json");
}

bool RecoveryJournal::record(const QString &path, const QString &text)
{
    if (!QDir().mkpath(m_directory))
        return false;
    const QJsonObject entry{{QLatin1String("path"), QDir::cleanPath(path)},
                            {QLatin1String("text"), text},
                            {QLatin1String("recorded"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    QSaveFile file(fileFor(path));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(entry).toJson(QJsonDocument::Compact));
    return file.commit();
}

void RecoveryJournal::discard(const QString &path)
{
    QFile::remove(fileFor(path));
}

QList<RecoveryJournal::Entry> RecoveryJournal::entries() const
{
    QList<Entry> result;
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        if (o.isEmpty())
            continue;
        result << Entry{o.value(QLatin1String("path")).toString(), o.value(QLatin1String("text")).toString(),
                        QDateTime::fromString(o.value(QLatin1String("recorded")).toString(), Qt::ISODateWithMs)};
    }
    return result;
}

QList<RecoveryJournal::Entry> RecoveryJournal::entriesUnder(const QString &root) const
{
    QList<Entry> result;
    const QString prefix = QDir::cleanPath(root) + u'/';
    for (const Entry &e : entries()) {
        if (e.path.startsWith(prefix))
            result << e;
    }
    return result;
}

} // namespace studio
