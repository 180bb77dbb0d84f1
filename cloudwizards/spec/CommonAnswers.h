// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace studio::cloud {

// Building blocks shared by the three providers' answers models. Each lists its fields once in
// describe(), which AnswersYamlReader and AnswersYamlWriter visit.

/// A node pool (EKS managed node group, AKS node pool, GKE node pool) with autoscaling bounds.
struct NodePoolAnswers {
    QString name;
    QString machineType;
    int minNodes = 1;
    int desiredNodes = 1;
    int maxNodes = 3;
    int diskGb = 50;
    bool spot = false;

    template<typename V>
    void describe(V &v)
    {
        v.text("name", name, "node pool name");
        v.text("machineType", machineType, "instance type / VM size / machine type");
        v.number("minNodes", minNodes, "autoscaling lower bound");
        v.number("desiredNodes", desiredNodes, "nodes at creation");
        v.number("maxNodes", maxNodes, "autoscaling upper bound");
        v.number("diskGb", diskGb, "OS disk size in GB");
        v.flag("spot", spot, "use spot / preemptible capacity");
    }
};

/// The Elasticsearch cluster the ECK operator runs inside the cluster (Azure and GCP search layer).
struct InClusterSearchAnswers {
    bool enabled = true;
    QString version = QStringLiteral("8.17.0");
    int nodes = 1;
    int storageGb = 30;
    int memoryGb = 2;

    template<typename V>
    void describe(V &v)
    {
        v.flag("enabled", enabled, "run Elasticsearch in the cluster with the ECK operator");
        v.text("version", version, "Elasticsearch version");
        v.number("nodes", nodes, "Elasticsearch nodes (3 or more for production)");
        v.number("storageGb", storageGb, "persistent volume per node in GB");
        v.number("memoryGb", memoryGb, "memory per node in GB");
    }
};

/// Object storage with an optional CDN in front of it and the certificate for its domain.
struct StorageAnswers {
    QString bucket;
    bool cdn = false;
    QString cdnDomain;

    template<typename V>
    void describe(V &v)
    {
        v.text("bucket", bucket, "bucket / storage account name (globally unique)");
        v.flag("cdn", cdn, "put a CDN in front of the bucket");
        v.text("cdnDomain", cdnDomain, "custom domain served by the CDN, with a managed certificate (empty: none)");
    }
};

/// What the Argo CD app-of-apps installs besides Argo CD itself.
struct AddonAnswers {
    QString gitRepoUrl = QStringLiteral("https://github.com/example/tunemantra-deploy.git");
    QString gitRevision = QStringLiteral("main");
    QString acmeEmail = QStringLiteral("ops@example.com");
    QString dnsZone = QStringLiteral("example.com");
    bool istio = false;

    template<typename V>
    void describe(V &v)
    {
        v.text("gitRepoUrl", gitRepoUrl, "the GitOps repository Argo CD syncs the add-ons from");
        v.text("gitRevision", gitRevision, "branch or tag Argo CD follows");
        v.text("acmeEmail", acmeEmail, "Let's Encrypt account e-mail for the cert-manager ClusterIssuer");
        v.text("dnsZone", dnsZone, "DNS zone external-dns manages");
        v.flag("istio", istio, "install the Istio service mesh");
    }
};

} // namespace studio::cloud
