// SPDX-License-Identifier: MIT
// deploy-studio-cli check REPO [--env E] [--schema-location L]... [--offline] [--format text|json|sarif]

#include "CliCommand.h"

#include "checks/DiagnosticFormat.h"
#include "checks/WorkspaceChecker.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace studio::cli {

int runCheck(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption envOption(QStringLiteral("env"), QStringLiteral("Check one environment."),
                                       QStringLiteral("E"));
    const QCommandLineOption locationOption(QStringLiteral("schema-location"),
                                            QStringLiteral("Schema location (repeatable)."), QStringLiteral("L"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("text, json or sarif."),
                                          QStringLiteral("F"), QStringLiteral("text"));
    const QCommandLineOption offlineOption(QStringLiteral("offline"), QStringLiteral("Never download schemas."));
    parser.addOptions({envOption, locationOption, formatOption, offlineOption});
    parser.addPositionalArgument(QStringLiteral("REPO"), QStringLiteral("Workspace folder."));
    if (!parser.parse(QStringList{QStringLiteral("check")} + arguments))
        return fail(io, parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return fail(io, QStringLiteral("check needs exactly one REPO folder (deploy-studio-cli check REPO)"));
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"json" && format != u"sarif")
        return fail(io, QStringLiteral("unknown --format '%1'; use text, json or sarif").arg(format));

    const QString repo = parser.positionalArguments().front();
    if (!QFileInfo(repo).isDir())
        return fail(io, QStringLiteral("'%1' is not a folder").arg(repo));
    Workspace workspace = Workspace::discover(repo);

    CheckOptions options;
    options.environment = parser.value(envOption);
    options.schemaLocations = parser.values(locationOption);
    options.offline = parser.isSet(offlineOption);
    if (!options.environment.isEmpty() && !workspace.environment(options.environment))
        return fail(io, workspace.unknownEnvironment(options.environment));
    const QString root = workspace.root;
    WorkspaceChecker checker(std::move(workspace), options);
    const Diagnostics diagnostics = checker.run();

    if (format == u"json")
        io.out << QString::fromUtf8(DiagnosticFormat::toJson(diagnostics));
    else if (format == u"sarif")
        io.out << QString::fromUtf8(DiagnosticFormat::toSarif(diagnostics, root));
    else
        io.out << DiagnosticFormat::toText(diagnostics);
    io.out.flush();
    return diagnostics.isEmpty() ? Success : Findings;
}

} // namespace studio::cli
