// SPDX-License-Identifier: MIT
#include "spec/addons/ClusterAddons.h"

#include "spec/ManifestYaml.h"
#include "spec/addons/AddonCharts.h"

#include <QJsonArray>
#include <QJsonObject>

namespace studio::cloud {

namespace {

QString storageClass(CloudProvider provider)
{
    switch (provider) {
    case CloudProvider::Aws: return QStringLiteral("gp2");
    case CloudProvider::Azure: return QStringLiteral("managed-csi");
    case CloudProvider::Gcp: return QStringLiteral("standard-rwo");
    }
    return {};
}

QJsonObject application(const QString &name, int syncWave, const QJsonObject &source, const QString &destinationNamespace,
                        bool serverSideApply = false)
{
    QJsonArray syncOptions{QStringLiteral("CreateNamespace=true")};
    if (serverSideApply)
        syncOptions.append(QStringLiteral("ServerSideApply=true"));
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
        {QStringLiteral("kind"), QStringLiteral("Application")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), QStringLiteral("argocd")},
                     {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("argocd.argoproj.io/sync-wave"), QString::number(syncWave)}}},
                     {QStringLiteral("finalizers"), QJsonArray{QStringLiteral("resources-finalizer.argocd.argoproj.io")}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("project"), QStringLiteral("default")},
                     {QStringLiteral("source"), source},
                     {QStringLiteral("destination"), QJsonObject{{QStringLiteral("server"), QStringLiteral("https://kubernetes.default.svc")},
                                                                 {QStringLiteral("namespace"), destinationNamespace}}},
                     {QStringLiteral("syncPolicy"),
                      QJsonObject{{QStringLiteral("automated"), QJsonObject{{QStringLiteral("prune"), true}, {QStringLiteral("selfHeal"), true}}},
                                  {QStringLiteral("syncOptions"), syncOptions}}}}}};
}

QJsonObject chartApplication(const AddonChart &chart, const QJsonObject &values, bool serverSideApply = false)
{
    QJsonObject source{{QStringLiteral("repoURL"), chart.repoUrl},
                       {QStringLiteral("chart"), chart.chart},
                       {QStringLiteral("targetRevision"), chart.version}};
    QJsonObject helm{{QStringLiteral("releaseName"), chart.name}};
    if (!values.isEmpty())
        helm.insert(QStringLiteral("valuesObject"), values);
    source.insert(QStringLiteral("helm"), helm);
    return application(chart.name, chart.syncWave, source, chart.namespaceName, serverSideApply);
}

QJsonObject gitApplication(const AddonTarget &t, const QString &name, int syncWave, const QString &path, const QString &ns)
{
    const QJsonObject source{{QStringLiteral("repoURL"), t.addons.gitRepoUrl},
                             {QStringLiteral("targetRevision"), t.addons.gitRevision},
                             {QStringLiteral("path"), path}};
    return application(name, syncWave, source, ns);
}

QJsonObject externalDnsValues(const AddonTarget &t)
{
    static const char *const providerNames[] = {"aws", "azure", "google"};
    QJsonObject values{{QStringLiteral("provider"), QJsonObject{{QStringLiteral("name"), QLatin1String(providerNames[int(t.provider)])}}},
                       {QStringLiteral("domainFilters"), QJsonArray{t.addons.dnsZone}},
                       {QStringLiteral("txtOwnerId"), t.clusterName},
                       {QStringLiteral("policy"), QStringLiteral("upsert-only")}};
    if (t.provider == CloudProvider::Gcp)
        values.insert(QStringLiteral("extraArgs"), QJsonArray{QStringLiteral("--google-project=") + t.gcpProject});
    return values;
}

QJsonObject ingressValues(const AddonTarget &t)
{
    QJsonObject annotations;
    if (t.provider == CloudProvider::Aws)
        annotations.insert(QStringLiteral("service.beta.kubernetes.io/aws-load-balancer-type"), QStringLiteral("nlb"));
    if (t.provider == CloudProvider::Azure)
        annotations.insert(QStringLiteral("service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path"), QStringLiteral("/healthz"));
    QJsonObject controller{{QStringLiteral("replicaCount"), t.production ? 2 : 1}};
    if (!annotations.isEmpty())
        controller.insert(QStringLiteral("service"), QJsonObject{{QStringLiteral("annotations"), annotations}});
    return QJsonObject{{QStringLiteral("controller"), controller}};
}

