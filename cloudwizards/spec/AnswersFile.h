// SPDX-License-Identifier: MIT
#pragma once

#include "spec/AnswersYamlReader.h"
#include "spec/AnswersYamlWriter.h"
#include "spec/CloudProvider.h"

namespace studio::cloud {

/// Reading and writing whole answers files for any provider's answers model (which offers
/// `static preset(Preset)` and `describe(visitor)`). A file starts with `preset: dev|production`;
/// every field it leaves out keeps that preset's value.
template<typename Answers>
QString answersToYaml(Answers answers, CloudProvider provider, Preset preset)
{
    AnswersYamlWriter writer;
    writer.text("preset", presetId(preset), "base values for fields this file leaves out: dev or production");
    answers.describe(writer);
    return QStringLiteral("# Deploy Studio cloud wizard answers for %1.\n"
                          "# Generate with: deploy-studio-cli wizard %2 --answers THIS_FILE --out REPO\n")
               .arg(providerDisplayName(provider), providerId(provider))
         + writer.yaml();
}

template<typename Answers>
Answers answersFromYaml(const yaml::YamlNode *root, const QString &file, Diagnostics &problems)
{
    Preset preset = Preset::Dev;
    if (const yaml::YamlNode *presetNode = root->value(u"preset")) {
        if (const auto parsed = presetFromId(presetNode->resolved()->scalar())) {
            preset = *parsed;
        } else {
            Diagnostic d;
            d.file = file;
            d.line = presetNode->span.start.line;
            d.column = presetNode->span.start.column;
            d.rule = QStringLiteral("answers-format");
            d.jsonPath = QStringLiteral("preset");
            d.message = QStringLiteral("preset must be dev or production (it is '%1')").arg(presetNode->resolved()->scalar());
            problems.append(d);
        }
    }
    Answers answers = Answers::preset(preset);
    AnswersYamlReader reader(root, QString(), file, problems);
    QString ignoredPreset;
    reader.text("preset", ignoredPreset, "");
    answers.describe(reader);
    reader.reportUnknownKeys();
    return answers;
}

} // namespace studio::cloud
