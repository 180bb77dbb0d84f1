// SPDX-License-Identifier: MIT
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

void addDatabase(TerraformConfiguration &tf, const AzureAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    const AzureAnswers::Postgres &pg = a.postgres;
    HclBody &f = tf.file(QStringLiteral("database.tf"),
                         QStringLiteral("PostgreSQL Flexible Server with Entra ID authentication (no password)."));
    if (pg.privateAccess) {
        HclBody &zone = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_private_dns_zone"), QStringLiteral("postgres")});
        zone.comment(QStringLiteral("Private access needs a zone ending in .postgres.database.azure.com."));
        zone.attribute(QStringLiteral("name"), code(QStringLiteral("\"${var.environment}.private.postgres.database.azure.com\"")));
        zone.attribute(QStringLiteral("resource_group_name"), code(QStringLiteral("azurerm_resource_group.main.name")));
        HclBody &link = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_private_dns_zone_virtual_network_link"), QStringLiteral("postgres")});
        link.attribute(QStringLiteral("name"), str(QStringLiteral("postgres-vnet")));
        link.attribute(QStringLiteral("resource_group_name"), code(QStringLiteral("azurerm_resource_group.main.name")));
        link.attribute(QStringLiteral("private_dns_zone_name"), code(QStringLiteral("azurerm_private_dns_zone.postgres.name")));
        link.attribute(QStringLiteral("virtual_network_id"), code(QStringLiteral("azurerm_virtual_network.main.id")));
    }
    HclBody &server = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_postgresql_flexible_server"), QStringLiteral("main")});
    server.attribute(QStringLiteral("name"), vars.use(QStringLiteral("postgres_server_name"), QStringLiteral("string"),
                                                      QStringLiteral("Flexible Server name"), str(pg.serverName)));
    inResourceGroup(server);
    server.attribute(QStringLiteral("version"), vars.use(QStringLiteral("postgres_version"), QStringLiteral("string"),
                                                         QStringLiteral("PostgreSQL major version"), str(pg.version)));
    server.attribute(QStringLiteral("sku_name"), vars.use(QStringLiteral("postgres_sku_name"), QStringLiteral("string"),
                                                          QStringLiteral("Flexible Server SKU"), str(pg.skuName)));
    server.attribute(QStringLiteral("storage_mb"), vars.use(QStringLiteral("postgres_storage_mb"), QStringLiteral("number"),
                                                            QStringLiteral("Storage in MB"), HclValue::number(pg.storageMb)));
    server.attribute(QStringLiteral("zone"), code(QStringLiteral("var.zones[0]")));
    server.attribute(QStringLiteral("backup_retention_days"), vars.use(QStringLiteral("postgres_backup_retention_days"), QStringLiteral("number"),
                                                                       QStringLiteral("Days of backups (7-35)"), HclValue::number(pg.backupRetentionDays)));
    server.attribute(QStringLiteral("geo_redundant_backup_enabled"), HclValue::boolean(pg.geoRedundantBackup));
    server.attribute(QStringLiteral("public_network_access_enabled"), HclValue::boolean(pg.publicNetworkAccess));
    if (pg.privateAccess) {
        server.attribute(QStringLiteral("delegated_subnet_id"), code(QStringLiteral("azurerm_subnet.database.id")));
        server.attribute(QStringLiteral("private_dns_zone_id"), code(QStringLiteral("azurerm_private_dns_zone.postgres.id")));
    }
    server.blankLine();
    HclBody &auth = server.block(QStringLiteral("authentication"));
    auth.attribute(QStringLiteral("active_directory_auth_enabled"), HclValue::boolean(true));
    auth.attribute(QStringLiteral("password_auth_enabled"), HclValue::boolean(false));
    auth.attribute(QStringLiteral("tenant_id"), code(QStringLiteral("data.azurerm_client_config.current.tenant_id")));
    if (pg.highAvailability != u"Disabled") {
        server.blankLine();
        HclBody &ha = server.block(QStringLiteral("high_availability"));
        ha.attribute(QStringLiteral("mode"), str(pg.highAvailability));
        ha.attribute(QStringLiteral("standby_availability_zone"),
                     code(pg.highAvailability == u"ZoneRedundant" ? QStringLiteral("var.zones[1]") : QStringLiteral("var.zones[0]")));
    }
    if (pg.privateAccess) {
        server.blankLine();
        server.attribute(QStringLiteral("depends_on"),
                         HclValue::list({code(QStringLiteral("azurerm_private_dns_zone_virtual_network_link.postgres"))}));
    }
}

