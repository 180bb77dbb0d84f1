// SPDX-License-Identifier: MIT
#include "promote/PromotionChangeModel.h"

namespace studio {

PromotionChangeModel::PromotionChangeModel(QObject *parent) : QAbstractTableModel(parent) {}

void PromotionChangeModel::setPlan(const PromotionPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    m_unchecked.clear();
    endResetModel();
    emit selectionChanged();
}

QStringList PromotionChangeModel::selectedIds() const
{
    QStringList ids;
    for (const PromotionChange &change : m_plan.changes()) {
        if (!m_unchecked.contains(change.id))
            ids << change.id;
    }
    return ids;
}

void PromotionChangeModel::setAllChecked(bool checked)
{
    m_unchecked.clear();
    if (!checked) {
        for (const PromotionChange &change : m_plan.changes())
            m_unchecked.insert(change.id);
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::CheckStateRole});
    emit selectionChanged();
}

int PromotionChangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.changes().size());
}

int PromotionChangeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PromotionChangeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PromotionChange &change = m_plan.changes().at(index.row());
    if (role == Qt::CheckStateRole && index.column() == SettingColumn)
        return m_unchecked.contains(change.id) ? Qt::Unchecked : Qt::Checked;
    if (role == IdRole)
        return change.id;
    if (role == KindRole)
        return int(change.kind);
    if (role == Qt::ToolTipRole) {
        QString tip = change.summary();
        if (!change.sourceOrigin.file.isEmpty())
            tip += QStringLiteral("\n%1: %2:%3").arg(m_plan.source(), change.sourceOrigin.file).arg(change.sourceOrigin.line);
        if (!change.targetOrigin.file.isEmpty())
            tip += QStringLiteral("\n%1: %2:%3").arg(m_plan.target(), change.targetOrigin.file).arg(change.targetOrigin.line);
        return tip;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SettingColumn:
        return change.kind == PromotionChange::Kind::SetImageTag ? QStringLiteral("image %1").arg(change.id.mid(7)) : change.id;
    case TargetColumn:
        return change.targetText.isEmpty() ? QStringLiteral("(unset)") : change.targetText;
    case SourceColumn:
        switch (change.kind) {
        case PromotionChange::Kind::RemoveValue: return QStringLiteral("(removed)");
        case PromotionChange::Kind::ResetToInherited: return QStringLiteral("%1 (inherited)").arg(change.sourceText);
        default: return change.sourceText;
        }
    case FileColumn:
        return change.file.section(u'/', -1);
    }
    return {};
}

bool PromotionChangeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole || index.column() != SettingColumn)
        return false;
    const QString id = m_plan.changes().at(index.row()).id;
    if (value.toInt() == Qt::Checked)
        m_unchecked.remove(id);
    else
        m_unchecked.insert(id);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit selectionChanged();
    return true;
}

Qt::ItemFlags PromotionChangeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == SettingColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant PromotionChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SettingColumn: return QStringLiteral("Setting");
    case TargetColumn: return m_plan.target().isEmpty() ? QStringLiteral("Now") : QStringLiteral("%1 now").arg(m_plan.target());
    case SourceColumn: return m_plan.source().isEmpty() ? QStringLiteral("Promoted") : QStringLiteral("From %1").arg(m_plan.source());
    case FileColumn: return QStringLiteral("File");
    }
    return {};
}

} // namespace studio
