// SPDX-License-Identifier: MIT
#pragma once

#include "pages/ReviewPage.h"
#include "spec/CloudSetup.h"
#include "spec/ClusterSetupCommit.h"

#include <QFutureWatcher>
#include <QWizard>

#include <memory>
#include <optional>

class QComboBox;

namespace studio::cloud {

class AnswerForm;
class AnswersPage;

/// "New cluster…": the setup wizard of one provider, in the order the cloud consoles use (account,
/// region and naming → network → cluster → node pools → PostgreSQL → Redis → search → storage, CDN
/// and certificates → secrets → add-ons → review). Fields are checked as they are typed; Finish
/// writes infra/<provider>/<env>/ and clusters/<env>/addons/ into the repository and commits them on
/// a new branch setup/<provider>-<env>, off the GUI thread.
class ClusterWizard : public QWizard
{
    Q_OBJECT

public:
    ClusterWizard(CloudProvider provider, const QString &repoRoot, QWidget *parent = nullptr);
    ~ClusterWizard() override;

    void setHighlighter(ReviewPage::Highlighter highlighter);
    /// Replaces every answer with a preset's.
    void applyPreset(Preset preset);

    const CloudSetup &setup() const { return *m_setup; }
    const Diagnostics &problems() const { return m_problems; }
    AnswerForm &form() { return *m_form; }
    /// Set once Finish has committed.
    const std::optional<ClusterSetupCommit> &result() const { return m_result; }

    void accept() override;
    /// Ignored while Finish is committing (Escape included), so the files are never half written.
    void reject() override;

signals:
    void committed(const studio::cloud::ClusterSetupCommit &commit);

private:
    void buildPages();
    void revalidate();
    void commitFinished();

    QString m_repoRoot;
    std::unique_ptr<CloudSetup> m_setup;
    AnswerForm *m_form;
    QComboBox *m_preset;
    QList<AnswersPage *> m_pages;
    ReviewPage *m_review;
    Diagnostics m_problems;
    QFutureWatcher<Result<ClusterSetupCommit>> m_commit;
    std::optional<ClusterSetupCommit> m_result;
};

} // namespace studio::cloud
