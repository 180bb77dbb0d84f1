// SPDX-License-Identifier: MIT
// deploy-studio-cli scan PATH... [--format text|json|sarif]
// deploy-studio-cli scan --list-rules [--format text|json]

#include "CliCommand.h"

#include "secrets/SecretFindingFormat.h"
#include "secrets/SecretRules.h"
#include "secrets/SecretScanner.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace studio::cli {

namespace {

/// The rules as data, so other tools (the benchmark's Node.js peer) run exactly the same patterns.
QByteArray rulesJson()
{
    QJsonArray list;
    for (const SecretRule &rule : SecretRules::all()) {
        list.append(QJsonObject{{QLatin1String("id"), rule.id},
                                {QLatin1String("description"), rule.description},
                                {QLatin1String("keywords"), QJsonArray::fromStringList(rule.keywords)},
                                {QLatin1String("pattern"), rule.pattern},
                                {QLatin1String("caseInsensitive"), rule.caseInsensitive},
                                {QLatin1String("secretGroup"), rule.secretGroup},
                                {QLatin1String("entropy"), rule.entropy}});
    }
    return QJsonDocument(QJsonObject{{QLatin1String("rules"), list}}).toJson(QJsonDocument::Indented);
}

} // namespace

int runScan(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("text, json or sarif."),
                                          QStringLiteral("F"), QStringLiteral("text"));
    const QCommandLineOption listOption(QStringLiteral("list-rules"), QStringLiteral("Print the rules and exit."));
    parser.addOptions({formatOption, listOption});
    if (!parser.parse(QStringList{QStringLiteral("scan")} + arguments))
        return fail(io, parser.errorText());
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"json" && format != u"sarif")
        return fail(io, QStringLiteral("unknown --format '%1'; use text, json or sarif").arg(format));
    if (parser.isSet(listOption)) {
        if (format == u"json") {
            io.out << QString::fromUtf8(rulesJson());
        } else {
            for (const SecretRule &rule : SecretRules::all())
                io.out << rule.id << "  " << rule.description << '\n';
            io.out << SecretRules::kKubernetesSecretRule << "  " << SecretRules::kubernetesSecretDescription() << '\n';
        }
        io.out.flush();
        return Success;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return fail(io, QStringLiteral("usage: deploy-studio-cli scan PATH... [--format text|json|sarif]"));
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path))
            return fail(io, QStringLiteral("'%1' does not exist").arg(path));
    }
    // One folder: findings are named relative to it (like `check REPO`); otherwise to the current folder.
    const QString root = paths.size() == 1 && QFileInfo(paths.front()).isDir() ? QFileInfo(paths.front()).absoluteFilePath()
                                                                                : QDir::currentPath();
    const SecretScanReport report = SecretScanner::scanFiles(SecretScanner::collect(paths, root));
    for (const QString &problem : report.unreadable)
        io.err << "deploy-studio-cli: cannot scan " << problem << '\n';
    if (format == u"json")
        io.out << QString::fromUtf8(SecretFindingFormat::toJson(report.findings));
    else if (format == u"sarif")
        io.out << QString::fromUtf8(SecretFindingFormat::toSarif(report.findings, root));
    else
        io.out << SecretFindingFormat::toText(report.findings);
    io.out.flush();
    io.err.flush();
    if (!report.findings.isEmpty())
        return Findings;
    return report.unreadable.isEmpty() ? Success : UsageOrIoError;
}

} // namespace studio::cli
