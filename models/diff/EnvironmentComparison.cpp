// SPDX-License-Identifier: MIT
#include "diff/EnvironmentComparison.h"

#include "values/EffectiveValues.h"
#include "workspace/TextFile.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"

#include <algorithm>
#include <map>

namespace studio {

namespace {

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

Result<QList<ComparisonSection>> kustomizeSections(const Workspace &ws, const Environment &from, const Environment &to)
{
    QList<ComparisonSection> sections;
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
        ComparisonSection section;
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

} // namespace

QString ComparisonSection::title() const
{
    auto files = [](const QStringList &list) { return list.isEmpty() ? QStringLiteral("(none)") : list.join(QStringLiteral(" + ")); };
    const QString what = source == u"helm-values" ? QStringLiteral("Helm values") : QStringLiteral("Kustomize overlay");
    return QStringLiteral("%1: %2 → %3").arg(what, files(fromFiles), files(toFiles));
}

Result<QList<ComparisonSection>> EnvironmentComparison::compare(const Workspace &ws, const Environment &from,
                                                                const Environment &to)
{
    QList<ComparisonSection> sections;
    const Result<EffectiveValues> fromValues = effectiveValues(ws, from);
    if (!fromValues)
        return fromValues.error();
    const Result<EffectiveValues> toValues = effectiveValues(ws, to);
    if (!toValues)
        return toValues.error();
    ComparisonSection values;
    values.source = QStringLiteral("helm-values");
    values.fromFiles = from.valuesFiles;
    values.toFiles = to.valuesFiles;
    values.changes = SemanticDiff::compare(fromValues->root(), toValues->root());
    sections << values;
    Result<QList<ComparisonSection>> overlays = kustomizeSections(ws, from, to);
    if (!overlays)
        return overlays.error();
    sections << overlays.value();
    return sections;
}

} // namespace studio