void addCache(TerraformConfiguration &tf, const AzureAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    HclBody &f = tf.file(QStringLiteral("cache.tf"),
                         QStringLiteral("Azure Managed Redis (Azure Cache for Redis is retiring), reached through a private endpoint."));
    HclBody &redis = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_managed_redis"), QStringLiteral("main")});
    redis.attribute(QStringLiteral("name"), vars.use(QStringLiteral("redis_name"), QStringLiteral("string"), QStringLiteral("Managed Redis name"),
                                                     str(a.redis.name)));
    inResourceGroup(redis);
    redis.attribute(QStringLiteral("sku_name"), vars.use(QStringLiteral("redis_sku_name"), QStringLiteral("string"),
                                                         QStringLiteral("Managed Redis SKU"), str(a.redis.skuName)));
    redis.attribute(QStringLiteral("high_availability_enabled"), vars.use(QStringLiteral("redis_high_availability"), QStringLiteral("bool"),
                                                                          QStringLiteral("A replica in another zone"),
                                                                          HclValue::boolean(a.redis.highAvailability)));
    redis.attribute(QStringLiteral("public_network_access"), str(QStringLiteral("Disabled")));
    redis.blankLine();
    HclBody &db = redis.block(QStringLiteral("default_database"));
    db.attribute(QStringLiteral("client_protocol"), str(QStringLiteral("Encrypted")));
    db.attribute(QStringLiteral("eviction_policy"), str(QStringLiteral("VolatileLRU")));

    HclBody &endpoint = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_private_endpoint"), QStringLiteral("redis")});
    endpoint.attribute(QStringLiteral("name"), code(QStringLiteral("\"pe-${var.redis_name}\"")));
    inResourceGroup(endpoint);
    endpoint.attribute(QStringLiteral("subnet_id"), code(QStringLiteral("azurerm_subnet.nodes.id")));
    endpoint.blankLine();
    HclBody &connection = endpoint.block(QStringLiteral("private_service_connection"));
    connection.attribute(QStringLiteral("name"), str(QStringLiteral("redis")));
    connection.attribute(QStringLiteral("private_connection_resource_id"), code(QStringLiteral("azurerm_managed_redis.main.id")));
    connection.attribute(QStringLiteral("subresource_names"), HclValue::stringList({QStringLiteral("redisEnterprise")}));
    connection.attribute(QStringLiteral("is_manual_connection"), HclValue::boolean(false));
}

