// SPDX-License-Identifier: MIT
#include "spec/CloudSetup.h"

#include "spec/AnswersFile.h"
#include "spec/EnvironmentReadme.h"
#include "spec/TerraformConfiguration.h"
#include "spec/addons/ClusterAddons.h"
#include "spec/aws/AwsSetup.h"
#include "spec/azure/AzureSetup.h"
#include "spec/gcp/GcpSetup.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlJson.h"

#include <QRegularExpression>

namespace studio::cloud {

GeneratedFiles CloudSetup::generate() const
{
    TerraformConfiguration tf(terraformDir());
    addTerraform(tf);
    GeneratedFiles files = tf.render();
    files.append({terraformDir() + QStringLiteral("/README.md"),
                  environmentReadme(provider(), environment(), versionsNote(), files, estimateCost(PricingTable::builtIn()))});
    files += ClusterAddons::generate(addonTarget());
    return files;
}

QString CloudSetup::terraformDir() const
{
    return QStringLiteral("infra/%1/%2").arg(providerId(provider()), environment());
}

QString CloudSetup::addonsDir() const
{
    return QStringLiteral("clusters/%1/addons").arg(environment());
}

void CloudSetup::locateProblems(Diagnostics &problems, const QString &yamlText, const QString &file)
{
    const yaml::YamlDocument doc = yaml::YamlDocument::parse(yamlText);
    const yaml::YamlNode *root = doc.documents().empty() ? nullptr : doc.documents().front();
    static const QRegularExpression segment(QStringLiteral("([^.\\[]+)|(\\[[0-9]+\\])"));
    for (Diagnostic &d : problems) {
        d.file = file;
        QStringList segments;
        for (auto it = segment.globalMatch(d.jsonPath); it.hasNext();)
            segments.append(it.next().captured(0));
        const yaml::YamlNode *node = root && !segments.isEmpty() ? yaml::nodeAtPath(root, segments) : nullptr;
        if (node) {
            d.line = node->span.start.line;
            d.column = node->span.start.column;
        }
    }
}

std::unique_ptr<CloudSetup> CloudSetup::create(CloudProvider provider, Preset preset)
{
    switch (provider) {
    case CloudProvider::Aws: return std::make_unique<AwsSetup>(AwsAnswers::preset(preset), preset);
    case CloudProvider::Azure: return std::make_unique<AzureSetup>(AzureAnswers::preset(preset), preset);
    case CloudProvider::Gcp: return std::make_unique<GcpSetup>(GcpAnswers::preset(preset), preset);
    }
    return nullptr;
}

std::unique_ptr<CloudSetup> CloudSetup::fromYaml(CloudProvider provider, const QString &yamlText, const QString &file,
                                                 Diagnostics &problems)
{
    const yaml::YamlDocument doc = yaml::YamlDocument::parse(yamlText);
    for (Diagnostic d : doc.diagnostics()) {
        d.file = file;
        problems.append(d);
    }
    if (doc.hasErrors())
        return nullptr;
    if (doc.documents().size() != 1 || !doc.documents().front()->isMapping()) {
        Diagnostic d;
        d.file = file;
        d.rule = QStringLiteral("answers-format");
        d.message = QStringLiteral("%1 must hold one YAML mapping of answers (print an example with --print-example)").arg(file);
        problems.append(d);
        return nullptr;
    }
    const yaml::YamlNode *root = doc.documents().front()->resolved();
    const qsizetype before = problems.size();
    Preset preset = Preset::Dev;
    if (const yaml::YamlNode *p = root->value(u"preset"))
        preset = presetFromId(p->resolved()->scalar()).value_or(Preset::Dev);
    std::unique_ptr<CloudSetup> setup;
    switch (provider) {
    case CloudProvider::Aws:
        setup = std::make_unique<AwsSetup>(answersFromYaml<AwsAnswers>(root, file, problems), preset);
        break;
    case CloudProvider::Azure:
        setup = std::make_unique<AzureSetup>(answersFromYaml<AzureAnswers>(root, file, problems), preset);
        break;
    case CloudProvider::Gcp:
        setup = std::make_unique<GcpSetup>(answersFromYaml<GcpAnswers>(root, file, problems), preset);
        break;
    }
    return problems.size() == before ? std::move(setup) : nullptr;
}

} // namespace studio::cloud
