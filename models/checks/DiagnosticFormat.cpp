// SPDX-License-Identifier: MIT
#include "checks/DiagnosticFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QUrl>

namespace studio {

namespace {

struct Counts {
    int errors = 0;
    int warnings = 0;
    int notes = 0;
};

Counts count(const Diagnostics &diagnostics)
{
    Counts c;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Error)
            ++c.errors;
        else if (d.severity == Severity::Warning)
            ++c.warnings;
        else
            ++c.notes;
    }
    return c;
}

QString ruleDescription(const QString &rule)
{
    static const QMap<QString, QString> descriptions{
        {QStringLiteral("yaml-syntax"), QStringLiteral("The file is not valid YAML.")},
        {QStringLiteral("yaml-tab"), QStringLiteral("Tabs are used for indentation.")},
        {QStringLiteral("yaml-duplicate-key"), QStringLiteral("A mapping defines the same key twice.")},
        {QStringLiteral("yaml-too-deep"), QStringLiteral("The YAML nests too deeply to check.")},
        {QStringLiteral("yaml-too-large"), QStringLiteral("The file is too large to check.")},
        {QStringLiteral("yaml-merge"), QStringLiteral("A merge key does not refer to a mapping.")},
        {QStringLiteral("yaml-aliases"), QStringLiteral("Aliases expand to too much data.")},
        {QStringLiteral("schema"), QStringLiteral("A Kubernetes manifest does not match its schema.")},
        {QStringLiteral("schema-missing"), QStringLiteral("No schema was found for a manifest's kind.")},
        {QStringLiteral("schema-invalid"), QStringLiteral("A schema file cannot be used.")},
        {QStringLiteral("values-schema"), QStringLiteral("Helm values do not match the chart's values.schema.json.")},
        {QStringLiteral("values-not-a-mapping"), QStringLiteral("A Helm values file is not a mapping.")},
        {QStringLiteral("latest-tag"), QStringLiteral("An image uses the 'latest' tag or no tag.")},
        {QStringLiteral("manifest-shape"), QStringLiteral("A document is not a well-formed manifest.")},
        {QStringLiteral("file-unreadable"), QStringLiteral("A file cannot be read as text.")},
        {QStringLiteral("studio-config"), QStringLiteral("A problem in .deploy-studio.yaml.")},
    };
    return descriptions.value(rule, QStringLiteral("Workspace problem (%1).").arg(rule));
}

QJsonObject diagnosticToJson(const Diagnostic &d)
{
    QJsonObject o;
    o.insert(QLatin1String("file"), d.file);
    o.insert(QLatin1String("line"), d.line);
    o.insert(QLatin1String("column"), d.column);
    o.insert(QLatin1String("severity"), severityName(d.severity) == u"note" ? QStringLiteral("info") : severityName(d.severity));
    o.insert(QLatin1String("rule"), d.rule);
    o.insert(QLatin1String("path"), d.jsonPath);
    o.insert(QLatin1String("message"), d.message);
    o.insert(QLatin1String("environment"), d.environment);
    return o;
}

} // namespace

QString DiagnosticFormat::toText(const Diagnostics &diagnostics)
{
    QString out;
    for (const Diagnostic &d : diagnostics) {
        QString where = d.file.isEmpty() ? QStringLiteral(".") : d.file;
        if (d.line > 0)
            where += QStringLiteral(":%1:%2").arg(d.line).arg(qMax(d.column, 1));
        out += QStringLiteral("%1: %2: %3").arg(where, severityName(d.severity), d.message);
        if (!d.environment.isEmpty())
            out += QStringLiteral(" (%1)").arg(d.environment);
        out += QStringLiteral(" [%1]\n").arg(d.rule);
    }
    const Counts c = count(diagnostics);
    out += QStringLiteral("%1 error(s), %2 warning(s)\n").arg(c.errors).arg(c.warnings);
    return out;
}

