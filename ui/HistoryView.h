// SPDX-License-Identifier: MIT
#pragma once

#include "git/GitTypes.h"
#include "promote/EnvironmentHistory.h"
#include "workspace/Workspace.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace studio {

class HistoryModel;
class SideBySideDiff;

/// An environment's history: the commits that changed its files, promotions marked, each commit's
/// diff, and rollback as a revert commit after a preview. Git work runs off the GUI thread.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    /// Answers "revert this commit?" (tests answer without a dialog).
    using ConfirmRollback = std::function<bool(const QString &summary, const QString &diff)>;

    explicit HistoryView(QWidget *parent = nullptr);
    ~HistoryView() override;

    void setWorkspace(const Workspace &workspace);
    void setEnvironment(const QString &name);
    void setConfirmRollback(ConfirmRollback confirm) { m_confirm = std::move(confirm); }
    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_table; }
    /// The selected commit's changes as a unified diff.
    QString diffText() const;
    SideBySideDiff *fileDiff() const { return m_diff; }
    QString statusText() const;
    /// Reverts the commit of `row` (after confirmation) and pushes it when `push`.
    void rollback(int row, bool push);
    bool isBusy() const;

signals:
    /// A rollback was committed; the workspace changed on disk.
    void rolledBack(const QString &commitId);
    void loaded();

private:
    void reload();
    void showCommit(int row);
    void showFile(int index);

    Workspace m_workspace;
    QComboBox *m_environment;
    HistoryModel *m_model;
    QTableView *m_table;
    QComboBox *m_fileChoice;
    SideBySideDiff *m_diff;
    QPushButton *m_rollback;
    QLabel *m_status;
    ConfirmRollback m_confirm;
    QString m_shownCommit;          ///< the commit whose diff is shown
    QList<GitFileDiff> m_shownDiff;
    QFutureWatcher<std::shared_ptr<Result<QList<HistoryEntry>>>> m_history;
    QFutureWatcher<std::shared_ptr<Result<QList<GitFileDiff>>>> m_diffWatcher;
    QFutureWatcher<std::shared_ptr<Result<QString>>> m_revert;
};

} // namespace studio
