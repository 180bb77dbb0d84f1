// SPDX-License-Identifier: MIT
#include "workspace/Environment.h"

namespace studio {

QStringList Environment::files() const
{
    QStringList result = valuesFiles;
    if (!kustomizeOverlay.isEmpty())
        result << kustomizeOverlay + QStringLiteral("/kustomization.yaml");
    if (!argocdApplication.isEmpty())
        result << argocdApplication;
    result.removeDuplicates();
    return result;
}

} // namespace studio
