// SPDX-License-Identifier: MIT
#include "spec/addons/AddonCharts.h"

namespace studio::cloud {

AddonChart AddonCharts::argoCd()
{
    return {QStringLiteral("argocd"), QStringLiteral("https://argoproj.github.io/argo-helm"), QStringLiteral("argo-cd"),
            QStringLiteral("7.7.11"), QStringLiteral("argocd"), -1};
}

AddonChart AddonCharts::metricsServer()
{
    return {QStringLiteral("metrics-server"), QStringLiteral("https://kubernetes-sigs.github.io/metrics-server/"),
            QStringLiteral("metrics-server"), QStringLiteral("3.12.2"), QStringLiteral("kube-system"), 0};
}

AddonChart AddonCharts::clusterAutoscaler()
{
    return {QStringLiteral("cluster-autoscaler"), QStringLiteral("https://kubernetes.github.io/autoscaler"),
            QStringLiteral("cluster-autoscaler"), QStringLiteral("9.43.2"), QStringLiteral("kube-system"), 0};
}

AddonChart AddonCharts::externalDns()
{
    return {QStringLiteral("external-dns"), QStringLiteral("https://kubernetes-sigs.github.io/external-dns/"),
            QStringLiteral("external-dns"), QStringLiteral("1.15.0"), QStringLiteral("external-dns"), 1};
}

AddonChart AddonCharts::ingressNginx()
{
    return {QStringLiteral("ingress-nginx"), QStringLiteral("https://kubernetes.github.io/ingress-nginx"),
            QStringLiteral("ingress-nginx"), QStringLiteral("4.11.3"), QStringLiteral("ingress-nginx"), 1};
}

AddonChart AddonCharts::certManager()
{
    return {QStringLiteral("cert-manager"), QStringLiteral("https://charts.jetstack.io"), QStringLiteral("cert-manager"),
            QStringLiteral("v1.16.2"), QStringLiteral("cert-manager"), 0};
}

AddonChart AddonCharts::kubePrometheusStack()
{
    return {QStringLiteral("kube-prometheus-stack"), QStringLiteral("https://prometheus-community.github.io/helm-charts"),
            QStringLiteral("kube-prometheus-stack"), QStringLiteral("66.3.1"), QStringLiteral("monitoring"), 1};
}

AddonChart AddonCharts::sealedSecrets()
{
    return {QStringLiteral("sealed-secrets"), QStringLiteral("https://bitnami-labs.github.io/sealed-secrets"),
            QStringLiteral("sealed-secrets"), QStringLiteral("2.16.2"), QStringLiteral("kube-system"), 0};
}

AddonChart AddonCharts::eckOperator()
{
    return {QStringLiteral("eck-operator"), QStringLiteral("https://helm.elastic.co"), QStringLiteral("eck-operator"),
            QStringLiteral("2.15.0"), QStringLiteral("elastic-system"), 0};
}

AddonChart AddonCharts::istioBase()
{
    return {QStringLiteral("istio-base"), QStringLiteral("https://istio-release.storage.googleapis.com/charts"),
            QStringLiteral("base"), QStringLiteral("1.24.2"), QStringLiteral("istio-system"), 0};
}

AddonChart AddonCharts::istiod()
{
    return {QStringLiteral("istiod"), QStringLiteral("https://istio-release.storage.googleapis.com/charts"),
            QStringLiteral("istiod"), QStringLiteral("1.24.2"), QStringLiteral("istio-system"), 1};
}

} // namespace studio::cloud
