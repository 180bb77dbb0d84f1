// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "secrets/SecretFinding.h"

#include <QByteArray>
#include <QString>

namespace studio {

/// Secret findings for people and machines. Text and SARIF share the studio's DiagnosticFormat (so
/// `scan` reads like `check`); JSON carries each finding's own fields.
class SecretFindingFormat
{
public:
    /// Each finding as an error Diagnostic whose message names the rule and shows the masked line.
    static Diagnostics toDiagnostics(const SecretFindings &findings);
    /// "file:line:col: error: … [rule]" lines and a summary.
    static QString toText(const SecretFindings &findings);
    /// {"version":1,"summary":{"findings":N,"files":M},"findings":[{file,line,column,rule,description,excerpt}]}
    static QByteArray toJson(const SecretFindings &findings);
    /// SARIF 2.1.0 with the rules' descriptions; `root` is the SRCROOT base.
    static QByteArray toSarif(const SecretFindings &findings, const QString &root);
    /// One line per finding for a refused commit: "file:line:col rule (description)".
    static QString toRefusal(const SecretFindings &findings);
};

} // namespace studio
