// SPDX-License-Identifier: MIT
#include "promote/HistoryModel.h"

namespace studio {

HistoryModel::HistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void HistoryModel::setEntries(const QList<HistoryEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    switch (role) {
    case CommitIdRole:
        return e.commit.id;
    case IsPromotionRole:
        return e.isPromotion;
    case Qt::ToolTipRole:
        return e.commit.message.trimmed();
    case Qt::DisplayRole:
        switch (index.column()) {
        case CommitColumn: return e.commit.shortId;
        case DateColumn: return e.commit.author.when.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case AuthorColumn: return e.commit.author.name;
        case SubjectColumn: return (e.isPromotion ? QStringLiteral("⇒ ") : QString()) + e.commit.summary;
        }
        return {};
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CommitColumn: return QStringLiteral("Commit");
    case DateColumn: return QStringLiteral("Date");
    case AuthorColumn: return QStringLiteral("Author");
    case SubjectColumn: return QStringLiteral("Change");
    }
    return {};
}

} // namespace studio
