// SPDX-License-Identifier: MIT
#include "BuiltinHighlighter.h"

namespace studio {

namespace {

QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

BuiltinHighlighter::Language BuiltinHighlighter::languageFor(const QString &fileName)
{
    const QString lower = fileName.toLower();
    if (lower.endsWith(u".yaml") || lower.endsWith(u".yml") || lower.endsWith(u".tpl"))
        return Language::Yaml;
    if (lower.endsWith(u".json"))
        return Language::Json;
    if (lower.endsWith(u".tf") || lower.endsWith(u".tfvars") || lower.endsWith(u".hcl"))
        return Language::Hcl;
    return Language::None;
}

BuiltinHighlighter::BuiltinHighlighter(Language language, QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_comment(makeFormat(QColor(0x6a, 0x73, 0x7d), false, true))
    , m_language(language)
{
    const QTextCharFormat key = makeFormat(QColor(0x00, 0x5c, 0xc5), true);
    const QTextCharFormat string = makeFormat(QColor(0x03, 0x2f, 0x62));
    const QTextCharFormat number = makeFormat(QColor(0x00, 0x5c, 0x5c));
    const QTextCharFormat keyword = makeFormat(QColor(0xd7, 0x3a, 0x49), true);
    const QTextCharFormat special = makeFormat(QColor(0x6f, 0x42, 0xc1));

    switch (language) {
    case Language::Yaml:
        m_rules << Rule{QRegularExpression(QStringLiteral("^\\s*(?:-\\s+)?([^\\s#'\"][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)")), key, 1}
                << Rule{QRegularExpression(QStringLiteral(":\\s+(-?\\d+(\\.\\d+)?)\\s*(#.*)?$")), number, 1}
                << Rule{QRegularExpression(QStringLiteral("\\b(true|false|null|True|False|NULL|~)\\b")), keyword, 0}
                << Rule{QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'")), string, 0}
                << Rule{QRegularExpression(QStringLiteral("[&*][A-Za-z0-9_-]+|^---|^\\.\\.\\.|!![a-z]+")), special, 0}
                << Rule{QRegularExpression(QStringLiteral("\\{\\{.*?\\}\\}")), special, 0};
        break;
    case Language::Json:
        m_rules << Rule{QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"")), string, 0}
                << Rule{QRegularExpression(QStringLiteral("(\"(?:[^\"\\\\]|\\\\.)*\")\\s*:")), key, 1}
                << Rule{QRegularExpression(QStringLiteral("\\b-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?\\b")), number, 0}
                << Rule{QRegularExpression(QStringLiteral("\\b(true|false|null)\\b")), keyword, 0};
        break;
    case Language::Hcl:
        m_rules << Rule{QRegularExpression(QStringLiteral("^\\s*(resource|data|module|variable|output|provider|terraform|locals)\\b")), keyword, 1}
                << Rule{QRegularExpression(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*=")), key, 1}
                << Rule{QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"")), string, 0}
                << Rule{QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?\\b")), number, 0}
                << Rule{QRegularExpression(QStringLiteral("\\b(true|false|null)\\b")), keyword, 0};
        break;
    case Language::None:
        break;
    }
}

void BuiltinHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            if (match.capturedStart(rule.group) >= 0)
                setFormat(int(match.capturedStart(rule.group)), int(match.capturedLength(rule.group)), rule.format);
        }
    }
    // Comments last: '#' at line start or after a blank, outside quotes (YAML/HCL); '//' for HCL.
    if (m_language == Language::Json)
        return;
    bool inSingle = false;
    bool inDouble = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"' && !inSingle && (i == 0 || text.at(i - 1) != u'\\'))
            inDouble = !inDouble;
        else if (c == u'\'' && !inDouble)
            inSingle = !inSingle;
        else if (!inSingle && !inDouble
                 && ((c == u'#' && (i == 0 || text.at(i - 1).isSpace()))
                     || (m_language == Language::Hcl && c == u'/' && i + 1 < text.size() && text.at(i + 1) == u'/'))) {
            setFormat(i, int(text.size()) - i, m_comment);
            return;
        }
    }
}

} // namespace studio
