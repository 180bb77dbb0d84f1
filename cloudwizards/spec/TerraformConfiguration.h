// SPDX-License-Identifier: MIT
#pragma once

#include "spec/GeneratedFile.h"
#include "spec/HclWriter.h"
#include "spec/TerraformVariables.h"

#include <QString>

#include <memory>
#include <vector>

namespace studio::cloud {

/// The Terraform files of one environment while a generator fills them: topic files by name,
/// the variables they use, and the rendering into variables.tf and terraform.tfvars.
class TerraformConfiguration
{
public:
    explicit TerraformConfiguration(QString directory);

    TerraformVariables &variables() { return m_variables; }
    /// The body of `name` (e.g. "network.tf"), created empty with a header comment on first use.
    HclBody &file(const QString &name, const QString &purpose);

    /// Every .tf file plus terraform.tfvars, paths under the directory, sorted by path.
    GeneratedFiles render() const;

private:
    QString m_directory;
    TerraformVariables m_variables;
    std::vector<std::pair<QString, std::unique_ptr<HclBody>>> m_files;
};

} // namespace studio::cloud
