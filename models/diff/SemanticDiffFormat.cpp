// SPDX-License-Identifier: MIT
// SemanticDiff's output: the dyff-like text report and the stable JSON form (see README, `diff`).
#include "diff/SemanticDiff.h"

#include <QJsonArray>

namespace studio {

namespace {

QString locationText(const SourceLocation &loc)
{
    if (loc.line <= 0)
        return loc.file;
    return QStringLiteral("%1:%2:%3").arg(loc.file).arg(loc.line).arg(loc.column);
}

QString sideText(const SourceLocation &loc)
{
    if (loc.present)
        return locationText(loc);
    if (loc.file.isEmpty())
        return QStringLiteral("(absent)");
    if (loc.line <= 0)
        return QStringLiteral("(not in %1)").arg(loc.file);
    return QStringLiteral("(absent; parent at %1)").arg(locationText(loc));
}

/// "    - " + the first line, "      " + the others.
void appendBlock(QString &out, const QString &marker, const QString &value)
{
    const QStringList lines = value.split(u'\n');
    constexpr qsizetype kMaxLines = 40;
    for (qsizetype i = 0; i < lines.size() && i < kMaxLines; ++i)
        out += (i == 0 ? QStringLiteral("    ") + marker + u' ' : QStringLiteral("      ")) + lines.at(i) + u'\n';
    if (lines.size() > kMaxLines)
        out += QStringLiteral("      … (%1 more lines)\n").arg(lines.size() - kMaxLines);
}

/// Whether a value fits on the change's own line: scalars and empty collections do; other collections are
/// shown as blocks even when short, so "key: value" is never mistaken for a scalar.
bool isInline(const QString &value, const QString &type)
{
    if (value.contains(u'\n'))
        return false;
    return (type != u"mapping" && type != u"list") || value == u"{}" || value == u"[]";
}

} // namespace

QString SemanticDiff::toText(const QList<SemanticChange> &changes)
{
    QString out;
    for (const SemanticChange &c : changes) {
        if (!out.isEmpty())
            out += u'\n';
        // Only whole documents are added or removed at the root; everything else has a path.
        const bool wholeDocument =
            c.path.isEmpty() && (c.kind == SemanticChange::Kind::Added || c.kind == SemanticChange::Kind::Removed);
        out += c.path.isEmpty() ? QStringLiteral("(root)") : c.path;
        if (!c.document.isEmpty())
            out += QStringLiteral("  (%1)").arg(c.document);
        out += u'\n';
        const QStringList &machine = c.kind == SemanticChange::Kind::Added ? c.toPath : c.fromPath;
        const QString what = wholeDocument ? QStringLiteral("document")
            : (!machine.isEmpty() && machine.back().startsWith(u'[')) ? QStringLiteral("list entry")
                                                                      : QStringLiteral("map entry");
        switch (c.kind) {
        case SemanticChange::Kind::Changed:
        case SemanticChange::Kind::TypeChanged: {
            const QString title = c.kind == SemanticChange::Kind::Changed
                ? QStringLiteral("± value change")
                : QStringLiteral("± type change from %1 to %2").arg(c.oldType, c.newType);
            if (c.masked) {
                out += QStringLiteral("  %1: (secret value changed)\n").arg(title);
            } else if (isInline(c.oldValue, c.oldType) && isInline(c.newValue, c.newType)) {
                out += QStringLiteral("  %1: %2 → %3\n").arg(title, c.oldValue, c.newValue);
            } else {
                out += QStringLiteral("  %1\n").arg(title);
                appendBlock(out, QStringLiteral("-"), c.oldValue);
                appendBlock(out, QStringLiteral("+"), c.newValue);
            }
            break;
        }
        case SemanticChange::Kind::Added:
        case SemanticChange::Kind::Removed: {
            const bool added = c.kind == SemanticChange::Kind::Added;
            const QString title = QStringLiteral("%1 one %2 %3").arg(added ? QStringLiteral("+") : QStringLiteral("-"), what,
                                                                  added ? QStringLiteral("added") : QStringLiteral("removed"));
            const QString &value = added ? c.newValue : c.oldValue;
            if ((c.masked || isInline(value, added ? c.newType : c.oldType)) && !wholeDocument) {
                out += QStringLiteral("  %1: %2\n").arg(title, value);
            } else {
                out += QStringLiteral("  %1:\n").arg(title);
                for (const QString &line : value.split(u'\n').mid(0, 40))
                    out += QStringLiteral("      ") + line + u'\n';
                if (value.count(u'\n') >= 40)
                    out += QStringLiteral("      … (%1 more lines)\n").arg(value.count(u'\n') + 1 - 40);
            }
            break;
        }
        case SemanticChange::Kind::OrderChanged: {
            const QString oldLine = QString(c.oldValue).replace(u'\n', QStringLiteral(", "));
            const QString newLine = QString(c.newValue).replace(u'\n', QStringLiteral(", "));
            if (c.masked) {
                out += QStringLiteral("  ⇆ order changed: (secret values)\n");
            } else if (oldLine.size() + newLine.size() <= 100) {
                out += QStringLiteral("  ⇆ order changed: %1 → %2\n").arg(oldLine, newLine);
            } else {
                out += QStringLiteral("  ⇆ order changed\n");
                appendBlock(out, QStringLiteral("-"), c.oldValue);
                appendBlock(out, QStringLiteral("+"), c.newValue);
            }
            break;
        }
        }
        out += QStringLiteral("    from %1\n    to   %2\n").arg(sideText(c.from), sideText(c.to));
    }
    return out;
}

QJsonObject SemanticDiff::toJson(const SemanticChange &c)
{
    auto location = [](const SourceLocation &loc) {
        return QJsonObject{{QLatin1String("file"), loc.file},
                           {QLatin1String("line"), loc.line},
                           {QLatin1String("column"), loc.column},
                           {QLatin1String("present"), loc.present}};
    };
    auto path = [](const QStringList &segments, bool present) {
        return present ? QJsonValue(QJsonArray::fromStringList(segments)) : QJsonValue(QJsonValue::Null);
    };
    auto type = [](const QString &t) { return t.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t); };
    return QJsonObject{
        {QLatin1String("kind"), SemanticChange::kindName(c.kind)},
        {QLatin1String("document"), c.document},
        {QLatin1String("path"), c.path},
        {QLatin1String("fromPath"), path(c.fromPath, c.from.present && c.from.line > 0)},
        {QLatin1String("toPath"), path(c.toPath, c.to.present && c.to.line > 0)},
        {QLatin1String("fromDocument"), c.fromDocument < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(c.fromDocument)},
        {QLatin1String("toDocument"), c.toDocument < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(c.toDocument)},
        {QLatin1String("from"), location(c.from)},
        {QLatin1String("to"), location(c.to)},
        {QLatin1String("old"), c.oldJson},
        {QLatin1String("new"), c.newJson},
        {QLatin1String("oldType"), type(c.oldType)},
        {QLatin1String("newType"), type(c.newType)},
        {QLatin1String("masked"), c.masked},
    };
}

QJsonObject SemanticDiff::toJson(const QList<SemanticChange> &changes)
{
    QJsonArray list;
    int counts[5] = {0, 0, 0, 0, 0};
    for (const SemanticChange &c : changes) {
        list.append(toJson(c));
        ++counts[int(c.kind)];
    }
    return QJsonObject{
        {QLatin1String("changes"), list},
        {QLatin1String("summary"),
         QJsonObject{{QLatin1String("added"), counts[int(SemanticChange::Kind::Added)]},
                     {QLatin1String("removed"), counts[int(SemanticChange::Kind::Removed)]},
                     {QLatin1String("changed"), counts[int(SemanticChange::Kind::Changed)]},
                     {QLatin1String("typeChanged"), counts[int(SemanticChange::Kind::TypeChanged)]},
                     {QLatin1String("orderChanged"), counts[int(SemanticChange::Kind::OrderChanged)]},
                     {QLatin1String("total"), int(changes.size())}}},
    };
}

} // namespace studio
