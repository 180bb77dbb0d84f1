// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace studio::cloud {

/// Writes an answers struct as a commented YAML answers file (the visitor twin of
/// AnswersYamlReader): every field with its help text, strings double-quoted and escaped.
class AnswersYamlWriter
{
public:
    explicit AnswersYamlWriter(int indent = 0, bool comments = true);

    void text(const char *key, const QString &value, const char *help);
    void number(const char *key, int value, const char *help);
    void flag(const char *key, bool value, const char *help);
    void texts(const char *key, const QStringList &values, const char *help);

    template<typename T>
    void section(const char *key, T &value, const char *help)
    {
        comment(help);
        m_text += indentation() + QString::fromLatin1(key) + QStringLiteral(":\n");
        AnswersYamlWriter inner(m_indent + 2, m_comments);
        value.describe(inner);
        m_text += inner.yaml();
    }

    template<typename T>
    void list(const char *key, QList<T> &values, const char *help)
    {
        comment(help);
        m_text += indentation() + QString::fromLatin1(key) + (values.isEmpty() ? QStringLiteral(": []\n") : QStringLiteral(":\n"));
        for (T &entry : values) {
            AnswersYamlWriter inner(m_indent + 4, false);
            entry.describe(inner);
            QString itemText = inner.yaml();
            itemText.replace(0, m_indent + 4, indentation() + QStringLiteral("  - "));
            m_text += itemText;
        }
    }

    void comment(const char *help);
    const QString &yaml() const { return m_text; }

    /// A YAML double-quoted scalar for any text.
    static QString quoted(const QString &value);

private:
    QString indentation() const { return QString(m_indent, u' '); }
    void line(const char *key, const QString &value, const char *help);

    int m_indent;
    bool m_comments;
    QString m_text;
};

} // namespace studio::cloud
