// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QFileSystemModel;
class QTabWidget;
class QTreeView;

namespace studio {

class EnvironmentTreeModel;
struct Workspace;

/// The Explorer dock: environments in promotion order with their files, and the repository's file tree.
class ExplorerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExplorerPanel(QWidget *parent = nullptr);

    void setWorkspace(const Workspace *workspace);
    EnvironmentTreeModel *environmentModel() const { return m_environmentModel; }
    QTreeView *environmentView() const { return m_environments; }

signals:
    /// A workspace-relative file to open.
    void openRequested(const QString &file);

private:
    EnvironmentTreeModel *m_environmentModel;
    QFileSystemModel *m_fileModel;
    QTabWidget *m_tabs;
    QTreeView *m_environments;
    QTreeView *m_files;
    QString m_root;
};

} // namespace studio
