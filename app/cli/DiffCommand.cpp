// SPDX-License-Identifier: MIT
// deploy-studio-cli diff REPO --from A --to B [--format text|json]
//
// Semantic diff of two environments' effective configuration, in sections that each name their own files:
//   1. "helm-values": the effective Helm values (values.yaml merged with values-<env>.yaml, as Helm does);
//      locations point into whichever layer wrote each value;
//   2. "kustomize": when either environment has a Kustomize overlay, every YAML file of the overlays, paired by
//      their path inside the overlay (kustomization.yaml with kustomization.yaml, so `images:` newTag and
//      `replicas:` show up; patches with patches). A file only one overlay has is a whole document added or
//      removed; its missing side names the other overlay folder (empty when that environment has no overlay).
// Exit: 0 no differences, 1 differences, 2 usage or I/O error (unknown environment, unreadable or broken YAML).
//
// JSON (stable; object keys sorted):
//   { "from": "staging", "to": "prod",
//     "sections": [ { "source": "helm-values" | "kustomize", "fromFiles": [...], "toFiles": [...],
//                     "changes": [ SemanticDiff change objects, see models/diff/SemanticDiff.h ],
//                     "summary": {added, removed, changed, typeChanged, orderChanged, total} } … ],
//     "summary": { …the same counts over all sections… } }

#include "CliCommand.h"

#include "diff/SemanticDiff.h"
#include "values/EffectiveValues.h"
#include "workspace/TextFile.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>

