// SPDX-License-Identifier: MIT
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace studio {

/// Highlighting for YAML, JSON and HCL without external syntax definitions: keys, strings,
/// numbers, booleans, comments, anchors and Helm/Go template actions.
class BuiltinHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Language { None, Yaml, Json, Hcl };

    BuiltinHighlighter(Language language, QTextDocument *document);
    static Language languageFor(const QString &fileName);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    QList<Rule> m_rules;
    QTextCharFormat m_comment;
    Language m_language;
};

} // namespace studio
