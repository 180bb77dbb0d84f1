// SPDX-License-Identifier: MIT
#pragma once

#include "secrets/SecretFinding.h"

#include <QByteArray>
#include <QString>

namespace studio {

/// Finds Kubernetes `Secret` manifests (kind: Secret, not SealedSecret) whose `data` or `stringData`
/// hold values: one finding per key, on the key's line. Helm templates (`{{ … }}`) and placeholders
/// are not values. Works on lines and indentation, so a half-written file is still checked.
class KubernetesSecretScan
{
public:
    /// Whether `path` is YAML and its lowercase content mentions a Secret at all (a cheap prefilter).
    static bool applies(const QString &path, const QByteArray &lowerContent);
    static SecretFindings findings(const QString &text, const QString &path);
};

} // namespace studio
