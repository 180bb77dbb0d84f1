// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace studio {

/// Sorts the Problems list and filters it by severity, environment and file/message text.
class ProblemFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ProblemFilterModel(QObject *parent = nullptr);

    void setSeverityVisible(Severity severity, bool visible);
    bool isSeverityVisible(Severity severity) const;
    /// Empty = every environment. A finding shared by several environments matches each of them.
    void setEnvironment(const QString &environment);
    /// Case-insensitive substring of the file path or the message.
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<int> m_hiddenSeverities;
    QString m_environment;
    QString m_text;
};

} // namespace studio