void addStorageAndCdn(TerraformConfiguration &tf, const AzureAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    HclBody &f = tf.file(QStringLiteral("storage.tf"), QStringLiteral("Storage account and the assets container."));
    HclBody &account = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_storage_account"), QStringLiteral("assets")});
    account.attribute(QStringLiteral("name"), vars.use(QStringLiteral("storage_account_name"), QStringLiteral("string"),
                                                       QStringLiteral("Storage account name"), str(a.storage.bucket)));
    inResourceGroup(account);
    account.attribute(QStringLiteral("account_tier"), str(QStringLiteral("Standard")));
    account.attribute(QStringLiteral("account_replication_type"), str(QStringLiteral("ZRS")));
    account.attribute(QStringLiteral("min_tls_version"), str(QStringLiteral("TLS1_2")));
    account.comment(QStringLiteral("Blobs are readable anonymously only when Front Door serves them."));
    account.attribute(QStringLiteral("allow_nested_items_to_be_public"), HclValue::boolean(a.storage.cdn));
    account.blankLine();
    account.block(QStringLiteral("blob_properties")).attribute(QStringLiteral("versioning_enabled"), HclValue::boolean(true));
    HclBody &container = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_storage_container"), QStringLiteral("assets")});
    container.attribute(QStringLiteral("name"), str(QStringLiteral("assets")));
    container.attribute(QStringLiteral("storage_account_id"), code(QStringLiteral("azurerm_storage_account.assets.id")));
    container.attribute(QStringLiteral("container_access_type"), str(a.storage.cdn ? QStringLiteral("blob") : QStringLiteral("private")));
    if (!a.storage.cdn)
        return;

    const bool domain = !a.storage.cdnDomain.isEmpty();
    HclBody &cdn = tf.file(QStringLiteral("cdn.tf"), QStringLiteral("Azure Front Door Standard (Azure CDN classic no longer takes new profiles)."));
    HclBody &profile = cdn.block(QStringLiteral("resource"), {QStringLiteral("azurerm_cdn_frontdoor_profile"), QStringLiteral("main")});
    profile.attribute(QStringLiteral("name"), code(QStringLiteral("\"afd-${var.environment}\"")));
    profile.attribute(QStringLiteral("resource_group_name"), code(QStringLiteral("azurerm_resource_group.main.name")));
    profile.attribute(QStringLiteral("sku_name"), str(QStringLiteral("Standard_AzureFrontDoor")));
    HclBody &endpoint = cdn.block(QStringLiteral("resource"), {QStringLiteral("azurerm_cdn_frontdoor_endpoint"), QStringLiteral("assets")});
    endpoint.attribute(QStringLiteral("name"), code(QStringLiteral("\"assets-${var.environment}\"")));
    endpoint.attribute(QStringLiteral("cdn_frontdoor_profile_id"), code(QStringLiteral("azurerm_cdn_frontdoor_profile.main.id")));
    HclBody &group = cdn.block(QStringLiteral("resource"), {QStringLiteral("azurerm_cdn_frontdoor_origin_group"), QStringLiteral("assets")});
    group.attribute(QStringLiteral("name"), str(QStringLiteral("assets")));
    group.attribute(QStringLiteral("cdn_frontdoor_profile_id"), code(QStringLiteral("azurerm_cdn_frontdoor_profile.main.id")));
    group.blankLine();
    group.block(QStringLiteral("load_balancing"));
    HclBody &origin = cdn.block(QStringLiteral("resource"), {QStringLiteral("azurerm_cdn_frontdoor_origin"), QStringLiteral("assets")});
    origin.attribute(QStringLiteral("name"), str(QStringLiteral("blob")));
    origin.attribute(QStringLiteral("cdn_frontdoor_origin_group_id"), code(QStringLiteral("azurerm_cdn_frontdoor_origin_group.assets.id")));
    origin.attribute(QStringLiteral("enabled"), HclValue::boolean(true));
    origin.attribute(QStringLiteral("host_name"), code(QStringLiteral("azurerm_storage_account.assets.primary_blob_host")));
    origin.attribute(QStringLiteral("origin_host_header"), code(QStringLiteral("azurerm_storage_account.assets.primary_blob_host")));
    origin.attribute(QStringLiteral("certificate_name_check_enabled"), HclValue::boolean(true));
    if (domain) {
        HclBody &custom = cdn.block(QStringLiteral("resource"), {QStringLiteral("azurerm_cdn_frontdoor_custom_domain"), QStringLiteral("assets")});
        custom.attribute(QStringLiteral("name"), str(QStringLiteral("assets-domain")));
        custom.attribute(QStringLiteral("cdn_frontdoor_profile_id"), code(QStringLiteral("azurerm_cdn_frontdoor_profile.main.id")));
        custom.attribute(QStringLiteral("host_name"), vars.use(QStringLiteral("cdn_domain"), QStringLiteral("string"),
                                                               QStringLiteral("Domain Front Door serves"), str(a.storage.cdnDomain)));
        custom.blankLine();
        HclBody &tls = custom.block(QStringLiteral("tls"));
        tls.attribute(QStringLiteral("certificate_type"), str(QStringLiteral("ManagedCertificate")));
        tls.attribute(QStringLiteral("minimum_tls_version"), str(QStringLiteral("TLS12")));
    }
    HclBody &route = cdn.block(QStringLiteral("resource"), {QStringLiteral("azurerm_cdn_frontdoor_route"), QStringLiteral("assets")});
    route.attribute(QStringLiteral("name"), str(QStringLiteral("assets")));
    route.attribute(QStringLiteral("cdn_frontdoor_endpoint_id"), code(QStringLiteral("azurerm_cdn_frontdoor_endpoint.assets.id")));
    route.attribute(QStringLiteral("cdn_frontdoor_origin_group_id"), code(QStringLiteral("azurerm_cdn_frontdoor_origin_group.assets.id")));
    route.attribute(QStringLiteral("cdn_frontdoor_origin_ids"), HclValue::list({code(QStringLiteral("azurerm_cdn_frontdoor_origin.assets.id"))}));
    if (domain)
        route.attribute(QStringLiteral("cdn_frontdoor_custom_domain_ids"),
                        HclValue::list({code(QStringLiteral("azurerm_cdn_frontdoor_custom_domain.assets.id"))}));
    route.attribute(QStringLiteral("supported_protocols"), HclValue::stringList({QStringLiteral("Http"), QStringLiteral("Https")}));
    route.attribute(QStringLiteral("patterns_to_match"), HclValue::stringList({QStringLiteral("/*")}));
    route.attribute(QStringLiteral("forwarding_protocol"), str(QStringLiteral("HttpsOnly")));
    route.attribute(QStringLiteral("https_redirect_enabled"), HclValue::boolean(true));
    route.attribute(QStringLiteral("link_to_default_domain"), HclValue::boolean(true));
}

