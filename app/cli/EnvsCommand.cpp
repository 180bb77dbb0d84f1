// SPDX-License-Identifier: MIT
// deploy-studio-cli envs REPO [--format text|json]

#include "CliCommand.h"

#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace studio::cli {

int runEnvs(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("text or json."),
                                          QStringLiteral("F"), QStringLiteral("text"));
    parser.addOption(formatOption);
    if (!parser.parse(QStringList{QStringLiteral("envs")} + arguments))
        return fail(io, parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return fail(io, QStringLiteral("envs needs exactly one REPO folder (deploy-studio-cli envs REPO)"));
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"json")
        return fail(io, QStringLiteral("unknown --format '%1'; use text or json").arg(format));
    const QString repo = parser.positionalArguments().front();
    if (!QFileInfo(repo).isDir())
        return fail(io, QStringLiteral("'%1' is not a folder").arg(repo));

    const Workspace ws = Workspace::discover(repo);
    if (format == u"json") {
        QJsonArray envs;
        for (const Environment &env : ws.environments) {
            envs.append(QJsonObject{
                {QLatin1String("name"), env.name},
                {QLatin1String("chart"), env.chart},
                {QLatin1String("values"), QJsonArray::fromStringList(env.valuesFiles)},
                {QLatin1String("kustomize"), env.kustomizeOverlay},
                {QLatin1String("argocd"), env.argocdApplication},
                {QLatin1String("argocdPath"), env.argocdPath},
                {QLatin1String("namespace"), env.argocdNamespace},
                {QLatin1String("prometheus"), env.prometheusUrl},
                {QLatin1String("protected"), env.isProtected},
            });
        }
        QJsonArray problems;
        for (const Diagnostic &d : ws.diagnostics)
            problems.append(QJsonObject{{QLatin1String("file"), d.file},
                                        {QLatin1String("line"), d.line},
                                        {QLatin1String("severity"), severityName(d.severity)},
                                        {QLatin1String("message"), d.message}});
        const QJsonObject root{{QLatin1String("root"), ws.root},
                               {QLatin1String("environments"), envs},
                               {QLatin1String("charts"), QJsonArray::fromStringList(ws.charts)},
                               {QLatin1String("kustomizations"), QJsonArray::fromStringList(ws.kustomizations)},
                               {QLatin1String("terraform"), QJsonArray::fromStringList(ws.terraformFolders)},
                               {QLatin1String("problems"), problems}};
        io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else {
        if (ws.environments.isEmpty())
            io.out << "no environments found (no values-<env>.yaml, no overlays/<env>, no .deploy-studio.yaml)\n";
        int position = 1;
        for (const Environment &env : ws.environments) {
            io.out << position++ << ". " << env.name << (env.isProtected ? " (protected)" : "") << '\n';
            if (!env.valuesFiles.isEmpty())
                io.out << "   values:    " << env.valuesFiles.join(QStringLiteral(" + ")) << '\n';
            if (!env.kustomizeOverlay.isEmpty())
                io.out << "   kustomize: " << env.kustomizeOverlay << '\n';
            if (!env.argocdApplication.isEmpty())
                io.out << "   argocd:    " << env.argocdApplication << " → " << env.argocdPath
                       << (env.argocdNamespace.isEmpty() ? QString() : QStringLiteral(" (namespace %1)").arg(env.argocdNamespace))
                       << '\n';
        }
        for (const Diagnostic &d : ws.diagnostics)
            io.err << (d.file.isEmpty() ? QStringLiteral(".") : d.file) << (d.line > 0 ? QStringLiteral(":%1").arg(d.line) : QString())
                   << ": " << severityName(d.severity) << ": " << d.message << '\n';
    }
    io.out.flush();
    return Success;
}

} // namespace studio::cli
