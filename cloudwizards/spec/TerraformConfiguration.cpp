// SPDX-License-Identifier: MIT
#include "spec/TerraformConfiguration.h"

#include <algorithm>

namespace studio::cloud {

TerraformConfiguration::TerraformConfiguration(QString directory) : m_directory(std::move(directory)) {}

HclBody &TerraformConfiguration::file(const QString &name, const QString &purpose)
{
    for (auto &[fileName, body] : m_files)
        if (fileName == name)
            return *body;
    m_files.emplace_back(name, std::make_unique<HclBody>());
    HclBody &body = *m_files.back().second;
    body.comment(purpose);
    return body;
}

GeneratedFiles TerraformConfiguration::render() const
{
    GeneratedFiles files;
    for (const auto &[name, body] : m_files)
        files.append({m_directory + u'/' + name, body->render()});
    files.append({m_directory + QStringLiteral("/variables.tf"), m_variables.variablesFile()});
    files.append({m_directory + QStringLiteral("/terraform.tfvars"), m_variables.tfvarsFile()});
    std::sort(files.begin(), files.end(), [](const GeneratedFile &a, const GeneratedFile &b) { return a.path < b.path; });
    return files;
}

} // namespace studio::cloud
