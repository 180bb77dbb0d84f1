// SPDX-License-Identifier: MIT
#pragma once

#include "checks/WorkspaceChecker.h"
#include "core/Diagnostic.h"
#include "workspace/Workspace.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace studio {

/// The open workspace of a window: discovers it and checks it in the background, reporting progress
/// and results by signal. The GUI thread never waits on disk, network or validation.
class WorkspaceSession : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceSession(QObject *parent = nullptr);
    ~WorkspaceSession() override;

    /// Options for the checks of every workspace this session opens (schema locations, offline…).
    void setCheckOptions(const CheckOptions &options);

    /// Starts discovering `path`; workspaceOpened() follows, then the check signals.
    void open(const QString &path);
    /// Re-runs discovery and checks of the open workspace.
    void reload();
    void close();
    /// Cancels a running check; its partial results are dropped.
    void cancel();

    bool isOpen() const { return m_workspace != nullptr; }
    bool isBusy() const;
    const Workspace *workspace() const { return m_workspace.get(); }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    /// The checker of the open workspace, for live validation of editor buffers (null before the first check).
    std::shared_ptr<WorkspaceChecker> checker() const { return m_checker; }

signals:
    void workspaceOpened();
    void workspaceClosed();
    void openFailed(const QString &message);
    void checkStarted(int taskCount);
    void checkProgress(int done, int total);
    void checkFinished(const studio::Diagnostics &diagnostics);

private:
    void startCheck();

    CheckOptions m_checkOptions;
    std::unique_ptr<Workspace> m_workspace;
    std::shared_ptr<WorkspaceChecker> m_checker;
    Diagnostics m_diagnostics;
    QFutureWatcher<Workspace> m_discovery;
    QFutureWatcher<Diagnostics> m_check;
};

} // namespace studio
