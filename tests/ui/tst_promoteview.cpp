// SPDX-License-Identifier: MIT
// The Promote and History views (offscreen) on a real repository with a bare remote: pick a change,
// see the file diff and the check, commit signed and push; then roll the promotion back.

#include "CompareView.h"
#include "GitPanel.h"
#include "HistoryView.h"
#include "SideBySideDiff.h"
#include "PromoteView.h"

#include "diff/SemanticChangeModel.h"
#include "git/GitStatusModel.h"
#include "promote/HistoryModel.h"
#include "promote/PromotionChangeModel.h"
#include "workspace/DemoWorkspace.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeView>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

QString git(const QString &repo, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("git"), QStringList{QStringLiteral("-C"), repo} + arguments);
    process.waitForFinished(30000);
    if (exitCode)
        *exitCode = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestPromoteView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repo;
    QString m_key;

private slots:
    void initTestCase()
    {
        m_repo = m_dir.filePath(QStringLiteral("tunemantra"));
        QVERIFY(DemoWorkspace::create(m_repo).ok());
        git(m_repo, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Release Bot")});
        git(m_repo, {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("release@example.com")});
        m_key = m_dir.filePath(QStringLiteral("key"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                    QStringLiteral("-N"), QString(), QStringLiteral("-f"), m_key});
        QVERIFY(keygen.waitForFinished() && keygen.exitCode() == 0);
    }

    void compareShowsSemanticChangesAndOpensThem()
    {
        CompareView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy compared(&view, &CompareView::compared);
        view.setWorkspace(Workspace::discover(m_repo));
        QVERIFY(compared.wait(20000));
        QVERIFY(view.model()->changeCount() > 5);
        // Searching narrows the tree to matching changes.
        view.filter()->setFilterFixedString(QStringLiteral("image.tag"));
        const QModelIndex section = view.filter()->index(0, 0);
        QCOMPARE(view.filter()->rowCount(section), 1);
        const QModelIndex tag = view.filter()->index(0, 0, section);
        QCOMPARE(view.filter()->index(0, SemanticChangeModel::FromColumn, section).data().toString(), QStringLiteral("1.8.0"));
        QCOMPARE(view.filter()->index(0, SemanticChangeModel::ToColumn, section).data().toString(), QStringLiteral("latest"));
        QSignalSpy open(&view, &CompareView::openRequested);
        emit view.view()->activated(tag);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.front().at(0).toString(), QStringLiteral("charts/tunemantra/values-prod.yaml"));
        const QString prod = readFile(m_repo + QStringLiteral("/charts/tunemantra/values-prod.yaml"));
        QCOMPARE(open.front().at(1).toInt(), int(prod.left(prod.indexOf(QStringLiteral("tag: latest"))).count(u'\n')) + 1);
        // The two values files side by side, with their differences counted.
        view.view()->setCurrentIndex(tag);
        QVERIFY(view.fileDiff()->changeCount() > 0);
    }

    void gitPanelStagesCommitsAndPushes()
    {
        const QString file = m_repo + QStringLiteral("/README.md");
        QFile readme(file);
        QVERIFY(readme.open(QIODevice::Append));
        readme.write("\nOn-call: #tunemantra-ops\n");
        readme.close();
        GitPanel panel;
        panel.resize(1200, 800);
        panel.show();
        panel.setRepository(m_repo);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && panel.model()->rowCount() == 1, 20000);
        QCOMPARE(panel.model()->index(0, GitStatusModel::StateColumn).data().toString(), QStringLiteral("modified"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.fileDiff()->changeCount() == 1, 20000); // HEAD against the work tree
        panel.view()->selectRow(0);
        QSignalSpy finished(&panel, &GitPanel::operationFinished);
        panel.stageSelected();
        QVERIFY(finished.wait(20000));
        QCOMPARE(git(m_repo, {QStringLiteral("diff"), QStringLiteral("--cached"), QStringLiteral("--name-only")}), QStringLiteral("README.md\n"));
        panel.commit(QStringLiteral("docs: name the on-call channel"));
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.last().at(0).toBool());
        QCOMPARE(git(m_repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}), QStringLiteral("docs: name the on-call channel\n"));
        panel.push();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(panel.statusText()));
        QCOMPARE(git(m_repo, {QStringLiteral("--git-dir"), m_repo + QStringLiteral(".git"), QStringLiteral("log"), QStringLiteral("-1"),
                              QStringLiteral("--format=%s"), QStringLiteral("main")}),
                 QStringLiteral("docs: name the on-call channel\n"));
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 0, 20000);
    }

    void promoteOneChangeSignedAndPushed()
    {
        PromoteView view;
        view.resize(1200, 800);
        view.show();
        view.setWorkspace(Workspace::discover(m_repo));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy() && view.changes()->rowCount() > 0, 20000);
        // Defaults to the last step of the promotion order.
        QCOMPARE(view.changes()->plan().source(), QStringLiteral("staging"));
        QCOMPARE(view.changes()->plan().target(), QStringLiteral("prod"));

        // Only image.tag.
        view.changes()->setAllChecked(false);
        for (int row = 0; row < view.changes()->rowCount(); ++row) {
            const QModelIndex index = view.changes()->index(row, PromotionChangeModel::SettingColumn);
            if (index.data(PromotionChangeModel::IdRole).toString() == u"image.tag")
                QVERIFY(view.changes()->setData(index, Qt::Checked, Qt::CheckStateRole));
        }
        QCOMPARE(view.changes()->selectedIds(), QStringList{QStringLiteral("image.tag")});
        QTRY_VERIFY_WITH_TIMEOUT(view.previewText().contains(QStringLiteral("+  tag: 1.8.0")), 20000);
        QVERIFY(view.previewText().contains(QStringLiteral("-  tag: latest")));
        QVERIFY(!view.previewText().contains(QStringLiteral("newTag")));
        QVERIFY2(view.checkText().contains(QStringLiteral("checks clean")), qPrintable(view.checkText()));
        QVERIFY2(view.message().startsWith(QStringLiteral("promote(staging→prod): image.tag latest → 1.8.0")), qPrintable(view.message()));

        view.setSignKeyFile(m_key);
        QSignalSpy promoted(&view, &PromoteView::promoted);
        view.commitSelected(true);
        QVERIFY(promoted.wait(30000));
        QCOMPARE(promoted.front().at(1).toBool(), true);
        const QString commit = promoted.front().at(0).toString();
        QCOMPARE(git(m_repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).trimmed(), commit);
        QCOMPARE(git(m_repo, {QStringLiteral("--git-dir"), m_repo + QStringLiteral(".git"), QStringLiteral("rev-parse"),
                              QStringLiteral("main")}).trimmed(), commit);
        QCOMPARE(git(m_repo, {QStringLiteral("show"), QStringLiteral("--numstat"), QStringLiteral("--format="), commit}),
                 QStringLiteral("1\t1\tcharts/tunemantra/values-prod.yaml\n"));
        QVERIFY(git(m_repo, {QStringLiteral("cat-file"), QStringLiteral("commit"), commit}).contains(QStringLiteral("-----BEGIN SSH SIGNATURE-----")));
        QCOMPARE(git(m_repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
        QVERIFY(view.statusText().contains(QStringLiteral("Pushed to origin")));
    }

    void plaintextSecretsNeedTheOverride()
    {
        const QString repo = m_dir.filePath(QStringLiteral("secrets"));
        QVERIFY(DemoWorkspace::create(repo).ok());
        git(repo, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Dev")});
        git(repo, {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("dev@example.com")});
        QFile dev(repo + QStringLiteral("/charts/tunemantra/values-dev.yaml"));
        QVERIFY(dev.open(QIODevice::Append));
        dev.write("\nextraEnv:\n  - name: AWS_ACCESS_KEY_ID\n    value: " + QByteArray("AKIA") + "Z7QWERTYUIOPLKJH\n");
        dev.close();
        int rc = 1;
        git(repo, {QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("dev key")}, &rc);
        QCOMPARE(rc, 0);

        PromoteView view;
        view.resize(1200, 800);
        view.show();
        view.setWorkspace(Workspace::discover(repo));
        view.setEnvironments(QStringLiteral("dev"), QStringLiteral("staging"));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy() && view.changes()->plan().source() == u"dev" && view.changes()->rowCount() > 0, 20000);
        view.changes()->setAllChecked(false);
        for (int row = 0; row < view.changes()->rowCount(); ++row) {
            const QModelIndex index = view.changes()->index(row, PromotionChangeModel::SettingColumn);
            if (index.data(PromotionChangeModel::IdRole).toString() == u"extraEnv")
                QVERIFY(view.changes()->setData(index, Qt::Checked, Qt::CheckStateRole));
        }
        QCOMPARE(view.changes()->selectedIds(), QStringList{QStringLiteral("extraEnv")});
        QTRY_VERIFY_WITH_TIMEOUT(view.checkText().contains(QStringLiteral("plaintext secret")), 20000);
        QVERIFY2(view.checkText().contains(QStringLiteral("charts/tunemantra/values-staging.yaml:")), qPrintable(view.checkText()));

        QPushButton *commit = nullptr;
        QPushButton *seal = nullptr;
        for (QPushButton *button : view.findChildren<QPushButton *>()) {
            if (button->text() == u"Commit && Push")
                commit = button;
            if (button->text() == u"Seal secrets…")
                seal = button;
        }
        QVERIFY(commit && seal);
        QVERIFY(!commit->isEnabled());
        QVERIFY(seal->isVisible());
        QSignalSpy sealRequested(&view, &PromoteView::sealRequested);
        seal->click();
        QCOMPARE(sealRequested.count(), 1);

        // The explicit override: committed, and recorded in the message.
        view.setAllowSecrets(true);
        QVERIFY(commit->isEnabled());
        QSignalSpy promoted(&view, &PromoteView::promoted);
        view.commitSelected(false);
        QVERIFY(promoted.wait(30000));
        QCOMPARE(git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%(trailers:key=Secrets-Override,valueonly)")}).trimmed(),
                 QStringLiteral("aws-access-key-id"));
    }

    void historyShowsThePromotionAndRollsItBack()
    {
        HistoryView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &HistoryView::loaded);
        view.setWorkspace(Workspace::discover(m_repo));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(view.model()->index(0, 0).data(HistoryModel::IsPromotionRole).toBool(), true);
        QVERIFY(view.model()->index(0, HistoryModel::SubjectColumn).data().toString().contains(QStringLiteral("promote(staging→prod)")));
        QTRY_VERIFY_WITH_TIMEOUT(view.diffText().contains(QStringLiteral("+  tag: 1.8.0")), 20000);

        QString previewed;
        view.setConfirmRollback([&previewed](const QString &, const QString &diff) {
            previewed = diff;
            return true;
        });
        QSignalSpy rolledBack(&view, &HistoryView::rolledBack);
        view.rollback(0, true);
        QVERIFY(rolledBack.wait(30000));
        // The preview showed what the revert changes: the tag goes back.
        QVERIFY2(previewed.contains(QStringLiteral("-  tag: 1.8.0")) && previewed.contains(QStringLiteral("+  tag: latest")), qPrintable(previewed));
        QVERIFY(readFile(m_repo + QStringLiteral("/charts/tunemantra/values-prod.yaml")).contains(QStringLiteral("tag: latest")));
        QVERIFY(git(m_repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}).startsWith(QStringLiteral("Revert ")));
        QCOMPARE(git(m_repo, {QStringLiteral("--git-dir"), m_repo + QStringLiteral(".git"), QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 git(m_repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
        QCOMPARE(git(m_repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    }
};

QTEST_MAIN(TestPromoteView)
#include "tst_promoteview.moc"
