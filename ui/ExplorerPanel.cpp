// SPDX-License-Identifier: MIT
#include "ExplorerPanel.h"

#include "workspace/EnvironmentTreeModel.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace studio {

ExplorerPanel::ExplorerPanel(QWidget *parent)
    : QWidget(parent)
    , m_environmentModel(new EnvironmentTreeModel(this))
    , m_fileModel(new QFileSystemModel(this))
    , m_tabs(new QTabWidget(this))
    , m_environments(new QTreeView(this))
    , m_files(new QTreeView(this))
{
    m_environments->setObjectName(QStringLiteral("environmentTree"));
    m_environments->setModel(m_environmentModel);
    m_environments->setHeaderHidden(true);
    m_environments->setUniformRowHeights(true);
    connect(m_environments, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString path = index.data(EnvironmentTreeModel::PathRole).toString();
        if (!path.isEmpty())
            emit openRequested(path);
    });

    m_fileModel->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    m_fileModel->setReadOnly(true);
    m_files->setModel(m_fileModel);
    m_files->setHeaderHidden(true);
    for (int column = 1; column < m_fileModel->columnCount(); ++column)
        m_files->hideColumn(column);
    connect(m_files, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!m_fileModel->isDir(index))
            emit openRequested(QDir(m_root).relativeFilePath(m_fileModel->filePath(index)));
    });

    m_tabs->addTab(m_environments, QStringLiteral("Environments"));
    m_tabs->addTab(m_files, QStringLiteral("Files"));
    m_tabs->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void ExplorerPanel::setWorkspace(const Workspace *workspace)
{
    m_environmentModel->setWorkspace(workspace);
    m_environments->expandAll();
    m_root = workspace ? workspace->root : QString();
    if (workspace) {
        m_files->setRootIndex(m_fileModel->setRootPath(workspace->root));
    } else {
        m_files->setRootIndex(QModelIndex());
    }
}

} // namespace studio
