// SPDX-License-Identifier: MIT
#include "GitPanel.h"

#include "SideBySideDiff.h"

#include "git/GitRepository.h"
#include "git/GitStatusModel.h"
#include "promote/Promoter.h"
#include "secrets/CommitSecretGate.h"
#include "workspace/TextFile.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

GitPanel::GitPanel(QWidget *parent)
    : QWidget(parent)
    , m_branch(new QLabel(this))
    , m_model(new GitStatusModel(this))
    , m_files(new QTableView(this))
    , m_message(new QLineEdit(this))
    , m_commit(new QPushButton(QStringLiteral("Commit"), this))
    , m_commitWithSecrets(new QPushButton(QStringLiteral("Commit with secrets"), this))
    , m_sealInstead(new QPushButton(QStringLiteral("Seal secrets…"), this))
    , m_diff(new SideBySideDiff(this))
    , m_status(new QLabel(this))
{
    m_files->setModel(m_model);
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->verticalHeader()->hide();
    m_files->horizontalHeader()->setSectionResizeMode(GitStatusModel::PathColumn, QHeaderView::Stretch);
    m_files->setColumnWidth(GitStatusModel::StateColumn, 200);
    m_message->setPlaceholderText(QStringLiteral("Commit message for the staged files"));
    m_status->setWordWrap(true);
    auto *refreshButton = new QPushButton(QStringLiteral("Refresh"), this);
    auto *pullButton = new QPushButton(QStringLiteral("Pull"), this);
    auto *pushButton = new QPushButton(QStringLiteral("Push"), this);
    auto *stageButton = new QPushButton(QStringLiteral("Stage"), this);
    auto *unstageButton = new QPushButton(QStringLiteral("Unstage"), this);
    connect(refreshButton, &QPushButton::clicked, this, &GitPanel::refresh);
    connect(pullButton, &QPushButton::clicked, this, &GitPanel::pull);
    connect(pushButton, &QPushButton::clicked, this, &GitPanel::push);
    connect(stageButton, &QPushButton::clicked, this, &GitPanel::stageSelected);
    connect(unstageButton, &QPushButton::clicked, this, &GitPanel::unstageSelected);
    connect(m_commit, &QPushButton::clicked, this, [this] { commit(m_message->text()); });
    m_commitWithSecrets->setToolTip(QStringLiteral("Commit although secrets were found; the commit message records "
                                                   "the override as a Secrets-Override trailer"));
    m_commitWithSecrets->hide();
    connect(m_commitWithSecrets, &QPushButton::clicked, this, [this] { commit(m_refusedMessage, true); });
    m_sealInstead->setToolTip(QStringLiteral("Put the values in a SealedSecret instead of committing them in plain text"));
    m_sealInstead->hide();
    connect(m_sealInstead, &QPushButton::clicked, this, &GitPanel::sealRequested);
    connect(m_message, &QLineEdit::returnPressed, this, [this] { commit(m_message->text()); });
    connect(m_files->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &GitPanel::showSelectedFile);

    auto *top = new QHBoxLayout;
    top->addWidget(m_branch, 1);
    top->addWidget(refreshButton);
    top->addWidget(pullButton);
    top->addWidget(pushButton);
    auto *actions = new QHBoxLayout;
    actions->addWidget(stageButton);
    actions->addWidget(unstageButton);
    actions->addWidget(m_message, 1);
    actions->addWidget(m_commit);
    actions->addWidget(m_commitWithSecrets);
    actions->addWidget(m_sealInstead);
    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_files, 1);
    listLayout->addLayout(actions);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(list);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(&m_refresh, &QFutureWatcherBase::finished, this, [this] {
        const auto snapshot = m_refresh.result();
        if (!snapshot->files) {
            m_status->setText(snapshot->files.errorMessage());
            m_model->setFiles({});
            return;
        }
        m_branch->setText(QStringLiteral("<b>Branch</b> %1 · %2 changed file(s)")
                              .arg(snapshot->branch.isEmpty() ? QStringLiteral("(detached)") : snapshot->branch.toHtmlEscaped())
                              .arg(snapshot->files.value().size()));
        m_model->setFiles(snapshot->files.value());
        if (m_model->rowCount() > 0)
            m_files->selectRow(0);
        else
            m_diff->setTexts(QString(), QString(), QString(), QString(), QString());
    });
    connect(&m_operation, &QFutureWatcherBase::finished, this, [this] {
        const auto result = m_operation.result();
        m_status->setText(*result ? result->value()
                                  : QStringLiteral("<span style='color:#b31d28'>%1</span>").arg(result->errorMessage().toHtmlEscaped()));
        emit operationFinished(result->ok());
        refresh();
    });
    connect(&m_texts, &QFutureWatcherBase::finished, this, [this] {
        const auto texts = m_texts.result();
        m_diff->setTexts(texts->head, texts->workTree, QStringLiteral("%1 (HEAD)").arg(texts->path),
                         QStringLiteral("%1 (working tree)").arg(texts->path), texts->path);
    });
}

GitPanel::~GitPanel()
{
    m_refresh.waitForFinished();
    m_operation.waitForFinished();
    m_texts.waitForFinished();
}

void GitPanel::setRepository(const QString &root)
{
    m_root = root;
    refresh();
}

