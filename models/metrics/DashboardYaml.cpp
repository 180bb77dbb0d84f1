// SPDX-License-Identifier: MIT
#include "metrics/DashboardYaml.h"

#include "yaml/YamlDocument.h"
#include "yaml/YamlSettingsReader.h"

#include <algorithm>

namespace studio::DashboardYaml {

namespace {

using yaml::YamlNode;

class Reader : public yaml::YamlSettingsReader
{
public:
    explicit Reader(Dashboard &dashboard)
        : YamlSettingsReader(dashboard.file, QStringLiteral("dashboard"), dashboard.diagnostics)
        , m_dashboard(dashboard)
    {
    }

    PanelQuery query(const YamlNode *node)
    {
        PanelQuery q;
        q.expr = text(node->value(u"expr"), QStringLiteral("expr")).trimmed();
        q.legend = text(node->value(u"legend"), QStringLiteral("legend"));
        if (q.expr.isEmpty())
            report(node, Severity::Error, QStringLiteral("a query has no 'expr'; add the PromQL expression"));
        return q;
    }

    void grid(const YamlNode *node, DashboardPanel &panel)
    {
        if (!node)
            return;
        if (!node->isMapping()) {
            report(node, Severity::Error, QStringLiteral("'grid' must be a mapping like {x: 0, y: 0, w: 12, h: 8}"));
            return;
        }
        checkKeys(node, {u"x", u"y", u"w", u"h"}, QStringLiteral("a grid position"));
        panel.x = integer(node->value(u"x"), QStringLiteral("x"), panel.x, 0, Dashboard::kColumns - 1);
        panel.y = integer(node->value(u"y"), QStringLiteral("y"), panel.y, 0, 1000);
        panel.w = integer(node->value(u"w"), QStringLiteral("w"), panel.w, 1, Dashboard::kColumns);
        panel.h = integer(node->value(u"h"), QStringLiteral("h"), panel.h, 1, 100);
        if (panel.x + panel.w > Dashboard::kColumns) {
            report(node, Severity::Warning,
                   QStringLiteral("the panel is wider than the 24 grid columns (x + w = %1); it is cut at the edge")
                       .arg(panel.x + panel.w));
            panel.w = Dashboard::kColumns - panel.x;
        }
    }

    DashboardPanel panel(const YamlNode *node)
    {
        DashboardPanel panel;
        checkKeys(node, {u"title", u"type", u"unit", u"grid", u"queries", u"expr", u"legend"}, QStringLiteral("a panel"));
        panel.title = text(node->value(u"title"), QStringLiteral("title"));
        const QString type = text(node->value(u"type"), QStringLiteral("type"));
        if (type == u"stat")
            panel.type = DashboardPanel::Type::Stat;
        else if (!type.isEmpty() && type != u"timeseries")
            report(node->value(u"type"), Severity::Error,
                   QStringLiteral("unknown panel type '%1'; use timeseries or stat").arg(type));
        if (const YamlNode *unit = node->value(u"unit")) {
            bool known = false;
            panel.unit = MetricUnits::fromName(text(unit, QStringLiteral("unit")), &known);
            if (!known)
                report(unit, Severity::Warning,
                       QStringLiteral("unknown unit '%1'; use none, bytes, seconds, ms, percent, ratio or req/s")
                           .arg(unit->scalar()));
        }
        grid(node->value(u"grid"), panel);
        if (const YamlNode *queries = node->value(u"queries")) {
            if (!queries->isSequence()) {
                report(queries, Severity::Error, QStringLiteral("'queries' must be a list of {expr, legend}"));
            } else {
                for (const YamlNode *item : queries->resolved()->items) {
                    if (item->isMapping())
                        panel.queries << query(item);
                    else
                        report(item, Severity::Error, QStringLiteral("each query must be a mapping with 'expr'"));
                }
            }
        } else if (node->value(u"expr")) {
            panel.queries << query(node);
        }
        if (panel.queries.isEmpty())
            report(node, Severity::Error,
                   QStringLiteral("panel '%1' has no query; add 'expr:' or 'queries:'").arg(panel.title));
        return panel;
    }

    void read(const YamlNode *root)
    {
        if (!root->isMapping()) {
            report(root, Severity::Error, QStringLiteral("a dashboard must be a mapping with 'title' and 'panels'"));
            return;
        }
        checkKeys(root, {u"title", u"panels"}, QStringLiteral("the dashboard"));
        m_dashboard.title = text(root->value(u"title"), QStringLiteral("title"));
        const YamlNode *panels = root->value(u"panels");
        if (!panels || !panels->isSequence()) {
            report(panels ? panels : root, Severity::Error, QStringLiteral("'panels' must be a list of panels"));
            return;
        }
        for (const YamlNode *item : panels->resolved()->items) {
            if (!item->isMapping()) {
                report(item, Severity::Error, QStringLiteral("each panel must be a mapping with 'title' and 'expr'"));
                continue;
            }
            m_dashboard.panels << panel(item);
        }
    }

private:
    Dashboard &m_dashboard;
};

} // namespace

Dashboard parse(const QString &text, const QString &file)
{
    Dashboard dashboard;
    dashboard.file = file;
    const yaml::YamlDocument document = yaml::YamlDocument::parse(text);
    for (Diagnostic d : document.diagnostics()) {
        d.file = file;
        dashboard.diagnostics << d;
    }
    if (document.documents().empty()) {
        if (dashboard.diagnostics.isEmpty())
            dashboard.diagnostics << Diagnostic{file, 1, 1, 0, 0, Severity::Error, QStringLiteral("dashboard"), {},
                                                QStringLiteral("the dashboard file is empty"), {}};
        return dashboard;
    }
    Reader(dashboard).read(document.documents().front());
    if (dashboard.title.isEmpty())
        dashboard.title = file.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0);
    return dashboard;
}

} // namespace studio::DashboardYaml
