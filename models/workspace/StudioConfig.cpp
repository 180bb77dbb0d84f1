// SPDX-License-Identifier: MIT
#include "workspace/StudioConfig.h"

#include "yaml/YamlDocument.h"
#include "yaml/YamlSettingsReader.h"

namespace studio {

using yaml::YamlDocument;
using yaml::YamlNode;

namespace {

class ConfigReader : public yaml::YamlSettingsReader
{
public:
    ConfigReader(StudioConfig &config, const QString &file)
        : YamlSettingsReader(file, QStringLiteral("studio-config"), config.diagnostics)
        , m_config(config)
    {
    }

    Environment environment(const YamlNode *node)
    {
        Environment env;
        if (!node->isMapping()) {
            report(node, Severity::Error, QStringLiteral("each environment must be a mapping with at least 'name'"));
            return env;
        }
        checkKeys(node,
                  {u"name", u"values", u"kustomize", u"argocd", u"prometheus", u"sealedSecretsCert", u"protected",
                   u"chart"},
                  QStringLiteral("an environment"));
        env.name = text(node->value(u"name"), QStringLiteral("name")).trimmed();
        if (env.name.isEmpty())
            report(node, Severity::Error, QStringLiteral("an environment has no 'name'; add e.g. 'name: staging'"));
        env.valuesFiles = texts(node->value(u"values"), QStringLiteral("values"));
        env.kustomizeOverlay = text(node->value(u"kustomize"), QStringLiteral("kustomize"));
        env.argocdApplication = text(node->value(u"argocd"), QStringLiteral("argocd"));
        env.prometheusUrl = text(node->value(u"prometheus"), QStringLiteral("prometheus"));
        env.sealedSecretsCert = text(node->value(u"sealedSecretsCert"), QStringLiteral("sealedSecretsCert"));
        env.isProtected = boolean(node->value(u"protected"), QStringLiteral("protected"));
        env.chart = text(node->value(u"chart"), QStringLiteral("chart"));
        return env;
    }

    void read(const YamlNode *root)
    {
        if (!root->isMapping()) {
            report(root, Severity::Error,
                   QStringLiteral("the config must be a mapping with 'environments', 'promotion' and 'schemas'"));
            return;
        }
        checkKeys(root, {u"environments", u"promotion", u"schemas"}, QStringLiteral("the config"));
        if (const YamlNode *envs = root->value(u"environments"); envs && !envs->isNull()) {
            if (!envs->isSequence()) {
                report(envs, Severity::Error,
                       QStringLiteral("'environments' must be a list, in promotion order (- name: dev …)"));
            } else {
                QStringList seen;
                for (const YamlNode *item : envs->resolved()->items) {
                    Environment env = environment(item);
                    if (env.name.isEmpty())
                        continue;
                    if (seen.contains(env.name)) {
                        report(item, Severity::Error,
                               QStringLiteral("environment '%1' is listed twice; keep one entry").arg(env.name));
                        continue;
                    }
                    seen << env.name;
                    m_config.environments << env;
                }
            }
        }
        if (const YamlNode *promotion = root->value(u"promotion"); promotion && promotion->isMapping()) {
            checkKeys(promotion, {u"exclude"}, QStringLiteral("'promotion'"));
            m_config.promotionExclude = texts(promotion->value(u"exclude"), QStringLiteral("promotion.exclude"));
        }
        if (const YamlNode *schemas = root->value(u"schemas"); schemas && schemas->isMapping()) {
            checkKeys(schemas, {u"kubernetesVersion", u"locations"}, QStringLiteral("'schemas'"));
            const QString version = text(schemas->value(u"kubernetesVersion"), QStringLiteral("kubernetesVersion"));
            if (!version.isEmpty())
                m_config.kubernetesVersion = version;
            m_config.schemaLocations = texts(schemas->value(u"locations"), QStringLiteral("schemas.locations"));
        }
    }

private:
    StudioConfig &m_config;
};

} // namespace

StudioConfig StudioConfig::parse(const QString &text, const QString &file)
{
    StudioConfig config;
    config.present = true;
    const YamlDocument doc = YamlDocument::parse(text);
    for (Diagnostic d : doc.diagnostics()) {
        d.file = file;
        config.diagnostics.append(d);
    }
    if (doc.documents().empty())
        return config;
    ConfigReader(config, file).read(doc.documents().front());
    return config;
}

} // namespace studio
