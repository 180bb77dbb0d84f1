// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

namespace studio {

class CodeEditor;
class WorkspaceChecker;

/// Gives `editor` completion and hover from the schema that applies where the cursor is: the chart's
/// values.schema.json for values files, the manifest kind's schema (already loaded by `checker`) otherwise.
void installSchemaAssist(CodeEditor *editor, const std::shared_ptr<WorkspaceChecker> &checker, const QString &file);

} // namespace studio
