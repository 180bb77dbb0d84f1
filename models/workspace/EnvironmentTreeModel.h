// SPDX-License-Identifier: MIT
#pragma once

#include "workspace/Workspace.h"

#include <QAbstractItemModel>

namespace studio {

/// Environments in promotion order, each with the files that define it (values layering, overlay,
/// Argo CD Application). Files carry their workspace-relative path in PathRole.
class EnvironmentTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { PathRole = Qt::UserRole + 1, EnvironmentRole, IsEnvironmentRole };

    explicit EnvironmentTreeModel(QObject *parent = nullptr);

    void setWorkspace(const Workspace *workspace);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct EnvironmentRow {
        Environment environment;
        QStringList files;
    };
    static constexpr quintptr kTopLevel = quintptr(-1);
    QList<EnvironmentRow> m_rows;
};

} // namespace studio
