# EKS cluster with managed node groups (AL2023 nodes).
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.37.2"

  cluster_name                             = var.cluster_name
  cluster_version                          = var.kubernetes_version
  cluster_endpoint_public_access           = var.cluster_endpoint_public_access
  cluster_service_ipv4_cidr                = var.service_cidr
  enable_cluster_creator_admin_permissions = true

  vpc_id                   = module.vpc.vpc_id
  subnet_ids               = module.vpc.private_subnets
  control_plane_subnet_ids = module.vpc.private_subnets

  cluster_addons = {
    coredns                = {}
    kube-proxy             = {}
    vpc-cni                = {}
    eks-pod-identity-agent = {}
  }

  eks_managed_node_groups = {
    for name, pool in var.node_pools : name => {
      ami_type       = "AL2023_x86_64_STANDARD"
      instance_types = [pool.instance_type]
      capacity_type  = pool.spot ? "SPOT" : "ON_DEMAND"
      min_size       = pool.min_size
      desired_size   = pool.desired_size
      max_size       = pool.max_size
      block_device_mappings = {
        xvda = {
          device_name = "/dev/xvda"
          ebs = {
            volume_size = pool.disk_size_gb
            volume_type = "gp3"
            encrypted   = true
          }
        }
      }
      iam_role_additional_policies = {
        cluster_autoscaler = aws_iam_policy.cluster_autoscaler.arn
      }
    }
  }
}

# What the cluster-autoscaler add-on needs on the node role to resize the node groups.
data "aws_iam_policy_document" "cluster_autoscaler" {
  statement {
    actions = [
      "autoscaling:DescribeAutoScalingGroups",
      "autoscaling:DescribeAutoScalingInstances",
      "autoscaling:DescribeLaunchConfigurations",
      "autoscaling:DescribeScalingActivities",
      "autoscaling:DescribeTags",
      "autoscaling:SetDesiredCapacity",
      "autoscaling:TerminateInstanceInAutoScalingGroup",
      "ec2:DescribeImages",
      "ec2:DescribeInstanceTypes",
      "ec2:DescribeLaunchTemplateVersions",
      "ec2:GetInstanceTypesFromInstanceRequirements",
      "eks:DescribeNodegroup",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "cluster_autoscaler" {
  name_prefix = "${var.cluster_name}-cluster-autoscaler-"
  policy      = data.aws_iam_policy_document.cluster_autoscaler.json
}
