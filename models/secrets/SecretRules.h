// SPDX-License-Identifier: MIT
#pragma once

#include "secrets/SecretRule.h"

#include <QList>

namespace studio {

/// The studio's secret detection rules (cloud keys, tokens, private keys, JWTs, passwords in
/// assignments and database URLs), compiled once and shared read-only between scanning threads.
/// Kubernetes `Secret` manifests are found by SecretScanner itself: they need YAML structure, not a
/// pattern.
class SecretRules
{
public:
    static const QList<SecretRule> &all();
    /// Values that are placeholders everywhere: ${VAR}, <value>, {{ template }}, "changeme"…
    static bool isPlaceholder(const QString &secret);

    static constexpr auto kKubernetesSecretRule = "kubernetes-secret-data";
    static QString kubernetesSecretDescription();
};

} // namespace studio
