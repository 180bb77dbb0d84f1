// SPDX-License-Identifier: MIT
#include "spec/AnswersYamlWriter.h"

namespace studio::cloud {

AnswersYamlWriter::AnswersYamlWriter(int indent, bool comments) : m_indent(indent), m_comments(comments) {}

QString AnswersYamlWriter::quoted(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

void AnswersYamlWriter::comment(const char *help)
{
    if (m_comments && help && *help)
        m_text += indentation() + QStringLiteral("# ") + QString::fromUtf8(help) + u'\n';
}

void AnswersYamlWriter::line(const char *key, const QString &value, const char *help)
{
    comment(help);
    m_text += indentation() + QString::fromLatin1(key) + QStringLiteral(": ") + value + u'\n';
}

void AnswersYamlWriter::text(const char *key, const QString &value, const char *help)
{
    line(key, quoted(value), help);
}

void AnswersYamlWriter::number(const char *key, int value, const char *help)
{
    line(key, QString::number(value), help);
}

void AnswersYamlWriter::flag(const char *key, bool value, const char *help)
{
    line(key, value ? QStringLiteral("true") : QStringLiteral("false"), help);
}

void AnswersYamlWriter::texts(const char *key, const QStringList &values, const char *help)
{
    QStringList items;
    for (const QString &v : values)
        items.append(quoted(v));
    line(key, u'[' + items.join(QStringLiteral(", ")) + u']', help);
}

} // namespace studio::cloud
