// SPDX-License-Identifier: MIT
#include "spec/TerraformPins.h"
#include "spec/gcp/GcpTerraform.h"

namespace studio::cloud {

namespace {

HclValue str(const QString &s) { return HclValue::string(s); }
HclValue code(const QString &c) { return HclValue::expression(c); }

void addVersions(TerraformConfiguration &tf)
{
    HclBody &f = tf.file(QStringLiteral("versions.tf"), QStringLiteral("google provider %1.").arg(QLatin1String(pins::kGoogleProvider)));
    HclBody &terraform = f.block(QStringLiteral("terraform"));
    terraform.attribute(QStringLiteral("required_version"), str(QLatin1String(pins::kTerraform)));
    terraform.blankLine();
    terraform.block(QStringLiteral("required_providers"))
        .attribute(QStringLiteral("google"), HclValue::object({{QStringLiteral("source"), str(QStringLiteral("hashicorp/google"))},
                                                               {QStringLiteral("version"), str(QLatin1String(pins::kGoogleProvider))}}));
    HclBody &provider = f.block(QStringLiteral("provider"), {QStringLiteral("google")});
    provider.attribute(QStringLiteral("project"), code(QStringLiteral("var.project_id")));
    provider.attribute(QStringLiteral("region"), code(QStringLiteral("var.region")));
}

void addNetwork(TerraformConfiguration &tf, const GcpAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    const GcpAnswers::Network &n = a.network;
    HclBody &f = tf.file(QStringLiteral("network.tf"),
                         QStringLiteral("VPC-native network: the node subnet with pod and service ranges, Cloud NAT, private services access."));
    HclBody &vpc = f.block(QStringLiteral("resource"), {QStringLiteral("google_compute_network"), QStringLiteral("main")});
    vpc.attribute(QStringLiteral("name"), code(QStringLiteral("\"vpc-${var.environment}\"")));
    vpc.attribute(QStringLiteral("auto_create_subnetworks"), HclValue::boolean(false));

    HclBody &subnet = f.block(QStringLiteral("resource"), {QStringLiteral("google_compute_subnetwork"), QStringLiteral("nodes")});
    subnet.attribute(QStringLiteral("name"), code(QStringLiteral("\"snet-${var.environment}-nodes\"")));
    subnet.attribute(QStringLiteral("region"), code(QStringLiteral("var.region")));
    subnet.attribute(QStringLiteral("network"), code(QStringLiteral("google_compute_network.main.id")));
    subnet.attribute(QStringLiteral("ip_cidr_range"), vars.use(QStringLiteral("subnet_cidr"), QStringLiteral("string"), QStringLiteral("Node subnet"),
                                                               str(n.subnetCidr)));
    subnet.attribute(QStringLiteral("private_ip_google_access"), HclValue::boolean(true));
    subnet.blankLine();
    HclBody &pods = subnet.block(QStringLiteral("secondary_ip_range"));
    pods.attribute(QStringLiteral("range_name"), vars.use(QStringLiteral("pods_range_name"), QStringLiteral("string"),
                                                          QStringLiteral("Secondary range name for pods"), str(n.podsRangeName)));
    pods.attribute(QStringLiteral("ip_cidr_range"), vars.use(QStringLiteral("pods_cidr"), QStringLiteral("string"), QStringLiteral("Pod range"),
                                                             str(n.podsCidr)));
    subnet.blankLine();
    HclBody &services = subnet.block(QStringLiteral("secondary_ip_range"));
    services.attribute(QStringLiteral("range_name"), vars.use(QStringLiteral("services_range_name"), QStringLiteral("string"),
                                                              QStringLiteral("Secondary range name for services"), str(n.servicesRangeName)));
    services.attribute(QStringLiteral("ip_cidr_range"), vars.use(QStringLiteral("services_cidr"), QStringLiteral("string"),
                                                                 QStringLiteral("Service range"), str(n.servicesCidr)));

    HclBody &router = f.block(QStringLiteral("resource"), {QStringLiteral("google_compute_router"), QStringLiteral("nat")});
    router.attribute(QStringLiteral("name"), code(QStringLiteral("\"router-${var.environment}\"")));
    router.attribute(QStringLiteral("region"), code(QStringLiteral("var.region")));
    router.attribute(QStringLiteral("network"), code(QStringLiteral("google_compute_network.main.id")));
    HclBody &nat = f.block(QStringLiteral("resource"), {QStringLiteral("google_compute_router_nat"), QStringLiteral("nat")});
    nat.attribute(QStringLiteral("name"), code(QStringLiteral("\"nat-${var.environment}\"")));
    nat.attribute(QStringLiteral("router"), code(QStringLiteral("google_compute_router.nat.name")));
    nat.attribute(QStringLiteral("region"), code(QStringLiteral("var.region")));
    nat.attribute(QStringLiteral("nat_ip_allocate_option"), str(QStringLiteral("AUTO_ONLY")));
    nat.attribute(QStringLiteral("source_subnetwork_ip_ranges_to_nat"), str(QStringLiteral("ALL_SUBNETWORKS_ALL_IP_RANGES")));

    vars.use(QStringLiteral("private_services_cidr"), QStringLiteral("string"), QStringLiteral("Range for Cloud SQL and Memorystore"),
             str(n.privateServicesCidr));
    HclBody &range = f.block(QStringLiteral("resource"), {QStringLiteral("google_compute_global_address"), QStringLiteral("private_services")});
    range.attribute(QStringLiteral("name"), code(QStringLiteral("\"psa-${var.environment}\"")));
    range.attribute(QStringLiteral("purpose"), str(QStringLiteral("VPC_PEERING")));
    range.attribute(QStringLiteral("address_type"), str(QStringLiteral("INTERNAL")));
    range.attribute(QStringLiteral("address"), code(QStringLiteral("cidrhost(var.private_services_cidr, 0)")));
    range.attribute(QStringLiteral("prefix_length"), code(QStringLiteral("tonumber(split(\"/\", var.private_services_cidr)[1])")));
    range.attribute(QStringLiteral("network"), code(QStringLiteral("google_compute_network.main.id")));
    HclBody &peering = f.block(QStringLiteral("resource"), {QStringLiteral("google_service_networking_connection"), QStringLiteral("private_services")});
    peering.attribute(QStringLiteral("network"), code(QStringLiteral("google_compute_network.main.id")));
    peering.attribute(QStringLiteral("service"), str(QStringLiteral("servicenetworking.googleapis.com")));
    peering.attribute(QStringLiteral("reserved_peering_ranges"), HclValue::list({code(QStringLiteral("google_compute_global_address.private_services.name"))}));
}

void addCluster(TerraformConfiguration &tf, const GcpAnswers &a, bool production)
{
    TerraformVariables &vars = tf.variables();
    HclBody &f = tf.file(QStringLiteral("cluster.tf"),
                         QStringLiteral("Regional GKE cluster (control plane replicated across zones) with separately managed node pools."));
    HclBody &gke = f.block(QStringLiteral("resource"), {QStringLiteral("google_container_cluster"), QStringLiteral("main")});
    gke.attribute(QStringLiteral("name"), code(QStringLiteral("var.cluster_name")));
    gke.attribute(QStringLiteral("location"), code(QStringLiteral("var.region")));
    gke.attribute(QStringLiteral("node_locations"), code(QStringLiteral("var.zones")));
    gke.attribute(QStringLiteral("network"), code(QStringLiteral("google_compute_network.main.id")));
    gke.attribute(QStringLiteral("subnetwork"), code(QStringLiteral("google_compute_subnetwork.nodes.id")));
    gke.attribute(QStringLiteral("min_master_version"), vars.use(QStringLiteral("kubernetes_version"), QStringLiteral("string"),
                                                                 QStringLiteral("Minimum Kubernetes version"), str(a.cluster.kubernetesVersion)));
    gke.attribute(QStringLiteral("remove_default_node_pool"), HclValue::boolean(true));
    gke.attribute(QStringLiteral("initial_node_count"), HclValue::number(1));
    gke.comment(QStringLiteral("Stated explicitly: the provider's default would make `terraform destroy` fail."));
    gke.attribute(QStringLiteral("deletion_protection"), HclValue::boolean(production));
    gke.blankLine();
    gke.block(QStringLiteral("release_channel"))
        .attribute(QStringLiteral("channel"), vars.use(QStringLiteral("release_channel"), QStringLiteral("string"), QStringLiteral("GKE release channel"),
                                                       str(a.cluster.releaseChannel)));
    gke.blankLine();
    HclBody &ip = gke.block(QStringLiteral("ip_allocation_policy"));
    ip.attribute(QStringLiteral("cluster_secondary_range_name"), code(QStringLiteral("var.pods_range_name")));
    ip.attribute(QStringLiteral("services_secondary_range_name"), code(QStringLiteral("var.services_range_name")));
    gke.blankLine();
    gke.block(QStringLiteral("workload_identity_config"))
        .attribute(QStringLiteral("workload_pool"), code(QStringLiteral("\"${var.project_id}.svc.id.goog\"")));

    QList<std::pair<QString, HclValue>> pools;
    for (const NodePoolAnswers &pool : a.cluster.nodePools)
        pools.append({pool.name, HclValue::object({{QStringLiteral("machine_type"), str(pool.machineType)},
                                                   {QStringLiteral("min_nodes"), HclValue::number(pool.minNodes)},
                                                   {QStringLiteral("desired_nodes"), HclValue::number(pool.desiredNodes)},
                                                   {QStringLiteral("max_nodes"), HclValue::number(pool.maxNodes)},
                                                   {QStringLiteral("disk_size_gb"), HclValue::number(pool.diskGb)},
                                                   {QStringLiteral("spot"), HclValue::boolean(pool.spot)}})});
    vars.use(QStringLiteral("node_pools"),
             QStringLiteral("map(object({ machine_type = string, min_nodes = number, desired_nodes = number, max_nodes = number, "
                            "disk_size_gb = number, spot = bool }))"),
             QStringLiteral("Node pools by name; node counts are per zone"), HclValue::object(pools));
    HclBody &pool = f.block(QStringLiteral("resource"), {QStringLiteral("google_container_node_pool"), QStringLiteral("pools")});
    pool.attribute(QStringLiteral("for_each"), code(QStringLiteral("var.node_pools")));
    pool.attribute(QStringLiteral("name"), code(QStringLiteral("each.key")));
    pool.attribute(QStringLiteral("cluster"), code(QStringLiteral("google_container_cluster.main.id")));
    pool.attribute(QStringLiteral("location"), code(QStringLiteral("var.region")));
    pool.attribute(QStringLiteral("initial_node_count"), code(QStringLiteral("each.value.desired_nodes")));
    pool.blankLine();
    HclBody &autoscaling = pool.block(QStringLiteral("autoscaling"));
    autoscaling.attribute(QStringLiteral("min_node_count"), code(QStringLiteral("each.value.min_nodes")));
    autoscaling.attribute(QStringLiteral("max_node_count"), code(QStringLiteral("each.value.max_nodes")));
    autoscaling.attribute(QStringLiteral("location_policy"), str(QStringLiteral("BALANCED")));
    pool.blankLine();
    HclBody &management = pool.block(QStringLiteral("management"));
    management.attribute(QStringLiteral("auto_repair"), HclValue::boolean(true));
    management.attribute(QStringLiteral("auto_upgrade"), HclValue::boolean(true));
    pool.blankLine();
    HclBody &node = pool.block(QStringLiteral("node_config"));
    node.attribute(QStringLiteral("machine_type"), code(QStringLiteral("each.value.machine_type")));
    node.attribute(QStringLiteral("disk_size_gb"), code(QStringLiteral("each.value.disk_size_gb")));
    node.attribute(QStringLiteral("spot"), code(QStringLiteral("each.value.spot")));
    node.attribute(QStringLiteral("oauth_scopes"), HclValue::stringList({QStringLiteral("https://www.googleapis.com/auth/cloud-platform")}));
    node.blankLine();
    node.block(QStringLiteral("workload_metadata_config")).attribute(QStringLiteral("mode"), str(QStringLiteral("GKE_METADATA")));
    pool.blankLine();
    pool.block(QStringLiteral("lifecycle")).attribute(QStringLiteral("ignore_changes"), HclValue::list({code(QStringLiteral("initial_node_count"))}));
}

} // namespace

void addGcpFoundation(TerraformConfiguration &tf, const GcpAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    vars.use(QStringLiteral("project_id"), QStringLiteral("string"), QStringLiteral("Google Cloud project"), str(a.projectId));
    vars.use(QStringLiteral("region"), QStringLiteral("string"), QStringLiteral("Region"), str(a.region));
    vars.use(QStringLiteral("zones"), QStringLiteral("list(string)"), QStringLiteral("Zones of the node pools"), HclValue::stringList(a.zones));
    vars.use(QStringLiteral("environment"), QStringLiteral("string"), QStringLiteral("Environment name"), str(a.environment));
    vars.use(QStringLiteral("cluster_name"), QStringLiteral("string"), QStringLiteral("GKE cluster name"), str(a.cluster.name));
    addVersions(tf);
    addNetwork(tf, a);
    addCluster(tf, a, a.postgres.deletionProtection);
}

} // namespace studio::cloud
