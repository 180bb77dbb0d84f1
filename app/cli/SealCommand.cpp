// SPDX-License-Identifier: MIT
// deploy-studio-cli seal (--cert FILE|URL | --env E [--repo R]) --namespace N --name S
//                        [--scope strict|namespace-wide|cluster-wide] [--output FILE] (KEY=VALUE... | --from-secret FILE)

#include "CliCommand.h"

#include "secrets/CertificateDownload.h"
#include "secrets/PlainSecret.h"
#include "secrets/SealedSecretWriter.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSaveFile>

namespace studio::cli {

namespace {

const char *const kSealUsage = "usage: deploy-studio-cli seal (--cert FILE|URL | --env E [--repo R]) --namespace N --name S "
                               "[--scope strict|namespace-wide|cluster-wide] [--output FILE] (KEY=VALUE... | --from-secret FILE)";

/// The certificate from --cert, or from the environment's `sealedSecretsCert:` in .deploy-studio.yaml.
Result<SealingCertificate> certificateFor(const QString &cert, const QString &environment, const QString &repo)
{
    if (!cert.isEmpty())
        return CertificateDownload::load(cert);
    const Workspace workspace = Workspace::discover(repo);
    const Environment *env = workspace.environment(environment);
    if (!env)
        return Error{Error::Code::Usage, QStringLiteral("'%1' has no environment '%2'").arg(repo, environment)};
    if (env->sealedSecretsCert.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("environment '%1' has no sealedSecretsCert in .deploy-studio.yaml; "
                                                        "add it or pass --cert")
                                             .arg(environment)};
    return CertificateDownload::load(env->sealedSecretsCert, workspace.root);
}

} // namespace

int runSeal(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption certOption(QStringLiteral("cert"), QStringLiteral("Controller certificate file or https URL."),
                                        QStringLiteral("FILE|URL"));
    const QCommandLineOption envOption(QStringLiteral("env"), QStringLiteral("Environment whose sealedSecretsCert to use."),
                                       QStringLiteral("E"));
    const QCommandLineOption repoOption(QStringLiteral("repo"), QStringLiteral("Repository of --env (default: .)."),
                                        QStringLiteral("R"), QStringLiteral("."));
    const QCommandLineOption namespaceOption(QStringLiteral("namespace"), QStringLiteral("Namespace."), QStringLiteral("N"));
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("Secret name."), QStringLiteral("S"));
    const QCommandLineOption scopeOption(QStringLiteral("scope"), QStringLiteral("strict, namespace-wide or cluster-wide."),
                                         QStringLiteral("SCOPE"), QStringLiteral("strict"));
    const QCommandLineOption fromOption(QStringLiteral("from-secret"), QStringLiteral("A Kubernetes Secret manifest."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption outputOption(QStringLiteral("output"), QStringLiteral("Write the manifest here."),
                                          QStringLiteral("FILE"));
    parser.addOptions({certOption, envOption, repoOption, namespaceOption, nameOption, scopeOption, fromOption, outputOption});
    if (!parser.parse(QStringList{QStringLiteral("seal")} + arguments))
        return fail(io, parser.errorText());
    if (parser.isSet(certOption) == parser.isSet(envOption))
        return fail(io, QStringLiteral("give either --cert or --env; %1").arg(QLatin1String(kSealUsage)));
    const std::optional<SealingScope> scope = SealedSecretWriter::scopeFromName(parser.value(scopeOption));
    if (!scope)
        return fail(io, QStringLiteral("unknown --scope '%1'; use strict, namespace-wide or cluster-wide").arg(parser.value(scopeOption)));

    PlainSecret secret;
    if (parser.isSet(fromOption)) {
        if (!parser.positionalArguments().isEmpty())
            return fail(io, QStringLiteral("give KEY=VALUE pairs or --from-secret, not both"));
        QFile file(parser.value(fromOption));
        if (!file.open(QIODevice::ReadOnly))
            return fail(io, QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        Result<PlainSecret> read = PlainSecret::fromManifest(QString::fromUtf8(file.readAll()), file.fileName());
        if (!read)
            return fail(io, read.errorMessage());
        secret = std::move(read).value();
    } else {
        for (const QString &pair : parser.positionalArguments()) {
            const qsizetype equals = pair.indexOf(u'=');
            if (equals <= 0)
                return fail(io, QStringLiteral("'%1' is not KEY=VALUE").arg(pair.section(u'=', 0, 0)));
            secret.data.insert(pair.left(equals), pair.mid(equals + 1).toUtf8());
        }
    }
    if (parser.isSet(nameOption))
        secret.name = parser.value(nameOption);
    if (parser.isSet(namespaceOption))
        secret.namespaceName = parser.value(namespaceOption);
    if (secret.name.isEmpty() || (secret.namespaceName.isEmpty() && *scope != SealingScope::ClusterWide))
        return fail(io, QStringLiteral("the Secret needs --name and --namespace; %1").arg(QLatin1String(kSealUsage)));

    const Result<SealingCertificate> certificate =
        certificateFor(parser.value(certOption), parser.value(envOption), parser.value(repoOption));
    if (!certificate) {
        fail(io, certificate.errorMessage());
        return certificate.error().code == Error::Code::Refused ? Findings : UsageOrIoError;
    }
    const Result<QString> manifest = SealedSecretWriter::manifest(certificate.value(), secret, *scope);
    secret.wipe();
    if (!manifest)
        return fail(io, manifest.errorMessage());
    if (!parser.isSet(outputOption)) {
        io.out << manifest.value();
        io.out.flush();
        return Success;
    }
    QSaveFile out(parser.value(outputOption));
    if (!out.open(QIODevice::WriteOnly) || out.write(manifest->toUtf8()) < 0 || !out.commit())
        return fail(io, QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    io.out << "sealed " << secret.name << " (" << SealedSecretWriter::scopeName(*scope) << ") into " << out.fileName() << '\n';
    io.out.flush();
    return Success;
}

} // namespace studio::cli
