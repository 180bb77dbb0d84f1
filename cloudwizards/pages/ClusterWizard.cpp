// SPDX-License-Identifier: MIT
#include "pages/ClusterWizard.h"

#include "pages/AnswerForm.h"
#include "pages/AnswersPage.h"
#include "spec/aws/AwsSetup.h"
#include "spec/azure/AzureSetup.h"
#include "spec/gcp/GcpSetup.h"

#include <QComboBox>
#include <QFormLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio::cloud {

namespace {

/// Calls `fn` with the typed answers model behind a setup.
template<typename Fn>
void withAnswers(CloudSetup &setup, Fn &&fn)
{
    switch (setup.provider()) {
    case CloudProvider::Aws: fn(static_cast<AwsSetup &>(setup).answers()); break;
    case CloudProvider::Azure: fn(static_cast<AzureSetup &>(setup).answers()); break;
    case CloudProvider::Gcp: fn(static_cast<GcpSetup &>(setup).answers()); break;
    }
}

QString pageTitle(const QString &page)
{
    static const QHash<QString, QString> titles{
        {QStringLiteral("basics"), QStringLiteral("Account, region and naming")},
        {QStringLiteral("network"), QStringLiteral("Network")},
        {QStringLiteral("cluster"), QStringLiteral("Kubernetes cluster")},
        {QStringLiteral("cluster.nodePools"), QStringLiteral("Node pools")},
        {QStringLiteral("postgres"), QStringLiteral("PostgreSQL")},
        {QStringLiteral("redis"), QStringLiteral("Redis")},
        {QStringLiteral("search"), QStringLiteral("Search")},
        {QStringLiteral("storage"), QStringLiteral("Storage, CDN and certificates")},
        {QStringLiteral("secrets"), QStringLiteral("Secrets")},
        {QStringLiteral("addons"), QStringLiteral("Cluster add-ons")},
    };
    return titles.value(page, page);
}

/// What a page decides, for pages whose answers section carries no help text of its own.
QString pageExplanation(const QString &page)
{
    static const QHash<QString, QString> explanations{
        {QStringLiteral("basics"), QStringLiteral("Where the environment runs and how its resources are named. The region "
                                                  "and zones cannot be changed later.")},
        {QStringLiteral("network"), QStringLiteral("Address ranges for the network, the pods and the services. They must "
                                                   "not overlap each other or any network you connect to.")},
        {QStringLiteral("cluster"), QStringLiteral("The managed Kubernetes control plane: its version and how it is reached.")},
        {QStringLiteral("cluster.nodePools"), QStringLiteral("Groups of worker nodes that scale between their minimum and "
                                                             "maximum.")},
        {QStringLiteral("postgres"), QStringLiteral("The managed PostgreSQL database: size, high availability, replicas "
                                                    "and backups.")},
        {QStringLiteral("redis"), QStringLiteral("The managed Redis cache. High availability needs at least two nodes.")},
        {QStringLiteral("search"), QStringLiteral("The search layer: OpenSearch on AWS, Elasticsearch run in the cluster by "
                                                  "the ECK operator on Azure and Google Cloud.")},
        {QStringLiteral("storage"), QStringLiteral("Object storage for media, the CDN in front of it and its TLS certificate.")},
        {QStringLiteral("secrets"), QStringLiteral("The cloud secret store the applications read their credentials from.")},
        {QStringLiteral("addons"), QStringLiteral("What Argo CD installs into the cluster once it runs: ingress, "
                                                  "certificates, DNS, monitoring, Sealed Secrets and more.")},
    };
    return explanations.value(page);
}

} // namespace

ClusterWizard::ClusterWizard(CloudProvider provider, const QString &repoRoot, QWidget *parent)
    : QWizard(parent), m_repoRoot(repoRoot), m_setup(CloudSetup::create(provider, Preset::Dev)), m_form(new AnswerForm(this)),
      m_preset(new QComboBox), m_review(new ReviewPage)
{
    setWindowTitle(tr("New %1 cluster").arg(providerDisplayName(provider)));
    setObjectName(QStringLiteral("clusterWizard-") + providerId(provider));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    resize(960, 680); // room for the review page's file contents and cost table
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->addItem(tr("Dev/Test"), int(Preset::Dev));
    m_preset->addItem(tr("Production"), int(Preset::Production));
    buildPages();
    connect(m_form, &AnswerForm::edited, this, &ClusterWizard::revalidate);
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] { applyPreset(Preset(m_preset->currentData().toInt())); });
    connect(&m_commit, &QFutureWatcher<Result<ClusterSetupCommit>>::finished, this, &ClusterWizard::commitFinished);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (page(id) == m_review)
            m_review->show(m_setup->generate(), m_setup->estimateCost(PricingTable::builtIn()));
    });
    withAnswers(*m_setup, [this](auto &answers) { m_form->load(answers); });
    revalidate();
}

