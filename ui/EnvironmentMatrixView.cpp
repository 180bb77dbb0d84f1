// SPDX-License-Identifier: MIT
#include "EnvironmentMatrixView.h"

#include "values/EnvironmentMatrixModel.h"
#include "values/MatrixFilterModel.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

/// Turns the matrix roles into looks; the model stays free of GUI types.
class MatrixCellDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == EnvironmentMatrixModel::SettingColumn) {
            option->font.setBold(index.data(EnvironmentMatrixModel::DiffersRole).toBool());
            return;
        }
        if (!index.data(EnvironmentMatrixModel::IsSetRole).toBool()) {
            option->text = QStringLiteral("not set");
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
        } else if (index.data(EnvironmentMatrixModel::IsOverriddenRole).toBool()) {
            option->font.setBold(true);
        } else {
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
        // Translucent, so it reads on light and dark palettes alike.
        if (index.data(EnvironmentMatrixModel::DiffersFromPreviousRole).toBool())
            option->backgroundBrush = QColor(255, 183, 0, 70);
    }
};

} // namespace

EnvironmentMatrixView::EnvironmentMatrixView(QWidget *parent)
    : QWidget(parent)
    , m_model(new EnvironmentMatrixModel(this))
    , m_filter(new MatrixFilterModel(this))
    , m_view(new QTableView(this))
    , m_keyFilter(new QLineEdit(this))
    , m_onlyDifferences(new QCheckBox(QStringLiteral("Only differences"), this))
    , m_summary(new QLabel(this))
    , m_status(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setObjectName(QStringLiteral("environmentMatrix"));
    m_view->setItemDelegate(new MatrixCellDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view, &QTableView::activated, this, &EnvironmentMatrixView::openCell);

    m_keyFilter->setObjectName(QStringLiteral("matrixKeyFilter"));
    m_keyFilter->setPlaceholderText(QStringLiteral("Filter settings by key"));
    m_keyFilter->setClearButtonEnabled(true);
    connect(m_keyFilter, &QLineEdit::textChanged, m_filter, &MatrixFilterModel::setKeyFilter);
    m_onlyDifferences->setObjectName(QStringLiteral("matrixOnlyDifferences"));
    connect(m_onlyDifferences, &QCheckBox::toggled, m_filter, &MatrixFilterModel::setOnlyDifferences);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &EnvironmentMatrixView::updateStatus);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &EnvironmentMatrixView::updateStatus);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &EnvironmentMatrixView::updateStatus);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    connect(&m_loading, &QFutureWatcherBase::finished, this, [this] {
        if (m_loading.isCanceled())
            return;
        m_loaded = true;
        setMatrix(m_loading.result());
    });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->addWidget(m_keyFilter, 1);
    bar->addWidget(m_onlyDifferences);
    bar->addWidget(m_summary);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_view);
    updateStatus();
}

EnvironmentMatrixView::~EnvironmentMatrixView() = default;

void EnvironmentMatrixView::loadWorkspace(const Workspace &workspace)
{
    m_status->setText(QStringLiteral("Reading values files…"));
    m_status->show();
    // The task owns its copy of the workspace, so it may outlive this view safely.
    m_loading.setFuture(QtConcurrent::run([workspace] { return EnvironmentMatrix::load(workspace); }));
}

bool EnvironmentMatrixView::isLoading() const
{
    return m_loading.isRunning();
}

void EnvironmentMatrixView::setMatrix(EnvironmentMatrix matrix)
{
    m_model->setMatrix(std::move(matrix));
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_view->resizeColumnToContents(EnvironmentMatrixModel::SettingColumn);
    m_view->setColumnWidth(EnvironmentMatrixModel::SettingColumn,
                           qBound(160, m_view->columnWidth(EnvironmentMatrixModel::SettingColumn), 340));
    for (int column = 1; column < m_model->columnCount(); ++column)
        m_view->setColumnWidth(column, 180);
    updateStatus();
    emit matrixChanged();
}

void EnvironmentMatrixView::clear()
{
    m_loading.setFuture(QFuture<EnvironmentMatrix>()); // a load still running is dropped
    m_loaded = false;
    setMatrix({});
}

void EnvironmentMatrixView::openCell(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    QString file = index.data(EnvironmentMatrixModel::OriginFileRole).toString();
    int line = index.data(EnvironmentMatrixModel::OriginLineRole).toInt();
    int column = index.data(EnvironmentMatrixModel::OriginColumnRole).toInt();
    if (file.isEmpty()) {
        // Not set anywhere in this environment's layers: its own values file is where to add it.
        file = index.data(EnvironmentMatrixModel::EnvironmentFileRole).toString();
        line = 0;
        column = 0;
    }
    if (!file.isEmpty())
        emit openRequested(file, line, column);
}

void EnvironmentMatrixView::updateStatus()
{
    const EnvironmentMatrix &matrix = m_model->matrix();
    int differing = 0;
    for (const MatrixSetting &setting : matrix.settings)
        differing += setting.differs ? 1 : 0;
    const int shown = m_filter->rowCount();
    const int total = int(matrix.settings.size());
    m_summary->setText(shown == total ? QStringLiteral("%1 settings, %2 differ").arg(total).arg(differing)
                                      : QStringLiteral("%1 of %2 settings").arg(shown).arg(total));
    if (isLoading())
        return; // keep "Reading values files…" until the result is shown
    QString status;
    if (!matrix.diagnostics.isEmpty()) {
        const Diagnostic &first = matrix.diagnostics.front();
        status = QStringLiteral("Some values could not be read: %1%2: %3")
                     .arg(first.file, first.line > 0 ? QStringLiteral(":%1").arg(first.line) : QString(), first.message);
        if (matrix.diagnostics.size() > 1)
            status += QStringLiteral(" (and %1 more problems; see Problems)").arg(matrix.diagnostics.size() - 1);
    } else if (m_loaded && matrix.environments.isEmpty()) {
        status = QStringLiteral("No environment has Helm values files to compare.");
    }
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
}

} // namespace studio
