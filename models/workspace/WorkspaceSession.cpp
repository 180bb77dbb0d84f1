// SPDX-License-Identifier: MIT
#include "workspace/WorkspaceSession.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

WorkspaceSession::WorkspaceSession(QObject *parent) : QObject(parent)
{
    connect(&m_discovery, &QFutureWatcherBase::finished, this, [this] {
        if (m_discovery.isCanceled())
            return;
        Workspace ws = m_discovery.result();
        if (ws.diagnostics.size() == 1 && ws.diagnostics.front().rule == u"workspace-missing") {
            emit openFailed(ws.diagnostics.front().message);
            return;
        }
        m_workspace = std::make_unique<Workspace>(std::move(ws));
        m_diagnostics = m_workspace->diagnostics;
        emit workspaceOpened();
        startCheck();
    });
    connect(&m_check, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { emit checkProgress(value, m_check.progressMaximum()); });
    connect(&m_check, &QFutureWatcherBase::finished, this, [this] {
        if (m_check.isCanceled() || !m_workspace)
            return;
        Diagnostics all = m_workspace->diagnostics;
        all += m_check.result();
        m_diagnostics = WorkspaceChecker::finalize(all);
        emit checkFinished(m_diagnostics);
    });
}

WorkspaceSession::~WorkspaceSession()
{
    // The check tasks reference the checker; let them finish before it goes away.
    m_check.cancel();
    m_check.waitForFinished();
    m_discovery.waitForFinished();
}

void WorkspaceSession::setCheckOptions(const CheckOptions &options)
{
    m_checkOptions = options;
}

void WorkspaceSession::open(const QString &path)
{
    cancel();
    m_discovery.waitForFinished();
    if (!QFileInfo(path).isDir()) {
        emit openFailed(QStringLiteral("'%1' is not a folder").arg(path));
        return;
    }
    m_discovery.setFuture(QtConcurrent::run([path] { return Workspace::discover(path); }));
}

void WorkspaceSession::reload()
{
    if (m_workspace)
        open(m_workspace->root);
}

void WorkspaceSession::close()
{
    cancel();
    m_workspace.reset();
    m_diagnostics.clear();
    emit workspaceClosed();
}

void WorkspaceSession::cancel()
{
    if (m_check.isRunning()) {
        m_check.cancel();
        m_check.waitForFinished();
    }
}

bool WorkspaceSession::isBusy() const
{
    return m_discovery.isRunning() || m_check.isRunning();
}

void WorkspaceSession::startCheck()
{
    cancel();
    m_checker = std::make_shared<WorkspaceChecker>(*m_workspace, m_checkOptions);
    emit checkStarted(m_checker->taskCount());
    m_check.setFuture(m_checker->start());
}

} // namespace studio
