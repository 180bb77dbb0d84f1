// SPDX-License-Identifier: MIT
#pragma once

#include "values/EnvironmentMatrix.h"

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace studio {

class EnvironmentMatrixModel;
class MatrixFilterModel;
struct Workspace;

/// Settings × environments with their effective Helm values: a value that differs from the
/// environment before it is tinted, inherited values are grey, overrides bold, and the tooltip says
/// which file and line each value comes from. Activating a cell (double-click, Enter) asks to open
/// the file where that value is written.
class EnvironmentMatrixView : public QWidget
{
    Q_OBJECT

public:
    explicit EnvironmentMatrixView(QWidget *parent = nullptr);
    ~EnvironmentMatrixView() override;

    /// Reads and merges the workspace's values files on a worker thread; matrixChanged() follows.
    /// A newer call supersedes a load still running.
    void loadWorkspace(const Workspace &workspace);
    bool isLoading() const;
    /// Shows data built elsewhere (EnvironmentMatrix::load() run by the caller).
    void setMatrix(EnvironmentMatrix matrix);
    void clear();

    EnvironmentMatrixModel *model() const { return m_model; }
    MatrixFilterModel *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }

signals:
    void openRequested(const QString &file, int line, int column);
    void matrixChanged();

private:
    void openCell(const QModelIndex &index);
    void updateStatus();

    EnvironmentMatrixModel *m_model;
    MatrixFilterModel *m_filter;
    QTableView *m_view;
    QLineEdit *m_keyFilter;
    QCheckBox *m_onlyDifferences;
    QLabel *m_summary;
    QLabel *m_status;
    QFutureWatcher<EnvironmentMatrix> m_loading;
    bool m_loaded = false; ///< the matrix shown came from loadWorkspace(), so "nothing to compare" is true
};

} // namespace studio
