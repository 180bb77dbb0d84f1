// SPDX-License-Identifier: MIT
#include "pages/ReviewPage.h"

#include "spec/EnvironmentReadme.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace studio::cloud {

ReviewPage::ReviewPage(QWidget *parent)
    : QWizardPage(parent), m_list(new QListWidget), m_content(new QPlainTextEdit), m_cost(new QTableWidget(0, 3)), m_total(new QLabel),
      m_status(new QLabel)
{
    setTitle(tr("Review"));
    setSubTitle(tr("Finish writes these files and commits them on a new branch."));
    m_list->setObjectName(QStringLiteral("reviewFiles"));
    m_content->setObjectName(QStringLiteral("reviewContent"));
    m_content->setReadOnly(true);
    m_content->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_content->setFont(QFont(QStringLiteral("monospace")));
    m_cost->setObjectName(QStringLiteral("reviewCost"));
    m_cost->setHorizontalHeaderLabels({tr("Item"), tr("USD / month"), tr("Price")});
    m_cost->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_cost->verticalHeader()->hide();
    m_cost->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);

    auto *files = new QSplitter;
    files->addWidget(m_list);
    files->addWidget(m_content);
    files->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(files, 3);
    layout->addWidget(m_cost, 2);
    layout->addWidget(m_total);
    layout->addWidget(m_status);
    connect(m_list, &QListWidget::currentRowChanged, this, &ReviewPage::showFile);
}

void ReviewPage::show(const GeneratedFiles &files, const CostEstimate &cost)
{
    m_files = files;
    m_list->clear();
    for (const GeneratedFile &file : files)
        m_list->addItem(file.path);
    m_cost->setRowCount(int(cost.lines.size()));
    for (int row = 0; row < cost.lines.size(); ++row) {
        const CostLine &line = cost.lines[row];
        auto *item = new QTableWidgetItem(line.item);
        item->setToolTip(QStringLiteral("%1 (%2)").arg(line.source, line.date));
        m_cost->setItem(row, 0, item);
        auto *usd = new QTableWidgetItem(formatUsd(line.monthlyUsd));
        usd->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_cost->setItem(row, 1, usd);
        m_cost->setItem(row, 2, new QTableWidgetItem(line.status));
    }
    m_total->setText(tr("Estimated total: %1 USD a month (on-demand, 730 hours; data transfer not included)%2")
                         .arg(formatUsd(cost.totalMonthlyUsd()),
                              cost.hasUnconfirmed() ? tr(". Lines marked unconfirmed or missing are illustrative.") : QString()));
    if (!files.isEmpty())
        m_list->setCurrentRow(0);
}

void ReviewPage::showFile(int row)
{
    if (row < 0 || row >= m_files.size())
        return;
    // A fresh document per file, so the highlighter matches the file type; the editor owns it.
    auto *document = new QTextDocument(m_content);
    auto *layout = new QPlainTextDocumentLayout(document);
    document->setDocumentLayout(layout);
    document->setDefaultFont(m_content->font());
    document->setPlainText(m_files[row].content);
    if (m_highlighter)
        m_highlighter(document, m_files[row].path);
    m_content->setDocument(document); // deletes the previous document, a child of the editor too
}

void ReviewPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

} // namespace studio::cloud
