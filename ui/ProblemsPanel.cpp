// SPDX-License-Identifier: MIT
#include "ProblemsPanel.h"

#include "checks/ProblemFilterModel.h"
#include "checks/ProblemListModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace studio {

namespace {

/// Colours the severity column; the model stays free of GUI types.
class SeverityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto severity = Severity(index.data(ProblemListModel::SeverityRole).toInt());
        option->palette.setColor(QPalette::Text, severity == Severity::Error     ? QColor(0xb3, 0x1d, 0x28)
                                                 : severity == Severity::Warning ? QColor(0x9a, 0x67, 0x00)
                                                                                 : QColor(0x03, 0x66, 0xd6));
        option->font.setBold(true);
    }
};

} // namespace

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProblemListModel(this))
    , m_filter(new ProblemFilterModel(this))
    , m_view(new QTableView(this))
    , m_environment(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_errors(new QToolButton(this))
    , m_warnings(new QToolButton(this))
{
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProblemListModel::FileColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(ProblemListModel::MessageColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setColumnWidth(ProblemListModel::SeverityColumn, 80);
    m_view->setColumnWidth(ProblemListModel::FileColumn, 260);
    m_view->setColumnWidth(ProblemListModel::LineColumn, 50);
    m_view->setColumnWidth(ProblemListModel::EnvironmentColumn, 110);
    m_view->setItemDelegateForColumn(ProblemListModel::SeverityColumn, new SeverityDelegate(m_view));
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_filter->mapToSource(index);
        const Diagnostic &d = m_model->diagnostic(source.row());
        emit openRequested(d.file, d.line, d.column);
    });

    m_errors->setText(QStringLiteral("Errors"));
    m_warnings->setText(QStringLiteral("Warnings"));
    for (QToolButton *button : {m_errors, m_warnings}) {
        button->setCheckable(true);
        button->setChecked(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    connect(m_errors, &QToolButton::toggled, this,
            [this](bool on) { m_filter->setSeverityVisible(Severity::Error, on); });
    connect(m_warnings, &QToolButton::toggled, this, [this](bool on) {
        m_filter->setSeverityVisible(Severity::Warning, on);
        m_filter->setSeverityVisible(Severity::Info, on);
    });
    m_environment->setObjectName(QStringLiteral("environmentFilter"));
    m_environment->addItem(QStringLiteral("All environments"), QString());
    connect(m_environment, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setEnvironment(m_environment->currentData().toString()); });
    m_text->setPlaceholderText(QStringLiteral("Filter by file or message"));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textChanged, m_filter, &ProblemFilterModel::setText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->addWidget(m_errors);
    bar->addWidget(m_warnings);
    bar->addWidget(m_environment);
    bar->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view);
}

void ProblemsPanel::setDiagnostics(const Diagnostics &diagnostics)
{
    m_model->setDiagnostics(diagnostics);
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : diagnostics)
        (d.severity == Severity::Error ? errors : warnings)++;
    m_errors->setText(errors == 1 ? QStringLiteral("1 Error") : QStringLiteral("%1 Errors").arg(errors));
    m_warnings->setText(warnings == 1 ? QStringLiteral("1 Warning") : QStringLiteral("%1 Warnings").arg(warnings));
}

void ProblemsPanel::setEnvironments(const QStringList &names)
{
    const QString current = m_environment->currentData().toString();
    m_environment->blockSignals(true);
    while (m_environment->count() > 1)
        m_environment->removeItem(1);
    for (const QString &name : names)
        m_environment->addItem(name, name);
    m_environment->setCurrentIndex(qMax(0, m_environment->findData(current)));
    m_environment->blockSignals(false);
    m_filter->setEnvironment(m_environment->currentData().toString());
}

} // namespace studio
