// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace studio {

/// Filters the environment matrix by setting path (case-insensitive substring) and, optionally, to
/// the settings whose value is not the same in every environment. Rows keep the matrix's order.
class MatrixFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MatrixFilterModel(QObject *parent = nullptr);

    void setKeyFilter(const QString &text);
    QString keyFilter() const { return m_key; }
    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return m_onlyDifferences; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_key;
    bool m_onlyDifferences = false;
};

} // namespace studio
