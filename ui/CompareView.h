// SPDX-License-Identifier: MIT
#pragma once

#include "diff/EnvironmentComparison.h"
#include "workspace/Workspace.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace studio {

class EnvironmentPairPicker;
class SemanticChangeModel;
class SideBySideDiff;

/// Environment against environment, by meaning: a tree of the semantic changes (filter and search),
/// each with both values and places; selecting one shows the two files' differences, activating it
/// opens the target file at the line. The comparison runs off the GUI thread.
class CompareView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareView(QWidget *parent = nullptr);
    ~CompareView() override;

    void setWorkspace(const Workspace &workspace);
    void setEnvironments(const QString &from, const QString &to);
    SemanticChangeModel *model() const { return m_model; }
    QSortFilterProxyModel *filter() const { return m_filter; }
    QTreeView *view() const { return m_tree; }
    SideBySideDiff *fileDiff() const { return m_files; }

signals:
    void openRequested(const QString &file, int line, int column);
    void compared();

private:
    void compare();
    void showFiles(const QModelIndex &index);

    Workspace m_workspace;
    EnvironmentPairPicker *m_pair;
    QLineEdit *m_search;
    SemanticChangeModel *m_model;
    QSortFilterProxyModel *m_filter;
    QTreeView *m_tree;
    SideBySideDiff *m_files;
    QLabel *m_status;
    struct Compared {
        Result<QList<ComparisonSection>> sections;
        QHash<QString, QString> texts; ///< the compared files, read by the worker
    };
    QFutureWatcher<std::shared_ptr<Compared>> m_watcher;
    QHash<QString, QString> m_texts;
};

} // namespace studio