void addSecrets(TerraformConfiguration &tf, const AzureAnswers &a)
{
    TerraformVariables &vars = tf.variables();
    HclBody &f = tf.file(QStringLiteral("secrets.tf"),
                         QStringLiteral("Key Vault with RBAC; secret values are set outside Git, Terraform only creates the entries."));
    HclBody &vault = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_key_vault"), QStringLiteral("main")});
    vault.attribute(QStringLiteral("name"), vars.use(QStringLiteral("key_vault_name"), QStringLiteral("string"), QStringLiteral("Key Vault name"),
                                                     str(a.keyVaultName)));
    inResourceGroup(vault);
    vault.attribute(QStringLiteral("tenant_id"), code(QStringLiteral("data.azurerm_client_config.current.tenant_id")));
    vault.attribute(QStringLiteral("sku_name"), str(QStringLiteral("standard")));
    vault.attribute(QStringLiteral("enable_rbac_authorization"), HclValue::boolean(true));
    vault.attribute(QStringLiteral("purge_protection_enabled"), HclValue::boolean(a.postgres.highAvailability != u"Disabled"));
    vault.attribute(QStringLiteral("soft_delete_retention_days"), HclValue::number(7));
    HclBody &role = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_role_assignment"), QStringLiteral("secrets_officer")});
    role.attribute(QStringLiteral("scope"), code(QStringLiteral("azurerm_key_vault.main.id")));
    role.attribute(QStringLiteral("role_definition_name"), str(QStringLiteral("Key Vault Secrets Officer")));
    role.attribute(QStringLiteral("principal_id"), code(QStringLiteral("data.azurerm_client_config.current.object_id")));
    HclBody &secret = f.block(QStringLiteral("resource"), {QStringLiteral("azurerm_key_vault_secret"), QStringLiteral("app")});
    secret.attribute(QStringLiteral("for_each"), code(QStringLiteral("toset(%1)").arg(
                         vars.use(QStringLiteral("secret_names"), QStringLiteral("list(string)"), QStringLiteral("Key Vault secrets to create"),
                                  HclValue::stringList(a.secrets)).render(0))));
    secret.attribute(QStringLiteral("name"), code(QStringLiteral("each.value")));
    secret.attribute(QStringLiteral("key_vault_id"), code(QStringLiteral("azurerm_key_vault.main.id")));
    secret.attribute(QStringLiteral("value"), str(QStringLiteral("set-outside-terraform")));
    secret.blankLine();
    secret.block(QStringLiteral("lifecycle")).attribute(QStringLiteral("ignore_changes"), HclValue::list({code(QStringLiteral("value"))}));
    secret.blankLine();
    secret.attribute(QStringLiteral("depends_on"), HclValue::list({code(QStringLiteral("azurerm_role_assignment.secrets_officer"))}));
}

void addOutputs(TerraformConfiguration &tf, const AzureAnswers &a)
{
    HclBody &f = tf.file(QStringLiteral("outputs.tf"), QStringLiteral("What the add-ons and the application need to know."));
    const auto output = [&f](const QString &name, const QString &value, const QString &description) {
        HclBody &o = f.block(QStringLiteral("output"), {name});
        o.attribute(QStringLiteral("description"), HclValue::string(description));
        o.attribute(QStringLiteral("value"), HclValue::expression(value));
    };
    output(QStringLiteral("resource_group"), QStringLiteral("azurerm_resource_group.main.name"), QStringLiteral("Resource group"));
    output(QStringLiteral("cluster_name"), QStringLiteral("azurerm_kubernetes_cluster.main.name"), QStringLiteral("AKS cluster name"));
    output(QStringLiteral("oidc_issuer_url"), QStringLiteral("azurerm_kubernetes_cluster.main.oidc_issuer_url"),
           QStringLiteral("OIDC issuer for workload identity (external-dns, cert-manager)"));
    output(QStringLiteral("postgres_fqdn"), QStringLiteral("azurerm_postgresql_flexible_server.main.fqdn"), QStringLiteral("PostgreSQL host name"));
    output(QStringLiteral("redis_hostname"), QStringLiteral("azurerm_managed_redis.main.hostname"), QStringLiteral("Redis host name"));
    output(QStringLiteral("storage_account"), QStringLiteral("azurerm_storage_account.assets.name"), QStringLiteral("Storage account"));
    if (a.storage.cdn)
        output(QStringLiteral("cdn_host_name"), QStringLiteral("azurerm_cdn_frontdoor_endpoint.assets.host_name"),
               QStringLiteral("Front Door host; point the custom domain here"));
    output(QStringLiteral("key_vault_uri"), QStringLiteral("azurerm_key_vault.main.vault_uri"), QStringLiteral("Key Vault URI"));
}

} // namespace

void addAzureServices(TerraformConfiguration &tf, const AzureAnswers &answers)
{
    addDatabase(tf, answers);
    addCache(tf, answers);
    addStorageAndCdn(tf, answers);
    addSecrets(tf, answers);
    addOutputs(tf, answers);
}

} // namespace studio::cloud
