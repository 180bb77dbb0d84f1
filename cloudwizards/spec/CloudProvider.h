// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace studio::cloud {

enum class CloudProvider { Aws, Azure, Gcp };

/// The starting point of an answers file: small and cheap, or highly available.
enum class Preset { Dev, Production };

QString providerId(CloudProvider provider);          ///< "aws", "azure", "gcp"
QString providerDisplayName(CloudProvider provider); ///< "AWS", "Azure", "Google Cloud"
std::optional<CloudProvider> providerFromId(QStringView id);

QString presetId(Preset preset); ///< "dev", "production"
std::optional<Preset> presetFromId(QStringView id);

} // namespace studio::cloud
