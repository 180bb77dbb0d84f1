// SPDX-License-Identifier: MIT
#include "PromoteView.h"

#include "EnvironmentPairPicker.h"
#include "UnifiedDiffView.h"

#include "diff/LineDiff.h"
#include "git/GitRepository.h"
#include "promote/PromotionChangeModel.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QDir>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

PromoteView::PromoteView(QWidget *parent)
    : QWidget(parent)
    , m_pair(new EnvironmentPairPicker(QStringLiteral("Promote from"), QStringLiteral("to"), this))
    , m_model(new PromotionChangeModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_diff(new UnifiedDiffView(this))
    , m_check(new QLabel(this))
    , m_message(new QPlainTextEdit(this))
    , m_sign(new QCheckBox(QStringLiteral("Sign with SSH key"), this))
    , m_key(new QLineEdit(this))
    , m_push(new QCheckBox(QStringLiteral("Push to origin"), this))
    , m_allowSecrets(new QCheckBox(QStringLiteral("Commit with secrets"), this))
    , m_seal(new QPushButton(QStringLiteral("Seal secrets…"), this))
    , m_commit(new QPushButton(QStringLiteral("Commit && Push"), this))
    , m_cancel(new QPushButton(QStringLiteral("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(PromotionChangeModel::SettingColumn);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(PromotionChangeModel::SettingColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(PromotionChangeModel::TargetColumn, 120);
    m_table->setColumnWidth(PromotionChangeModel::SourceColumn, 120);
    m_table->setColumnWidth(PromotionChangeModel::FileColumn, 150);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setAlternatingRowColors(true);
    m_search->setPlaceholderText(QStringLiteral("Filter settings"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    auto *all = new QToolButton(this);
    all->setText(QStringLiteral("All"));
    auto *none = new QToolButton(this);
    none->setText(QStringLiteral("None"));
    connect(all, &QToolButton::clicked, this, [this] { m_model->setAllChecked(true); });
    connect(none, &QToolButton::clicked, this, [this] { m_model->setAllChecked(false); });
    connect(m_model, &PromotionChangeModel::selectionChanged, this, &PromoteView::preview);

    m_check->setWordWrap(true);
    m_check->setTextFormat(Qt::RichText);
    m_message->setMaximumHeight(110);
    m_message->setPlaceholderText(QStringLiteral("Commit message"));
    connect(m_message, &QPlainTextEdit::textChanged, this, [this] {
        if (m_message->hasFocus())
            m_messageEdited = true;
    });
    m_key->setPlaceholderText(QStringLiteral("Key file (empty: Git's user.signingkey)"));
    auto *browse = new QToolButton(this);
    browse->setText(QStringLiteral("…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, QStringLiteral("SSH Private Key"), QDir::homePath() + QStringLiteral("/.ssh"));
        if (!file.isEmpty()) {
            m_key->setText(file);
            m_sign->setChecked(true);
        }
    });
    m_push->setChecked(true);
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(200);
    m_cancel->setVisible(false);
    m_status->setWordWrap(true);
    connect(m_commit, &QPushButton::clicked, this, [this] { commitSelected(m_push->isChecked()); });
    m_allowSecrets->setToolTip(QStringLiteral("Commit the plaintext secrets anyway; the commit message records the "
                                              "override in a Secrets-Override trailer"));
    m_allowSecrets->hide();
    m_seal->setToolTip(QStringLiteral("Seal the values with the environment's Sealed Secrets certificate instead"));
    m_seal->hide();
    connect(m_allowSecrets, &QCheckBox::toggled, this, &PromoteView::updateCommitButton);
    connect(m_seal, &QPushButton::clicked, this, &PromoteView::sealRequested);
    connect(m_cancel, &QPushButton::clicked, this, &PromoteView::cancel);
    connect(m_pair, &EnvironmentPairPicker::pairChanged, this, &PromoteView::plan);

    auto *top = new QHBoxLayout;
    top->addWidget(m_pair);
    top->addSpacing(16);
    top->addWidget(m_search, 1);
    top->addWidget(all);
    top->addWidget(none);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(QStringLiteral("<b>Files as they will be committed</b>"), this));
    rightLayout->addWidget(m_diff, 1);
    rightLayout->addWidget(m_check);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *signRow = new QHBoxLayout;
    signRow->addWidget(m_sign);
    signRow->addWidget(m_key, 1);
    signRow->addWidget(browse);
    signRow->addSpacing(16);
    signRow->addWidget(m_push);
    signRow->addSpacing(16);
    signRow->addWidget(m_allowSecrets);
    signRow->addWidget(m_seal);
    signRow->addStretch();
    signRow->addWidget(m_progress);
    signRow->addWidget(m_cancel);
    signRow->addWidget(m_commit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(new QLabel(QStringLiteral("<b>Commit message</b>"), this));
    layout->addWidget(m_message);
    layout->addLayout(signRow);
    layout->addWidget(m_status);

    connect(&m_planWatcher, &QFutureWatcherBase::finished, this, [this] {
        const std::shared_ptr<PlanResult> planned = m_planWatcher.result();
        const Result<PromotionPlan> *result = &planned->plan;
        m_sourceCommit = planned->sourceCommit;
        setBusy(false);
        if (!*result) {
            m_model->setPlan(PromotionPlan());
            m_status->setText(result->errorMessage());
            m_diff->setDiff(QString(), QString());
            return;
        }
        m_messageEdited = false;
        m_model->setPlan(result->value());
        if (result->value().changes().isEmpty())
            m_status->setText(QStringLiteral("%1 and %2 do not differ: nothing to promote.").arg(m_pair->from(), m_pair->to()));
        else
            m_status->setText(QStringLiteral("%1 changes; %2 excluded by promotion.exclude")
                                  .arg(result->value().changes().size())
                                  .arg(result->value().excluded().size()));
    });
    connect(&m_previewWatcher, &QFutureWatcherBase::finished, this, [this] {
        const Async<PromotionPreview> result = m_previewWatcher.result();
        if (!*result) {
            m_diff->setDiff(QString(), result->errorMessage());
            m_check->clear();
            m_previewAllowed = false;
            m_previewHasSecrets = false;
            updateCommitButton();
            return;
        }
        const PromotionPreview &p = result->value();
        QString diff;
        for (const FileChange &file : p.files)
            diff += LineDiff::unified(file.before, file.after, QStringLiteral("a/") + file.file, QStringLiteral("b/") + file.file);
        m_diff->setDiff(diff);
        QString check;
        if (p.allowed())
            check = QStringLiteral("<span style='color:#1a7f37'>✔ %1 checks clean after this promotion.</span>").arg(m_pair->to().toHtmlEscaped());
        else
            check = QStringLiteral("<span style='color:#b31d28'>✖ %1</span>").arg(p.refusals.join(QStringLiteral("<br>")).toHtmlEscaped());
        if (!p.existingProblems.isEmpty())
            check += QStringLiteral("<br><span style='color:#9a6700'>%1 already has %2 error(s).</span>")
                         .arg(m_pair->to().toHtmlEscaped())
                         .arg(p.existingProblems.size());
        if (!p.secrets.isEmpty()) {
            QStringList where;
            for (const SecretFinding &f : p.secrets)
                where << QStringLiteral("%1:%2 %3").arg(f.file).arg(f.line).arg(f.rule);
            check += QStringLiteral("<br><span style='color:#b31d28'>✖ %1 plaintext secret(s): %2. Seal them, or tick "
                                    "<i>Commit with secrets</i> to override (recorded in the commit message).</span>")
                         .arg(p.secrets.size())
                         .arg(where.join(QStringLiteral(", ")).toHtmlEscaped());
        }
        m_check->setText(check);
        m_previewAllowed = p.allowed();
        m_previewHasSecrets = !p.secrets.isEmpty();
        m_allowSecrets->setVisible(m_previewHasSecrets);
        m_seal->setVisible(m_previewHasSecrets);
        if (!m_previewHasSecrets)
            m_allowSecrets->setChecked(false);
        updateCommitButton();
        if (!m_messageEdited)
            m_message->setPlainText(m_model->plan().commitMessage(m_model->selectedIds(), m_sourceCommit));
    });
    connect(&m_runWatcher, &QFutureWatcherBase::finished, this, [this] {
        setBusy(false);
        showOutcome(*m_runWatcher.result());
    });
}

PromoteView::~PromoteView()
{
    cancel();
    m_planWatcher.waitForFinished();
    m_previewWatcher.waitForFinished();
    m_runWatcher.waitForFinished();
}

void PromoteView::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    QStringList names;
    for (const Environment &env : workspace.environments)
        names << env.name;
    m_pair->setEnvironments(names);
    plan();
}

void PromoteView::setEnvironments(const QString &from, const QString &to)
{
    m_pair->setPair(from, to);
    plan();
}

void PromoteView::plan()
{
    if (m_pair->from().isEmpty() || m_pair->to().isEmpty())
        return;
    setBusy(true);
    m_status->setText(QStringLiteral("Comparing %1 with %2…").arg(m_pair->from(), m_pair->to()));
    m_planWatcher.setFuture(QtConcurrent::run([workspace = m_workspace, from = m_pair->from(), to = m_pair->to()] {
        auto result = std::make_shared<PlanResult>(PlanResult{PromotionPlan::build(workspace, from, to), QString()});
        // The commit the source is promoted from, for the message's Promoted-From trailer.
        if (Result<GitRepository> repo = GitRepository::open(workspace.root)) {
            if (Result<QString> head = repo->resolve(QStringLiteral("HEAD")))
                result->sourceCommit = head->left(7);
        }
        return result;
    }));
}

void PromoteView::preview()
{
    const QStringList ids = m_model->selectedIds();
    if (ids.isEmpty()) {
        m_diff->setDiff(QString(), m_model->rowCount() ? QStringLiteral("No change selected.") : QString());
        m_check->clear();
        m_commit->setEnabled(false);
        return;
    }
    m_previewWatcher.setFuture(QtConcurrent::run([workspace = m_workspace, plan = m_model->plan(), ids] {
        return std::make_shared<Result<PromotionPreview>>(plan.preview(workspace, ids));
    }));
}

void PromoteView::commitSelected(bool push)
{
    if (m_busy || m_model->selectedIds().isEmpty())
        return;
    PromotionOptions options;
    options.ids = m_model->selectedIds();
    options.commit = true;
    options.push = push;
    options.message = m_message->toPlainText();
    options.signKeyFile = m_sign->isChecked() ? m_key->text().trimmed() : QString();
    options.allowSecrets = m_allowSecrets->isChecked();
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    options.remote.cancel = m_cancelFlag.get();
    QPointer<PromoteView> self(this);
    options.remote.progress = [self](const GitProgress &progress) {
        QMetaObject::invokeMethod(self, [self, progress] {
            if (!self)
                return;
            self->m_progress->setRange(0, int(qMax<quint64>(progress.total, 1)));
            self->m_progress->setValue(int(progress.current));
            if (!progress.message.isEmpty())
                self->m_status->setText(QStringLiteral("remote: %1").arg(progress.message.trimmed()));
        });
        return true;
    };
    setBusy(true);
    m_status->setText(push ? QStringLiteral("Committing and pushing…") : QStringLiteral("Committing…"));
    m_runWatcher.setFuture(QtConcurrent::run([workspace = m_workspace, plan = m_model->plan(), options, flag = m_cancelFlag] {
        return std::make_shared<Result<PromotionOutcome>>(Promoter::run(workspace, plan, options));
    }));
}

void PromoteView::cancel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void PromoteView::showOutcome(const Result<PromotionOutcome> &outcome)
{
    if (!outcome) {
        m_status->setText(QStringLiteral("<span style='color:#b31d28'>%1</span>").arg(outcome.errorMessage().toHtmlEscaped()));
        return;
    }
    QString text = QStringLiteral("Committed %1%2.").arg(outcome->commitId.left(12), outcome->signedCommit ? QStringLiteral(" (signed)") : QString());
    if (outcome->pushed)
        text += QStringLiteral(" Pushed to origin.");
    if (!outcome->pushError.isEmpty())
        text += QStringLiteral(" <span style='color:#b31d28'>Push refused: %1 The commit is kept locally: fetch and "
                               "rebase, then push again.</span>")
                    .arg(outcome->pushError.toHtmlEscaped());
    m_status->setText(text);
    emit promoted(outcome->commitId, outcome->pushed);
}

void PromoteView::setAllowSecrets(bool allow)
{
    m_allowSecrets->setChecked(allow);
}

void PromoteView::updateCommitButton()
{
    m_commit->setEnabled(!m_busy && !m_model->selectedIds().isEmpty() && m_previewAllowed
                         && (!m_previewHasSecrets || m_allowSecrets->isChecked()));
}

void PromoteView::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0);
    m_cancel->setVisible(busy && m_runWatcher.isRunning());
    updateCommitButton();
    m_pair->setEnabled(!busy);
    emit busyChanged(busy);
}

bool PromoteView::isBusy() const
{
    return m_busy || m_planWatcher.isRunning() || m_previewWatcher.isRunning() || m_runWatcher.isRunning();
}

QString PromoteView::previewText() const
{
    return m_diff->toPlainText();
}

QString PromoteView::checkText() const
{
    return m_check->text();
}

QString PromoteView::message() const
{
    return m_message->toPlainText();
}

QString PromoteView::statusText() const
{
    return m_status->text();
}

void PromoteView::setSignKeyFile(const QString &path)
{
    m_key->setText(path);
    m_sign->setChecked(!path.isEmpty());
}

} // namespace studio
