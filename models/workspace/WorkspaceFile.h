// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace studio {

/// What a file in a GitOps repository is, as far as the studio is concerned.
enum class FileKind {
    StudioConfig,     ///< .deploy-studio.yaml
    HelmChart,        ///< Chart.yaml
    HelmValues,       ///< values.yaml, values-<env>.yaml
    HelmValuesSchema, ///< values.schema.json
    HelmTemplate,     ///< anything under a chart's templates/: Go templates, never parsed as YAML
    Kustomization,    ///< kustomization.yaml of a base or an overlay
    KustomizePatch,   ///< a patch a kustomization applies: partial on purpose, not schema-checked
    ArgoApplication,  ///< an Argo CD Application manifest
    GitHubWorkflow,   ///< .github/workflows/*.yml
    Terraform,        ///< *.tf
    Manifest,         ///< other YAML: Kubernetes manifests, checked by apiVersion/kind
    Dashboard,        ///< monitoring dashboard: Grafana JSON or the studio's YAML
    Other,            ///< anything else (README, scripts, …)
};

QString fileKindName(FileKind kind);

struct WorkspaceFile {
    QString path; ///< relative to the workspace root, '/' separated
    FileKind kind = FileKind::Other;

    bool isYaml() const;
};

} // namespace studio
