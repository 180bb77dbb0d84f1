// SPDX-License-Identifier: MIT
#include "checks/ProblemFilterModel.h"

#include "checks/ProblemListModel.h"

namespace studio {

ProblemFilterModel::ProblemFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ProblemListModel::SortRole);
}

void ProblemFilterModel::setSeverityVisible(Severity severity, bool visible)
{
    if (visible == isSeverityVisible(severity))
        return;
    if (visible)
        m_hiddenSeverities.remove(int(severity));
    else
        m_hiddenSeverities.insert(int(severity));
    invalidateFilter();
}

bool ProblemFilterModel::isSeverityVisible(Severity severity) const
{
    return !m_hiddenSeverities.contains(int(severity));
}

void ProblemFilterModel::setEnvironment(const QString &environment)
{
    if (m_environment == environment)
        return;
    m_environment = environment;
    invalidateFilter();
}

void ProblemFilterModel::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

bool ProblemFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_hiddenSeverities.contains(index.data(ProblemListModel::SeverityRole).toInt()))
        return false;
    if (!m_environment.isEmpty()) {
        const QString environments = index.data(ProblemListModel::EnvironmentRole).toString();
        // Findings without an environment (a base manifest) concern every environment.
        if (!environments.isEmpty() && !environments.split(QStringLiteral(", ")).contains(m_environment))
            return false;
    }
    if (!m_text.isEmpty()) {
        const QString file = index.data(ProblemListModel::FileRole).toString();
        const QString message = sourceModel()->index(sourceRow, ProblemListModel::MessageColumn, sourceParent).data().toString();
        if (!file.contains(m_text, Qt::CaseInsensitive) && !message.contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace studio
