// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "values/ValueNode.h"
#include "yaml/YamlNode.h"

namespace studio {

/// Deployment rules beyond the schema (ids follow kube-linter where one exists).
class DeploymentLint
{
public:
    /// Containers of workload manifests: image without tag or on ":latest" ("latest-tag").
    static Diagnostics lintManifest(const yaml::YamlNode *root, const QString &file);
    /// Helm values: image.tag "latest" or empty ("latest-tag").
    static Diagnostics lintValues(const ValueNode &root, const QString &environment);
};

} // namespace studio
