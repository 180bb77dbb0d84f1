// SPDX-License-Identifier: MIT
#pragma once

#include "spec/AnswersFile.h"
#include "spec/CloudSetup.h"

namespace studio::cloud {

/// What every provider's setup shares: its answers model, the preset it started from, and the answers
/// file written from them. A provider adds its rules, its Terraform, its add-on target and its costs.
template<typename Answers, CloudProvider Kind>
class ProviderSetup : public CloudSetup
{
public:
    ProviderSetup(Answers answers, Preset preset) : m_answers(std::move(answers)), m_preset(preset) {}

    const Answers &answers() const { return m_answers; }
    Answers &answers() { return m_answers; }

    CloudProvider provider() const override { return Kind; }
    QString environment() const override { return m_answers.environment; }
    QString toYaml() const override { return answersToYaml(m_answers, Kind, m_preset); }

protected:
    Answers m_answers;
    Preset m_preset;
};

} // namespace studio::cloud
