// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QToolButton;

namespace studio {

class ProblemFilterModel;
class ProblemListModel;

/// The Problems dock: every finding of the workspace, sortable, filterable by severity, environment
/// and text. Activating a row asks to open its file at its line.
class ProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    void setEnvironments(const QStringList &names);
    ProblemListModel *model() const { return m_model; }
    ProblemFilterModel *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }

signals:
    void openRequested(const QString &file, int line, int column);

private:
    ProblemListModel *m_model;
    ProblemFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_environment;
    QLineEdit *m_text;
    QToolButton *m_errors;
    QToolButton *m_warnings;
};

} // namespace studio
