// SPDX-License-Identifier: MIT
#include "core/Diagnostic.h"

#include <tuple>

namespace studio {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("note");
    }
    return QStringLiteral("error");
}

bool diagnosticLessThan(const Diagnostic &a, const Diagnostic &b)
{
    return std::tie(a.file, a.line, a.column, a.rule, a.message, a.environment)
        < std::tie(b.file, b.line, b.column, b.rule, b.message, b.environment);
}

} // namespace studio
