// SPDX-License-Identifier: MIT
#include "secrets/SecretFindingFormat.h"

#include "checks/DiagnosticFormat.h"
#include "secrets/SecretRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace studio {

Diagnostics SecretFindingFormat::toDiagnostics(const SecretFindings &findings)
{
    Diagnostics out;
    for (const SecretFinding &f : findings) {
        Diagnostic d;
        d.file = f.file;
        d.line = f.line;
        d.column = f.column;
        d.severity = Severity::Error;
        d.rule = f.rule;
        d.message = QStringLiteral("%1 in plain text: %2 (seal it, remove it, or mark the line with '%3')")
                        .arg(f.description, f.excerpt, QLatin1String("# deploy-studio:allow-secret"));
        out << d;
    }
    return out;
}

QString SecretFindingFormat::toText(const SecretFindings &findings)
{
    return DiagnosticFormat::toText(toDiagnostics(findings));
}

QByteArray SecretFindingFormat::toJson(const SecretFindings &findings)
{
    QJsonArray list;
    QSet<QString> files;
    for (const SecretFinding &f : findings) {
        files.insert(f.file);
        list.append(QJsonObject{{QLatin1String("file"), f.file},
                                {QLatin1String("line"), f.line},
                                {QLatin1String("column"), f.column},
                                {QLatin1String("rule"), f.rule},
                                {QLatin1String("description"), f.description},
                                {QLatin1String("excerpt"), f.excerpt}});
    }
    const QJsonObject root{
        {QLatin1String("version"), 1},
        {QLatin1String("summary"), QJsonObject{{QLatin1String("findings"), int(findings.size())},
                                               {QLatin1String("files"), int(files.size())}}},
        {QLatin1String("findings"), list},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray SecretFindingFormat::toSarif(const SecretFindings &findings, const QString &root)
{
    QHash<QString, QString> descriptions;
    for (const SecretRule &rule : SecretRules::all())
        descriptions.insert(rule.id, rule.description + u'.');
    descriptions.insert(QString::fromLatin1(SecretRules::kKubernetesSecretRule), SecretRules::kubernetesSecretDescription() + u'.');

    // DiagnosticFormat knows the workspace rules; the secret rules' descriptions are put in here.
    QJsonObject log = QJsonDocument::fromJson(DiagnosticFormat::toSarif(toDiagnostics(findings), root)).object();
    QJsonArray runs = log.value(QLatin1String("runs")).toArray();
    QJsonObject run = runs.at(0).toObject();
    QJsonObject tool = run.value(QLatin1String("tool")).toObject();
    QJsonObject driver = tool.value(QLatin1String("driver")).toObject();
    QJsonArray rules = driver.value(QLatin1String("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        QJsonObject rule = rules.at(i).toObject();
        const QString id = rule.value(QLatin1String("id")).toString();
        rule.insert(QLatin1String("shortDescription"), QJsonObject{{QLatin1String("text"), descriptions.value(id, id)}});
        rules.replace(i, rule);
    }
    driver.insert(QLatin1String("rules"), rules);
    tool.insert(QLatin1String("driver"), driver);
    run.insert(QLatin1String("tool"), tool);
    runs.replace(0, run);
    log.insert(QLatin1String("runs"), runs);
    return QJsonDocument(log).toJson(QJsonDocument::Indented);
}

QString SecretFindingFormat::toRefusal(const SecretFindings &findings)
{
    QStringList lines;
    for (const SecretFinding &f : findings)
        lines << QStringLiteral("%1:%2:%3 %4 (%5)").arg(f.file).arg(f.line).arg(f.column).arg(f.rule, f.description);
    return lines.join(u'\n');
}

} // namespace studio
