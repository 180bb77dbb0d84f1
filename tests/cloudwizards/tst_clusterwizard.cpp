// SPDX-License-Identifier: MIT
// The cluster wizards driven as a user would, offscreen: every page of every provider, an invalid
// field shown beside it with Next disabled, the review page's files and cost, and Finish committing
// the output on setup/<provider>-<env> in a real Git repository (checked with the git CLI).

#include "../app/ProcessRun.h"

#include "pages/AnswerForm.h"
#include "pages/AnswersPage.h"
#include "pages/ClusterWizard.h"
#include "spec/gcp/GcpSetup.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::cloud;

namespace {

QString git(const QString &repo, const QStringList &arguments)
{
    const Run run = runProcess(QStringLiteral("git"), QStringList{QStringLiteral("-C"), repo} + arguments);
    if (run.exitCode != 0)
        qFatal("git %s failed: %s", qPrintable(arguments.join(u' ')), qPrintable(run.describe()));
    return run.out.trimmed();
}

void makeRepository(const QString &repo)
{
    git(repo, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")});
    git(repo, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Wizard Test")});
    git(repo, {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("wizard@example.com")});
    git(repo, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("--allow-empty"), QStringLiteral("-m"), QStringLiteral("start")});
}

} // namespace

class TestClusterWizard : public QObject
{
    Q_OBJECT

private slots:
    void drivesEachWizardToFinish_data()
    {
        QTest::addColumn<int>("provider");
        for (CloudProvider p : {CloudProvider::Aws, CloudProvider::Azure, CloudProvider::Gcp})
            QTest::addRow("%s", qPrintable(providerId(p))) << int(p);
    }
    void drivesEachWizardToFinish()
    {
        QFETCH(int, provider);
        QTemporaryDir repo;
        makeRepository(repo.path());
        ClusterWizard wizard(CloudProvider(provider), repo.path());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        QStringList titles;
        while (wizard.currentPage()->objectName() != u"page-review") {
            titles.append(wizard.currentPage()->title());
            QVERIFY2(wizard.currentPage()->isComplete(), qPrintable(wizard.currentPage()->title()));
            QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
            QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        }
        QCOMPARE(titles.first(), QStringLiteral("Account, region and naming"));
        for (const char *expected : {"Network", "Kubernetes cluster", "Node pools", "PostgreSQL", "Redis", "Search",
                                     "Storage, CDN and certificates", "Secrets", "Cluster add-ons"})
            QVERIFY2(titles.contains(QLatin1String(expected)), qPrintable(titles.join(QStringLiteral(", "))));
        QCOMPARE(titles.last(), QStringLiteral("Cluster add-ons"));

        auto *files = wizard.findChild<QListWidget *>(QStringLiteral("reviewFiles"));
        QVERIFY(files->count() > 15);
        QCOMPARE(files->item(0)->text().section(u'/', 0, 0), QStringLiteral("infra"));
        auto *cost = wizard.findChild<QTableWidget *>(QStringLiteral("reviewCost"));
        QVERIFY(cost->rowCount() >= 4);

        QSignalSpy committed(&wizard, &ClusterWizard::committed);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(committed.size(), 1, 30000);
        const QString branch = QStringLiteral("setup/%1-dev").arg(providerId(CloudProvider(provider)));
        QCOMPARE(wizard.result()->branch, branch);
        QCOMPARE(git(repo.path(), {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), QStringLiteral("HEAD")}), branch);
        QCOMPARE(git(repo.path(), {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), wizard.result()->commit);
        const QStringList committedFiles =
            git(repo.path(), {QStringLiteral("show"), QStringLiteral("--name-only"), QStringLiteral("--format="), QStringLiteral("HEAD")}).split(u'\n');
        const QString infra = QStringLiteral("infra/%1/dev/").arg(providerId(CloudProvider(provider)));
        QVERIFY(committedFiles.contains(infra + QStringLiteral("versions.tf")));
        QVERIFY(committedFiles.contains(QStringLiteral("clusters/dev/addons/bootstrap/root-app.yaml")));
        QCOMPARE(committedFiles.size(), files->count());
        QCOMPARE(git(repo.path(), {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    }

    void invalidFieldDisablesNextWithTheReason()
    {
        QTemporaryDir repo;
        ClusterWizard wizard(CloudProvider::Azure, repo.path());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentPage()->objectName(), QStringLiteral("page-network"));
        auto *service = wizard.findChild<QLineEdit *>(QStringLiteral("network.serviceCidr"));
        auto *problems = wizard.findChild<QLabel *>(QStringLiteral("network.serviceCidr#problems"));
        service->selectAll();
        QTest::keyClicks(service, QStringLiteral("172.31.0.0/16"));
        QVERIFY(!wizard.currentPage()->isComplete());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(problems->isVisibleTo(&wizard));
        QVERIFY2(problems->text().contains(QStringLiteral("reserves")), qPrintable(problems->text()));
        QVERIFY(problems->text().contains(QStringLiteral("network.dnsServiceIp")) == false);
        auto *status = wizard.currentPage()->findChild<QLabel *>(QStringLiteral("pageStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("Next is disabled")), qPrintable(status->text()));

        service->selectAll();
        QTest::keyClicks(service, QStringLiteral("10.100.0.0/16"));
        QVERIFY(wizard.currentPage()->isComplete());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!problems->isVisibleTo(&wizard));
        QVERIFY(status->text().isEmpty());
    }

    void nodePoolTableIsChecked()
    {
        QTemporaryDir repo;
        ClusterWizard wizard(CloudProvider::Gcp, repo.path());
        auto *pools = wizard.findChild<QTableWidget *>(QStringLiteral("cluster.nodePools"));
        QCOMPARE(pools->rowCount(), 1);
        pools->item(0, 3)->setText(QStringLiteral("5")); // desiredNodes above maxNodes (2)
        auto *problems = wizard.findChild<QLabel *>(QStringLiteral("cluster.nodePools#problems"));
        QVERIFY2(problems->text().contains(QStringLiteral("minNodes <= desiredNodes <= maxNodes")), qPrintable(problems->text()));
        pools->item(0, 3)->setText(QStringLiteral("2"));
        QVERIFY(problems->text().isEmpty());
        QTest::mouseClick(wizard.findChild<QAbstractButton *>(QStringLiteral("cluster.nodePools#add")), Qt::LeftButton);
        QCOMPARE(pools->rowCount(), 2);
        QCOMPARE(static_cast<const GcpSetup &>(wizard.setup()).answers().cluster.nodePools.size(), 2);
        QVERIFY2(wizard.problems().isEmpty(), qPrintable(wizard.problems().value(0).message));
    }

    void presetReplacesTheAnswers()
    {
        QTemporaryDir repo;
        ClusterWizard wizard(CloudProvider::Aws, repo.path());
        auto *preset = wizard.findChild<QComboBox *>(QStringLiteral("preset"));
        preset->setCurrentIndex(preset->findText(QStringLiteral("Production")));
        QCOMPARE(wizard.setup().environment(), QStringLiteral("prod"));
        QCOMPARE(wizard.findChild<QLineEdit *>(QStringLiteral("environment"))->text(), QStringLiteral("prod"));
        QCOMPARE(wizard.findChild<QLineEdit *>(QStringLiteral("zones"))->text(), QStringLiteral("us-east-1a, us-east-1b, us-east-1c"));
        QVERIFY(wizard.problems().isEmpty());
    }

    void finishRefusesAnExistingBranch()
    {
        QTemporaryDir repo;
        makeRepository(repo.path());
        git(repo.path(), {QStringLiteral("branch"), QStringLiteral("setup/gcp-dev")});
        ClusterWizard wizard(CloudProvider::Gcp, repo.path());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        while (wizard.currentPage()->objectName() != u"page-review")
            wizard.next();
        wizard.accept();
        auto *status = wizard.findChild<QLabel *>(QStringLiteral("reviewStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Nothing was committed")), 30000);
        QVERIFY2(status->text().contains(QStringLiteral("already exists")), qPrintable(status->text()));
        QVERIFY(!wizard.result());
        QVERIFY(wizard.isVisible());
        QCOMPARE(git(repo.path(), {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), QStringLiteral("HEAD")}), QStringLiteral("main"));
    }
};

QTEST_MAIN(TestClusterWizard)
#include "tst_clusterwizard.moc"
