// SPDX-License-Identifier: MIT
#include "yaml/YamlNode.h"

namespace studio::yaml {

namespace {

bool isDecimalInt(QStringView s)
{
    qsizetype i = 0;
    if (i < s.size() && (s[i] == u'-' || s[i] == u'+'))
        ++i;
    if (i == s.size())
        return false;
    for (; i < s.size(); ++i) {
        if (!s[i].isDigit() || s[i].unicode() > 127)
            return false;
    }
    return true;
}

bool isPrefixedInt(QStringView s, QStringView prefix, bool (*digit)(char16_t))
{
    if (!s.startsWith(prefix) || s.size() == prefix.size())
        return false;
    for (qsizetype i = prefix.size(); i < s.size(); ++i) {
        if (!digit(s[i].unicode()))
            return false;
    }
    return true;
}

bool isFloat(QStringView s)
{
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    qsizetype i = 0;
    const qsizetype n = s.size();
    auto digits = [&] {
        const qsizetype from = i;
        while (i < n && s[i].unicode() >= u'0' && s[i].unicode() <= u'9')
            ++i;
        return i - from;
    };
    if (i < n && (s[i] == u'-' || s[i] == u'+'))
        ++i;
    qsizetype mantissa = digits();
    if (i < n && s[i] == u'.') {
        ++i;
        mantissa += digits();
    }
    if (mantissa == 0)
        return false;
    if (i < n && (s[i] == u'e' || s[i] == u'E')) {
        ++i;
        if (i < n && (s[i] == u'-' || s[i] == u'+'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == n;
}

} // namespace

ScalarType resolvePlainScalar(QStringView s)
{
    if (s.isEmpty())
        return ScalarType::Null;
    const char16_t c = s[0].unicode();
    // Fast exit for the common case: ordinary words.
    if (!(c == u'~' || c == u'n' || c == u'N' || c == u't' || c == u'T' || c == u'f' || c == u'F' || c == u'.'
          || c == u'-' || c == u'+' || (c >= u'0' && c <= u'9')))
        return ScalarType::String;
    if (s == u"~" || s == u"null" || s == u"Null" || s == u"NULL")
        return ScalarType::Null;
    if (s == u"true" || s == u"True" || s == u"TRUE" || s == u"false" || s == u"False" || s == u"FALSE")
        return ScalarType::Bool;
    if (isDecimalInt(s))
        return ScalarType::Int;
    if (isPrefixedInt(s, u"0o", [](char16_t d) { return d >= u'0' && d <= u'7'; })
        || isPrefixedInt(s, u"0x", [](char16_t d) {
               return (d >= u'0' && d <= u'9') || (d >= u'a' && d <= u'f') || (d >= u'A' && d <= u'F');
           }))
        return ScalarType::Int;
    if (isFloat(s))
        return ScalarType::Float;
    static constexpr QStringView specials[] = {u".inf", u".Inf", u".INF", u"-.inf", u"-.Inf", u"-.INF",
                                               u"+.inf", u"+.Inf", u"+.INF", u".nan", u".NaN", u".NAN"};
    for (QStringView special : specials) {
        if (s == special)
            return ScalarType::Float;
    }
    return ScalarType::String;
}

const YamlNode *YamlNode::resolved() const
{
    const YamlNode *node = this;
    // Aliases can only point backwards at complete nodes, so this chain always ends.
    while (node->kind == NodeKind::Alias && node->target)
        node = node->target;
    return node;
}

ScalarType YamlNode::scalarType() const
{
    const YamlNode *node = resolved();
    if (node->kind != NodeKind::Scalar)
        return ScalarType::String;
    if (!node->tag.isEmpty()) {
        if (node->tag == u"!!str" || node->tag == u"tag:yaml.org,2002:str")
            return ScalarType::String;
        if (node->tag == u"!!int")
            return ScalarType::Int;
        if (node->tag == u"!!float")
            return ScalarType::Float;
        if (node->tag == u"!!bool")
            return ScalarType::Bool;
        if (node->tag == u"!!null")
            return ScalarType::Null;
        if (node->tag != u"!")
            return ScalarType::String;
    }
    if (node->style != ScalarStyle::Plain)
        return ScalarType::String;
    return resolvePlainScalar(node->text);
}

const QString &YamlNode::scalar() const
{
    static const QString empty;
    const YamlNode *node = resolved();
    return node->kind == NodeKind::Scalar ? node->text : empty;
}

bool YamlNode::isMergeKey(const YamlNode *key)
{
    return key && key->kind == NodeKind::Scalar && key->style == ScalarStyle::Plain && key->text == u"<<";
}

const YamlPair *YamlNode::pair(QStringView key) const
{
    const YamlNode *node = resolved();
    for (const YamlPair &p : node->pairs) {
        if (p.key->isScalar() && p.key->scalar() == key && !isMergeKey(p.key))
            return &p;
    }
    return nullptr;
}

const YamlNode *YamlNode::value(QStringView key) const
{
    const YamlNode *node = resolved();
    if (node->kind != NodeKind::Mapping)
        return nullptr;
    if (const YamlPair *p = node->pair(key))
        return p->value;
    for (const YamlPair &p : node->pairs) {
        if (!isMergeKey(p.key))
            continue;
        const YamlNode *source = p.value->resolved();
        if (source->kind == NodeKind::Mapping) {
            if (const YamlNode *v = source->value(key))
                return v;
        } else if (source->kind == NodeKind::Sequence) {
            for (const YamlNode *item : source->items) {
                if (const YamlNode *v = item->value(key))
                    return v;
            }
        }
    }
    return nullptr;
}

std::vector<YamlPair> YamlNode::effectivePairs() const
{
    const YamlNode *node = resolved();
    std::vector<YamlPair> result;
    bool hasMerge = false;
    for (const YamlPair &p : node->pairs) {
        if (isMergeKey(p.key))
            hasMerge = true;
        else
            result.push_back(p);
    }
    if (!hasMerge)
        return result;

    auto contains = [&result](const YamlNode *key) {
        for (const YamlPair &p : result) {
            if (p.key->isScalar() && key->isScalar() && p.key->scalar() == key->scalar())
                return true;
        }
        return false;
    };
    auto mergeFrom = [&](const YamlNode *source) {
        if (source->resolved()->kind != NodeKind::Mapping)
            return;
        for (const YamlPair &p : source->effectivePairs()) {
            if (!contains(p.key))
                result.push_back(p);
        }
    };
    for (const YamlPair &p : node->pairs) {
        if (!isMergeKey(p.key))
            continue;
        const YamlNode *source = p.value->resolved();
        if (source->kind == NodeKind::Sequence) {
            for (const YamlNode *item : source->items)
                mergeFrom(item);
        } else {
            mergeFrom(source);
        }
    }
    return result;
}

} // namespace studio::yaml
