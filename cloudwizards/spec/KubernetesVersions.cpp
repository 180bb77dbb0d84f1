// SPDX-License-Identifier: MIT
#include "spec/KubernetesVersions.h"

namespace studio::cloud {

QList<KubernetesVersion> KubernetesVersions::supported(CloudProvider provider)
{
    switch (provider) {
    case CloudProvider::Aws:
        // End of standard support; endoflife.date (secondary), policy from the EKS user guide.
        return {{QStringLiteral("1.33"), QStringLiteral("2026-07-29"), true},
                {QStringLiteral("1.34"), QStringLiteral("2026-12-02"), true},
                {QStringLiteral("1.35"), QStringLiteral("2027-03-27"), true}};
    case CloudProvider::Azure:
        // MicrosoftDocs supported-kubernetes-versions.md; 1.36 is only planned, so not offered.
        return {{QStringLiteral("1.33"), QStringLiteral("2026-06-30"), false},
                {QStringLiteral("1.34"), QStringLiteral("2026-11-30"), true},
                {QStringLiteral("1.35"), QStringLiteral("2027-03-31"), true}};
    case CloudProvider::Gcp:
        // GKE dates are unconfirmed; the upstream end-of-life dates (kubernetes.io/releases) bound them.
        return {{QStringLiteral("1.33"), QString(), false},
                {QStringLiteral("1.34"), QString(), false},
                {QStringLiteral("1.35"), QString(), false}};
    }
    return {};
}

bool KubernetesVersions::isSupported(CloudProvider provider, const QString &version)
{
    for (const KubernetesVersion &v : supported(provider))
        if (v.version == version)
            return true;
    return false;
}

QString KubernetesVersions::recommended(CloudProvider)
{
    return QStringLiteral("1.34");
}

} // namespace studio::cloud
