// SPDX-License-Identifier: MIT
#pragma once

#include "promote/EnvironmentHistory.h"

#include <QAbstractTableModel>

namespace studio {

/// An environment's commits for the History view, promotions marked.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CommitColumn, DateColumn, AuthorColumn, SubjectColumn, ColumnCount };
    enum Role { CommitIdRole = Qt::UserRole + 1, IsPromotionRole };

    explicit HistoryModel(QObject *parent = nullptr);
    void setEntries(const QList<HistoryEntry> &entries);
    const HistoryEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<HistoryEntry> m_entries;
};

} // namespace studio
