// SPDX-License-Identifier: MIT
#include "git/GitStatusModel.h"

namespace studio {

namespace {

QString changeName(GitChange change)
{
    switch (change) {
    case GitChange::Unchanged: return {};
    case GitChange::New: return QStringLiteral("new");
    case GitChange::Modified: return QStringLiteral("modified");
    case GitChange::Deleted: return QStringLiteral("deleted");
    case GitChange::Renamed: return QStringLiteral("renamed");
    case GitChange::TypeChanged: return QStringLiteral("type changed");
    case GitChange::Conflicted: return QStringLiteral("conflict");
    }
    return {};
}

} // namespace

GitStatusModel::GitStatusModel(QObject *parent) : QAbstractTableModel(parent) {}

void GitStatusModel::setFiles(const QList<GitFileStatus> &files)
{
    beginResetModel();
    m_files = files;
    endResetModel();
}

int GitStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int GitStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GitStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const GitFileStatus &f = m_files.at(index.row());
    const bool staged = f.staged != GitChange::Unchanged;
    switch (role) {
    case PathRole: return f.path;
    case StagedRole: return staged;
    case Qt::DisplayRole:
        if (index.column() == PathColumn)
            return f.oldPath.isEmpty() ? f.path : QStringLiteral("%1 → %2").arg(f.oldPath, f.path);
        if (f.isConflicted())
            return QStringLiteral("conflict");
        if (f.isUntracked())
            return QStringLiteral("untracked");
        if (staged && f.unstaged != GitChange::Unchanged)
            return QStringLiteral("%1 (staged), %2").arg(changeName(f.staged), changeName(f.unstaged));
        return staged ? QStringLiteral("%1 (staged)").arg(changeName(f.staged)) : changeName(f.unstaged);
    default:
        return {};
    }
}

QVariant GitStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == PathColumn ? QStringLiteral("File") : QStringLiteral("Change");
}

} // namespace studio
