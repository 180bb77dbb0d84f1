// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "workspace/Environment.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

/// The optional repository config `.deploy-studio.yaml`: what conventions cannot tell
/// (promotion order, protected environments, schema locations).
struct StudioConfig {
    static constexpr auto kFileName = ".deploy-studio.yaml";

    bool present = false;
    QList<Environment> environments;   ///< in promotion order; empty = use conventions
    QStringList promotionExclude;      ///< dotted value paths never copied between environments
    QString kubernetesVersion = QStringLiteral("1.31.6");
    QStringList schemaLocations;       ///< kubeconform-style; empty = "default"
    Diagnostics diagnostics;           ///< problems in the config file itself

    /// Parses the config text. `file` is used in diagnostics. Problems are reported, never fatal:
    /// whatever could be understood is kept.
    static StudioConfig parse(const QString &text, const QString &file = QString::fromLatin1(kFileName));
};

} // namespace studio
