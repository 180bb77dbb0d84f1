// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "core/Result.h"
#include "secrets/SecretFinding.h"
#include "values/ValueNode.h"
#include "values/ValuesEditor.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

struct Workspace;

/// One change a promotion can carry from the source environment to the target.
struct PromotionChange {
    enum class Kind {
        SetValue,         ///< write the source's value into the target's own values file
        ResetToInherited, ///< remove the target's override: it then inherits the value the source has
        RemoveValue,      ///< the source does not have the setting: remove it from the target's file
        SetImageTag,      ///< Kustomize `images:` newTag of the target overlay
    };

    QString id;          ///< stable: the dotted value path, or "images/<name>" (what --only selects)
    Kind kind = Kind::SetValue;
    QString file;        ///< the target file the change edits
    QStringList path;    ///< where in that file
    QString sourceText;  ///< the source environment's value ("" when it has none)
    QString targetText;  ///< the target's current value ("" when it has none)
    bool sourceIsCollection = false; ///< a list or map, written in flow style
    QJsonValue sourceValue;          ///< typed, decides how the value is written
    ValueOrigin sourceOrigin;
    ValueOrigin targetOrigin;

    /// "image.tag latest → 1.8.0" (target's current value → the promoted one).
    QString summary() const;
};

/// What a promotion would do, before anything is written.
struct PromotionPreview {
    QList<FileChange> files;     ///< new content of every file it edits
    Diagnostics newProblems;     ///< errors the target would gain
    Diagnostics existingProblems;///< errors the target already has (shown; they block only protected targets)
    QStringList refusals;        ///< why the promotion may not go ahead (empty = it may)
    SecretFindings secrets;      ///< plaintext secrets in the new texts: committing them needs an explicit override
    bool allowed() const { return refusals.isEmpty(); }
};

/// Promotion from one environment to the next: the differences of their effective Helm values and
/// of their Kustomize image tags, as changes the user picks. Keys under `promotion.exclude` are never
/// proposed. Applying a selection edits the target's files through YamlPatch (minimal edits), checks
/// the target as it would be, and writes every file or none.
class PromotionPlan
{
public:
    static Result<PromotionPlan> build(const Workspace &workspace, const QString &from, const QString &to);

    const QString &source() const { return m_source; }
    const QString &target() const { return m_target; }
    const QList<PromotionChange> &changes() const { return m_changes; }
    /// Settings that differ but are excluded by `promotion.exclude`, for information.
    const QStringList &excluded() const { return m_excluded; }

    /// The file contents and the check of the target after applying the changes `ids` (all when empty).
    Result<PromotionPreview> preview(const Workspace &workspace, const QStringList &ids = {}) const;

    /// "promote(staging→prod): image.tag 1.7.2 → 1.8.0, replicaCount 2 → 3" + the Promoted-From trailer.
    QString commitMessage(const QStringList &ids, const QString &sourceCommit) const;

    /// Writes every file of the preview or none (atomic per file; earlier files restored if a later one fails).
    static Status write(const Workspace &workspace, const QList<FileChange> &files);

private:
    QList<PromotionChange> selected(const QStringList &ids) const;

    QString m_source;
    QString m_target;
    QList<PromotionChange> m_changes;
    QStringList m_excluded;
};

} // namespace studio
