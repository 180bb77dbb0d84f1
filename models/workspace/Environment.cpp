// SPDX-License-Identifier: MIT
#include "workspace/Environment.h"

namespace studio {

QStringList Environment::files() const
{
    QStringList result = valuesFiles;
    if (!kustomizationFile.isEmpty())
        result << kustomizationFile;
    if (!argocdApplication.isEmpty())
        result << argocdApplication;
    result.removeDuplicates();
    return result;
}

} // namespace studio
