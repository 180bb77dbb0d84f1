// SPDX-License-Identifier: MIT
#include "spec/TerraformPins.h"
#include "spec/aws/AwsTerraform.h"

namespace studio::cloud {

namespace {

HclValue str(const QString &s) { return HclValue::string(s); }
HclValue code(const QString &c) { return HclValue::expression(c); }

void addVersions(TerraformConfiguration &tf)
{
    HclBody &f = tf.file(QStringLiteral("versions.tf"),
                         QStringLiteral("Version set \"v20\": EKS module %1, VPC module %2, aws provider %3 (EKS v20 does not work with aws 6.x).")
                             .arg(QLatin1String(pins::kAwsEksModule), QLatin1String(pins::kAwsVpcModule), QLatin1String(pins::kAwsProvider)));
    HclBody &terraform = f.block(QStringLiteral("terraform"));
    terraform.attribute(QStringLiteral("required_version"), str(QLatin1String(pins::kTerraform)));
    terraform.blankLine();
    terraform.block(QStringLiteral("required_providers"))
        .attribute(QStringLiteral("aws"), HclValue::object({{QStringLiteral("source"), str(QStringLiteral("hashicorp/aws"))},
                                                            {QStringLiteral("version"), str(QLatin1String(pins::kAwsProvider))}}));
    HclBody &provider = f.block(QStringLiteral("provider"), {QStringLiteral("aws")});
    provider.attribute(QStringLiteral("region"), code(QStringLiteral("var.region")));
    provider.blankLine();
    provider.block(QStringLiteral("default_tags"))
        .attribute(QStringLiteral("tags"), HclValue::object({{QStringLiteral("Environment"), code(QStringLiteral("var.environment"))},
                                                             {QStringLiteral("ManagedBy"), str(QStringLiteral("terraform"))}}));
    f.comment(QStringLiteral("CloudFront accepts ACM certificates only from us-east-1."));
    HclBody &useast = f.block(QStringLiteral("provider"), {QStringLiteral("aws")});
    useast.attribute(QStringLiteral("alias"), str(QStringLiteral("us_east_1")));
    useast.attribute(QStringLiteral("region"), str(QStringLiteral("us-east-1")));
}

void addNetwork(TerraformConfiguration &tf, const AwsAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    HclBody &f = tf.file(QStringLiteral("network.tf"), QStringLiteral("VPC with private, public and database subnets in every zone."));
    HclBody &vpc = f.block(QStringLiteral("module"), {QStringLiteral("vpc")});
    vpc.attribute(QStringLiteral("source"), str(QStringLiteral("terraform-aws-modules/vpc/aws")));
    vpc.attribute(QStringLiteral("version"), str(QLatin1String(pins::kAwsVpcModule)));
    vpc.blankLine();
    vpc.attribute(QStringLiteral("name"), code(QStringLiteral("var.cluster_name")));
    vpc.attribute(QStringLiteral("cidr"), vars.use(QStringLiteral("vpc_cidr"), QStringLiteral("string"), QStringLiteral("VPC address range"),
                                                   str(a.network.vpcCidr)));
    vpc.attribute(QStringLiteral("azs"), vars.use(QStringLiteral("azs"), QStringLiteral("list(string)"), QStringLiteral("Availability zones"),
                                                  HclValue::stringList(a.zones)));
    vpc.attribute(QStringLiteral("private_subnets"), vars.use(QStringLiteral("private_subnets"), QStringLiteral("list(string)"),
                                                              QStringLiteral("Private subnets, one per zone"),
                                                              HclValue::stringList(a.network.privateSubnets)));
    vpc.attribute(QStringLiteral("public_subnets"), vars.use(QStringLiteral("public_subnets"), QStringLiteral("list(string)"),
                                                             QStringLiteral("Public subnets, one per zone"),
                                                             HclValue::stringList(a.network.publicSubnets)));
    vpc.attribute(QStringLiteral("database_subnets"), vars.use(QStringLiteral("database_subnets"), QStringLiteral("list(string)"),
                                                               QStringLiteral("Database subnets, one per zone"),
                                                               HclValue::stringList(a.network.databaseSubnets)));
    vpc.blankLine();
    const bool single = a.network.natGateway == u"single";
    vpc.attribute(QStringLiteral("enable_nat_gateway"), HclValue::boolean(true));
    vpc.attribute(QStringLiteral("single_nat_gateway"), HclValue::boolean(single));
    vpc.attribute(QStringLiteral("one_nat_gateway_per_az"), HclValue::boolean(!single));
    vpc.attribute(QStringLiteral("enable_dns_hostnames"), HclValue::boolean(true));
    vpc.blankLine();
    vpc.attribute(QStringLiteral("public_subnet_tags"), HclValue::object({{QStringLiteral("kubernetes.io/role/elb"), HclValue::number(1)}}));
    vpc.attribute(QStringLiteral("private_subnet_tags"),
                  HclValue::object({{QStringLiteral("kubernetes.io/role/internal-elb"), HclValue::number(1)}}));

    HclBody &sg = f.block(QStringLiteral("resource"), {QStringLiteral("aws_security_group"), QStringLiteral("data")});
    sg.attribute(QStringLiteral("name_prefix"), code(QStringLiteral("\"${var.cluster_name}-data-\"")));
    sg.attribute(QStringLiteral("description"), str(QStringLiteral("PostgreSQL, Redis and OpenSearch, reachable from inside the VPC only")));
    sg.attribute(QStringLiteral("vpc_id"), code(QStringLiteral("module.vpc.vpc_id")));
    const struct { const char *what; int port; } ports[] = {{"PostgreSQL", 5432}, {"Redis", 6379}, {"OpenSearch (HTTPS)", 443}};
    for (const auto &p : ports) {
        sg.blankLine();
        HclBody &ingress = sg.block(QStringLiteral("ingress"));
        ingress.attribute(QStringLiteral("description"), str(QString::fromLatin1(p.what)));
        ingress.attribute(QStringLiteral("from_port"), HclValue::number(p.port));
        ingress.attribute(QStringLiteral("to_port"), HclValue::number(p.port));
        ingress.attribute(QStringLiteral("protocol"), str(QStringLiteral("tcp")));
        ingress.attribute(QStringLiteral("cidr_blocks"), HclValue::list({code(QStringLiteral("var.vpc_cidr"))}));
    }
}

void addCluster(TerraformConfiguration &tf, const AwsAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    HclBody &f = tf.file(QStringLiteral("cluster.tf"), QStringLiteral("EKS cluster with managed node groups (AL2023 nodes)."));
    HclBody &eks = f.block(QStringLiteral("module"), {QStringLiteral("eks")});
    eks.attribute(QStringLiteral("source"), str(QStringLiteral("terraform-aws-modules/eks/aws")));
    eks.attribute(QStringLiteral("version"), str(QLatin1String(pins::kAwsEksModule)));
    eks.blankLine();
    eks.attribute(QStringLiteral("cluster_name"), code(QStringLiteral("var.cluster_name")));
    eks.attribute(QStringLiteral("cluster_version"), vars.use(QStringLiteral("kubernetes_version"), QStringLiteral("string"),
                                                              QStringLiteral("Kubernetes minor version"), str(a.cluster.kubernetesVersion)));
    eks.attribute(QStringLiteral("cluster_endpoint_public_access"),
                  vars.use(QStringLiteral("cluster_endpoint_public_access"), QStringLiteral("bool"),
                           QStringLiteral("Whether the API server is reachable from the internet"), HclValue::boolean(a.cluster.publicEndpoint)));
    eks.attribute(QStringLiteral("cluster_service_ipv4_cidr"), vars.use(QStringLiteral("service_cidr"), QStringLiteral("string"),
                                                                        QStringLiteral("Kubernetes service range"), str(a.network.serviceCidr)));
    eks.attribute(QStringLiteral("enable_cluster_creator_admin_permissions"), HclValue::boolean(true));
    eks.blankLine();
    eks.attribute(QStringLiteral("vpc_id"), code(QStringLiteral("module.vpc.vpc_id")));
    eks.attribute(QStringLiteral("subnet_ids"), code(QStringLiteral("module.vpc.private_subnets")));
    eks.attribute(QStringLiteral("control_plane_subnet_ids"), code(QStringLiteral("module.vpc.private_subnets")));
    eks.blankLine();
    eks.attribute(QStringLiteral("cluster_addons"), HclValue::object({{QStringLiteral("coredns"), HclValue::object({})},
                                                                      {QStringLiteral("kube-proxy"), HclValue::object({})},
                                                                      {QStringLiteral("vpc-cni"), HclValue::object({})},
                                                                      {QStringLiteral("eks-pod-identity-agent"), HclValue::object({})}}));
    eks.blankLine();
    QList<std::pair<QString, HclValue>> pools;
    for (const NodePoolAnswers &pool : a.cluster.nodePools)
        pools.append({pool.name, HclValue::object({{QStringLiteral("instance_type"), str(pool.machineType)},
                                                   {QStringLiteral("min_size"), HclValue::number(pool.minNodes)},
                                                   {QStringLiteral("desired_size"), HclValue::number(pool.desiredNodes)},
                                                   {QStringLiteral("max_size"), HclValue::number(pool.maxNodes)},
                                                   {QStringLiteral("disk_size_gb"), HclValue::number(pool.diskGb)},
                                                   {QStringLiteral("spot"), HclValue::boolean(pool.spot)}})});
    vars.use(
        QStringLiteral("node_pools"),
        QStringLiteral("map(object({ instance_type = string, min_size = number, desired_size = number, max_size = number, "
                       "disk_size_gb = number, spot = bool }))"),
        QStringLiteral("Managed node groups by name"), HclValue::object(pools));
    const HclValue rootVolume = HclValue::object(
        {{QStringLiteral("xvda"),
          HclValue::object({{QStringLiteral("device_name"), str(QStringLiteral("/dev/xvda"))},
                            {QStringLiteral("ebs"), HclValue::object({{QStringLiteral("volume_size"), code(QStringLiteral("pool.disk_size_gb"))},
                                                                      {QStringLiteral("volume_type"), str(QStringLiteral("gp3"))},
                                                                      {QStringLiteral("encrypted"), HclValue::boolean(true)}})}})}});
    eks.attribute(QStringLiteral("eks_managed_node_groups"),
                  HclValue::forObject(QStringLiteral("for name, pool in var.node_pools : name =>"),
                                      HclValue::object({{QStringLiteral("ami_type"), str(QStringLiteral("AL2023_x86_64_STANDARD"))},
                                                        {QStringLiteral("instance_types"), HclValue::list({code(QStringLiteral("pool.instance_type"))})},
                                                        {QStringLiteral("capacity_type"), code(QStringLiteral("pool.spot ? \"SPOT\" : \"ON_DEMAND\""))},
                                                        {QStringLiteral("min_size"), code(QStringLiteral("pool.min_size"))},
                                                        {QStringLiteral("desired_size"), code(QStringLiteral("pool.desired_size"))},
                                                        {QStringLiteral("max_size"), code(QStringLiteral("pool.max_size"))},
                                                        {QStringLiteral("block_device_mappings"), rootVolume},
                                                        {QStringLiteral("iam_role_additional_policies"),
                                                         HclValue::object({{QStringLiteral("cluster_autoscaler"),
                                                                            code(QStringLiteral("aws_iam_policy.cluster_autoscaler.arn"))}})}})));

    f.comment(QStringLiteral("What the cluster-autoscaler add-on needs on the node role to resize the node groups."));
    HclBody &doc = f.block(QStringLiteral("data"), {QStringLiteral("aws_iam_policy_document"), QStringLiteral("cluster_autoscaler")});
    HclBody &statement = doc.block(QStringLiteral("statement"));
    statement.attribute(QStringLiteral("actions"),
                        HclValue::stringList({QStringLiteral("autoscaling:DescribeAutoScalingGroups"), QStringLiteral("autoscaling:DescribeAutoScalingInstances"),
                                              QStringLiteral("autoscaling:DescribeLaunchConfigurations"), QStringLiteral("autoscaling:DescribeScalingActivities"),
                                              QStringLiteral("autoscaling:DescribeTags"), QStringLiteral("autoscaling:SetDesiredCapacity"),
                                              QStringLiteral("autoscaling:TerminateInstanceInAutoScalingGroup"),
                                              QStringLiteral("ec2:DescribeImages"), QStringLiteral("ec2:DescribeInstanceTypes"),
                                              QStringLiteral("ec2:DescribeLaunchTemplateVersions"), QStringLiteral("ec2:GetInstanceTypesFromInstanceRequirements"),
                                              QStringLiteral("eks:DescribeNodegroup")}));
    statement.attribute(QStringLiteral("resources"), HclValue::stringList({QStringLiteral("*")}));
    HclBody &policy = f.block(QStringLiteral("resource"), {QStringLiteral("aws_iam_policy"), QStringLiteral("cluster_autoscaler")});
    policy.attribute(QStringLiteral("name_prefix"), code(QStringLiteral("\"${var.cluster_name}-cluster-autoscaler-\"")));
    policy.attribute(QStringLiteral("policy"), code(QStringLiteral("data.aws_iam_policy_document.cluster_autoscaler.json")));
}

} // namespace

void addAwsFoundation(TerraformConfiguration &tf, const AwsAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    vars.use(QStringLiteral("region"), QStringLiteral("string"), QStringLiteral("AWS region"), str(a.region));
    vars.use(QStringLiteral("environment"), QStringLiteral("string"), QStringLiteral("Environment name"), str(a.environment));
    vars.use(QStringLiteral("cluster_name"), QStringLiteral("string"), QStringLiteral("EKS cluster name, also the VPC name"), str(a.cluster.name));
    addVersions(tf);
    addNetwork(tf, a);
    addCluster(tf, a);
}

} // namespace studio::cloud
