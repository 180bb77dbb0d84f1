// SPDX-License-Identifier: MIT
#include "workspace/WorkspaceFile.h"

namespace studio {

QString fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::StudioConfig: return QStringLiteral("studio config");
    case FileKind::HelmChart: return QStringLiteral("Helm chart");
    case FileKind::HelmValues: return QStringLiteral("Helm values");
    case FileKind::HelmValuesSchema: return QStringLiteral("Helm values schema");
    case FileKind::HelmTemplate: return QStringLiteral("Helm template");
    case FileKind::Kustomization: return QStringLiteral("Kustomization");
    case FileKind::KustomizePatch: return QStringLiteral("Kustomize patch");
    case FileKind::ArgoApplication: return QStringLiteral("Argo CD Application");
    case FileKind::GitHubWorkflow: return QStringLiteral("GitHub workflow");
    case FileKind::Terraform: return QStringLiteral("Terraform");
    case FileKind::Manifest: return QStringLiteral("manifest");
    case FileKind::Dashboard: return QStringLiteral("dashboard");
    case FileKind::Other: return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

bool WorkspaceFile::isYaml() const
{
    return path.endsWith(u".yaml") || path.endsWith(u".yml");
}

} // namespace studio
