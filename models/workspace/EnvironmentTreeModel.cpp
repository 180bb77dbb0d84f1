// SPDX-License-Identifier: MIT
#include "workspace/EnvironmentTreeModel.h"

namespace studio {

EnvironmentTreeModel::EnvironmentTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void EnvironmentTreeModel::setWorkspace(const Workspace *workspace)
{
    beginResetModel();
    m_rows.clear();
    if (workspace) {
        for (const Environment &env : workspace->environments)
            m_rows << EnvironmentRow{env, env.files()};
    }
    endResetModel();
}

QModelIndex EnvironmentTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex EnvironmentTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId()), 0, kTopLevel);
}

int EnvironmentTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.column() != 0 || parent.internalId() != kTopLevel)
        return 0;
    return int(m_rows.at(parent.row()).files.size());
}

int EnvironmentTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant EnvironmentTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isEnvironment = index.internalId() == kTopLevel;
    const EnvironmentRow &row = m_rows.at(isEnvironment ? index.row() : int(index.internalId()));
    if (isEnvironment) {
        switch (role) {
        case Qt::DisplayRole:
            return row.environment.isProtected ? QStringLiteral("%1  (protected)").arg(row.environment.name)
                                               : row.environment.name;
        case Qt::ToolTipRole: {
            QString tip = QStringLiteral("<b>%1</b>").arg(row.environment.name.toHtmlEscaped());
            if (!row.environment.argocdNamespace.isEmpty())
                tip += QStringLiteral("<br>Argo CD deploys %1 to namespace %2")
                           .arg(row.environment.argocdPath.toHtmlEscaped(), row.environment.argocdNamespace.toHtmlEscaped());
            if (row.environment.isProtected)
                tip += QStringLiteral("<br>Protected: promotion needs a clean check and a signed commit");
            return tip;
        }
        case EnvironmentRole:
            return row.environment.name;
        case IsEnvironmentRole:
            return true;
        default:
            return {};
        }
    }
    const QString &path = row.files.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return path.section(u'/', -1);
    case Qt::ToolTipRole:
    case PathRole:
        return path;
    case EnvironmentRole:
        return row.environment.name;
    case IsEnvironmentRole:
        return false;
    default:
        return {};
    }
}

QVariant EnvironmentTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return QStringLiteral("Environments");
    return {};
}

} // namespace studio