QJsonObject prometheusValues(const AddonTarget &t)
{
    const QJsonObject storage{
        {QStringLiteral("volumeClaimTemplate"),
         QJsonObject{{QStringLiteral("spec"),
                      QJsonObject{{QStringLiteral("storageClassName"), storageClass(t.provider)},
                                  {QStringLiteral("accessModes"), QJsonArray{QStringLiteral("ReadWriteOnce")}},
                                  {QStringLiteral("resources"),
                                   QJsonObject{{QStringLiteral("requests"),
                                                QJsonObject{{QStringLiteral("storage"), t.production ? QStringLiteral("50Gi") : QStringLiteral("10Gi")}}}}}}}}}};
    return QJsonObject{{QStringLiteral("prometheus"),
                        QJsonObject{{QStringLiteral("prometheusSpec"),
                                     QJsonObject{{QStringLiteral("retention"), t.production ? QStringLiteral("15d") : QStringLiteral("3d")},
                                                 {QStringLiteral("storageSpec"), storage}}}}}};
}

QJsonObject clusterIssuer(const AddonTarget &t)
{
    const QJsonObject solver{{QStringLiteral("http01"),
                              QJsonObject{{QStringLiteral("ingress"), QJsonObject{{QStringLiteral("ingressClassName"), QStringLiteral("nginx")}}}}}};
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("cert-manager.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("ClusterIssuer")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("letsencrypt")}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("acme"),
                      QJsonObject{{QStringLiteral("email"), t.addons.acmeEmail},
                                  {QStringLiteral("server"), QStringLiteral("https://acme-v02.api.letsencrypt.org/directory")},
                                  {QStringLiteral("privateKeySecretRef"), QJsonObject{{QStringLiteral("name"), QStringLiteral("letsencrypt-account-key")}}},
                                  {QStringLiteral("solvers"), QJsonArray{solver}}}}}}};
}

QJsonObject elasticsearch(const AddonTarget &t, const InClusterSearchAnswers &s)
{
    const QString memory = QStringLiteral("%1Gi").arg(s.memoryGb);
    const QJsonObject container{{QStringLiteral("name"), QStringLiteral("elasticsearch")},
                                {QStringLiteral("resources"), QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("memory"), memory}}},
                                                                          {QStringLiteral("limits"), QJsonObject{{QStringLiteral("memory"), memory}}}}}};
    const QJsonObject claim{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("elasticsearch-data")}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("accessModes"), QJsonArray{QStringLiteral("ReadWriteOnce")}},
                     {QStringLiteral("storageClassName"), storageClass(t.provider)},
                     {QStringLiteral("resources"),
                      QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("storage"), QStringLiteral("%1Gi").arg(s.storageGb)}}}}}}}};
    const QJsonObject nodeSet{{QStringLiteral("name"), QStringLiteral("default")},
                              {QStringLiteral("count"), s.nodes},
                              {QStringLiteral("config"), QJsonObject{{QStringLiteral("node.store.allow_mmap"), false}}},
                              {QStringLiteral("podTemplate"),
                               QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{container}}}}}},
                              {QStringLiteral("volumeClaimTemplates"), QJsonArray{claim}}};
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("elasticsearch.k8s.elastic.co/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Elasticsearch")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("search")},
                                                                {QStringLiteral("namespace"), QStringLiteral("search")}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("version"), s.version},
                                                            {QStringLiteral("nodeSets"), QJsonArray{nodeSet}}}}};
}

QString readme(const AddonTarget &t, const QString &dir)
{
    const AddonChart argo = AddonCharts::argoCd();
    return QStringLiteral(
               "# Cluster add-ons of %1\n\n"
               "Generated by the Deploy Studio cloud wizard. Argo CD installs everything in `apps/` from this repository\n"
               "(%2, revision `%3`), in sync waves: operators and CRDs first, then what uses them.\n\n"
               "## Bootstrap (once per cluster)\n\n"
               "```sh\n"
               "helm repo add argo %4\n"
               "helm install argocd argo/%5 --version %6 --namespace argocd --create-namespace \\\n"
               "  --values %7/bootstrap/argocd-values.yaml\n"
               "kubectl apply -f %7/bootstrap/root-app.yaml\n"
               "```\n\n"
               "From then on Argo CD manages itself (`apps/argocd.yaml`) and every other add-on.\n")
        .arg(t.environment, t.addons.gitRepoUrl, t.addons.gitRevision, argo.repoUrl, argo.chart, argo.version, dir);
}

} // namespace

