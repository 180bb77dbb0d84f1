// SPDX-License-Identifier: MIT
#pragma once

#include "diff/EnvironmentComparison.h"

#include <QAbstractItemModel>

namespace studio {

/// The semantic differences of a comparison as a tree: one branch per section (Helm values, each
/// overlay file), one row per change with both values and both places it is written.
class SemanticChangeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { PathColumn, KindColumn, FromColumn, ToColumn, ColumnCount };
    enum Role { FromFileRole = Qt::UserRole + 1, FromLineRole, ToFileRole, ToLineRole, IsSectionRole, KindRole };

    explicit SemanticChangeModel(QObject *parent = nullptr);
    void setSections(const QList<ComparisonSection> &sections, const QString &fromName, const QString &toName);
    const QList<ComparisonSection> &sections() const { return m_sections; }
    int changeCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static constexpr quintptr kSection = quintptr(-1);
    QList<ComparisonSection> m_sections;
    QString m_from;
    QString m_to;
};

} // namespace studio