QByteArray DiagnosticFormat::toJson(const Diagnostics &diagnostics)
{
    const Counts c = count(diagnostics);
    QJsonArray list;
    for (const Diagnostic &d : diagnostics)
        list.append(diagnosticToJson(d));
    QJsonObject root;
    root.insert(QLatin1String("version"), 1);
    root.insert(QLatin1String("summary"), QJsonObject{{QLatin1String("errors"), c.errors},
                                                      {QLatin1String("warnings"), c.warnings},
                                                      {QLatin1String("infos"), c.notes}});
    root.insert(QLatin1String("diagnostics"), list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray DiagnosticFormat::toSarif(const Diagnostics &diagnostics, const QString &workspaceRoot)
{
    QStringList ruleIds;
    for (const Diagnostic &d : diagnostics) {
        if (!ruleIds.contains(d.rule))
            ruleIds << d.rule;
    }
    std::sort(ruleIds.begin(), ruleIds.end());
    QJsonArray rules;
    for (const QString &id : std::as_const(ruleIds)) {
        rules.append(QJsonObject{
            {QLatin1String("id"), id},
            {QLatin1String("shortDescription"), QJsonObject{{QLatin1String("text"), ruleDescription(id)}}},
        });
    }
    QJsonArray results;
    for (const Diagnostic &d : diagnostics) {
        QJsonObject physical{{QLatin1String("artifactLocation"),
                              QJsonObject{{QLatin1String("uri"), QString::fromUtf8(QUrl::toPercentEncoding(
                                                                      d.file.isEmpty() ? QStringLiteral(".") : d.file,
                                                                      "/"))},
                                          {QLatin1String("uriBaseId"), QStringLiteral("SRCROOT")}}}};
        if (d.line > 0) {
            physical.insert(QLatin1String("region"), QJsonObject{{QLatin1String("startLine"), d.line},
                                                                 {QLatin1String("startColumn"), qMax(d.column, 1)}});
        }
        QJsonObject result{
            {QLatin1String("ruleId"), d.rule},
            {QLatin1String("ruleIndex"), int(ruleIds.indexOf(d.rule))},
            {QLatin1String("level"), d.severity == Severity::Error ? QStringLiteral("error")
                                     : d.severity == Severity::Warning ? QStringLiteral("warning")
                                                                       : QStringLiteral("note")},
            {QLatin1String("message"), QJsonObject{{QLatin1String("text"), d.message}}},
            {QLatin1String("locations"), QJsonArray{QJsonObject{{QLatin1String("physicalLocation"), physical}}}},
        };
        QJsonObject properties;
        if (!d.jsonPath.isEmpty())
            properties.insert(QLatin1String("path"), d.jsonPath);
        if (!d.environment.isEmpty())
            properties.insert(QLatin1String("environment"), d.environment);
        if (!properties.isEmpty())
            result.insert(QLatin1String("properties"), properties);
        results.append(result);
    }
    QString base = QUrl::fromLocalFile(workspaceRoot).toString();
    if (!base.endsWith(u'/'))
        base += u'/';
    const QJsonObject run{
        {QLatin1String("tool"),
         QJsonObject{{QLatin1String("driver"),
                      QJsonObject{{QLatin1String("name"), QStringLiteral("deploy-studio")},
                                  {QLatin1String("version"), QStringLiteral(STUDIO_VERSION)},
                                  {QLatin1String("informationUri"), QStringLiteral("https://deploy-studio.example")},
                                  {QLatin1String("rules"), rules}}}}},
        {QLatin1String("originalUriBaseIds"),
         QJsonObject{{QLatin1String("SRCROOT"), QJsonObject{{QLatin1String("uri"), base}}}}},
        {QLatin1String("results"), results},
    };
    const QJsonObject log{
        {QLatin1String("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
        {QLatin1String("version"), QStringLiteral("2.1.0")},
        {QLatin1String("runs"), QJsonArray{run}},
    };
    return QJsonDocument(log).toJson(QJsonDocument::Indented);
}

} // namespace studio
