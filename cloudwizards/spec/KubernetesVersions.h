// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CloudProvider.h"

#include <QList>
#include <QString>

namespace studio::cloud {

/// One Kubernetes minor version a managed service offers, with the date its standard support ends.
struct KubernetesVersion {
    QString version;        ///< "1.34"
    QString supportEnds;    ///< ISO date, or empty when unconfirmed
    bool confirmed = false; ///< false where no reliable source gave the date
};

/// The versions table the wizards offer and validate against. The studio makes no API calls, so
/// this table is the place to update when providers add or retire versions.
class KubernetesVersions
{
public:
    static QList<KubernetesVersion> supported(CloudProvider provider);
    static bool isSupported(CloudProvider provider, const QString &version);
    static QString recommended(CloudProvider provider); ///< the safe default (1.34 in mid-2026)
};

} // namespace studio::cloud
