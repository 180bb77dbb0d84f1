// SPDX-License-Identifier: MIT
#include "values/MatrixFilterModel.h"

#include "values/EnvironmentMatrixModel.h"

namespace studio {

MatrixFilterModel::MatrixFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void MatrixFilterModel::setKeyFilter(const QString &text)
{
    const QString key = text.trimmed();
    if (m_key == key)
        return;
    m_key = key;
    invalidateFilter();
}

void MatrixFilterModel::setOnlyDifferences(bool only)
{
    if (m_onlyDifferences == only)
        return;
    m_onlyDifferences = only;
    invalidateFilter();
}

bool MatrixFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex setting = sourceModel()->index(sourceRow, EnvironmentMatrixModel::SettingColumn, sourceParent);
    if (m_onlyDifferences && !setting.data(EnvironmentMatrixModel::DiffersRole).toBool())
        return false;
    if (m_key.isEmpty())
        return true;
    // The path shows "\." for a dot inside a key; a user typing a plain dot should still find it.
    return setting.data(EnvironmentMatrixModel::PathRole).toString().contains(m_key, Qt::CaseInsensitive)
           || setting.data(EnvironmentMatrixModel::KeysRole).toStringList().join(u'.').contains(m_key, Qt::CaseInsensitive);
}

} // namespace studio
