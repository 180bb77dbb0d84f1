// SPDX-License-Identifier: MIT
#pragma once

#include "promote/Promoter.h"
#include "promote/PromotionPlan.h"
#include "workspace/Workspace.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace studio {

class EnvironmentPairPicker;
class PromotionChangeModel;
class UnifiedDiffView;

/// Promote from one environment to the next: the changes to pick, the exact file diff that will be
/// committed, the check of the target, the generated message, signing, and Commit & Push with
/// progress and cancel. Planning, checking and Git all run off the GUI thread.
class PromoteView : public QWidget
{
    Q_OBJECT

public:
    explicit PromoteView(QWidget *parent = nullptr);
    ~PromoteView() override;

    void setWorkspace(const Workspace &workspace);
    /// Selects the source and target (and plans the promotion).
    void setEnvironments(const QString &from, const QString &to);

    PromotionChangeModel *changes() const { return m_model; }
    QString previewText() const;
    QString checkText() const;
    QString message() const;
    QString statusText() const;
    bool isBusy() const;
    void setSignKeyFile(const QString &path);
    /// Commit plaintext secrets anyway (the override, recorded as a trailer in the commit message).
    void setAllowSecrets(bool allow);
    /// Commits the checked changes (and pushes when `push`), like the Commit & Push button.
    void commitSelected(bool push);
    void cancel();

signals:
    /// A promotion was committed (and pushed when asked); the workspace changed on disk.
    void promoted(const QString &commitId, bool pushed);
    void busyChanged(bool busy);
    /// The user wants to seal the plaintext secrets the promotion would commit (the Seal secrets… button).
    void sealRequested();

private:
    template<typename T>
    using Async = std::shared_ptr<Result<T>>;
    struct PlanResult {
        Result<PromotionPlan> plan;
        QString sourceCommit;
    };

    void plan();
    void preview();
    void setBusy(bool busy);
    void updateCommitButton();
    void showOutcome(const Result<PromotionOutcome> &outcome);

    Workspace m_workspace;
    EnvironmentPairPicker *m_pair;
    PromotionChangeModel *m_model;
    QSortFilterProxyModel *m_filter;
    QTableView *m_table;
    QLineEdit *m_search;
    UnifiedDiffView *m_diff;
    QLabel *m_check;
    QPlainTextEdit *m_message;
    QCheckBox *m_sign;
    QLineEdit *m_key;
    QCheckBox *m_push;
    QCheckBox *m_allowSecrets;
    QPushButton *m_seal;
    QPushButton *m_commit;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QFutureWatcher<std::shared_ptr<PlanResult>> m_planWatcher;
    QFutureWatcher<Async<PromotionPreview>> m_previewWatcher;
    QFutureWatcher<Async<PromotionOutcome>> m_runWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    QString m_sourceCommit;
    bool m_messageEdited = false;
    bool m_busy = false;
    bool m_previewAllowed = false;
    bool m_previewHasSecrets = false;
};

} // namespace studio
