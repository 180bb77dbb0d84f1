// SPDX-License-Identifier: MIT
#pragma once

#include "promote/PromotionPlan.h"

#include <QAbstractTableModel>
#include <QSet>

namespace studio {

/// The changes of a promotion plan with a checkbox each: what the user promotes.
class PromotionChangeModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SettingColumn, TargetColumn, SourceColumn, FileColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, KindRole };

    explicit PromotionChangeModel(QObject *parent = nullptr);

    void setPlan(const PromotionPlan &plan);
    const PromotionPlan &plan() const { return m_plan; }
    /// Ids of the checked changes, in plan order.
    QStringList selectedIds() const;
    void setAllChecked(bool checked);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void selectionChanged();

private:
    PromotionPlan m_plan;
    QSet<QString> m_unchecked;
};

} // namespace studio
