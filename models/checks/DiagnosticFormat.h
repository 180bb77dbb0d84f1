// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"

#include <QByteArray>
#include <QString>

namespace studio {

/// Renders findings for people and machines: compiler-style text, the studio's JSON, SARIF 2.1.0.
class DiagnosticFormat
{
public:
    /// "file:line:col: error: message [rule]" lines, then a summary line.
    static QString toText(const Diagnostics &diagnostics);
    /// {"version":1,"summary":{...},"diagnostics":[...]} — documented in the README.
    static QByteArray toJson(const Diagnostics &diagnostics);
    /// A SARIF 2.1.0 log with one run; `workspaceRoot` becomes the SRCROOT base URI.
    static QByteArray toSarif(const Diagnostics &diagnostics, const QString &workspaceRoot);
};

} // namespace studio