namespace studio::cli {

namespace {

struct Section {
    QString source; ///< "helm-values" or "kustomize"
    QStringList fromFiles;
    QStringList toFiles;
    QList<SemanticChange> changes;
};

Result<yaml::YamlDocument> readYaml(const Workspace &ws, const QString &file)
{
    const Result<QString> text = TextFile::read(ws.absolutePath(file));
    if (!text)
        return Error{text.error().code, QStringLiteral("%1: %2").arg(file, text.errorMessage())};
    yaml::YamlDocument document = yaml::YamlDocument::parse(*text);
    for (const Diagnostic &d : document.diagnostics()) {
        if (d.severity == Severity::Error)
            return Error{Error::Code::Parse, QStringLiteral("%1:%2:%3: %4").arg(file).arg(d.line).arg(d.column).arg(d.message)};
    }
    return document;
}

Result<EffectiveValues> effectiveValues(const Workspace &ws, const Environment &env)
{
    QList<ValuesLayer> layers;
    for (const QString &file : env.valuesFiles) {
        Result<yaml::YamlDocument> document = readYaml(ws, file);
        if (!document)
            return document.error();
        layers << ValuesLayer{file, document.value()};
    }
    EffectiveValues values = EffectiveValues::merge(layers);
    for (const Diagnostic &d : values.diagnostics()) {
        if (d.severity == Severity::Error)
            return Error{Error::Code::Parse, QStringLiteral("%1:%2:%3: %4").arg(d.file).arg(d.line).arg(d.column).arg(d.message)};
    }
    return values;
}

/// YAML files of an overlay by their path inside it; the kustomization file always under "kustomization.yaml",
/// so a .yml in one environment still pairs with a .yaml in the other.
std::map<QString, QString> overlayFiles(const Workspace &ws, const Environment &env)
{
    std::map<QString, QString> files;
    if (env.kustomizeOverlay.isEmpty())
        return files;
    const QString prefix = env.kustomizeOverlay + u'/';
    for (const WorkspaceFile &f : ws.files) {
        if (!f.path.startsWith(prefix))
            continue;
        if (f.path == env.kustomizationFile)
            files[QStringLiteral("kustomization.yaml")] = f.path;
        else if (f.isYaml())
            files[f.path.mid(prefix.size())] = f.path;
    }
    return files;
}

Result<QList<Section>> kustomizeSections(const Workspace &ws, const Environment &from, const Environment &to)
{
    QList<Section> sections;
    const std::map<QString, QString> fromFiles = overlayFiles(ws, from);
    const std::map<QString, QString> toFiles = overlayFiles(ws, to);
    std::map<QString, std::pair<QString, QString>> pairs;
    for (const auto &[name, path] : fromFiles)
        pairs[name].first = path;
    for (const auto &[name, path] : toFiles)
        pairs[name].second = path;
    // The kustomization first: it holds what usually differs (images, replicas, namespace).
    std::vector<std::pair<QString, std::pair<QString, QString>>> ordered(pairs.begin(), pairs.end());
    std::stable_partition(ordered.begin(), ordered.end(), [](const auto &p) { return p.first == u"kustomization.yaml"; });

    for (const auto &[name, files] : ordered) {
        Section section;
        section.source = QStringLiteral("kustomize");
        yaml::YamlDocument fromDoc;
        yaml::YamlDocument toDoc;
        if (!files.first.isEmpty()) {
            Result<yaml::YamlDocument> d = readYaml(ws, files.first);
            if (!d)
                return d.error();
            fromDoc = d.value();
            section.fromFiles << files.first;
        }
        if (!files.second.isEmpty()) {
            Result<yaml::YamlDocument> d = readYaml(ws, files.second);
            if (!d)
                return d.error();
            toDoc = d.value();
            section.toFiles << files.second;
        }
        // A missing side is named by its overlay folder (where the file would be).
        const QString fromName = files.first.isEmpty() ? from.kustomizeOverlay : files.first;
        const QString toName = files.second.isEmpty() ? to.kustomizeOverlay : files.second;
        Result<QList<SemanticChange>> changes = SemanticDiff::compare(fromDoc, fromName, toDoc, toName);
        if (!changes)
            return changes.error();
        section.changes = changes.value();
        sections << section;
    }
    return sections;
}

QString environmentNames(const Workspace &ws)
{
    QStringList names;
    for (const Environment &e : ws.environments)
        names << e.name;
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

QString sectionTitle(const Section &s)
{
    auto files = [](const QStringList &list) { return list.isEmpty() ? QStringLiteral("(none)") : list.join(QStringLiteral(" + ")); };
    const QString what = s.source == u"helm-values" ? QStringLiteral("Helm values") : QStringLiteral("Kustomize overlay");
    return QStringLiteral("%1: %2 → %3").arg(what, files(s.fromFiles), files(s.toFiles));
}

} // namespace

int runDiff(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("Environment to compare from."), QStringLiteral("A"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("Environment to compare to."), QStringLiteral("B"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("F"),
                                          QStringLiteral("text"));
    parser.addOptions({fromOption, toOption, formatOption});
    if (!parser.parse(QStringList{QStringLiteral("diff")} + arguments))
        return fail(io, parser.errorText());
    if (parser.positionalArguments().size() != 1 || !parser.isSet(fromOption) || !parser.isSet(toOption))
        return fail(io, QStringLiteral("usage: deploy-studio-cli diff REPO --from A --to B [--format text|json]"));
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"json")
        return fail(io, QStringLiteral("unknown --format '%1'; use text or json").arg(format));
    const QString repo = parser.positionalArguments().front();
    if (!QFileInfo(repo).isDir())
        return fail(io, QStringLiteral("'%1' is not a folder").arg(repo));

    const Workspace ws = Workspace::discover(repo);
    const Environment *from = ws.environment(parser.value(fromOption));
    const Environment *to = ws.environment(parser.value(toOption));
    for (const auto &[env, name] : {std::pair{from, parser.value(fromOption)}, std::pair{to, parser.value(toOption)}}) {
        if (!env)
            return fail(io, QStringLiteral("no environment '%1' in %2 (environments: %3)").arg(name, repo, environmentNames(ws)));
    }

    QList<Section> sections;
    {
        const Result<EffectiveValues> fromValues = effectiveValues(ws, *from);
        if (!fromValues)
            return fail(io, fromValues.errorMessage());
        const Result<EffectiveValues> toValues = effectiveValues(ws, *to);
        if (!toValues)
            return fail(io, toValues.errorMessage());
        Section values;
        values.source = QStringLiteral("helm-values");
        values.fromFiles = from->valuesFiles;
        values.toFiles = to->valuesFiles;
        values.changes = SemanticDiff::compare(fromValues->root(), toValues->root());
        sections << values;
    }
    Result<QList<Section>> overlays = kustomizeSections(ws, *from, *to);
    if (!overlays)
        return fail(io, overlays.errorMessage());
    sections << overlays.value();

    QList<SemanticChange> all;
    for (const Section &s : std::as_const(sections))
        all << s.changes;

    if (format == u"json") {
        QJsonArray list;
        for (const Section &s : std::as_const(sections)) {
            QJsonObject object = SemanticDiff::toJson(s.changes);
            object.insert(QLatin1String("source"), s.source);
            object.insert(QLatin1String("fromFiles"), QJsonArray::fromStringList(s.fromFiles));
            object.insert(QLatin1String("toFiles"), QJsonArray::fromStringList(s.toFiles));
            list.append(object);
        }
        const QJsonObject root{{QLatin1String("from"), from->name},
                               {QLatin1String("to"), to->name},
                               {QLatin1String("sections"), list},
                               {QLatin1String("summary"), SemanticDiff::toJson(all).value(QLatin1String("summary"))}};
        io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else if (all.isEmpty()) {
        io.out << QStringLiteral("%1 and %2 have the same effective configuration\n").arg(from->name, to->name);
    } else {
        for (const Section &s : std::as_const(sections)) {
            if (s.changes.isEmpty())
                continue;
            io.out << "=== " << sectionTitle(s) << "\n\n" << SemanticDiff::toText(s.changes) << '\n';
        }
        std::map<QString, qsizetype> bySource;
        for (const Section &s : std::as_const(sections))
            bySource[s.source] += s.changes.size();
        QStringList counts;
        for (const auto &[source, count] : bySource) {
            if (count > 0)
                counts << QStringLiteral("%1 in %2").arg(count).arg(source);
        }
        io.out << QStringLiteral("%1 difference%2 between %3 and %4 (%5)\n")
                      .arg(all.size())
                      .arg(all.size() == 1 ? QString() : QStringLiteral("s"))
                      .arg(from->name, to->name, counts.join(QStringLiteral(", ")));
    }
    io.out.flush();
    return all.isEmpty() ? Success : Findings;
}

} // namespace studio::cli
