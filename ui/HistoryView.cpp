// SPDX-License-Identifier: MIT
#include "HistoryView.h"

#include "SideBySideDiff.h"

#include "diff/LineDiff.h"
#include "git/GitRepository.h"
#include "promote/HistoryModel.h"
#include "promote/Promoter.h"
#include "secrets/CommitSecretGate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

/// Promotions in bold: they are what a rollback usually undoes.
class PromotionDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(HistoryModel::IsPromotionRole).toBool())
            option->font.setBold(true);
    }
};

QString unifiedDiffOf(const QList<GitFileDiff> &files, bool reversed)
{
    QString out;
    for (const GitFileDiff &file : files) {
        const QString path = file.newPath.isEmpty() ? file.oldPath : file.newPath;
        if (file.binary) {
            out += QStringLiteral("Binary file %1 changed\n").arg(path);
            continue;
        }
        out += reversed ? LineDiff::unified(file.newText, file.oldText, QStringLiteral("a/") + path, QStringLiteral("b/") + path)
                        : LineDiff::unified(file.oldText, file.newText, QStringLiteral("a/") + path, QStringLiteral("b/") + path);
    }
    return out;
}

} // namespace

HistoryView::HistoryView(QWidget *parent)
    : QWidget(parent)
    , m_environment(new QComboBox(this))
    , m_model(new HistoryModel(this))
    , m_table(new QTableView(this))
    , m_fileChoice(new QComboBox(this))
    , m_diff(new SideBySideDiff(this))
    , m_rollback(new QPushButton(QStringLiteral("Roll Back This Commit…"), this))
    , m_status(new QLabel(this))
{
    m_table->setModel(m_model);
    m_table->setItemDelegate(new PromotionDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(HistoryModel::SubjectColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(HistoryModel::CommitColumn, 80);
    m_table->setColumnWidth(HistoryModel::DateColumn, 130);
    m_table->setColumnWidth(HistoryModel::AuthorColumn, 150);
    m_rollback->setEnabled(false);
    m_status->setWordWrap(true);
    m_confirm = [this](const QString &summary, const QString &diff) {
        QMessageBox box(QMessageBox::Question, QStringLiteral("Roll Back"),
                        QStringLiteral("Revert \"%1\" with a new commit and push it?").arg(summary),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setDetailedText(diff);
        return box.exec() == QMessageBox::Yes;
    };
    connect(m_environment, &QComboBox::currentIndexChanged, this, &HistoryView::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showCommit(current.row()); });
    connect(m_rollback, &QPushButton::clicked, this, [this] { rollback(m_table->currentIndex().row(), true); });

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(QStringLiteral("History of"), this));
    top->addWidget(m_environment);
    top->addStretch();
    top->addWidget(m_rollback);
    connect(m_fileChoice, &QComboBox::currentIndexChanged, this, &HistoryView::showFile);
    auto *files = new QWidget(this);
    auto *filesLayout = new QVBoxLayout(files);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(new QLabel(QStringLiteral("File"), this));
    fileRow->addWidget(m_fileChoice, 1);
    filesLayout->addLayout(fileRow);
    filesLayout->addWidget(m_diff, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(files);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(&m_history, &QFutureWatcherBase::finished, this, [this] {
        const auto result = m_history.result();
        if (!*result) {
            m_model->setEntries({});
            m_status->setText(result->errorMessage());
        } else {
            m_model->setEntries(result->value());
            m_status->setText(QStringLiteral("%1 commits changed %2's files.").arg(result->value().size()).arg(m_environment->currentText()));
            if (m_model->rowCount() > 0)
                m_table->selectRow(0);
        }
        emit loaded();
    });
    connect(&m_diffWatcher, &QFutureWatcherBase::finished, this, [this] {
        const auto result = m_diffWatcher.result();
        m_shownCommit = m_diffWatcher.property("commit").toString();
        m_shownDiff = *result ? result->value() : QList<GitFileDiff>();
        if (!*result)
            m_status->setText(result->errorMessage());
        const QSignalBlocker block(m_fileChoice);
        m_fileChoice->clear();
        for (const GitFileDiff &file : std::as_const(m_shownDiff))
            m_fileChoice->addItem(file.newPath.isEmpty() ? file.oldPath : file.newPath);
        showFile(0);
    });
    connect(&m_revert, &QFutureWatcherBase::finished, this, [this] {
        const auto result = m_revert.result();
        m_rollback->setEnabled(true);
        if (!*result) {
            m_status->setText(QStringLiteral("<span style='color:#b31d28'>%1</span>").arg(result->errorMessage().toHtmlEscaped()));
            return;
        }
        m_status->setText(QStringLiteral("Rolled back with commit %1.").arg(result->value().left(12)));
        emit rolledBack(result->value());
        reload();
    });
}

HistoryView::~HistoryView()
{
    m_history.waitForFinished();
    m_diffWatcher.waitForFinished();
    m_revert.waitForFinished();
}

void HistoryView::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    const QString current = m_environment->currentText();
    const QSignalBlocker block(m_environment);
    m_environment->clear();
    for (const Environment &env : workspace.environments)
        m_environment->addItem(env.name);
    const int index = m_environment->findText(current);
    m_environment->setCurrentIndex(index >= 0 ? index : m_environment->count() - 1);
    reload();
}

void HistoryView::setEnvironment(const QString &name)
{
    m_environment->setCurrentText(name);
}

void HistoryView::reload()
{
    if (m_environment->currentText().isEmpty())
        return;
    m_status->setText(QStringLiteral("Reading history…"));
    m_history.setFuture(QtConcurrent::run([workspace = m_workspace, env = m_environment->currentText()] {
        return std::make_shared<Result<QList<HistoryEntry>>>(EnvironmentHistory::load(workspace, env));
    }));
}

void HistoryView::showCommit(int row)
{
    m_rollback->setEnabled(row >= 0 && !m_revert.isRunning());
    if (row < 0)
        return;
    const QString id = m_model->entry(row).commit.id;
    m_diffWatcher.setProperty("commit", id);
    m_diffWatcher.setFuture(QtConcurrent::run([root = m_workspace.root, id] {
        Result<GitRepository> repo = GitRepository::open(root);
        if (!repo)
            return std::make_shared<Result<QList<GitFileDiff>>>(repo.error());
        return std::make_shared<Result<QList<GitFileDiff>>>(repo->commitDiff(id));
    }));
}

void HistoryView::rollback(int row, bool push)
{
    if (row < 0 || row >= m_model->rowCount() || m_revert.isRunning())
        return;
    const GitCommitInfo commit = m_model->entry(row).commit;
    // The preview is the commit's diff (already loaded for the selection), reversed: what the revert
    // commit will change.
    const QString preview = m_shownCommit == commit.id ? unifiedDiffOf(m_shownDiff, true) : QString();
    if (!m_confirm(commit.summary, preview))
        return;
    m_rollback->setEnabled(false);
    m_status->setText(QStringLiteral("Reverting %1…").arg(commit.shortId));
    m_revert.setFuture(QtConcurrent::run([root = m_workspace.root, id = commit.id, push] {
        Result<GitRepository> repo = GitRepository::open(root);
        if (!repo)
            return std::make_shared<Result<QString>>(repo.error());
        const Result<CommitSigner> signer = Promoter::signerFor(root, QString(), false);
        if (!signer)
            return std::make_shared<Result<QString>>(signer.error());
        // What the revert brings back passes the plaintext-secret gate like any other commit.
        Result<QString> reverted = repo.value().revert(id, signer.value(), [](const QList<GitNewContent> &files, const QString &message) {
            return CommitSecretGate::approveContents(files, message, false);
        });
        if (!reverted || !push)
            return std::make_shared<Result<QString>>(reverted);
        const Result<QString> branch = repo->currentBranch();
        const Status pushed = repo.value().push(QStringLiteral("origin"), branch ? branch.value() : QStringLiteral("main"));
        if (!pushed)
            return std::make_shared<Result<QString>>(Error{pushed.error().code,
                                                            QStringLiteral("reverted as %1, but the push was refused: %2 "
                                                                           "(the commit is kept locally)")
                                                                .arg(reverted->left(12), pushed.errorMessage())});
        return std::make_shared<Result<QString>>(reverted);
    }));
}

void HistoryView::showFile(int index)
{
    if (index < 0 || index >= m_shownDiff.size()) {
        m_diff->setTexts(QString(), QString(), QString(), QString(), QString());
        return;
    }
    const GitFileDiff &file = m_shownDiff.at(index);
    const QString path = file.newPath.isEmpty() ? file.oldPath : file.newPath;
    const QString shortId = m_shownCommit.left(7);
    m_diff->setTexts(file.oldText, file.newText, QStringLiteral("%1 (before %2)").arg(path, shortId),
                     QStringLiteral("%1 (%2)").arg(path, shortId), path);
}

bool HistoryView::isBusy() const
{
    return m_history.isRunning() || m_diffWatcher.isRunning() || m_revert.isRunning();
}

QString HistoryView::diffText() const
{
    return unifiedDiffOf(m_shownDiff, false);
}

QString HistoryView::statusText() const
{
    return m_status->text();
}

} // namespace studio
