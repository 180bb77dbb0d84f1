// SPDX-License-Identifier: MIT
#pragma once

#include "spec/HclWriter.h"

#include <QList>
#include <QString>

namespace studio::cloud {

/// The answers a generated configuration reads as input variables: generators call use() where a
/// value goes into a resource and get "var.NAME" back; the declarations become variables.tf and the
/// answered values terraform.tfvars, so an operator can change a size without re-running the wizard.
class TerraformVariables
{
public:
    HclValue use(const QString &name, const QString &type, const QString &description, HclValue value);

    QString variablesFile() const;
    QString tfvarsFile() const;

private:
    struct Variable {
        QString name;
        QString type;
        QString description;
        HclValue value;
    };
    QList<Variable> m_variables;
};

} // namespace studio::cloud
