// SPDX-License-Identifier: MIT
#include "spec/TerraformPins.h"
#include "spec/azure/AzureTerraform.h"

namespace studio::cloud {

namespace {

HclValue str(const QString &s) { return HclValue::string(s); }
HclValue code(const QString &c) { return HclValue::expression(c); }

void inResourceGroup(HclBody &body)
{
    body.attribute(QStringLiteral("location"), code(QStringLiteral("azurerm_resource_group.main.location")));
    body.attribute(QStringLiteral("resource_group_name"), code(QStringLiteral("azurerm_resource_group.main.name")));
}

HclValue poolObject(const NodePoolAnswers &pool)
{
    return HclValue::object({{QStringLiteral("vm_size"), str(pool.machineType)},
                             {QStringLiteral("min_nodes"), HclValue::number(pool.minNodes)},
                             {QStringLiteral("desired_nodes"), HclValue::number(pool.desiredNodes)},
                             {QStringLiteral("max_nodes"), HclValue::number(pool.maxNodes)},
                             {QStringLiteral("disk_size_gb"), HclValue::number(pool.diskGb)},
                             {QStringLiteral("spot"), HclValue::boolean(pool.spot)}});
}

const char *const kPoolType = "object({ vm_size = string, min_nodes = number, desired_nodes = number, max_nodes = number, "
                              "disk_size_gb = number, spot = bool })";

void addVersions(TerraformConfiguration &tf)
{
    HclBody &f = tf.file(QStringLiteral("versions.tf"),
                         QStringLiteral("azurerm %1. The subscription comes from ARM_SUBSCRIPTION_ID or `az account set`.")
                             .arg(QLatin1String(pins::kAzurermProvider)));
    HclBody &terraform = f.block(QStringLiteral("terraform"));
    terraform.attribute(QStringLiteral("required_version"), str(QLatin1String(pins::kTerraform)));
    terraform.blankLine();
    terraform.block(QStringLiteral("required_providers"))
        .attribute(QStringLiteral("azurerm"), HclValue::object({{QStringLiteral("source"), str(QStringLiteral("hashicorp/azurerm"))},
                                                                {QStringLiteral("version"), str(QLatin1String(pins::kAzurermProvider))}}));
    f.block(QStringLiteral("provider"), {QStringLiteral("azurerm")}).block(QStringLiteral("features"));
    f.block(QStringLiteral("data"), {QStringLiteral("azurerm_client_config"), QStringLiteral("current")});
}

void addNetwork(TerraformConfiguration &tf, const AzureAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    HclBody &f = tf.file(QStringLiteral("network.tf"), QStringLiteral("Resource group, VNet, the AKS node subnet and the PostgreSQL subnet."));
    HclBody &rg = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_resource_group"), QStringLiteral("main")});
    rg.attribute(QStringLiteral("name"), vars.use(QStringLiteral("resource_group_name"), QStringLiteral("string"), QStringLiteral("Resource group"),
                                                  str(a.resourceGroup)));
    rg.attribute(QStringLiteral("location"), code(QStringLiteral("var.location")));
    rg.blankLine();
    rg.attribute(QStringLiteral("tags"), HclValue::object({{QStringLiteral("environment"), code(QStringLiteral("var.environment"))},
                                                           {QStringLiteral("managed-by"), str(QStringLiteral("terraform"))}}));

    HclBody &vnet = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_virtual_network"), QStringLiteral("main")});
    vnet.attribute(QStringLiteral("name"), code(QStringLiteral("\"vnet-${var.environment}\"")));
    inResourceGroup(vnet);
    vnet.attribute(QStringLiteral("address_space"), HclValue::list({vars.use(QStringLiteral("vnet_cidr"), QStringLiteral("string"),
                                                                             QStringLiteral("VNet address space"), str(a.network.vnetCidr))}));

    HclBody &nodes = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_subnet"), QStringLiteral("nodes")});
    nodes.attribute(QStringLiteral("name"), str(QStringLiteral("snet-aks-nodes")));
    nodes.attribute(QStringLiteral("resource_group_name"), code(QStringLiteral("azurerm_resource_group.main.name")));
    nodes.attribute(QStringLiteral("virtual_network_name"), code(QStringLiteral("azurerm_virtual_network.main.name")));
    nodes.attribute(QStringLiteral("address_prefixes"), HclValue::list({vars.use(QStringLiteral("node_subnet_cidr"), QStringLiteral("string"),
                                                                                 QStringLiteral("AKS node subnet"), str(a.network.nodeSubnetCidr))}));

    HclBody &db = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_subnet"), QStringLiteral("database")});
    db.attribute(QStringLiteral("name"), str(QStringLiteral("snet-postgres")));
    db.attribute(QStringLiteral("resource_group_name"), code(QStringLiteral("azurerm_resource_group.main.name")));
    db.attribute(QStringLiteral("virtual_network_name"), code(QStringLiteral("azurerm_virtual_network.main.name")));
    db.attribute(QStringLiteral("address_prefixes"), HclValue::list({vars.use(QStringLiteral("database_subnet_cidr"), QStringLiteral("string"),
                                                                              QStringLiteral("Subnet delegated to PostgreSQL"),
                                                                              str(a.network.databaseSubnetCidr))}));
    db.blankLine();
    HclBody &delegation = db.block(QStringLiteral("delegation"));
    delegation.attribute(QStringLiteral("name"), str(QStringLiteral("postgres")));
    delegation.blankLine();
    HclBody &service = delegation.block(QStringLiteral("service_delegation"));
    service.attribute(QStringLiteral("name"), str(QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers")));
    service.attribute(QStringLiteral("actions"), HclValue::stringList({QStringLiteral("Microsoft.Network/virtualNetworks/subnets/join/action")}));
}

void addCluster(TerraformConfiguration &tf, const AzureAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    const NodePoolAnswers &system = a.cluster.nodePools.front();
    HclBody &f = tf.file(QStringLiteral("cluster.tf"),
                         QStringLiteral("AKS with Azure CNI overlay and Cilium; the first node pool is the system pool."));
    HclBody &aks = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_kubernetes_cluster"), QStringLiteral("main")});
    aks.attribute(QStringLiteral("name"), code(QStringLiteral("var.cluster_name")));
    inResourceGroup(aks);
    aks.attribute(QStringLiteral("dns_prefix"), code(QStringLiteral("var.cluster_name")));
    aks.attribute(QStringLiteral("kubernetes_version"), vars.use(QStringLiteral("kubernetes_version"), QStringLiteral("string"),
                                                                 QStringLiteral("Kubernetes minor version"), str(a.cluster.kubernetesVersion)));
    aks.attribute(QStringLiteral("sku_tier"), vars.use(QStringLiteral("aks_sku_tier"), QStringLiteral("string"), QStringLiteral("Free, Standard or Premium"),
                                                       str(a.cluster.skuTier)));
    aks.attribute(QStringLiteral("oidc_issuer_enabled"), HclValue::boolean(true));
    aks.attribute(QStringLiteral("workload_identity_enabled"), HclValue::boolean(true));
    aks.blankLine();
    vars.use(QStringLiteral("system_node_pool"), QLatin1String(kPoolType), QStringLiteral("The system node pool"), poolObject(system));
    HclBody &pool = aks.block(QStringLiteral("default_node_pool"));
    pool.attribute(QStringLiteral("name"), str(system.name));
    pool.attribute(QStringLiteral("vm_size"), code(QStringLiteral("var.system_node_pool.vm_size")));
    pool.attribute(QStringLiteral("auto_scaling_enabled"), HclValue::boolean(true));
    pool.attribute(QStringLiteral("min_count"), code(QStringLiteral("var.system_node_pool.min_nodes")));
    pool.attribute(QStringLiteral("node_count"), code(QStringLiteral("var.system_node_pool.desired_nodes")));
    pool.attribute(QStringLiteral("max_count"), code(QStringLiteral("var.system_node_pool.max_nodes")));
    pool.attribute(QStringLiteral("os_disk_size_gb"), code(QStringLiteral("var.system_node_pool.disk_size_gb")));
    pool.attribute(QStringLiteral("zones"), code(QStringLiteral("var.zones")));
    pool.attribute(QStringLiteral("vnet_subnet_id"), code(QStringLiteral("azurerm_subnet.nodes.id")));
    pool.attribute(QStringLiteral("only_critical_addons_enabled"), HclValue::boolean(a.cluster.nodePools.size() > 1));
    pool.attribute(QStringLiteral("temporary_name_for_rotation"), str(QStringLiteral("rotation")));
    aks.blankLine();
    aks.block(QStringLiteral("identity")).attribute(QStringLiteral("type"), str(QStringLiteral("SystemAssigned")));
    aks.blankLine();
    HclBody &net = aks.block(QStringLiteral("network_profile"));
    net.attribute(QStringLiteral("network_plugin"), str(QStringLiteral("azure")));
    net.attribute(QStringLiteral("network_plugin_mode"), str(QStringLiteral("overlay")));
    net.attribute(QStringLiteral("network_policy"), str(QStringLiteral("cilium")));
    net.attribute(QStringLiteral("network_data_plane"), str(QStringLiteral("cilium")));
    net.attribute(QStringLiteral("pod_cidr"), vars.use(QStringLiteral("pod_cidr"), QStringLiteral("string"), QStringLiteral("Pod range (overlay)"),
                                                       str(a.network.podCidr)));
    net.attribute(QStringLiteral("service_cidr"), vars.use(QStringLiteral("service_cidr"), QStringLiteral("string"),
                                                           QStringLiteral("Kubernetes service range"), str(a.network.serviceCidr)));
    net.attribute(QStringLiteral("dns_service_ip"), vars.use(QStringLiteral("dns_service_ip"), QStringLiteral("string"),
                                                             QStringLiteral("Cluster DNS address"), str(a.network.dnsServiceIp)));
    net.attribute(QStringLiteral("outbound_type"), vars.use(QStringLiteral("outbound_type"), QStringLiteral("string"),
                                                            QStringLiteral("loadBalancer or managedNATGateway"), str(a.network.outboundType)));
    aks.blankLine();
    aks.block(QStringLiteral("lifecycle"))
        .attribute(QStringLiteral("ignore_changes"), HclValue::list({code(QStringLiteral("default_node_pool[0].node_count"))}));

    QList<std::pair<QString, HclValue>> extra;
    for (qsizetype i = 1; i < a.cluster.nodePools.size(); ++i)
        extra.append({a.cluster.nodePools[i].name, poolObject(a.cluster.nodePools[i])});
    vars.use(QStringLiteral("node_pools"), QStringLiteral("map(%1)").arg(QLatin1String(kPoolType)), QStringLiteral("User node pools by name"),
             HclValue::object(extra));
    HclBody &user = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_kubernetes_cluster_node_pool"), QStringLiteral("user")});
    user.attribute(QStringLiteral("for_each"), code(QStringLiteral("var.node_pools")));
    user.attribute(QStringLiteral("name"), code(QStringLiteral("each.key")));
    user.attribute(QStringLiteral("kubernetes_cluster_id"), code(QStringLiteral("azurerm_kubernetes_cluster.main.id")));
    user.attribute(QStringLiteral("vm_size"), code(QStringLiteral("each.value.vm_size")));
    user.attribute(QStringLiteral("auto_scaling_enabled"), HclValue::boolean(true));
    user.attribute(QStringLiteral("min_count"), code(QStringLiteral("each.value.min_nodes")));
    user.attribute(QStringLiteral("node_count"), code(QStringLiteral("each.value.desired_nodes")));
    user.attribute(QStringLiteral("max_count"), code(QStringLiteral("each.value.max_nodes")));
    user.attribute(QStringLiteral("os_disk_size_gb"), code(QStringLiteral("each.value.disk_size_gb")));
    user.attribute(QStringLiteral("priority"), code(QStringLiteral("each.value.spot ? \"Spot\" : \"Regular\"")));
    user.attribute(QStringLiteral("eviction_policy"), code(QStringLiteral("each.value.spot ? \"Delete\" : null")));
    user.attribute(QStringLiteral("zones"), code(QStringLiteral("var.zones")));
    user.attribute(QStringLiteral("vnet_subnet_id"), code(QStringLiteral("azurerm_subnet.nodes.id")));
    user.blankLine();
    user.block(QStringLiteral("lifecycle")).attribute(QStringLiteral("ignore_changes"), HclValue::list({code(QStringLiteral("node_count"))}));
}

} // namespace

void addAzureFoundation(TerraformConfiguration &tf, const AzureAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    vars.use(QStringLiteral("location"), QStringLiteral("string"), QStringLiteral("Azure region"), str(a.location));
    vars.use(QStringLiteral("environment"), QStringLiteral("string"), QStringLiteral("Environment name"), str(a.environment));
    vars.use(QStringLiteral("zones"), QStringLiteral("list(string)"), QStringLiteral("Availability zones"), HclValue::stringList(a.zones));
    vars.use(QStringLiteral("cluster_name"), QStringLiteral("string"), QStringLiteral("AKS cluster name"), str(a.cluster.name));
    addVersions(tf);
    addNetwork(tf, a);
    addCluster(tf, a);
}

} // namespace studio::cloud
