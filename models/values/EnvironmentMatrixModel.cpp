// SPDX-License-Identifier: MIT
#include "values/EnvironmentMatrixModel.h"

namespace studio {

namespace {

constexpr qsizetype kToolTipValueLength = 300;

QString clipped(const QString &text)
{
    return text.size() > kToolTipValueLength ? text.left(kToolTipValueLength) + u'…' : text;
}

QString folderOf(const QString &file)
{
    const qsizetype slash = file.lastIndexOf(u'/');
    return slash < 0 ? QString() : file.left(slash);
}

/// "values.yaml:8" when `file` sits beside `beside` (the usual chart layout), the full path otherwise.
QString place(const ValueOrigin &origin, const QString &beside = {})
{
    const QString file = !beside.isEmpty() && folderOf(origin.file) == folderOf(beside)
                             ? origin.file.section(u'/', -1)
                             : origin.file;
    return origin.line > 0 ? QStringLiteral("%1:%2").arg(file).arg(origin.line) : file;
}

/// Where activating the setting name leads: the default in values.yaml, else the first value written.
const ValueOrigin *settingOrigin(const MatrixSetting &setting)
{
    for (const MatrixCell &cell : setting.cells) {
        if (!cell.defaultOrigin.file.isEmpty())
            return &cell.defaultOrigin;
    }
    for (const MatrixCell &cell : setting.cells) {
        if (cell.isSet)
            return &cell.origin;
    }
    return nullptr;
}

} // namespace

EnvironmentMatrixModel::EnvironmentMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void EnvironmentMatrixModel::setMatrix(EnvironmentMatrix matrix)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    endResetModel();
}

void EnvironmentMatrixModel::setEnvironments(const QList<EnvironmentLayers> &environments)
{
    setMatrix(EnvironmentMatrix::build(environments));
}

QModelIndex EnvironmentMatrixModel::cellIndex(const QString &settingPath, const QString &environment) const
{
    const int row = m_matrix.settingIndex(settingPath);
    const int column = environment.isEmpty() ? SettingColumn : m_matrix.environmentIndex(environment) + 1;
    if (row < 0 || column < 0 || (!environment.isEmpty() && column == 0))
        return {};
    return index(row, column);
}

int EnvironmentMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.settings.size());
}

int EnvironmentMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.environments.size()) + 1;
}

QVariant EnvironmentMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MatrixSetting &setting = m_matrix.settings.at(index.row());
    switch (role) {
    case PathRole:
        return setting.path;
    case KeysRole:
        return setting.keys;
    case DiffersRole:
        return setting.differs;
    default:
        break;
    }
    if (index.column() == SettingColumn)
        return settingData(setting, role);
    return cellData(setting, index.column() - 1, role);
}

QVariant EnvironmentMatrixModel::settingData(const MatrixSetting &setting, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return setting.path;
    case Qt::ToolTipRole:
        return setting.differs ? QStringLiteral("%1 — differs between environments").arg(setting.path)
                               : QStringLiteral("%1 — the same in every environment").arg(setting.path);
    case OriginFileRole:
    case OriginLineRole:
    case OriginColumnRole: {
        const ValueOrigin *origin = settingOrigin(setting);
        if (!origin)
            return role == OriginFileRole ? QVariant(QString()) : QVariant(0);
        return role == OriginFileRole ? QVariant(origin->file)
               : role == OriginLineRole ? QVariant(origin->line)
                                        : QVariant(origin->column);
    }
    default:
        return {};
    }
}

QVariant EnvironmentMatrixModel::cellData(const MatrixSetting &setting, int environment, int role) const
{
    const MatrixCell &cell = setting.cells.at(environment);
    const MatrixEnvironment &column = m_matrix.environments.at(environment);
    switch (role) {
    case Qt::DisplayRole:
        return cell.isSet ? cell.text : QString();
    case Qt::ToolTipRole:
        return cellToolTip(setting, environment);
    case EnvironmentRole:
        return column.name;
    case IsSetRole:
        return cell.isSet;
    case ValueRole:
        return cell.isSet ? QVariant(cell.value) : QVariant();
    case OriginFileRole:
        return cell.origin.file;
    case OriginLineRole:
        return cell.origin.line;
    case OriginColumnRole:
        return cell.origin.column;
    case IsOverriddenRole:
        return cell.isSet && cell.isOverridden;
    case DiffersFromPreviousRole:
        return setting.differsFromPrevious(environment);
    case EnvironmentFileRole:
        return column.files.isEmpty() ? QString() : column.files.back();
    default:
        return {};
    }
}

QString EnvironmentMatrixModel::cellToolTip(const MatrixSetting &setting, int environment) const
{
    const MatrixCell &cell = setting.cells.at(environment);
    const MatrixEnvironment &column = m_matrix.environments.at(environment);
    const bool hasDefault = !cell.defaultOrigin.file.isEmpty();
    if (!cell.isSet) {
        if (!cell.origin.file.isEmpty()) {
            QString tip = QStringLiteral("not set in %1 — deleted with null at %2").arg(column.name, place(cell.origin));
            if (hasDefault)
                tip += QStringLiteral(" (overrides %1 in %2)")
                           .arg(clipped(cell.defaultText), place(cell.defaultOrigin, cell.origin.file));
            return tip;
        }
        return QStringLiteral("not set in %1").arg(column.name);
    }
    const QString value = clipped(cell.text);
    if (!cell.isOverridden)
        return QStringLiteral("%1 — inherited from %2").arg(value, place(cell.origin));
    QString tip = QStringLiteral("%1 — from %2").arg(value, place(cell.origin));
    if (hasDefault) {
        tip += QStringLiteral(" (overrides %1 in %2)")
                   .arg(clipped(cell.defaultText), place(cell.defaultOrigin, cell.origin.file));
    } else if (!column.defaultsFile.isEmpty()) {
        tip += QStringLiteral(" (not in %1)").arg(place(ValueOrigin{column.defaultsFile, 0, 0}, cell.origin.file));
    }
    return tip;
}

QVariant EnvironmentMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == SettingColumn)
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("Setting")) : QVariant();
    const MatrixEnvironment &column = m_matrix.environments.at(section - 1);
    switch (role) {
    case Qt::DisplayRole:
    case EnvironmentRole:
        return column.name;
    case Qt::ToolTipRole:
        return QStringLiteral("%1: %2").arg(column.name, column.files.join(QStringLiteral(" → ")));
    case EnvironmentFileRole:
        return column.files.isEmpty() ? QString() : column.files.back();
    default:
        return {};
    }
}

} // namespace studio
