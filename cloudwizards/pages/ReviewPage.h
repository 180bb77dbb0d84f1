// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CostEstimate.h"
#include "spec/GeneratedFile.h"

#include <QWizardPage>

#include <functional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;
class QTextDocument;

namespace studio::cloud {

/// The last page of a cluster wizard: the files Finish will write, each one's contents (highlighted
/// when a highlighter is supplied), the monthly estimate by line item, and what Finish did.
class ReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    using Highlighter = std::function<void(QTextDocument *document, const QString &fileName)>;

    explicit ReviewPage(QWidget *parent = nullptr);
    void setHighlighter(Highlighter highlighter) { m_highlighter = std::move(highlighter); }
    void show(const GeneratedFiles &files, const CostEstimate &cost);
    /// A line under the files: progress, the commit made, or why it failed.
    void setStatus(const QString &text, bool error);

private:
    void showFile(int row);

    GeneratedFiles m_files;
    Highlighter m_highlighter;
    QListWidget *m_list;
    QPlainTextEdit *m_content;
    QTableWidget *m_cost;
    QLabel *m_total;
    QLabel *m_status;
};

} // namespace studio::cloud