GeneratedFiles ClusterAddons::generate(const AddonTarget &t)
{
    const QString dir = QStringLiteral("clusters/%1/addons").arg(t.environment);
    GeneratedFiles files;
    const auto add = [&](const QString &path, const QJsonObject &manifest) {
        files.append({dir + u'/' + path, manifestYaml(manifest)});
    };
    const QJsonObject argoValues{
        {QStringLiteral("configs"), QJsonObject{{QStringLiteral("params"), QJsonObject{{QStringLiteral("server.insecure"), false}}}}},
        {QStringLiteral("server"), QJsonObject{{QStringLiteral("replicas"), t.production ? 2 : 1}}},
        {QStringLiteral("repoServer"), QJsonObject{{QStringLiteral("replicas"), t.production ? 2 : 1}}}};
    files.append({dir + QStringLiteral("/bootstrap/argocd-values.yaml"), manifestYaml(argoValues)});
    add(QStringLiteral("bootstrap/root-app.yaml"), gitApplication(t, QStringLiteral("addons"), 0, dir + QStringLiteral("/apps"),
                                                                   QStringLiteral("argocd")));
    add(QStringLiteral("apps/argocd.yaml"), chartApplication(AddonCharts::argoCd(), argoValues));
    add(QStringLiteral("apps/metrics-server.yaml"), chartApplication(AddonCharts::metricsServer(), {}));
    if (t.provider == CloudProvider::Aws)
        add(QStringLiteral("apps/cluster-autoscaler.yaml"),
            chartApplication(AddonCharts::clusterAutoscaler(),
                             QJsonObject{{QStringLiteral("autoDiscovery"), QJsonObject{{QStringLiteral("clusterName"), t.clusterName}}},
                                         {QStringLiteral("awsRegion"), t.region}}));
    add(QStringLiteral("apps/external-dns.yaml"), chartApplication(AddonCharts::externalDns(), externalDnsValues(t)));
    add(QStringLiteral("apps/ingress-nginx.yaml"), chartApplication(AddonCharts::ingressNginx(), ingressValues(t)));
    add(QStringLiteral("apps/cert-manager.yaml"),
        chartApplication(AddonCharts::certManager(), QJsonObject{{QStringLiteral("crds"), QJsonObject{{QStringLiteral("enabled"), true}}}}));
    add(QStringLiteral("apps/kube-prometheus-stack.yaml"), chartApplication(AddonCharts::kubePrometheusStack(), prometheusValues(t), true));
    add(QStringLiteral("apps/sealed-secrets.yaml"),
        chartApplication(AddonCharts::sealedSecrets(), QJsonObject{{QStringLiteral("fullnameOverride"), QStringLiteral("sealed-secrets-controller")}}));
    const bool search = t.search && t.search->enabled;
    if (search)
        add(QStringLiteral("apps/eck-operator.yaml"), chartApplication(AddonCharts::eckOperator(), {}));
    if (t.addons.istio) {
        add(QStringLiteral("apps/istio-base.yaml"), chartApplication(AddonCharts::istioBase(), {}));
        add(QStringLiteral("apps/istiod.yaml"), chartApplication(AddonCharts::istiod(), {}));
    }
    add(QStringLiteral("apps/cluster-config.yaml"),
        gitApplication(t, QStringLiteral("cluster-config"), 5, dir + QStringLiteral("/manifests"), QStringLiteral("default")));
    add(QStringLiteral("manifests/cluster-issuer.yaml"), clusterIssuer(t));
    if (search) {
        add(QStringLiteral("manifests/search-namespace.yaml"),
            QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("Namespace")},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("search")}}}});
        add(QStringLiteral("manifests/elasticsearch.yaml"), elasticsearch(t, *t.search));
    }
    files.append({dir + QStringLiteral("/README.md"), readme(t, dir)});
    return files;
}

} // namespace studio::cloud
