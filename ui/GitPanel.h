// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "git/GitTypes.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace studio {

class GitStatusModel;
class SideBySideDiff;

/// The repository's working state: changed files, stage/unstage, commit (signed when Git's config
/// asks), pull (fast-forward) and push, and each changed file against HEAD side by side. Every Git
/// operation runs off the GUI thread; errors are shown as the Git layer words them.
class GitPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GitPanel(QWidget *parent = nullptr);
    ~GitPanel() override;

    void setRepository(const QString &root);
    void refresh();
    GitStatusModel *model() const { return m_model; }
    QTableView *view() const { return m_files; }
    SideBySideDiff *fileDiff() const { return m_diff; }
    QString statusText() const;
    bool isBusy() const;

    void stageSelected();
    void unstageSelected();
    /// Commits the staged files. Staged secrets refuse the commit and offer "Commit with secrets",
    /// which commits with `allowSecrets` and records the override in the message.
    void commit(const QString &message, bool allowSecrets = false);
    void push();
    void pull();

signals:
    /// A Git operation finished (and the work tree may have changed).
    void operationFinished(bool ok);
    /// The user chose to seal the secrets a refused commit found, instead of committing them.
    void sealRequested();

private:
    struct Snapshot {
        Result<QList<GitFileStatus>> files = QList<GitFileStatus>();
        QString branch;
    };
    struct FileTexts {
        QString path;
        QString head;
        QString workTree;
    };
    void runOperation(const QString &busyText, std::function<Result<QString>(const QString &root)> operation);
    QStringList selectedPaths() const;
    void showSelectedFile();

    QString m_root;
    QLabel *m_branch;
    GitStatusModel *m_model;
    QTableView *m_files;
    QLineEdit *m_message;
    QPushButton *m_commit;
    QPushButton *m_commitWithSecrets;
    QPushButton *m_sealInstead;
    QString m_refusedMessage; ///< the message of a commit refused for secrets
    SideBySideDiff *m_diff;
    QLabel *m_status;
    QFutureWatcher<std::shared_ptr<Snapshot>> m_refresh;
    QFutureWatcher<std::shared_ptr<Result<QString>>> m_operation;
    QFutureWatcher<std::shared_ptr<FileTexts>> m_texts;
};

} // namespace studio
