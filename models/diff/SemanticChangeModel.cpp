// SPDX-License-Identifier: MIT
#include "diff/SemanticChangeModel.h"

namespace studio {

namespace {

QString kindName(SemanticChange::Kind kind)
{
    switch (kind) {
    case SemanticChange::Kind::Added: return QStringLiteral("added");
    case SemanticChange::Kind::Removed: return QStringLiteral("removed");
    case SemanticChange::Kind::Changed: return QStringLiteral("changed");
    case SemanticChange::Kind::TypeChanged: return QStringLiteral("type changed");
    case SemanticChange::Kind::OrderChanged: return QStringLiteral("order changed");
    }
    return {};
}

} // namespace

SemanticChangeModel::SemanticChangeModel(QObject *parent) : QAbstractItemModel(parent) {}

void SemanticChangeModel::setSections(const QList<ComparisonSection> &sections, const QString &fromName,
                                      const QString &toName)
{
    beginResetModel();
    m_sections.clear();
    for (const ComparisonSection &s : sections) {
        if (!s.changes.isEmpty())
            m_sections << s; // sections without differences say nothing
    }
    m_from = fromName;
    m_to = toName;
    endResetModel();
}

int SemanticChangeModel::changeCount() const
{
    int count = 0;
    for (const ComparisonSection &s : m_sections)
        count += int(s.changes.size());
    return count;
}

QModelIndex SemanticChangeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row()) : kSection);
}

QModelIndex SemanticChangeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kSection)
        return {};
    return createIndex(int(child.internalId()), 0, kSection);
}

int SemanticChangeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_sections.size());
    if (parent.internalId() != kSection || parent.column() != 0)
        return 0;
    return int(m_sections.at(parent.row()).changes.size());
}

int SemanticChangeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SemanticChangeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kSection) {
        const ComparisonSection &s = m_sections.at(index.row());
        if (role == IsSectionRole)
            return true;
        if (role == Qt::DisplayRole && index.column() == PathColumn)
            return QStringLiteral("%1 (%2)").arg(s.title()).arg(s.changes.size());
        if (role == FromFileRole)
            return s.fromFiles.value(s.fromFiles.size() - 1);
        if (role == ToFileRole)
            return s.toFiles.value(s.toFiles.size() - 1);
        return {};
    }
    const SemanticChange &c = m_sections.at(int(index.internalId())).changes.at(index.row());
    switch (role) {
    case IsSectionRole: return false;
    case KindRole: return int(c.kind);
    case FromFileRole: return c.from.file;
    case FromLineRole: return c.from.line;
    case ToFileRole: return c.to.file;
    case ToLineRole: return c.to.line;
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2: %3:%4%5\n%6: %7:%8%9")
            .arg(c.path, m_from, c.from.file)
            .arg(c.from.line)
            .arg(c.from.present ? QString() : QStringLiteral(" (not there)"), m_to, c.to.file)
            .arg(c.to.line)
            .arg(c.to.present ? QString() : QStringLiteral(" (not there)"));
    case Qt::DisplayRole:
        switch (index.column()) {
        case PathColumn: return c.document.isEmpty() || c.document.startsWith(u"document") ? c.path : c.document + QStringLiteral(": ") + c.path;
        case KindColumn: return kindName(c.kind);
        case FromColumn: return c.masked ? QStringLiteral("(secret)") : c.oldValue;
        case ToColumn: return c.masked ? QStringLiteral("(secret)") : c.newValue;
        }
        return {};
    default:
        return {};
    }
}

QVariant SemanticChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn: return QStringLiteral("Setting");
    case KindColumn: return QStringLiteral("Change");
    case FromColumn: return m_from.isEmpty() ? QStringLiteral("From") : m_from;
    case ToColumn: return m_to.isEmpty() ? QStringLiteral("To") : m_to;
    }
    return {};
}

} // namespace studio
