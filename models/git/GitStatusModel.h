// SPDX-License-Identifier: MIT
#pragma once

#include "git/GitTypes.h"

#include <QAbstractTableModel>

namespace studio {

/// The work tree's changed files for the Git panel: path, what changed, staged or not.
class GitStatusModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { PathColumn, StateColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, StagedRole };

    explicit GitStatusModel(QObject *parent = nullptr);
    void setFiles(const QList<GitFileStatus> &files);
    const GitFileStatus &file(int row) const { return m_files.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<GitFileStatus> m_files;
};

} // namespace studio
