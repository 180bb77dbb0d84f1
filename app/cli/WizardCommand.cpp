// SPDX-License-Identifier: MIT
// deploy-studio-cli wizard aws|azure|gcp --answers FILE --out DIR [--format text|json]
// deploy-studio-cli wizard aws|azure|gcp --print-example [--preset dev|production]

#include "CliCommand.h"

#include "spec/CloudSetup.h"
#include "spec/EnvironmentReadme.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace studio::cli {

namespace {

QString location(const Diagnostic &d)
{
    QString at = d.file;
    if (d.line > 0)
        at += QStringLiteral(":%1:%2").arg(d.line).arg(d.column);
    return at;
}

int reportProblems(const Diagnostics &problems, bool json, CliStreams &io)
{
    if (json) {
        QJsonArray list;
        for (const Diagnostic &d : problems)
            list.append(QJsonObject{{QLatin1String("file"), d.file},
                                    {QLatin1String("line"), d.line},
                                    {QLatin1String("field"), d.jsonPath},
                                    {QLatin1String("rule"), d.rule},
                                    {QLatin1String("message"), d.message}});
        io.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QLatin1String("valid"), false}, {QLatin1String("problems"), list}})
                                        .toJson(QJsonDocument::Indented));
    }
    for (const Diagnostic &d : problems)
        io.err << location(d) << ": " << d.message << " [" << d.rule << "]\n"; // messages start with the field
    io.err << "deploy-studio-cli: " << problems.size() << " invalid answer" << (problems.size() == 1 ? "" : "s")
           << "; nothing was written\n";
    io.out.flush();
    io.err.flush();
    return Findings;
}

QJsonObject costJson(const cloud::CostEstimate &cost)
{
    QJsonArray lines;
    for (const cloud::CostLine &line : cost.lines)
        lines.append(QJsonObject{{QLatin1String("item"), line.item},
                                 {QLatin1String("priceKey"), line.priceKey},
                                 {QLatin1String("monthlyUsd"), std::round(line.monthlyUsd * 100) / 100},
                                 {QLatin1String("status"), line.status},
                                 {QLatin1String("source"), line.source},
                                 {QLatin1String("date"), line.date}});
    return QJsonObject{{QLatin1String("currency"), QStringLiteral("USD")},
                       {QLatin1String("hoursPerMonth"), cloud::PricingTable::kHoursPerMonth},
                       {QLatin1String("lines"), lines},
                       {QLatin1String("totalMonthlyUsd"), std::round(cost.totalMonthlyUsd() * 100) / 100},
                       {QLatin1String("hasUnconfirmedPrices"), cost.hasUnconfirmed()}};
}

} // namespace

int runWizard(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption answersOption(QStringLiteral("answers"), QStringLiteral("Answers file (YAML)."), QStringLiteral("FILE"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Repository root to write into."), QStringLiteral("DIR"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("F"),
                                          QStringLiteral("text"));
    const QCommandLineOption exampleOption(QStringLiteral("print-example"), QStringLiteral("Print a complete answers file."));
    const QCommandLineOption presetOption(QStringLiteral("preset"), QStringLiteral("dev or production."), QStringLiteral("P"),
                                          QStringLiteral("dev"));
    parser.addOptions({answersOption, outOption, formatOption, exampleOption, presetOption});
    const QString usage = QStringLiteral("usage: deploy-studio-cli wizard aws|azure|gcp --answers FILE --out DIR [--format text|json] "
                                         "or deploy-studio-cli wizard aws|azure|gcp --print-example [--preset dev|production]");
    if (!parser.parse(QStringList{QStringLiteral("wizard")} + arguments))
        return fail(io, parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return fail(io, usage);
    const auto provider = cloud::providerFromId(parser.positionalArguments().front());
    if (!provider)
        return fail(io, QStringLiteral("unknown provider '%1'; use aws, azure or gcp").arg(parser.positionalArguments().front()));
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"json")
        return fail(io, QStringLiteral("unknown --format '%1'; use text or json").arg(format));

    if (parser.isSet(exampleOption)) {
        const auto preset = cloud::presetFromId(parser.value(presetOption));
        if (!preset)
            return fail(io, QStringLiteral("unknown --preset '%1'; use dev or production").arg(parser.value(presetOption)));
        io.out << cloud::CloudSetup::create(*provider, *preset)->toYaml();
        io.out.flush();
        return Success;
    }
    if (!parser.isSet(answersOption) || !parser.isSet(outOption))
        return fail(io, usage);

    const QString answersPath = parser.value(answersOption);
    QFile answersFile(answersPath);
    if (!answersFile.open(QIODevice::ReadOnly))
        return fail(io, QStringLiteral("cannot read the answers file %1: %2").arg(answersPath, answersFile.errorString()));
    const QString outDir = parser.value(outOption);
    if (QFileInfo::exists(outDir) && !QFileInfo(outDir).isDir())
        return fail(io, QStringLiteral("--out '%1' is not a folder").arg(outDir));

    const bool json = format == u"json";
    Diagnostics problems;
    const QString answersText = QString::fromUtf8(answersFile.readAll());
    const auto setup = cloud::CloudSetup::fromYaml(*provider, answersText, answersPath, problems);
    if (!setup)
        return reportProblems(problems, json, io);
    problems = setup->validate();
    cloud::CloudSetup::locateProblems(problems, answersText, answersPath);
    if (!problems.isEmpty())
        return reportProblems(problems, json, io);

    QElapsedTimer timer;
    timer.start();
    const cloud::GeneratedFiles files = setup->generate();
    const cloud::CostEstimate cost = setup->estimateCost(cloud::PricingTable::builtIn());
    const double generateMs = double(timer.nsecsElapsed()) / 1e6;
    if (const Status written = cloud::writeGeneratedFiles(outDir, files); !written)
        return fail(io, written.errorMessage());

    if (json) {
        QJsonArray fileList;
        for (const cloud::GeneratedFile &file : files)
            fileList.append(QJsonObject{{QLatin1String("path"), file.path}, {QLatin1String("bytes"), qint64(file.content.toUtf8().size())}});
        const QJsonObject root{{QLatin1String("valid"), true},
                               {QLatin1String("provider"), cloud::providerId(*provider)},
                               {QLatin1String("environment"), setup->environment()},
                               {QLatin1String("terraformDir"), setup->terraformDir()},
                               {QLatin1String("addonsDir"), setup->addonsDir()},
                               {QLatin1String("files"), fileList},
                               {QLatin1String("cost"), costJson(cost)},
                               {QLatin1String("timing"), QJsonObject{{QLatin1String("generateMs"), std::round(generateMs * 1000) / 1000}}}};
        io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else {
        io.out << "wrote " << files.size() << " files into " << outDir << ":\n";
        for (const cloud::GeneratedFile &file : files)
            io.out << "  " << file.path << '\n';
        io.out << "\nmonthly estimate (USD, on-demand):\n";
        for (const cloud::CostLine &line : cost.lines)
            io.out << "  " << cloud::formatUsd(line.monthlyUsd).rightJustified(9) << "  " << line.item
                   << (line.status == u"confirmed" ? QString() : QStringLiteral("  [%1]").arg(line.status)) << '\n';
        io.out << "  " << cloud::formatUsd(cost.totalMonthlyUsd()).rightJustified(9) << "  total\n";
        io.out << "generated in " << QString::number(generateMs, 'f', 1) << " ms\n";
    }
    io.out.flush();
    return Success;
}

} // namespace studio::cli
