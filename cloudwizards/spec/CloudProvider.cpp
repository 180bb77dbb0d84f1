// SPDX-License-Identifier: MIT
#include "spec/CloudProvider.h"

namespace studio::cloud {

QString providerId(CloudProvider provider)
{
    switch (provider) {
    case CloudProvider::Aws: return QStringLiteral("aws");
    case CloudProvider::Azure: return QStringLiteral("azure");
    case CloudProvider::Gcp: return QStringLiteral("gcp");
    }
    return {};
}

QString providerDisplayName(CloudProvider provider)
{
    switch (provider) {
    case CloudProvider::Aws: return QStringLiteral("AWS");
    case CloudProvider::Azure: return QStringLiteral("Azure");
    case CloudProvider::Gcp: return QStringLiteral("Google Cloud");
    }
    return {};
}

std::optional<CloudProvider> providerFromId(QStringView id)
{
    for (CloudProvider p : {CloudProvider::Aws, CloudProvider::Azure, CloudProvider::Gcp})
        if (id == providerId(p))
            return p;
    return std::nullopt;
}

QString presetId(Preset preset)
{
    return preset == Preset::Dev ? QStringLiteral("dev") : QStringLiteral("production");
}

std::optional<Preset> presetFromId(QStringView id)
{
    if (id == u"dev")
        return Preset::Dev;
    if (id == u"production")
        return Preset::Production;
    return std::nullopt;
}

} // namespace studio::cloud
