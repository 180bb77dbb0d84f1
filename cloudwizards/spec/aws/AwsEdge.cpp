// SPDX-License-Identifier: MIT
#include "spec/aws/AwsTerraform.h"

namespace studio::cloud {

namespace {

HclValue str(const QString &s) { return HclValue::string(s); }
HclValue code(const QString &c) { return HclValue::expression(c); }

void addStorage(TerraformConfiguration &tf, const AwsAnswers &a)
{
    HclBody &f = tf.file(QStringLiteral("storage.tf"), QStringLiteral("S3 bucket for assets: versioned, encrypted, never public."));
    f.block(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket"), QStringLiteral("assets")})
        .attribute(QStringLiteral("bucket"), tf.variables().use(QStringLiteral("bucket_name"), QStringLiteral("string"),
                                                                QStringLiteral("S3 bucket name"), str(a.storage.bucket)));
    HclBody &versioning = f.block(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket_versioning"), QStringLiteral("assets")});
    versioning.attribute(QStringLiteral("bucket"), code(QStringLiteral("aws_s3_bucket.assets.id")));
    versioning.blankLine();
    versioning.block(QStringLiteral("versioning_configuration")).attribute(QStringLiteral("status"), str(QStringLiteral("Enabled")));
    HclBody &sse = f.block(QStringLiteral("resource"),
                           {QStringLiteral("aws_s3_bucket_server_side_encryption_configuration"), QStringLiteral("assets")});
    sse.attribute(QStringLiteral("bucket"), code(QStringLiteral("aws_s3_bucket.assets.id")));
    sse.blankLine();
    sse.block(QStringLiteral("rule"))
        .block(QStringLiteral("apply_server_side_encryption_by_default"))
        .attribute(QStringLiteral("sse_algorithm"), str(QStringLiteral("aws:kms")));
    HclBody &block = f.block(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket_public_access_block"), QStringLiteral("assets")});
    block.attribute(QStringLiteral("bucket"), code(QStringLiteral("aws_s3_bucket.assets.id")));
    for (const char *setting : {"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"})
        block.attribute(QString::fromLatin1(setting), HclValue::boolean(true));
}

void addCdn(TerraformConfiguration &tf, const AwsAnswers &a)
{
    const bool customDomain = !a.storage.cdnDomain.isEmpty();
    HclBody &f = tf.file(QStringLiteral("cdn.tf"), QStringLiteral("CloudFront in front of the bucket; the bucket admits only this distribution."));
    if (customDomain) {
        HclBody &cert = f.block(QStringLiteral("resource"), {QStringLiteral("aws_acm_certificate"), QStringLiteral("cdn")});
        cert.attribute(QStringLiteral("provider"), code(QStringLiteral("aws.us_east_1")));
        cert.attribute(QStringLiteral("domain_name"), tf.variables().use(QStringLiteral("cdn_domain"), QStringLiteral("string"),
                                                                         QStringLiteral("Domain the CDN serves"), str(a.storage.cdnDomain)));
        cert.attribute(QStringLiteral("validation_method"), str(QStringLiteral("DNS")));
        cert.blankLine();
        cert.block(QStringLiteral("lifecycle")).attribute(QStringLiteral("create_before_destroy"), HclValue::boolean(true));
    }
    HclBody &oac = f.block(QStringLiteral("resource"), {QStringLiteral("aws_cloudfront_origin_access_control"), QStringLiteral("assets")});
    oac.attribute(QStringLiteral("name"), code(QStringLiteral("var.bucket_name")));
    oac.attribute(QStringLiteral("origin_access_control_origin_type"), str(QStringLiteral("s3")));
    oac.attribute(QStringLiteral("signing_behavior"), str(QStringLiteral("always")));
    oac.attribute(QStringLiteral("signing_protocol"), str(QStringLiteral("sigv4")));

    HclBody &cdn = f.block(QStringLiteral("resource"), {QStringLiteral("aws_cloudfront_distribution"), QStringLiteral("assets")});
    cdn.attribute(QStringLiteral("enabled"), HclValue::boolean(true));
    cdn.attribute(QStringLiteral("comment"), code(QStringLiteral("\"Assets of the ${var.environment} environment\"")));
    if (customDomain)
        cdn.attribute(QStringLiteral("aliases"), HclValue::list({code(QStringLiteral("var.cdn_domain"))}));
    cdn.blankLine();
    HclBody &origin = cdn.block(QStringLiteral("origin"));
    origin.attribute(QStringLiteral("domain_name"), code(QStringLiteral("aws_s3_bucket.assets.bucket_regional_domain_name")));
    origin.attribute(QStringLiteral("origin_id"), str(QStringLiteral("s3-assets")));
    origin.attribute(QStringLiteral("origin_access_control_id"), code(QStringLiteral("aws_cloudfront_origin_access_control.assets.id")));
    cdn.blankLine();
    HclBody &behavior = cdn.block(QStringLiteral("default_cache_behavior"));
    behavior.attribute(QStringLiteral("target_origin_id"), str(QStringLiteral("s3-assets")));
    behavior.attribute(QStringLiteral("viewer_protocol_policy"), str(QStringLiteral("redirect-to-https")));
    behavior.attribute(QStringLiteral("allowed_methods"), HclValue::stringList({QStringLiteral("GET"), QStringLiteral("HEAD")}));
    behavior.attribute(QStringLiteral("cached_methods"), HclValue::stringList({QStringLiteral("GET"), QStringLiteral("HEAD")}));
    behavior.comment(QStringLiteral("The AWS managed CachingOptimized policy."));
    behavior.attribute(QStringLiteral("cache_policy_id"), str(QStringLiteral("658327ea-f89d-4fab-a63d-7e88639e58f6")));
    cdn.blankLine();
    cdn.block(QStringLiteral("restrictions")).block(QStringLiteral("geo_restriction")).attribute(QStringLiteral("restriction_type"), str(QStringLiteral("none")));
    cdn.blankLine();
    HclBody &viewer = cdn.block(QStringLiteral("viewer_certificate"));
    if (customDomain) {
        viewer.attribute(QStringLiteral("acm_certificate_arn"), code(QStringLiteral("aws_acm_certificate.cdn.arn")));
        viewer.attribute(QStringLiteral("ssl_support_method"), str(QStringLiteral("sni-only")));
        viewer.attribute(QStringLiteral("minimum_protocol_version"), str(QStringLiteral("TLSv1.2_2021")));
    } else {
        viewer.attribute(QStringLiteral("cloudfront_default_certificate"), HclValue::boolean(true));
    }

    HclBody &doc = f.block(QStringLiteral("data"), {QStringLiteral("aws_iam_policy_document"), QStringLiteral("assets_cdn")});
    HclBody &statement = doc.block(QStringLiteral("statement"));
    statement.attribute(QStringLiteral("actions"), HclValue::stringList({QStringLiteral("s3:GetObject")}));
    statement.attribute(QStringLiteral("resources"), HclValue::list({code(QStringLiteral("\"${aws_s3_bucket.assets.arn}/*\""))}));
    statement.blankLine();
    HclBody &principals = statement.block(QStringLiteral("principals"));
    principals.attribute(QStringLiteral("type"), str(QStringLiteral("Service")));
    principals.attribute(QStringLiteral("identifiers"), HclValue::stringList({QStringLiteral("cloudfront.amazonaws.com")}));
    statement.blankLine();
    HclBody &condition = statement.block(QStringLiteral("condition"));
    condition.attribute(QStringLiteral("test"), str(QStringLiteral("StringEquals")));
    condition.attribute(QStringLiteral("variable"), str(QStringLiteral("AWS:SourceArn")));
    condition.attribute(QStringLiteral("values"), HclValue::list({code(QStringLiteral("aws_cloudfront_distribution.assets.arn"))}));
    HclBody &policy = f.block(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket_policy"), QStringLiteral("assets_cdn")});
    policy.attribute(QStringLiteral("bucket"), code(QStringLiteral("aws_s3_bucket.assets.id")));
    policy.attribute(QStringLiteral("policy"), code(QStringLiteral("data.aws_iam_policy_document.assets_cdn.json")));
}

void addSecrets(TerraformConfiguration &tf, const AwsAnswers &a)
{
    HclBody &f = tf.file(QStringLiteral("secrets.tf"),
                         QStringLiteral("Secrets Manager entries; their values are set outside Git (console, CLI or a pipeline)."));
    HclBody &secret = f.block(QStringLiteral("resource"), {QStringLiteral("aws_secretsmanager_secret"), QStringLiteral("app")});
    secret.attribute(QStringLiteral("for_each"), code(QStringLiteral("toset(%1)").arg(
                         tf.variables().use(QStringLiteral("secret_names"), QStringLiteral("list(string)"),
                                            QStringLiteral("Secrets Manager secrets to create"), HclValue::stringList(a.secrets)).render(0))));
    secret.attribute(QStringLiteral("name"), code(QStringLiteral("\"${var.environment}/${each.value}\"")));
    secret.attribute(QStringLiteral("recovery_window_in_days"), HclValue::number(7));
}

void addOutputs(TerraformConfiguration &tf, const AwsAnswers &a)
{
    HclBody &f = tf.file(QStringLiteral("outputs.tf"), QStringLiteral("What the add-ons and the application need to know."));
    const auto output = [&f](const QString &name, const QString &value, const QString &description, bool sensitive = false) {
        HclBody &o = f.block(QStringLiteral("output"), {name});
        o.attribute(QStringLiteral("description"), HclValue::string(description));
        o.attribute(QStringLiteral("value"), HclValue::expression(value));
        if (sensitive)
            o.attribute(QStringLiteral("sensitive"), HclValue::boolean(true));
    };
    output(QStringLiteral("cluster_name"), QStringLiteral("module.eks.cluster_name"), QStringLiteral("EKS cluster name"));
    output(QStringLiteral("cluster_endpoint"), QStringLiteral("module.eks.cluster_endpoint"), QStringLiteral("Kubernetes API server"));
    output(QStringLiteral("vpc_id"), QStringLiteral("module.vpc.vpc_id"), QStringLiteral("VPC id"));
    output(QStringLiteral("postgres_address"), QStringLiteral("aws_db_instance.postgres.address"), QStringLiteral("PostgreSQL host name"));
    output(QStringLiteral("postgres_master_secret_arn"), QStringLiteral("aws_db_instance.postgres.master_user_secret[0].secret_arn"),
           QStringLiteral("Secrets Manager secret holding the master password"));
    output(QStringLiteral("redis_primary_endpoint"), QStringLiteral("aws_elasticache_replication_group.redis.primary_endpoint_address"),
           QStringLiteral("Redis primary endpoint"));
    if (a.search.enabled)
        output(QStringLiteral("search_endpoint"), QStringLiteral("aws_opensearch_domain.search.endpoint"), QStringLiteral("OpenSearch endpoint"));
    output(QStringLiteral("bucket_name"), QStringLiteral("aws_s3_bucket.assets.bucket"), QStringLiteral("Assets bucket"));
    if (a.storage.cdn)
        output(QStringLiteral("cdn_domain_name"), QStringLiteral("aws_cloudfront_distribution.assets.domain_name"),
               QStringLiteral("CloudFront domain; point the custom domain here"));
    if (a.storage.cdn && !a.storage.cdnDomain.isEmpty())
        output(QStringLiteral("certificate_validation_records"), QStringLiteral("aws_acm_certificate.cdn.domain_validation_options"),
               QStringLiteral("DNS records that validate the CDN certificate"));
}

} // namespace

void addAwsEdge(TerraformConfiguration &tf, const AwsAnswers &answers)
{
    addStorage(tf, answers);
    if (answers.storage.cdn)
        addCdn(tf, answers);
    addSecrets(tf, answers);
    addOutputs(tf, answers);
}

} // namespace studio::cloud
