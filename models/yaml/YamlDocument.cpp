// SPDX-License-Identifier: MIT
#include "yaml/YamlDocument.h"

#include "yaml/YamlParser_p.h"


namespace studio::yaml {

struct YamlDocument::Data {
    QString source;
    NodeArena arena;
    std::vector<const YamlNode *> documents;
    Diagnostics diagnostics;
    bool hasAliases = false;
};

YamlDocument::YamlDocument() : m_data(std::make_shared<Data>()) {}

YamlDocument YamlDocument::parse(const QString &source, const ParseLimits &limits)
{
    auto data = std::make_shared<Data>();
    data->source = source;
    if (source.size() > limits.maxSourceSize) {
        Diagnostic d;
        d.line = 1;
        d.column = 1;
        d.rule = QStringLiteral("yaml-too-large");
        d.message = QStringLiteral("the file is too large to check (%1 MB, the limit is %2 MB); split it into "
                                   "smaller files")
                        .arg(double(source.size()) / (1024 * 1024), 0, 'f', 1)
                        .arg(limits.maxSourceSize / (1024 * 1024));
        data->diagnostics.append(d);
    } else {
        YamlParser parser(data->source, data->arena, data->diagnostics, limits);
        parser.parseStream(data->documents);
        data->hasAliases = parser.sawAlias();
    }
    YamlDocument document;
    document.m_data = std::move(data);
    return document;
}

const QString &YamlDocument::source() const { return m_data->source; }
const std::vector<const YamlNode *> &YamlDocument::documents() const { return m_data->documents; }
const Diagnostics &YamlDocument::diagnostics() const { return m_data->diagnostics; }

bool YamlDocument::hasErrors() const
{
    for (const Diagnostic &d : m_data->diagnostics) {
        if (d.severity == Severity::Error)
            return true;
    }
    return false;
}

bool YamlDocument::hasAliases() const
{
    return m_data->hasAliases;
}

QStringView YamlDocument::lineText(int line) const
{
    const QString &s = m_data->source;
    qsizetype start = 0;
    for (int current = 1; current < line; ++current) {
        start = s.indexOf(u'\n', start);
        if (start < 0)
            return {};
        ++start;
    }
    qsizetype end = s.indexOf(u'\n', start);
    if (end < 0)
        end = s.size();
    if (end > start && s[end - 1] == u'\r')
        --end;
    return QStringView(s).mid(start, end - start);
}

} // namespace studio::yaml