ClusterWizard::~ClusterWizard()
{
    // Cancel is disabled while committing, so this only waits when the application quits mid-commit.
    m_commit.waitForFinished();
}

void ClusterWizard::setHighlighter(ReviewPage::Highlighter highlighter)
{
    m_review->setHighlighter(std::move(highlighter));
}

void ClusterWizard::buildPages()
{
    withAnswers(*m_setup, [this](auto &answers) { m_form->build(answers); });
    QStringList order;
    QHash<QString, QList<const FieldEditor *>> byPage;
    for (const FieldEditor &field : m_form->fields()) {
        if (!order.contains(field.page))
            order.append(field.page);
        byPage[field.page].append(&field);
    }
    // Secrets come before the add-ons, as the cloud consoles order them.
    if (order.contains(QStringLiteral("secrets")) && order.contains(QStringLiteral("addons"))) {
        order.removeAll(QStringLiteral("secrets"));
        order.insert(order.indexOf(QStringLiteral("addons")), QStringLiteral("secrets"));
    }
    for (const QString &name : order) {
        const QString help = m_form->pageSubtitle(name);
        auto *page = new AnswersPage(pageTitle(name), help.isEmpty() ? pageExplanation(name) : help, byPage.value(name));
        page->setObjectName(QStringLiteral("page-") + name);
        if (name == u"basics") {
            auto *presetRow = new QWidget;
            auto *layout = new QFormLayout(presetRow);
            layout->setContentsMargins(0, 0, 0, 0);
            layout->addRow(tr("Preset"), m_preset);
            page->addHeader(presetRow);
        }
        m_pages.append(page);
        addPage(page);
    }
    m_review->setObjectName(QStringLiteral("page-review"));
    addPage(m_review);
}

void ClusterWizard::applyPreset(Preset preset)
{
    const QSignalBlocker block(m_preset);
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
    m_setup = CloudSetup::create(m_setup->provider(), preset);
    withAnswers(*m_setup, [this](auto &answers) { m_form->load(answers); });
    revalidate();
}

void ClusterWizard::revalidate()
{
    withAnswers(*m_setup, [this](auto &answers) { m_form->store(answers); });
    m_problems = m_setup->validate();
    for (AnswersPage *page : std::as_const(m_pages))
        page->showProblems(m_problems, *m_form);
}

void ClusterWizard::accept()
{
    if (m_commit.isRunning() || m_result)
        return;
    if (!m_problems.isEmpty()) {
        m_review->setStatus(tr("%n answer(s) are invalid; go back and fix them.", nullptr, int(m_problems.size())), true);
        return;
    }
    // The worker gets its own copy of the answers (an answers file round trip), so the GUI keeps its own.
    Diagnostics ignored;
    std::shared_ptr<CloudSetup> copy(CloudSetup::fromYaml(m_setup->provider(), m_setup->toYaml(), QString(), ignored).release());
    if (!copy) {
        m_review->setStatus(tr("Nothing was committed: the answers could not be copied (%1).").arg(ignored.value(0).message), true);
        return;
    }
    m_review->setStatus(tr("Writing and committing on setup/%1-%2…").arg(providerId(m_setup->provider()), m_setup->environment()), false);
    for (WizardButton b : {QWizard::FinishButton, QWizard::BackButton, QWizard::CancelButton})
        button(b)->setEnabled(false);
    const QString root = m_repoRoot;
    m_commit.setFuture(QtConcurrent::run([root, copy] { return commitClusterSetup(root, *copy); }));
}

void ClusterWizard::reject()
{
    if (!m_commit.isRunning())
        QWizard::reject();
}

void ClusterWizard::commitFinished()
{
    const Result<ClusterSetupCommit> outcome = m_commit.result();
    for (WizardButton b : {QWizard::FinishButton, QWizard::BackButton, QWizard::CancelButton})
        button(b)->setEnabled(true);
    if (!outcome) {
        m_review->setStatus(tr("Nothing was committed: %1").arg(outcome.errorMessage()), true);
        return;
    }
    m_result = outcome.value();
    m_review->setStatus(tr("Committed %1 on %2.").arg(outcome->commit.left(12), outcome->branch), false);
    emit committed(*m_result);
    QWizard::accept();
}

} // namespace studio::cloud
