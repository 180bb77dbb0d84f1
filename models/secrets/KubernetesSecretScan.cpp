// SPDX-License-Identifier: MIT
#include "secrets/KubernetesSecretScan.h"

#include "secrets/SecretRules.h"
#include "secrets/SecretScanner.h"

#include <QRegularExpression>
#include <QStringList>

namespace studio {

namespace {

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == u' ')
        ++n;
    return n;
}

bool isBlankOrComment(const QString &line)
{
    const QString trimmed = line.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith(u'#');
}

QString unquoted(QString value)
{
    value = value.trimmed();
    if (const qsizetype hash = value.indexOf(QLatin1String(" #")); hash >= 0)
        value = value.left(hash).trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return value;
}

bool isPlainValue(const QString &value)
{
    return !value.isEmpty() && value != u"{}" && value != u"~" && value != u"null" && !value.contains(QLatin1String("{{"))
           && !SecretRules::isPlaceholder(value);
}

/// The keys of the `data`/`stringData` block that starts after line `header` and carry values.
void scanDataBlock(const QStringList &lines, int header, int documentEnd, const QString &path, SecretFindings &out)
{
    static const QRegularExpression entry(QStringLiteral("^( +)([^\\s:#][^:]*):(?:\\s+(.*))?$"));
    int childIndent = -1;
    for (int i = header + 1; i < documentEnd; ++i) {
        const QString &line = lines.at(i);
        if (isBlankOrComment(line))
            continue;
        const int indent = indentOf(line);
        if (indent == 0)
            return;
        const QRegularExpressionMatch m = entry.match(line);
        if (!m.hasMatch() || (childIndent >= 0 && indent != childIndent))
            continue;
        childIndent = indent;
        QString value = unquoted(m.captured(3));
        if (value == u"|" || value == u">" || value.startsWith(u'|') || value.startsWith(u'>')) {
            value.clear(); // a block scalar: its value is the more indented lines below
            for (int j = i + 1; j < documentEnd && (isBlankOrComment(lines.at(j)) || indentOf(lines.at(j)) > indent); ++j)
                value += lines.at(j).trimmed();
        }
        if (!isPlainValue(value) || line.contains(QLatin1String(SecretScanner::kAllowComment)))
            continue;
        const QString key = m.captured(2).trimmed();
        out.push_back({path, i + 1, indent + 1, QString::fromLatin1(SecretRules::kKubernetesSecretRule),
                       SecretRules::kubernetesSecretDescription(),
                       QStringLiteral("%1: ****").arg(key)});
    }
}

} // namespace

bool KubernetesSecretScan::applies(const QString &path, const QByteArray &lowerContent)
{
    const QString lowerPath = path.toLower();
    return (lowerPath.endsWith(QLatin1String(".yaml")) || lowerPath.endsWith(QLatin1String(".yml")))
           && lowerContent.contains("kind:") && lowerContent.contains("secret") && lowerContent.contains("data");
}

SecretFindings KubernetesSecretScan::findings(const QString &text, const QString &path)
{
    static const QRegularExpression kindSecret(QStringLiteral("^kind:\\s*[\"']?Secret[\"']?\\s*(?:#.*)?$"));
    static const QRegularExpression dataHeader(QStringLiteral("^(?:data|stringData):\\s*(.*)$"));
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    SecretFindings out;
    int documentStart = 0;
    while (documentStart < lines.size()) {
        int documentEnd = documentStart;
        while (documentEnd < lines.size() && !(documentEnd > documentStart && lines.at(documentEnd).startsWith(QLatin1String("---"))))
            ++documentEnd;
        bool isSecret = false;
        for (int i = documentStart; i < documentEnd && !isSecret; ++i)
            isSecret = kindSecret.match(lines.at(i)).hasMatch();
        for (int i = documentStart; isSecret && i < documentEnd; ++i) {
            const QRegularExpressionMatch header = dataHeader.match(lines.at(i));
            if (!header.hasMatch())
                continue;
            const QString inlineValue = unquoted(header.captured(1));
            if (inlineValue.startsWith(u'{') && inlineValue != u"{}" && !inlineValue.contains(QLatin1String("{{")))
                out.push_back({path, i + 1, 1, QString::fromLatin1(SecretRules::kKubernetesSecretRule),
                               SecretRules::kubernetesSecretDescription(), QStringLiteral("%1 ****").arg(lines.at(i).section(u':', 0, 0) + u':')});
            else
                scanDataBlock(lines, i, documentEnd, path, out);
        }
        documentStart = documentEnd;
    }
    return out;
}

} // namespace studio
