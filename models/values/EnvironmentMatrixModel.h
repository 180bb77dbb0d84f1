// SPDX-License-Identifier: MIT
#pragma once

#include "values/EnvironmentMatrix.h"

#include <QAbstractTableModel>

namespace studio {

/// Settings × environments: column 0 is the setting path, columns 1..N the environments in promotion
/// order with each one's effective value. Provenance, overrides and differences are roles; how they
/// look is the view's business (the model stays free of GUI types).
///
/// Build the data with EnvironmentMatrix::load() on a worker thread and hand it to setMatrix().
class EnvironmentMatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int SettingColumn = 0;

    enum Role {
        PathRole = Qt::UserRole + 1, ///< QString: dotted setting path, every column
        KeysRole,                    ///< QStringList: the path's mapping keys, every column
        EnvironmentRole,             ///< QString: environment name (environment columns)
        IsSetRole,                   ///< bool: false when the environment has no value (display is empty)
        ValueRole,                   ///< QJsonValue: the typed value (undefined when not set)
        OriginFileRole,              ///< QString: file the value is written in (for a deleted one: its null)
        OriginLineRole,              ///< int, 1-based; 0 when unknown
        OriginColumnRole,            ///< int, 1-based; 0 when unknown
        IsOverriddenRole,            ///< bool: written in a layer other than values.yaml
        DiffersRole,                 ///< bool, every column: not all environments have the same value
        DiffersFromPreviousRole,     ///< bool: another value than the environment one column to the left
        EnvironmentFileRole,         ///< QString: the environment's own values file (its last layer)
    };

    explicit EnvironmentMatrixModel(QObject *parent = nullptr);

    void setMatrix(EnvironmentMatrix matrix);
    /// Convenience for data already read: merges and lines up on the calling thread (no disk access).
    void setEnvironments(const QList<EnvironmentLayers> &environments);
    const EnvironmentMatrix &matrix() const { return m_matrix; }

    /// Index of a setting's cell for an environment (column 0 when `environment` is empty); invalid when absent.
    QModelIndex cellIndex(const QString &settingPath, const QString &environment = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant settingData(const MatrixSetting &setting, int role) const;
    QVariant cellData(const MatrixSetting &setting, int environment, int role) const;
    QString cellToolTip(const MatrixSetting &setting, int environment) const;

    EnvironmentMatrix m_matrix;
};

} // namespace studio
