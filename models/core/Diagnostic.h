// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace studio {

enum class Severity { Error, Warning, Info };

QString severityName(Severity severity); // "error", "warning", "note"

/// One finding about a file: a YAML syntax error, a schema violation, a lint rule, a discovery problem.
/// Lines and columns are 1-based; 0 means "the whole file".
struct Diagnostic {
    QString file;        ///< path relative to the workspace root, '/' separated
    int line = 0;
    int column = 0;
    int endLine = 0;
    int endColumn = 0;
    Severity severity = Severity::Error;
    QString rule;        ///< stable id, e.g. "yaml-syntax", "schema", "latest-tag"
    QString jsonPath;    ///< where in the document, e.g. "spec.replicas" (empty when not applicable)
    QString message;     ///< one sentence saying what is wrong and, where possible, what to do
    QString environment; ///< the environment whose effective values produced it (empty when not specific)

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = QList<Diagnostic>;

/// Orders by file, line, column, then rule — the order a compiler prints.
bool diagnosticLessThan(const Diagnostic &a, const Diagnostic &b);

} // namespace studio

Q_DECLARE_METATYPE(studio::Diagnostic)
