// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "values/EffectiveValues.h"
#include "values/ValueNode.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

struct Workspace;

/// An environment's values layering, as read from disk: the input of EnvironmentMatrix::build().
struct EnvironmentLayers {
    QString name;
    QList<ValuesLayer> layers; ///< merge order: values.yaml first, the environment's own file last
};

/// What one environment gives one setting.
struct MatrixCell {
    bool isSet = false;
    QString text;              ///< scalars as written, lists and maps in compact flow style ("[a, b]")
    QJsonValue value;          ///< typed value, what "same value" is decided on
    ValueOrigin origin;        ///< where the value is written; for a deleted setting, where its null is
    ValueOrigin defaultOrigin; ///< where the defaults layer (values.yaml) writes the setting; empty when it does not
    QString defaultText;       ///< the defaults layer's value, when it has one
    bool isOverridden = false; ///< written in a layer other than the defaults

    bool sameValueAs(const MatrixCell &other) const { return isSet == other.isSet && value == other.value; }
};

/// One row of the matrix: a leaf setting (a scalar, a list, an empty map) and its value per environment.
struct MatrixSetting {
    QStringList keys;         ///< mapping keys from the root
    QString path;             ///< dotted, "\." for a dot inside a key (the CLI's `set` syntax)
    QList<MatrixCell> cells;  ///< one per environment, in promotion order
    bool differs = false;     ///< not every environment has the same value (or some lack it)

    /// The cell of environment `column` (0-based) has another value than the environment before it.
    bool differsFromPrevious(int column) const;
};

/// One column of the matrix.
struct MatrixEnvironment {
    QString name;
    QStringList files;   ///< the values layering
    QString defaultsFile;///< the layer others override (values.yaml); empty when the only layer is the environment's own
};

/// Settings × environments: every leaf setting of the Helm values of every environment with its
/// effective value in each, where that value is written and whether it overrides the defaults.
///
/// Rows follow the order settings are written in values.yaml; a setting only some environment adds
/// comes after its siblings. A list is one setting: Helm replaces lists as a whole.
struct EnvironmentMatrix {
    QList<MatrixEnvironment> environments;
    QList<MatrixSetting> settings;
    Diagnostics diagnostics; ///< unreadable values files, YAML errors, values that are not a mapping

    /// Merges each environment's layers and lines the settings up. Pure computation, no disk access.
    static EnvironmentMatrix build(const QList<EnvironmentLayers> &environments);
    /// Reads the values files of every environment that has some, then build()s. Reads the disk:
    /// run it on a worker thread (QtConcurrent::run), never on the GUI thread.
    static EnvironmentMatrix load(const Workspace &workspace);

    /// Row of the setting with this dotted path, or -1.
    int settingIndex(const QString &path) const;
    /// Column (0-based, without the setting column) of the environment, or -1.
    int environmentIndex(const QString &name) const;
};

/// Compact one-line rendering of a value: scalars as written (quoted when the plain text would mean
/// another type), lists as "[a, b]", maps as "{k: v}". Stops near `maxLength` characters with "…".
QString compactValueText(const ValueNode &value, qsizetype maxLength = 4000);

/// Dotted path of mapping keys; a '.' inside a key is written "\." so parseValuePath() reads it back.
QString dottedValuePath(const QStringList &keys);

} // namespace studio
