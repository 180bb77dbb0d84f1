// SPDX-License-Identifier: MIT
#include "promote/PromotionPlan.h"

#include "checks/WorkspaceChecker.h"
#include "documents/FileReplacement.h"
#include "secrets/SecretScanner.h"
#include "values/EnvironmentMatrix.h"
#include "workspace/TextFile.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlJson.h"
#include "yaml/YamlPatch.h"

#include <QFileInfo>
#include <QSet>

#include <memory>

namespace studio {

using yaml::YamlDocument;
using yaml::YamlNode;

namespace {

Result<QList<ValuesLayer>> readLayers(const Workspace &ws, const Environment &env)
{
    QList<ValuesLayer> layers;
    for (const QString &file : env.valuesFiles) {
        Result<QString> text = TextFile::read(ws.absolutePath(file));
        if (!text)
            return Error{Error::Code::Io, QStringLiteral("%1: %2").arg(file, text.errorMessage())};
        const YamlDocument doc = YamlDocument::parse(text.value());
        if (doc.hasErrors()) {
            const Diagnostic &d = doc.diagnostics().front();
            return Error{Error::Code::Refused, QStringLiteral("%1:%2: %3; fix it before promoting")
                                                   .arg(file).arg(d.line).arg(d.message)};
        }
        layers << ValuesLayer{file, doc};
    }
    return layers;
}

bool isExcluded(const QStringList &keys, const QList<QStringList> &excludes)
{
    for (const QStringList &exclude : excludes) {
        if (!exclude.isEmpty() && keys.mid(0, exclude.size()) == exclude)
            return true;
    }
    return false;
}

/// The Kustomize `images:` entries of a kustomization: name → (index, newTag node).
struct ImageEntry {
    int index = -1;
    QString tag;
    const YamlNode *tagNode = nullptr;
};

QHash<QString, ImageEntry> imagesOf(const YamlDocument &doc)
{
    QHash<QString, ImageEntry> images;
    if (doc.documents().empty())
        return images;
    const YamlNode *list = doc.documents().front()->value(u"images");
    if (!list || !list->isSequence())
        return images;
    const auto &items = list->resolved()->items;
    for (size_t i = 0; i < items.size(); ++i) {
        const YamlNode *name = items[i]->value(u"name");
        if (!name || !name->isScalar())
            continue;
        ImageEntry entry;
        entry.index = int(i);
        entry.tagNode = items[i]->value(u"newTag");
        entry.tag = entry.tagNode ? entry.tagNode->scalar() : QString();
        images.insert(name->scalar(), entry);
    }
    return images;
}

/// How a promoted value is written.
yaml::ScalarType typeOf(const QJsonValue &value, const QString &text)
{
    switch (value.type()) {
    case QJsonValue::Null: return yaml::ScalarType::Null;
    case QJsonValue::Bool: return yaml::ScalarType::Bool;
    case QJsonValue::Double:
        return yaml::resolvePlainScalar(text) == yaml::ScalarType::Float ? yaml::ScalarType::Float : yaml::ScalarType::Int;
    default: return yaml::ScalarType::String;
    }
}

QString rawText(const PromotionChange &change)
{
    if (change.sourceValue.isString())
        return change.sourceValue.toString();
    if (change.sourceValue.isBool())
        return change.sourceValue.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (change.sourceValue.isNull())
        return QStringLiteral("null");
    return change.sourceText;
}

QString problemKey(const Diagnostic &d)
{
    // Lines move when a promotion inserts or removes lines: compare what and where in the data.
    return d.file + u'|' + d.rule + u'|' + d.jsonPath + u'|' + d.message;
}

} // namespace

namespace {

/// A value as commit messages and tooltips show it: one the secret scanner flags (a password, a token,
/// a key) is replaced, so an overridden secret never lands in the commit message in plaintext.
QString shownValue(const QString &path, const QString &value)
{
    const QByteArray asYaml = (path.section(u'.', -1) + QStringLiteral(": ") + value + u'\n').toUtf8();
    return SecretScanner::scanText(asYaml, QStringLiteral("values.yaml")).isEmpty() ? value
                                                                                    : QStringLiteral("(secret, not shown)");
}

} // namespace

QString PromotionChange::summary() const
{
    const QString name = kind == Kind::SetImageTag ? QStringLiteral("image %1").arg(id.mid(7)) : id;
    const QString before = targetText.isEmpty() ? QStringLiteral("(unset)") : shownValue(id, targetText);
    const QString after = kind == Kind::RemoveValue ? QStringLiteral("(removed)") : shownValue(id, sourceText);
    return QStringLiteral("%1 %2 → %3").arg(name, before, after);
}

Result<PromotionPlan> PromotionPlan::build(const Workspace &workspace, const QString &from, const QString &to)
{
    const Environment *source = workspace.environment(from);
    const Environment *target = workspace.environment(to);
    if (!source || !target)
        return Error{Error::Code::Usage, workspace.unknownEnvironment(!source ? from : to)};
    if (source == target)
        return Error{Error::Code::Usage, QStringLiteral("promote from one environment to another, not '%1' to itself").arg(from)};

    PromotionPlan plan;
    plan.m_source = from;
    plan.m_target = to;
    QList<QStringList> excludes;
    for (const QString &exclude : workspace.config.promotionExclude)
        excludes << parseValuePath(exclude);

    if (!source->valuesFiles.isEmpty() && !target->valuesFiles.isEmpty()) {
        Result<QList<ValuesLayer>> sourceLayers = readLayers(workspace, *source);
        if (!sourceLayers)
            return sourceLayers.error();
        Result<QList<ValuesLayer>> targetLayers = readLayers(workspace, *target);
        if (!targetLayers)
            return targetLayers.error();
        const EnvironmentMatrix matrix = EnvironmentMatrix::build({EnvironmentLayers{from, sourceLayers.value()},
                                                                   EnvironmentLayers{to, targetLayers.value()}});
        const QString ownFile = target->valuesFiles.back();
        for (const MatrixSetting &setting : matrix.settings) {
            const MatrixCell &a = setting.cells.at(0);
            const MatrixCell &b = setting.cells.at(1);
            if (a.sameValueAs(b))
                continue;
            if (isExcluded(setting.keys, excludes)) {
                plan.m_excluded << setting.path;
                continue;
            }
            PromotionChange change;
            change.id = setting.path;
            change.file = ownFile;
            change.path = setting.keys;
            change.sourceText = a.isSet ? a.text : QString();
            change.targetText = b.isSet ? b.text : QString();
            change.sourceValue = a.value;
            change.sourceIsCollection = a.value.isArray() || a.value.isObject();
            change.sourceOrigin = a.origin;
            change.targetOrigin = b.origin;
            const bool targetOwnsIt = b.isSet && b.origin.file == ownFile;
            const bool sourceValueIsShared = a.isSet && a.origin.file != source->valuesFiles.back()
                && target->valuesFiles.contains(a.origin.file);
            if (a.isSet && sourceValueIsShared && targetOwnsIt) {
                change.kind = PromotionChange::Kind::ResetToInherited;
            } else if (!a.isSet && targetOwnsIt) {
                change.kind = PromotionChange::Kind::RemoveValue;
            } else {
                change.kind = PromotionChange::Kind::SetValue;
                if (!a.isSet) { // the source deletes it: a null in the target's file deletes it there too
                    change.sourceText = QStringLiteral("null");
                    change.sourceValue = QJsonValue(QJsonValue::Null);
                }
            }
            plan.m_changes << change;
        }
    }

    // A setting that is a map in one environment and has keys in the other shows up as the map and as
    // its keys: promoting the map covers them, so the keys are not proposed separately.
    QList<PromotionChange> covered;
    for (const PromotionChange &change : std::as_const(plan.m_changes)) {
        const bool underAnother = std::any_of(plan.m_changes.begin(), plan.m_changes.end(), [&change](const PromotionChange &other) {
            return other.path.size() < change.path.size() && change.path.mid(0, other.path.size()) == other.path;
        });
        if (!underAnother)
            covered << change;
    }
    plan.m_changes = covered;

    if (!source->kustomizationFile.isEmpty() && !target->kustomizationFile.isEmpty()) {
        const Result<QString> sourceText = TextFile::read(workspace.absolutePath(source->kustomizationFile));
        const Result<QString> targetText = TextFile::read(workspace.absolutePath(target->kustomizationFile));
        if (sourceText && targetText) {
            const YamlDocument sourceDoc = YamlDocument::parse(sourceText.value());
            const YamlDocument targetDoc = YamlDocument::parse(targetText.value());
            const QHash<QString, ImageEntry> sourceImages = imagesOf(sourceDoc);
            const QHash<QString, ImageEntry> targetImages = imagesOf(targetDoc);
            QStringList imageNames = sourceImages.keys();
            imageNames.sort();
            for (const QString &name : std::as_const(imageNames)) {
                const ImageEntry &a = sourceImages[name];
                const auto b = targetImages.constFind(name);
                const QString id = QStringLiteral("images/") + name;
                if (a.tag.isEmpty() || b == targetImages.constEnd() || b->tag == a.tag)
                    continue;
                if (isExcluded({QStringLiteral("images"), name}, excludes)) {
                    plan.m_excluded << id;
                    continue;
                }
                PromotionChange change;
                change.id = id;
                change.kind = PromotionChange::Kind::SetImageTag;
                change.file = target->kustomizationFile;
                change.path = {QStringLiteral("images"), QStringLiteral("[%1]").arg(b->index), QStringLiteral("newTag")};
                change.sourceText = a.tag;
                change.targetText = b->tag;
                change.sourceValue = QJsonValue(a.tag);
                change.sourceOrigin = ValueOrigin{source->kustomizationFile, a.tagNode->span.start.line,
                                                  a.tagNode->span.start.column};
                if (b->tagNode)
                    change.targetOrigin = ValueOrigin{target->kustomizationFile, b->tagNode->span.start.line,
                                                      b->tagNode->span.start.column};
                plan.m_changes << change;
            }
        }
    }
    return plan;
}

QList<PromotionChange> PromotionPlan::selected(const QStringList &ids) const
{
    if (ids.isEmpty())
        return m_changes;
    QList<PromotionChange> result;
    for (const PromotionChange &change : m_changes) {
        for (const QString &id : ids) {
            // "--only image" selects image.tag, image.repository…; "--only images" every image tag.
            if (change.id == id || change.id.startsWith(id + u'.') || change.id.startsWith(id + u'/')) {
                result << change;
                break;
            }
        }
    }
    return result;
}

Result<PromotionPreview> PromotionPlan::preview(const Workspace &workspace, const QStringList &ids) const
{
    const QList<PromotionChange> changes = selected(ids);
    if (changes.isEmpty())
        return Error{Error::Code::Refused, ids.isEmpty() ? QStringLiteral("%1 and %2 do not differ: nothing to promote").arg(m_source, m_target)
                                                         : QStringLiteral("no change matches %1").arg(ids.join(QStringLiteral(", ")))};
    PromotionPreview preview;
    QStringList order;
    QHash<QString, FileChange> byFile;
    for (const PromotionChange &change : changes) {
        if (!byFile.contains(change.file)) {
            Result<QString> text = TextFile::read(workspace.absolutePath(change.file));
            if (!text)
                return Error{Error::Code::Io, QStringLiteral("%1: %2").arg(change.file, text.errorMessage())};
            byFile.insert(change.file, FileChange{change.file, text.value(), text.value()});
            order << change.file;
        }
        FileChange &file = byFile[change.file];
        const YamlDocument doc = YamlDocument::parse(file.after);
        Result<yaml::TextEdit> edit = Error{};
        switch (change.kind) {
        case PromotionChange::Kind::SetValue:
            edit = change.sourceIsCollection
                ? yaml::YamlPatch::setFlow(doc, change.path, change.sourceText)
                : yaml::YamlPatch::setScalar(doc, change.path, rawText(change), typeOf(change.sourceValue, change.sourceText));
            break;
        case PromotionChange::Kind::ResetToInherited:
        case PromotionChange::Kind::RemoveValue:
            edit = yaml::YamlPatch::remove(doc, change.path);
            break;
        case PromotionChange::Kind::SetImageTag:
            edit = yaml::YamlPatch::setScalar(doc, change.path, change.sourceText, yaml::ScalarType::String);
            break;
        }
        if (!edit)
            return Error{edit.error().code, QStringLiteral("%1: %2").arg(change.file, edit.errorMessage())};
        file.after = edit->applyTo(file.after);
    }
    for (const QString &file : std::as_const(order)) {
        preview.files << byFile.value(file);
        preview.secrets << SecretScanner::scanText(preview.files.back().after.toUtf8(), file);
    }

    // Check the target as it is and as it would be.
    CheckOptions options;
    options.environment = m_target;
    options.offline = true;
    WorkspaceChecker checker(workspace, options);
    auto targetErrors = [&](const QString &file, const QString &text) {
        Diagnostics errors;
        for (const Diagnostic &d : checker.checkDocument(file, text)) {
            if (d.severity == Severity::Error
                && (d.environment.isEmpty() || d.environment.split(QStringLiteral(", ")).contains(m_target)))
                errors << d;
        }
        return errors;
    };
    for (const FileChange &file : std::as_const(preview.files)) {
        // The file as it would be first: when it is clean, how it was does not matter.
        const Diagnostics after = targetErrors(file.file, file.after);
        if (after.isEmpty())
            continue;
        QSet<QString> before;
        for (const Diagnostic &d : targetErrors(file.file, file.before))
            before.insert(problemKey(d));
        for (const Diagnostic &d : after)
            (before.contains(problemKey(d)) ? preview.existingProblems : preview.newProblems) << d;
    }
    if (!preview.newProblems.isEmpty()) {
        QStringList reasons;
        for (const Diagnostic &d : std::as_const(preview.newProblems))
            reasons << QStringLiteral("%1:%2: %3").arg(d.file).arg(d.line).arg(d.message);
        preview.refusals << QStringLiteral("the promotion would add %1 error(s) to %2: %3")
                                .arg(preview.newProblems.size())
                                .arg(m_target, reasons.join(QStringLiteral("; ")));
    }
    const Environment *target = workspace.environment(m_target);
    if (target && target->isProtected && !preview.existingProblems.isEmpty())
        preview.refusals << QStringLiteral("%1 is protected and already has %2 error(s); fix them before promoting")
                                .arg(m_target)
                                .arg(preview.existingProblems.size());
    return preview;
}

QString PromotionPlan::commitMessage(const QStringList &ids, const QString &sourceCommit) const
{
    const QList<PromotionChange> changes = selected(ids);
    QStringList summaries;
    for (const PromotionChange &change : changes)
        summaries << change.summary();
    QString subject = QStringLiteral("promote(%1→%2): ").arg(m_source, m_target);
    if (summaries.size() <= 3)
        subject += summaries.join(QStringLiteral(", "));
    else
        subject += summaries.mid(0, 2).join(QStringLiteral(", ")) + QStringLiteral(" and %1 more").arg(summaries.size() - 2);
    QString message = subject + QStringLiteral("\n\n");
    for (const QString &summary : std::as_const(summaries))
        message += QStringLiteral("- ") + summary + u'\n';
    message += QStringLiteral("\nPromoted-From: %1@%2\n").arg(m_source, sourceCommit.isEmpty() ? QStringLiteral("worktree") : sourceCommit);
    return message;
}

Status PromotionPlan::write(const Workspace &workspace, const QList<FileChange> &files)
{
    // Everything is written to temporary files first; only when all succeeded are they put in place.
    std::vector<std::unique_ptr<FileReplacement>> staged;
    for (const FileChange &change : files) {
        const QString path = workspace.absolutePath(change.file);
        const Result<QString> now = TextFile::read(path);
        if (!now || now.value() != change.before)
            return Status::failure(Error::Code::Refused,
                                   QStringLiteral("%1 changed on disk since the promotion was prepared; nothing was "
                                                  "written")
                                       .arg(change.file));
        auto file = std::make_unique<FileReplacement>(path);
        if (Status prepared = file->prepare(change.after.toUtf8()); !prepared)
            return Status::failure(Error::Code::Io, QStringLiteral("%1; nothing was written").arg(prepared.errorMessage()));
        staged.push_back(std::move(file));
    }
    for (size_t i = 0; i < staged.size(); ++i) {
        const Status committed = staged[i]->commit();
        if (committed)
            continue;
        // Put back what was already replaced.
        for (size_t j = 0; j < i; ++j) {
            FileReplacement restore(workspace.absolutePath(files[qsizetype(j)].file));
            if (restore.prepare(files[qsizetype(j)].before.toUtf8()))
                restore.commit();
        }
        return Status::failure(Error::Code::Io, QStringLiteral("%1; the promotion was undone").arg(committed.errorMessage()));
    }
    return success();
}

} // namespace studio
