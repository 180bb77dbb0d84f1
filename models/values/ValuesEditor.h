// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "workspace/Workspace.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

/// A setting to write: a value path ("image.tag", "ingress.hosts[0].host") and its text.
struct ValueAssignment {
    QStringList path;
    QString value;

    /// Parses "PATH=VALUE"; dots separate keys, "\." is a literal dot, "[n]" indexes lists.
    static Result<ValueAssignment> parse(const QString &text);
};

/// The new content of one file.
struct FileChange {
    QString file;    ///< relative to the workspace root
    QString before;
    QString after;
};

/// Writes settings into an environment's own values file (its last layer) with minimal edits:
/// values are typed by the chart's values.schema.json, and a value the schema rejects is refused
/// before anything is written.
class ValuesEditor
{
public:
    /// Plans the edits; nothing touches the disk.
    static Result<FileChange> plan(const Workspace &workspace, const Environment &environment,
                                   const QList<ValueAssignment> &assignments);
    /// Writes a planned change atomically; refuses when the file changed since it was planned.
    static Status write(const Workspace &workspace, const FileChange &change);
};

/// Parses a dotted value path ("a.b[0].c", "\." for a literal dot).
QStringList parseValuePath(const QString &text);

} // namespace studio
