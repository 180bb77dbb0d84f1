// SPDX-License-Identifier: MIT
#include "spec/HclWriter.h"

#include <QRegularExpression>

namespace studio::cloud {

QString hclEscape(const QString &literal)
{
    QString out;
    out.reserve(literal.size() + 8);
    for (qsizetype i = 0; i < literal.size(); ++i) {
        const QChar c = literal[i];
        const bool opensSequence = i + 1 < literal.size() && literal[i + 1] == u'{';
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '"': out += QStringLiteral("\\\""); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '$': out += opensSequence ? QStringLiteral("$$") : QStringLiteral("$"); break;
        case '%': out += opensSequence ? QStringLiteral("%%") : QStringLiteral("%"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out;
}

QString hclQuoted(const QString &literal)
{
    return u'"' + hclEscape(literal) + u'"';
}

HclValue HclValue::string(const QString &text)
{
    return expression(hclQuoted(text));
}

HclValue HclValue::number(qint64 value)
{
    return expression(QString::number(value));
}

HclValue HclValue::boolean(bool value)
{
    return expression(value ? QStringLiteral("true") : QStringLiteral("false"));
}

HclValue HclValue::expression(const QString &code)
{
    HclValue v;
    v.m_code = code;
    return v;
}

HclValue HclValue::list(QList<HclValue> items)
{
    HclValue v;
    v.m_kind = Kind::List;
    v.m_items = std::move(items);
    return v;
}

HclValue HclValue::stringList(const QStringList &items)
{
    QList<HclValue> values;
    for (const QString &item : items)
        values.append(string(item));
    return list(values);
}

HclValue HclValue::object(QList<std::pair<QString, HclValue>> entries)
{
    HclValue v;
    v.m_kind = Kind::Object;
    v.m_entries = std::move(entries);
    return v;
}

HclValue HclValue::forObject(const QString &clause, HclValue body)
{
    HclValue v;
    v.m_kind = Kind::For;
    v.m_code = clause;
    v.m_items = {std::move(body)};
    return v;
}

bool HclValue::isMultiline() const
{
    switch (m_kind) {
    case Kind::Scalar: return m_code.contains(u'\n');
    case Kind::For: return true;
    case Kind::Object: return !m_entries.isEmpty();
    case Kind::List: break;
    }
    qsizetype width = 2;
    for (const HclValue &item : m_items) {
        if (item.isMultiline())
            return true;
        width += item.m_code.size() + 2;
    }
    return width > 100;
}

QString HclValue::render(int indent) const
{
    const QString inner(indent + 2, u' ');
    switch (m_kind) {
    case Kind::Scalar:
        return m_code;
    case Kind::Object:
        if (m_entries.isEmpty())
            return QStringLiteral("{}");
        return QStringLiteral("{\n") + renderAlignedAttributes(m_entries, indent + 2) + QString(indent, u' ') + u'}';
    case Kind::For:
        return QStringLiteral("{\n") + inner + m_code + u' ' + m_items.front().render(indent + 2) + u'\n'
             + QString(indent, u' ') + u'}';
    case Kind::List:
        break;
    }
    if (m_items.isEmpty())
        return QStringLiteral("[]");
    QStringList parts;
    if (!isMultiline()) {
        for (const HclValue &item : m_items)
            parts.append(item.render(indent));
        return u'[' + parts.join(QStringLiteral(", ")) + u']';
    }
    QString out = QStringLiteral("[\n");
    for (const HclValue &item : m_items)
        out += inner + item.render(indent + 2) + QStringLiteral(",\n");
    return out + QString(indent, u' ') + u']';
}

namespace {

QString attributeKey(const QString &name)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    return identifier.match(name).hasMatch() ? name : hclQuoted(name);
}

} // namespace

QString renderAlignedAttributes(const QList<std::pair<QString, HclValue>> &entries, int indent)
{
    // terraform fmt aligns "=" within runs of single-line attributes; a multi-line value ends the run.
    const QString pad(indent, u' ');
    QString out;
    qsizetype i = 0;
    while (i < entries.size()) {
        if (entries[i].second.isMultiline()) {
            out += pad + attributeKey(entries[i].first) + QStringLiteral(" = ") + entries[i].second.render(indent) + u'\n';
            ++i;
            continue;
        }
        qsizetype end = i;
        qsizetype width = 0;
        while (end < entries.size() && !entries[end].second.isMultiline()) {
            width = std::max(width, attributeKey(entries[end].first).size());
            ++end;
        }
        for (; i < end; ++i)
            out += pad + attributeKey(entries[i].first).leftJustified(width) + QStringLiteral(" = ")
                 + entries[i].second.render(indent) + u'\n';
    }
    return out;
}

struct HclBody::Item {
    enum class Kind { Attribute, Block, Blank, Comment } kind;
    QString name; ///< attribute name, block type or comment text
    QStringList labels;
    std::unique_ptr<HclValue> value;
    std::unique_ptr<HclBody> body;
};

HclBody::HclBody() = default;
HclBody::~HclBody() = default;
HclBody::HclBody(HclBody &&) noexcept = default;
HclBody &HclBody::operator=(HclBody &&) noexcept = default;

HclBody &HclBody::attribute(const QString &name, HclValue value)
{
    m_items.push_back(Item{Item::Kind::Attribute, name, {}, std::make_unique<HclValue>(std::move(value)), nullptr});
    return *this;
}

HclBody &HclBody::block(const QString &type, const QStringList &labels)
{
    m_items.push_back(Item{Item::Kind::Block, type, labels, nullptr, std::make_unique<HclBody>()});
    return *m_items.back().body;
}

HclBody &HclBody::blankLine()
{
    m_items.push_back(Item{Item::Kind::Blank, {}, {}, nullptr, nullptr});
    return *this;
}

HclBody &HclBody::comment(const QString &text)
{
    m_items.push_back(Item{Item::Kind::Comment, text, {}, nullptr, nullptr});
    return *this;
}

QString HclBody::render(int indent) const
{
    const QString pad(indent, u' ');
    QString out;
    QList<std::pair<QString, HclValue>> run;
    const auto flush = [&] {
        out += renderAlignedAttributes(run, indent);
        run.clear();
    };
    for (size_t i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items[i];
        if (item.kind == Item::Kind::Attribute) {
            run.append({item.name, *item.value});
            continue;
        }
        flush();
        // Top-level blocks (and the comments that introduce them) are separated by one blank line.
        const bool separates = item.kind == Item::Kind::Block || item.kind == Item::Kind::Comment;
        if (indent == 0 && separates && i > 0
            && (m_items[i - 1].kind == Item::Kind::Block || m_items[i - 1].kind == Item::Kind::Attribute))
            out += u'\n';
        switch (item.kind) {
        case Item::Kind::Blank:
            out += u'\n';
            break;
        case Item::Kind::Comment:
            out += pad + QStringLiteral("# ") + item.name + u'\n';
            break;
        case Item::Kind::Block: {
            QString header = pad + item.name;
            for (const QString &label : item.labels)
                header += u' ' + hclQuoted(label);
            if (item.body->isEmpty())
                out += header + QStringLiteral(" {}\n");
            else
                out += header + QStringLiteral(" {\n") + item.body->render(indent + 2) + pad + QStringLiteral("}\n");
            break;
        }
        case Item::Kind::Attribute:
            break;
        }
    }
    flush();
    return out;
}

} // namespace studio::cloud
