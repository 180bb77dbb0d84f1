// SPDX-License-Identifier: MIT
#include "pipeline/WorkflowJob.h"

namespace studio {

QString WorkflowStep::title() const
{
    if (!name.isEmpty())
        return name;
    if (!uses.isEmpty())
        return uses;
    const QString firstLine = run.trimmed().section(u'\n', 0, 0).trimmed();
    return firstLine.isEmpty() ? QStringLiteral("(empty step)") : QStringLiteral("Run ") + firstLine;
}

} // namespace studio
