// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace studio {

/// Identifies the schema a Kubernetes document needs.
struct ResourceType {
    QString apiVersion; ///< e.g. "apps/v1", "v1", "argoproj.io/v1alpha1"
    QString kind;       ///< e.g. "Deployment"

    QString group() const;   ///< "apps", "" for the core group
    QString version() const; ///< "v1"
    QString displayName() const; ///< "Deployment (apps/v1)"
};

/// One kubeconform-style schema location: `default`, a folder tree, or a path/URL template with
/// {{.ResourceKind}}, {{.KindSuffix}}, {{.Group}}, {{.ResourceAPIVersion}},
/// {{.NormalizedKubernetesVersion}} and {{.StrictSuffix}}.
class SchemaLocation
{
public:
    static constexpr auto kDefaultTemplate =
        "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/"
        "{{.NormalizedKubernetesVersion}}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json";

    /// `location` as the user wrote it. Relative folders are resolved against `baseDir`.
    static SchemaLocation parse(const QString &location, const QString &baseDir = QString());

    QString text() const { return m_text; }
    bool isRemote() const;

    /// The files or URLs to try for `type`, most specific first.
    QStringList candidates(const ResourceType &type, const QString &kubernetesVersion, bool strict = true) const;

    /// Expands one template.
    static QString expand(const QString &pattern, const ResourceType &type, const QString &kubernetesVersion,
                          bool strict);

private:
    QString m_text;
    QStringList m_patterns;
};

} // namespace studio
