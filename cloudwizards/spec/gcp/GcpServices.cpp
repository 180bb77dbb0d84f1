// SPDX-License-Identifier: MIT
#include "spec/gcp/GcpTerraform.h"

namespace studio::cloud {

namespace {

HclValue str(const QString &s) { return HclValue::string(s); }
HclValue code(const QString &c) { return HclValue::expression(c); }

void addDatabase(TerraformConfiguration &tf, const GcpAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    const GcpAnswers::Postgres &pg = a.postgres;
    HclBody &f = tf.file(QStringLiteral("database.tf"), QStringLiteral("Cloud SQL for PostgreSQL on a private IP."));
    HclBody &sql = f.block(QStringLiteral("resource"), {QStringLiteral("google_sql_database_instance"), QStringLiteral("main")});
    sql.attribute(QStringLiteral("name"), vars.use(QStringLiteral("postgres_instance_name"), QStringLiteral("string"),
                                                   QStringLiteral("Cloud SQL instance name"), str(pg.instanceName)));
    sql.attribute(QStringLiteral("region"), code(QStringLiteral("var.region")));
    sql.attribute(QStringLiteral("database_version"), vars.use(QStringLiteral("postgres_database_version"), QStringLiteral("string"),
                                                               QStringLiteral("e.g. POSTGRES_16"), str(pg.databaseVersion)));
    sql.attribute(QStringLiteral("deletion_protection"), vars.use(QStringLiteral("postgres_deletion_protection"), QStringLiteral("bool"),
                                                                  QStringLiteral("Refuse deletion"), HclValue::boolean(pg.deletionProtection)));
    sql.blankLine();
    HclBody &settings = sql.block(QStringLiteral("settings"));
    settings.attribute(QStringLiteral("tier"), vars.use(QStringLiteral("postgres_tier"), QStringLiteral("string"), QStringLiteral("Machine tier"),
                                                        str(pg.tier)));
    settings.attribute(QStringLiteral("edition"), str(QStringLiteral("ENTERPRISE")));
    settings.attribute(QStringLiteral("availability_type"), vars.use(QStringLiteral("postgres_availability_type"), QStringLiteral("string"),
                                                                     QStringLiteral("ZONAL or REGIONAL"), str(pg.availabilityType)));
    settings.attribute(QStringLiteral("disk_size"), vars.use(QStringLiteral("postgres_disk_gb"), QStringLiteral("number"),
                                                             QStringLiteral("Disk size in GB"), HclValue::number(pg.diskGb)));
    settings.attribute(QStringLiteral("disk_autoresize"), HclValue::boolean(true));
    settings.attribute(QStringLiteral("deletion_protection_enabled"), code(QStringLiteral("var.postgres_deletion_protection")));
    settings.blankLine();
    HclBody &ip = settings.block(QStringLiteral("ip_configuration"));
    ip.attribute(QStringLiteral("ipv4_enabled"), HclValue::boolean(false));
    ip.attribute(QStringLiteral("private_network"), code(QStringLiteral("google_compute_network.main.id")));
    settings.blankLine();
    HclBody &backup = settings.block(QStringLiteral("backup_configuration"));
    backup.attribute(QStringLiteral("enabled"), HclValue::boolean(pg.backups));
    backup.attribute(QStringLiteral("point_in_time_recovery_enabled"), HclValue::boolean(pg.pointInTimeRecovery));
    backup.attribute(QStringLiteral("transaction_log_retention_days"), HclValue::number(pg.transactionLogRetentionDays));
    backup.blankLine();
    HclBody &retention = backup.block(QStringLiteral("backup_retention_settings"));
    retention.attribute(QStringLiteral("retained_backups"), HclValue::number(pg.retainedBackups));
    retention.attribute(QStringLiteral("retention_unit"), str(QStringLiteral("COUNT")));
    sql.blankLine();
    sql.attribute(QStringLiteral("depends_on"), HclValue::list({code(QStringLiteral("google_service_networking_connection.private_services"))}));
}

void addCache(TerraformConfiguration &tf, const GcpAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    HclBody &f = tf.file(QStringLiteral("cache.tf"), QStringLiteral("Memorystore for Redis through private services access, TLS and AUTH on."));
    HclBody &redis = f.block(QStringLiteral("resource"), {QStringLiteral("google_redis_instance"), QStringLiteral("main")});
    redis.attribute(QStringLiteral("name"), vars.use(QStringLiteral("redis_name"), QStringLiteral("string"), QStringLiteral("Memorystore instance name"),
                                                     str(a.redis.name)));
    redis.attribute(QStringLiteral("region"), code(QStringLiteral("var.region")));
    redis.attribute(QStringLiteral("tier"), vars.use(QStringLiteral("redis_tier"), QStringLiteral("string"), QStringLiteral("BASIC or STANDARD_HA"),
                                                     str(a.redis.tier)));
    redis.attribute(QStringLiteral("memory_size_gb"), vars.use(QStringLiteral("redis_memory_gb"), QStringLiteral("number"),
                                                               QStringLiteral("Memory in GB"), HclValue::number(a.redis.memoryGb)));
    redis.attribute(QStringLiteral("redis_version"), str(QStringLiteral("REDIS_7_2")));
    redis.attribute(QStringLiteral("authorized_network"), code(QStringLiteral("google_compute_network.main.id")));
    redis.attribute(QStringLiteral("connect_mode"), str(QStringLiteral("PRIVATE_SERVICE_ACCESS")));
    redis.attribute(QStringLiteral("transit_encryption_mode"), str(QStringLiteral("SERVER_AUTHENTICATION")));
    redis.attribute(QStringLiteral("auth_enabled"), HclValue::boolean(true));
    if (a.redis.readReplicas > 0) {
        redis.attribute(QStringLiteral("replica_count"), HclValue::number(a.redis.readReplicas));
        redis.attribute(QStringLiteral("read_replicas_mode"), str(QStringLiteral("READ_REPLICAS_ENABLED")));
    }
    redis.blankLine();
    redis.attribute(QStringLiteral("depends_on"), HclValue::list({code(QStringLiteral("google_service_networking_connection.private_services"))}));
}

void addStorageAndCdn(TerraformConfiguration &tf, const GcpAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    HclBody &f = tf.file(QStringLiteral("storage.tf"), QStringLiteral("Cloud Storage bucket for assets."));
    HclBody &bucket = f.block(QStringLiteral("resource"), {QStringLiteral("google_storage_bucket"), QStringLiteral("assets")});
    bucket.attribute(QStringLiteral("name"), vars.use(QStringLiteral("bucket_name"), QStringLiteral("string"), QStringLiteral("Bucket name"),
                                                      str(a.storage.bucket)));
    bucket.attribute(QStringLiteral("location"), code(QStringLiteral("upper(var.region)")));
    bucket.attribute(QStringLiteral("uniform_bucket_level_access"), HclValue::boolean(true));
    bucket.attribute(QStringLiteral("public_access_prevention"), str(a.storage.cdn ? QStringLiteral("inherited") : QStringLiteral("enforced")));
    bucket.blankLine();
    bucket.block(QStringLiteral("versioning")).attribute(QStringLiteral("enabled"), HclValue::boolean(true));
    if (!a.storage.cdn)
        return;

    const bool domain = !a.storage.cdnDomain.isEmpty();
    HclBody &cdn = tf.file(QStringLiteral("cdn.tf"), QStringLiteral("Cloud CDN: a global load balancer with a CDN-enabled backend bucket."));
    HclBody &reader = cdn.block(QStringLiteral("resource"), {QStringLiteral("google_storage_bucket_iam_member"), QStringLiteral("public_read")});
    reader.attribute(QStringLiteral("bucket"), code(QStringLiteral("google_storage_bucket.assets.name")));
    reader.attribute(QStringLiteral("role"), str(QStringLiteral("roles/storage.objectViewer")));
    reader.attribute(QStringLiteral("member"), str(QStringLiteral("allUsers")));
    HclBody &backend = cdn.block(QStringLiteral("resource"), {QStringLiteral("google_compute_backend_bucket"), QStringLiteral("assets")});
    backend.attribute(QStringLiteral("name"), code(QStringLiteral("\"assets-${var.environment}\"")));
    backend.attribute(QStringLiteral("bucket_name"), code(QStringLiteral("google_storage_bucket.assets.name")));
    backend.attribute(QStringLiteral("enable_cdn"), HclValue::boolean(true));
    HclBody &address = cdn.block(QStringLiteral("resource"), {QStringLiteral("google_compute_global_address"), QStringLiteral("cdn")});
    address.attribute(QStringLiteral("name"), code(QStringLiteral("\"cdn-${var.environment}\"")));
    HclBody &urlMap = cdn.block(QStringLiteral("resource"), {QStringLiteral("google_compute_url_map"), QStringLiteral("cdn")});
    urlMap.attribute(QStringLiteral("name"), code(QStringLiteral("\"cdn-${var.environment}\"")));
    urlMap.attribute(QStringLiteral("default_service"), code(QStringLiteral("google_compute_backend_bucket.assets.id")));
    const QString proxyType = domain ? QStringLiteral("google_compute_target_https_proxy") : QStringLiteral("google_compute_target_http_proxy");
    if (domain) {
        HclBody &cert = cdn.block(QStringLiteral("resource"), {QStringLiteral("google_compute_managed_ssl_certificate"), QStringLiteral("cdn")});
        cert.attribute(QStringLiteral("name"), code(QStringLiteral("\"cdn-${var.environment}\"")));
        cert.blankLine();
        cert.block(QStringLiteral("managed"))
            .attribute(QStringLiteral("domains"), HclValue::list({vars.use(QStringLiteral("cdn_domain"), QStringLiteral("string"),
                                                                           QStringLiteral("Domain the CDN serves"), str(a.storage.cdnDomain))}));
    }
    HclBody &proxy = cdn.block(QStringLiteral("resource"), {proxyType, QStringLiteral("cdn")});
    proxy.attribute(QStringLiteral("name"), code(QStringLiteral("\"cdn-${var.environment}\"")));
    proxy.attribute(QStringLiteral("url_map"), code(QStringLiteral("google_compute_url_map.cdn.id")));
    if (domain)
        proxy.attribute(QStringLiteral("ssl_certificates"), HclValue::list({code(QStringLiteral("google_compute_managed_ssl_certificate.cdn.id"))}));
    HclBody &rule = cdn.block(QStringLiteral("resource"), {QStringLiteral("google_compute_global_forwarding_rule"), QStringLiteral("cdn")});
    rule.attribute(QStringLiteral("name"), code(QStringLiteral("\"cdn-${var.environment}\"")));
    rule.attribute(QStringLiteral("target"), code(proxyType + QStringLiteral(".cdn.id")));
    rule.attribute(QStringLiteral("ip_address"), code(QStringLiteral("google_compute_global_address.cdn.id")));
    rule.attribute(QStringLiteral("port_range"), str(domain ? QStringLiteral("443") : QStringLiteral("80")));
    rule.attribute(QStringLiteral("load_balancing_scheme"), str(QStringLiteral("EXTERNAL_MANAGED")));
}

void addSecrets(TerraformConfiguration &tf, const GcpAnswers &a)
{
    HclBody &f = tf.file(QStringLiteral("secrets.tf"), QStringLiteral("Secret Manager entries; their versions (values) are added outside Git."));
    HclBody &secret = f.block(QStringLiteral("resource"), {QStringLiteral("google_secret_manager_secret"), QStringLiteral("app")});
    secret.attribute(QStringLiteral("for_each"), code(QStringLiteral("toset(%1)").arg(
                         tf.variables().use(QStringLiteral("secret_names"), QStringLiteral("list(string)"),
                                            QStringLiteral("Secret Manager secrets to create"), HclValue::stringList(a.secrets)).render(0))));
    secret.attribute(QStringLiteral("secret_id"), code(QStringLiteral("\"${var.environment}-${each.value}\"")));
    secret.blankLine();
    secret.block(QStringLiteral("replication")).block(QStringLiteral("auto"));
}

void addOutputs(TerraformConfiguration &tf, const GcpAnswers &a)
{
    HclBody &f = tf.file(QStringLiteral("outputs.tf"), QStringLiteral("What the add-ons and the application need to know."));
    const auto output = [&f](const QString &name, const QString &value, const QString &description, bool sensitive = false) {
        HclBody &o = f.block(QStringLiteral("output"), {name});
        o.attribute(QStringLiteral("description"), HclValue::string(description));
        o.attribute(QStringLiteral("value"), HclValue::expression(value));
        if (sensitive)
            o.attribute(QStringLiteral("sensitive"), HclValue::boolean(true));
    };
    output(QStringLiteral("cluster_name"), QStringLiteral("google_container_cluster.main.name"), QStringLiteral("GKE cluster name"));
    output(QStringLiteral("cluster_endpoint"), QStringLiteral("google_container_cluster.main.endpoint"), QStringLiteral("Kubernetes API server"),
           true);
    output(QStringLiteral("postgres_private_ip"), QStringLiteral("google_sql_database_instance.main.private_ip_address"),
           QStringLiteral("PostgreSQL private address"));
    output(QStringLiteral("redis_host"), QStringLiteral("google_redis_instance.main.host"), QStringLiteral("Redis address"));
    output(QStringLiteral("bucket_name"), QStringLiteral("google_storage_bucket.assets.name"), QStringLiteral("Assets bucket"));
    if (a.storage.cdn)
        output(QStringLiteral("cdn_ip_address"), QStringLiteral("google_compute_global_address.cdn.address"),
               QStringLiteral("CDN address; point the custom domain here"));
}

} // namespace

void addGcpServices(TerraformConfiguration &tf, const GcpAnswers &answers)
{
    addDatabase(tf, answers);
    addCache(tf, answers);
    addStorageAndCdn(tf, answers);
    addSecrets(tf, answers);
    addOutputs(tf, answers);
}

} // namespace studio::cloud
