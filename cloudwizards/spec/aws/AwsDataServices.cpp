// SPDX-License-Identifier: MIT
#include "spec/aws/AwsTerraform.h"

namespace studio::cloud {

namespace {

HclValue str(const QString &s) { return HclValue::string(s); }
HclValue code(const QString &c) { return HclValue::expression(c); }

void addDatabase(TerraformConfiguration &tf, const AwsAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    const AwsAnswers::Postgres &pg = a.postgres;
    HclBody &f = tf.file(QStringLiteral("database.tf"),
                         QStringLiteral("RDS for PostgreSQL: encrypted, master password kept in Secrets Manager, final snapshot on delete."));
    HclBody &db = f.block(QStringLiteral("resource"), {QStringLiteral("aws_db_instance"), QStringLiteral("postgres")});
    db.attribute(QStringLiteral("identifier"), vars.use(QStringLiteral("postgres_identifier"), QStringLiteral("string"),
                                                        QStringLiteral("RDS instance identifier"), str(pg.identifier)));
    db.attribute(QStringLiteral("engine"), str(QStringLiteral("postgres")));
    db.attribute(QStringLiteral("engine_version"), vars.use(QStringLiteral("postgres_engine_version"), QStringLiteral("string"),
                                                            QStringLiteral("PostgreSQL major version"), str(pg.engineVersion)));
    db.attribute(QStringLiteral("instance_class"), vars.use(QStringLiteral("postgres_instance_class"), QStringLiteral("string"),
                                                            QStringLiteral("RDS instance class"), str(pg.instanceClass)));
    db.blankLine();
    db.attribute(QStringLiteral("allocated_storage"), vars.use(QStringLiteral("postgres_storage_gb"), QStringLiteral("number"),
                                                               QStringLiteral("Allocated storage in GB"), HclValue::number(pg.storageGb)));
    db.attribute(QStringLiteral("max_allocated_storage"), vars.use(QStringLiteral("postgres_max_storage_gb"), QStringLiteral("number"),
                                                                   QStringLiteral("Storage autoscaling limit in GB"), HclValue::number(pg.maxStorageGb)));
    db.attribute(QStringLiteral("storage_type"), str(QStringLiteral("gp3")));
    db.attribute(QStringLiteral("storage_encrypted"), HclValue::boolean(true));
    db.blankLine();
    db.attribute(QStringLiteral("username"), str(QStringLiteral("app_admin")));
    db.attribute(QStringLiteral("manage_master_user_password"), HclValue::boolean(true));
    db.attribute(QStringLiteral("db_subnet_group_name"), code(QStringLiteral("module.vpc.database_subnet_group_name")));
    db.attribute(QStringLiteral("vpc_security_group_ids"), HclValue::list({code(QStringLiteral("aws_security_group.data.id"))}));
    db.attribute(QStringLiteral("multi_az"), vars.use(QStringLiteral("postgres_multi_az"), QStringLiteral("bool"),
                                                      QStringLiteral("Synchronous standby in another zone"), HclValue::boolean(pg.multiAz)));
    db.blankLine();
    db.attribute(QStringLiteral("backup_retention_period"), vars.use(QStringLiteral("postgres_backup_retention_days"), QStringLiteral("number"),
                                                                     QStringLiteral("Days of automated backups"), HclValue::number(pg.backupRetentionDays)));
    db.attribute(QStringLiteral("backup_window"), str(QStringLiteral("03:00-04:00")));
    db.attribute(QStringLiteral("maintenance_window"), str(QStringLiteral("sun:05:00-sun:06:00")));
    db.attribute(QStringLiteral("deletion_protection"), vars.use(QStringLiteral("postgres_deletion_protection"), QStringLiteral("bool"),
                                                                 QStringLiteral("Refuse deletion"), HclValue::boolean(pg.deletionProtection)));
    db.attribute(QStringLiteral("skip_final_snapshot"), HclValue::boolean(false));
    db.attribute(QStringLiteral("final_snapshot_identifier"), code(QStringLiteral("\"${var.postgres_identifier}-final\"")));

    HclBody &replica = f.block(QStringLiteral("resource"), {QStringLiteral("aws_db_instance"), QStringLiteral("postgres_replica")});
    replica.attribute(QStringLiteral("count"), vars.use(QStringLiteral("postgres_read_replicas"), QStringLiteral("number"),
                                                        QStringLiteral("Read replicas"), HclValue::number(pg.readReplicas)));
    replica.attribute(QStringLiteral("identifier"), code(QStringLiteral("\"${var.postgres_identifier}-replica-${count.index + 1}\"")));
    replica.attribute(QStringLiteral("replicate_source_db"), code(QStringLiteral("aws_db_instance.postgres.identifier")));
    replica.attribute(QStringLiteral("instance_class"), code(QStringLiteral("var.postgres_instance_class")));
    replica.attribute(QStringLiteral("storage_encrypted"), HclValue::boolean(true));
    replica.attribute(QStringLiteral("vpc_security_group_ids"), HclValue::list({code(QStringLiteral("aws_security_group.data.id"))}));
    replica.attribute(QStringLiteral("skip_final_snapshot"), HclValue::boolean(true));
}

void addCache(TerraformConfiguration &tf, const AwsAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    const AwsAnswers::Redis &r = a.redis;
    HclBody &f = tf.file(QStringLiteral("cache.tf"), QStringLiteral("ElastiCache replication group, encrypted at rest and in transit."));
    HclBody &subnets = f.block(QStringLiteral("resource"), {QStringLiteral("aws_elasticache_subnet_group"), QStringLiteral("cache")});
    subnets.attribute(QStringLiteral("name"), code(QStringLiteral("\"${var.redis_replication_group_id}-subnets\"")));
    subnets.attribute(QStringLiteral("subnet_ids"), code(QStringLiteral("module.vpc.database_subnets")));

    HclBody &group = f.block(QStringLiteral("resource"), {QStringLiteral("aws_elasticache_replication_group"), QStringLiteral("redis")});
    group.attribute(QStringLiteral("replication_group_id"), vars.use(QStringLiteral("redis_replication_group_id"), QStringLiteral("string"),
                                                                     QStringLiteral("ElastiCache replication group id"), str(r.replicationGroupId)));
    group.attribute(QStringLiteral("description"), code(QStringLiteral("\"Cache of the ${var.environment} environment\"")));
    group.attribute(QStringLiteral("engine"), vars.use(QStringLiteral("redis_engine"), QStringLiteral("string"), QStringLiteral("valkey or redis"),
                                                       str(r.engine)));
    group.attribute(QStringLiteral("node_type"), vars.use(QStringLiteral("redis_node_type"), QStringLiteral("string"),
                                                          QStringLiteral("Cache node type"), str(r.nodeType)));
    group.attribute(QStringLiteral("num_cache_clusters"), vars.use(QStringLiteral("redis_nodes"), QStringLiteral("number"),
                                                                   QStringLiteral("Primary plus replicas"), HclValue::number(r.nodes)));
    group.attribute(QStringLiteral("automatic_failover_enabled"), vars.use(QStringLiteral("redis_automatic_failover"), QStringLiteral("bool"),
                                                                           QStringLiteral("Promote a replica on failure"), HclValue::boolean(r.automaticFailover)));
    group.attribute(QStringLiteral("multi_az_enabled"), vars.use(QStringLiteral("redis_multi_az"), QStringLiteral("bool"),
                                                                 QStringLiteral("Nodes in several zones"), HclValue::boolean(r.multiAz)));
    group.attribute(QStringLiteral("port"), HclValue::number(6379));
    group.attribute(QStringLiteral("subnet_group_name"), code(QStringLiteral("aws_elasticache_subnet_group.cache.name")));
    group.attribute(QStringLiteral("security_group_ids"), HclValue::list({code(QStringLiteral("aws_security_group.data.id"))}));
    group.attribute(QStringLiteral("at_rest_encryption_enabled"), HclValue::boolean(true));
    group.attribute(QStringLiteral("transit_encryption_enabled"), HclValue::boolean(true));
}

void addSearch(TerraformConfiguration &tf, const AwsAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    const AwsAnswers::Search &s = a.search;
    HclBody &f = tf.file(QStringLiteral("search.tf"), QStringLiteral("OpenSearch domain for the search layer, inside the VPC."));
    HclBody &domain = f.block(QStringLiteral("resource"), {QStringLiteral("aws_opensearch_domain"), QStringLiteral("search")});
    domain.attribute(QStringLiteral("domain_name"), vars.use(QStringLiteral("search_domain_name"), QStringLiteral("string"),
                                                             QStringLiteral("OpenSearch domain name"), str(s.domainName)));
    domain.attribute(QStringLiteral("engine_version"), vars.use(QStringLiteral("search_engine_version"), QStringLiteral("string"),
                                                                QStringLiteral("OpenSearch engine version"), str(s.engineVersion)));
    domain.blankLine();
    HclBody &cluster = domain.block(QStringLiteral("cluster_config"));
    cluster.attribute(QStringLiteral("instance_type"), vars.use(QStringLiteral("search_instance_type"), QStringLiteral("string"),
                                                                QStringLiteral("OpenSearch data node type"), str(s.instanceType)));
    cluster.attribute(QStringLiteral("instance_count"), vars.use(QStringLiteral("search_instance_count"), QStringLiteral("number"),
                                                                 QStringLiteral("OpenSearch data nodes"), HclValue::number(s.instanceCount)));
    cluster.attribute(QStringLiteral("zone_awareness_enabled"), HclValue::boolean(s.zoneAwareness));
    if (s.zoneAwareness) {
        cluster.blankLine();
        cluster.block(QStringLiteral("zone_awareness_config")).attribute(QStringLiteral("availability_zone_count"), HclValue::number(2));
    }
    domain.blankLine();
    HclBody &ebs = domain.block(QStringLiteral("ebs_options"));
    ebs.attribute(QStringLiteral("ebs_enabled"), HclValue::boolean(true));
    ebs.attribute(QStringLiteral("volume_size"), vars.use(QStringLiteral("search_volume_gb"), QStringLiteral("number"),
                                                          QStringLiteral("EBS volume per node in GB"), HclValue::number(s.volumeGb)));
    ebs.attribute(QStringLiteral("volume_type"), str(QStringLiteral("gp3")));
    domain.blankLine();
    HclBody &vpc = domain.block(QStringLiteral("vpc_options"));
    vpc.attribute(QStringLiteral("subnet_ids"), code(QStringLiteral("slice(module.vpc.database_subnets, 0, %1)").arg(s.zoneAwareness ? 2 : 1)));
    vpc.attribute(QStringLiteral("security_group_ids"), HclValue::list({code(QStringLiteral("aws_security_group.data.id"))}));
    domain.blankLine();
    domain.block(QStringLiteral("encrypt_at_rest")).attribute(QStringLiteral("enabled"), HclValue::boolean(true));
    domain.blankLine();
    domain.block(QStringLiteral("node_to_node_encryption")).attribute(QStringLiteral("enabled"), HclValue::boolean(true));
    domain.blankLine();
    HclBody &endpoint = domain.block(QStringLiteral("domain_endpoint_options"));
    endpoint.attribute(QStringLiteral("enforce_https"), HclValue::boolean(true));
    endpoint.attribute(QStringLiteral("tls_security_policy"), str(QStringLiteral("Policy-Min-TLS-1-2-2019-07")));
}

} // namespace

void addAwsDataServices(TerraformConfiguration &tf, const AwsAnswers &answers)
{
    addDatabase(tf, answers);
    addCache(tf, answers);
    if (answers.search.enabled)
        addSearch(tf, answers);
}

} // namespace studio::cloud
