// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "core/Result.h"
#include "spec/CloudProvider.h"
#include "spec/CostEstimate.h"
#include "spec/GeneratedFile.h"

#include <QString>

#include <memory>

namespace studio::cloud {

class TerraformConfiguration;
struct AddonTarget;

/// One cluster setup for one provider: its answers, the rules they must meet, and what they
/// generate (Terraform, Argo CD add-ons, a cost estimate). The CLI and the wizard pages work through
/// this interface; each provider implements it around its own answers model.
class CloudSetup
{
public:
    virtual ~CloudSetup() = default;

    /// The answers of `preset`.
    static std::unique_ptr<CloudSetup> create(CloudProvider provider, Preset preset);
    /// Reads an answers file. Fields left out keep the values of the file's `preset:` (dev when
    /// absent). YAML syntax errors, wrong types and unknown fields fail with every problem listed in
    /// `problems` (rule "answers-format" or "yaml-syntax", with line and field path).
    static std::unique_ptr<CloudSetup> fromYaml(CloudProvider provider, const QString &yamlText, const QString &file,
                                                Diagnostics &problems);

    /// Gives each problem the file, line and column of its field in the answers file it was read from
    /// (fields the file leaves out keep line 0: their value came from the preset).
    static void locateProblems(Diagnostics &problems, const QString &yamlText, const QString &file);

    virtual CloudProvider provider() const = 0;
    virtual QString environment() const = 0;
    /// The answers as a complete, commented answers file.
    virtual QString toYaml() const = 0;
    /// Every rule the answers break; empty when they can be generated.
    virtual Diagnostics validate() const = 0;
    /// Terraform for infra/<provider>/<env>/ (with a README naming the pinned versions and the cost)
    /// and add-ons for clusters/<env>/addons/, paths relative to the repository root, in a fixed order.
    /// Only meaningful when validate() is empty.
    GeneratedFiles generate() const;
    virtual CostEstimate estimateCost(const PricingTable &prices) const = 0;

    QString terraformDir() const;  ///< "infra/aws/dev"
    QString addonsDir() const;     ///< "clusters/dev/addons"

protected:
    /// The provider's resources, in the order its topic files list them.
    virtual void addTerraform(TerraformConfiguration &tf) const = 0;
    /// The environment README's note on the pinned provider and module versions.
    virtual QString versionsNote() const = 0;
    /// The cluster the add-ons are configured for.
    virtual AddonTarget addonTarget() const = 0;
};

} // namespace studio::cloud
