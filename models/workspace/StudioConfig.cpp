// SPDX-License-Identifier: MIT
#include "workspace/StudioConfig.h"

#include "yaml/YamlDocument.h"

namespace studio {

using yaml::YamlDocument;
using yaml::YamlNode;

namespace {

class ConfigReader
{
public:
    ConfigReader(StudioConfig &config, const QString &file) : m_config(config), m_file(file) {}

    void report(const YamlNode *node, Severity severity, const QString &message)
    {
        Diagnostic d;
        d.file = m_file;
        d.line = node ? node->span.start.line : 1;
        d.column = node ? node->span.start.column : 1;
        d.severity = severity;
        d.rule = QStringLiteral("studio-config");
        d.message = message;
        m_config.diagnostics.append(d);
    }

    QString string(const YamlNode *node, const QString &what)
    {
        if (!node || node->isNull())
            return {};
        if (!node->isScalar()) {
            report(node, Severity::Error, QStringLiteral("'%1' must be a text value").arg(what));
            return {};
        }
        return node->scalar();
    }

    QStringList strings(const YamlNode *node, const QString &what)
    {
        QStringList result;
        if (!node || node->isNull())
            return result;
        if (node->isScalar())
            return {node->scalar()};
        if (!node->isSequence()) {
            report(node, Severity::Error, QStringLiteral("'%1' must be a list of text values").arg(what));
            return result;
        }
        for (const YamlNode *item : node->resolved()->items)
            result << string(item, what);
        return result;
    }

    bool boolean(const YamlNode *node, const QString &what)
    {
        if (!node || node->isNull())
            return false;
        if (node->scalarType() != yaml::ScalarType::Bool) {
            report(node, Severity::Error, QStringLiteral("'%1' must be true or false").arg(what));
            return false;
        }
        return node->scalar().compare(u"true", Qt::CaseInsensitive) == 0;
    }

    void checkKeys(const YamlNode *map, std::initializer_list<QStringView> known, const QString &where)
    {
        for (const yaml::YamlPair &p : map->resolved()->pairs) {
            const QString key = p.key->scalar();
            if (std::find(known.begin(), known.end(), key) == known.end())
                report(p.key, Severity::Warning,
                       QStringLiteral("unknown setting '%1' in %2; it is ignored (check the spelling)").arg(key, where));
        }
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
        env.name = string(node->value(u"name"), QStringLiteral("name")).trimmed();
        if (env.name.isEmpty())
            report(node, Severity::Error, QStringLiteral("an environment has no 'name'; add e.g. 'name: staging'"));
        env.valuesFiles = strings(node->value(u"values"), QStringLiteral("values"));
        env.kustomizeOverlay = string(node->value(u"kustomize"), QStringLiteral("kustomize"));
        env.argocdApplication = string(node->value(u"argocd"), QStringLiteral("argocd"));
        env.prometheusUrl = string(node->value(u"prometheus"), QStringLiteral("prometheus"));
        env.sealedSecretsCert = string(node->value(u"sealedSecretsCert"), QStringLiteral("sealedSecretsCert"));
        env.isProtected = boolean(node->value(u"protected"), QStringLiteral("protected"));
        env.chart = string(node->value(u"chart"), QStringLiteral("chart"));
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
            m_config.promotionExclude = strings(promotion->value(u"exclude"), QStringLiteral("promotion.exclude"));
        }
        if (const YamlNode *schemas = root->value(u"schemas"); schemas && schemas->isMapping()) {
            checkKeys(schemas, {u"kubernetesVersion", u"locations"}, QStringLiteral("'schemas'"));
            const QString version = string(schemas->value(u"kubernetesVersion"), QStringLiteral("kubernetesVersion"));
            if (!version.isEmpty())
                m_config.kubernetesVersion = version;
            m_config.schemaLocations = strings(schemas->value(u"locations"), QStringLiteral("schemas.locations"));
        }
    }

private:
    StudioConfig &m_config;
    QString m_file;
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
