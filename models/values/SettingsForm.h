// SPDX-License-Identifier: MIT
#pragma once

#include "values/ValueNode.h"
#include "yaml/YamlNode.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

/// One setting of an environment's values form: what the schema says about it, its effective value
/// and where that value comes from.
struct SettingField {
    enum class Type { Group, Integer, Number, Boolean, Enum, String, List, Map, Unknown };

    QStringList path;
    QString key;
    QString description;
    Type type = Type::Unknown;
    QStringList enumValues;       ///< for Enum, as text
    bool enumOfStrings = true;    ///< the enum's values are strings (written quoted when they look like numbers)
    std::optional<double> minimum;
    std::optional<double> maximum;
    QString pattern;              ///< for String
    QString defaultText;          ///< the schema's default, as YAML text
    bool required = false;
    int depth = 0;                ///< nesting, for indentation

    bool isSet = false;           ///< the environment has a value (inherited or its own)
    QString text;                 ///< the effective value: scalar text, or one-line YAML for lists and maps
    ValueOrigin origin;           ///< where the effective value is written
    bool overridden = false;      ///< written in the environment's own file

    yaml::ScalarType scalarType() const; ///< how a new value is written (Int for Integer, …)
    bool isEditableInline() const { return type != Type::Group; }
};

/// Builds the form of an environment's values from the chart's values.schema.json: every setting the
/// schema or the values know, in values.yaml order then the schema's, each with its effective value
/// and provenance. Widget-free, so the form's logic is tested without a GUI.
class SettingsForm
{
public:
    /// `ownFile`: the environment's own values file (the one the form edits).
    static QList<SettingField> build(const QJsonObject &schema, const ValueNode &effective, const QString &ownFile);

    /// One-line YAML of a value (flow style for lists and maps).
    static QString flowText(const ValueNode &value);
};

} // namespace studio
