// SPDX-License-Identifier: MIT
#include "metrics/GrafanaDashboard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>

namespace studio::GrafanaDashboard {

namespace {

class Importer
{
public:
    explicit Importer(Dashboard &dashboard) : m_dashboard(dashboard) {}

    void report(Severity severity, const QString &message)
    {
        Diagnostic d;
        d.file = m_dashboard.file;
        d.severity = severity;
        d.rule = QStringLiteral("grafana-import");
        d.message = message;
        m_dashboard.diagnostics << d;
    }

    void panels(const QJsonArray &list)
    {
        for (const QJsonValue &value : list) {
            const QJsonObject p = value.toObject();
            const QString type = p.value(QLatin1String("type")).toString();
            if (type == u"row") {
                // A collapsed row keeps its panels inside; an open row has them at the top level.
                panels(p.value(QLatin1String("panels")).toArray());
                continue;
            }
            if (type != u"timeseries" && type != u"graph" && type != u"stat") {
                report(Severity::Warning, QStringLiteral("panel '%1' is a '%2' panel, which is not imported; "
                                                         "only timeseries and stat panels are")
                                              .arg(p.value(QLatin1String("title")).toString(), type));
                continue;
            }
            m_dashboard.panels << panel(p, type);
        }
    }

private:
    DashboardPanel panel(const QJsonObject &p, const QString &type)
    {
        DashboardPanel panel;
        panel.title = p.value(QLatin1String("title")).toString();
        panel.type = type == u"stat" ? DashboardPanel::Type::Stat : DashboardPanel::Type::TimeSeries;
        const QJsonObject grid = p.value(QLatin1String("gridPos")).toObject();
        panel.x = std::clamp(grid.value(QLatin1String("x")).toInt(0), 0, Dashboard::kColumns - 1);
        panel.y = std::max(grid.value(QLatin1String("y")).toInt(0), 0);
        panel.w = std::clamp(grid.value(QLatin1String("w")).toInt(12), 1, Dashboard::kColumns - panel.x);
        panel.h = std::max(grid.value(QLatin1String("h")).toInt(8), 1);

        const QString unit = p.value(QLatin1String("fieldConfig")).toObject().value(QLatin1String("defaults")).toObject()
                                 .value(QLatin1String("unit")).toString();
        bool known = false;
        panel.unit = MetricUnits::fromName(unit, &known);
        if (!known)
            report(Severity::Warning, QStringLiteral("panel '%1' uses the unit '%2', which is not supported; its values "
                                                     "are shown as plain numbers")
                                          .arg(panel.title, unit));

        for (const QJsonValue &t : p.value(QLatin1String("targets")).toArray()) {
            const QJsonObject target = t.toObject();
            if (target.value(QLatin1String("hide")).toBool())
                continue;
            const QString expr = target.value(QLatin1String("expr")).toString().trimmed();
            if (expr.isEmpty())
                continue;
            panel.queries << PanelQuery{expr, target.value(QLatin1String("legendFormat")).toString()};
        }
        if (panel.queries.isEmpty())
            report(Severity::Warning, QStringLiteral("panel '%1' has no Prometheus query ('expr') and stays empty")
                                          .arg(panel.title));
        return panel;
    }

    Dashboard &m_dashboard;
};

} // namespace

Dashboard import(const QByteArray &json, const QString &file)
{
    Dashboard dashboard;
    dashboard.file = file;
    Importer importer(dashboard);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        // Report the line and column of the offset, as an editor shows them.
        const QByteArray before = json.left(error.offset);
        Diagnostic d;
        d.file = file;
        d.line = int(before.count('\n')) + 1;
        d.column = int(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        d.rule = QStringLiteral("grafana-import");
        d.message = QStringLiteral("not valid JSON: %1").arg(error.errorString());
        dashboard.diagnostics << d;
        return dashboard;
    }
    QJsonObject root = document.object();
    if (root.contains(QLatin1String("dashboard")) && root.value(QLatin1String("dashboard")).isObject())
        root = root.value(QLatin1String("dashboard")).toObject();
    if (!root.contains(QLatin1String("panels"))) {
        importer.report(Severity::Error, QStringLiteral("this is not a Grafana dashboard: it has no 'panels'"));
        return dashboard;
    }
    dashboard.title = root.value(QLatin1String("title")).toString();
    // Each variable's current value stands in for it; a data source variable means nothing to a PromQL query.
    for (const QJsonValue &v : root.value(QLatin1String("templating")).toObject().value(QLatin1String("list")).toArray()) {
        const QJsonObject variable = v.toObject();
        const QJsonValue current = variable.value(QLatin1String("current")).toObject().value(QLatin1String("value"));
        const QString name = variable.value(QLatin1String("name")).toString();
        if (variable.value(QLatin1String("type")).toString() == u"datasource" || name.isEmpty() || !current.isString())
            continue;
        dashboard.variables.insert(name, current.toString());
    }
    importer.panels(root.value(QLatin1String("panels")).toArray());
    return dashboard;
}

} // namespace studio::GrafanaDashboard