void GitPanel::refresh()
{
    if (m_root.isEmpty())
        return;
    m_refresh.setFuture(QtConcurrent::run([root = m_root] {
        auto snapshot = std::make_shared<Snapshot>();
        Result<GitRepository> repo = GitRepository::open(root);
        if (!repo) {
            snapshot->files = repo.error();
            return snapshot;
        }
        snapshot->files = repo->status();
        snapshot->branch = repo->currentBranch().value_or(QString());
        return snapshot;
    }));
}

QStringList GitPanel::selectedPaths() const
{
    QStringList paths;
    for (const QModelIndex &index : m_files->selectionModel()->selectedRows())
        paths << index.data(GitStatusModel::PathRole).toString();
    return paths;
}

void GitPanel::showSelectedFile()
{
    const QModelIndex current = m_files->currentIndex();
    if (!current.isValid())
        return;
    const QString path = current.data(GitStatusModel::PathRole).toString();
    m_texts.setFuture(QtConcurrent::run([root = m_root, path] {
        auto texts = std::make_shared<FileTexts>();
        texts->path = path;
        if (Result<GitRepository> repo = GitRepository::open(root))
            texts->head = repo->fileText(QStringLiteral("HEAD"), path).value_or(QString());
        texts->workTree = TextFile::read(root + u'/' + path).value_or(QString());
        return texts;
    }));
}

void GitPanel::runOperation(const QString &busyText, std::function<Result<QString>(const QString &root)> operation)
{
    if (m_operation.isRunning() || m_root.isEmpty())
        return;
    m_status->setText(busyText);
    m_operation.setFuture(QtConcurrent::run([root = m_root, operation] { return std::make_shared<Result<QString>>(operation(root)); }));
}

void GitPanel::stageSelected()
{
    const QStringList paths = selectedPaths();
    runOperation(QStringLiteral("Staging…"), [paths](const QString &root) -> Result<QString> {
        Result<GitRepository> repo = GitRepository::open(root);
        if (!repo)
            return repo.error();
        if (Status staged = repo.value().stage(paths); !staged)
            return staged.error();
        return QStringLiteral("Staged %1 file(s).").arg(paths.size());
    });
}

void GitPanel::unstageSelected()
{
    const QStringList paths = selectedPaths();
    runOperation(QStringLiteral("Unstaging…"), [paths](const QString &root) -> Result<QString> {
        Result<GitRepository> repo = GitRepository::open(root);
        if (!repo)
            return repo.error();
        if (Status unstaged = repo.value().unstage(paths); !unstaged)
            return unstaged.error();
        return QStringLiteral("Unstaged %1 file(s).").arg(paths.size());
    });
}

void GitPanel::commit(const QString &message, bool allowSecrets)
{
    if (message.trimmed().isEmpty()) {
        m_status->setText(QStringLiteral("Write a commit message first."));
        return;
    }
    if (m_operation.isRunning() || m_root.isEmpty())
        return;
    m_commitWithSecrets->hide();
    m_sealInstead->hide();
    auto refusedForSecrets = std::make_shared<bool>(false);
    connect(
        this, &GitPanel::operationFinished, this,
        [this, refusedForSecrets, message] {
            m_refusedMessage = *refusedForSecrets ? message : QString();
            m_commitWithSecrets->setVisible(*refusedForSecrets);
            m_sealInstead->setVisible(*refusedForSecrets);
        },
        Qt::SingleShotConnection);
    runOperation(QStringLiteral("Committing…"), [message, allowSecrets, refusedForSecrets](const QString &root) -> Result<QString> {
        Result<GitRepository> repo = GitRepository::open(root);
        if (!repo)
            return repo.error();
        const Result<CommitSigner> signer = Promoter::signerFor(root, QString(), false);
        if (!signer)
            return signer.error();
        const Result<QString> approved = CommitSecretGate::approve(root, message, allowSecrets);
        if (!approved) {
            *refusedForSecrets = approved.error().code == Error::Code::Refused;
            return approved.error();
        }
        Result<QString> committed = repo.value().commit(approved.value(), signer.value());
        if (!committed)
            return committed.error();
        return QStringLiteral("Committed %1%2.").arg(committed->left(12), signer.value() ? QStringLiteral(" (signed)") : QString());
    });
    m_message->clear();
}

void GitPanel::push()
{
    runOperation(QStringLiteral("Pushing…"), [](const QString &root) -> Result<QString> {
        Result<GitRepository> repo = GitRepository::open(root);
        if (!repo)
            return repo.error();
        const QString branch = repo->currentBranch().value_or(QStringLiteral("main"));
        if (Status pushed = repo.value().push(QStringLiteral("origin"), branch); !pushed)
            return pushed.error();
        return QStringLiteral("Pushed %1 to origin.").arg(branch);
    });
}

void GitPanel::pull()
{
    runOperation(QStringLiteral("Pulling…"), [](const QString &root) -> Result<QString> {
        Result<GitRepository> repo = GitRepository::open(root);
        if (!repo)
            return repo.error();
        Result<GitPullResult> pulled = repo.value().pull();
        if (!pulled)
            return pulled.error();
        return pulled->upToDate ? QStringLiteral("Already up to date.") : QStringLiteral("Fast-forwarded to %1.").arg(pulled->newId.left(12));
    });
}

QString GitPanel::statusText() const
{
    return m_status->text();
}

bool GitPanel::isBusy() const
{
    return m_refresh.isRunning() || m_operation.isRunning() || m_texts.isRunning();
}

} // namespace studio
