// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"

#include <QAbstractTableModel>

namespace studio {

/// The Problems list: one row per diagnostic. Sorting and filtering happen in ProblemFilterModel.
class ProblemListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, MessageColumn, FileColumn, LineColumn, EnvironmentColumn, RuleColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, ///< int(Severity)
        FileRole,
        LineRole,
        ColumnRole,
        EnvironmentRole,
        SortRole,
    };

    explicit ProblemListModel(QObject *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    const Diagnostic &diagnostic(int row) const { return m_diagnostics.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Diagnostics m_diagnostics;
};

} // namespace studio
