// SPDX-License-Identifier: MIT
#include "checks/ProblemListModel.h"

namespace studio {

ProblemListModel::ProblemListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProblemListModel::setDiagnostics(const Diagnostics &diagnostics)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int ProblemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Diagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return severityName(d.severity);
        case MessageColumn: return d.message;
        case FileColumn: return d.file;
        case LineColumn: return d.line > 0 ? QVariant(d.line) : QVariant(QString());
        case EnvironmentColumn: return d.environment;
        case RuleColumn: return d.rule;
        }
        return {};
    case Qt::ToolTipRole:
        return d.jsonPath.isEmpty() ? d.message : QStringLiteral("%1\n\nat %2").arg(d.message, d.jsonPath);
    case SortRole:
        switch (index.column()) {
        case SeverityColumn: return int(d.severity);
        case LineColumn: return d.line;
        case FileColumn: return QStringLiteral("%1:%2").arg(d.file).arg(d.line, 8, 10, QLatin1Char('0'));
        default: return data(index, Qt::DisplayRole);
        }
    case SeverityRole: return int(d.severity);
    case FileRole: return d.file;
    case LineRole: return d.line;
    case ColumnRole: return d.column;
    case EnvironmentRole: return d.environment;
    default: return {};
    }
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return QStringLiteral("Severity");
    case MessageColumn: return QStringLiteral("Problem");
    case FileColumn: return QStringLiteral("File");
    case LineColumn: return QStringLiteral("Line");
    case EnvironmentColumn: return QStringLiteral("Environment");
    case RuleColumn: return QStringLiteral("Rule");
    }
    return {};
}

} // namespace studio
