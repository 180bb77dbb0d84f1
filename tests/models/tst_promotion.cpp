// SPDX-License-Identifier: MIT
// PromotionPlan on the demo workspace: what is proposed (and what promotion.exclude keeps out), the
// minimal file edits, the check of the target, and all-or-nothing writes.

#include "promote/PromotionPlan.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString git(const QString &repo, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("git"), QStringList{QStringLiteral("-C"), repo} + arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

const PromotionChange *findChange(const PromotionPlan &plan, const QString &id)
{
    for (const PromotionChange &change : plan.changes()) {
        if (change.id == id)
            return &change;
    }
    return nullptr;
}

} // namespace

class TestPromotion : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repo;

    QString freshDemo(const QString &name)
    {
        const QString repo = m_dir.filePath(name);
        if (!DemoWorkspace::create(repo).ok())
            return {};
        return repo;
    }

private slots:
    void stagingToProdProposesTheDifferences()
    {
        const QString repo = freshDemo(QStringLiteral("plan"));
        const Workspace ws = Workspace::discover(repo);
        const Result<PromotionPlan> plan = PromotionPlan::build(ws, QStringLiteral("staging"), QStringLiteral("prod"));
        QVERIFY2(plan.ok(), qPrintable(plan.errorMessage()));

        const PromotionChange *tag = findChange(plan.value(), QStringLiteral("image.tag"));
        QVERIFY(tag);
        QCOMPARE(tag->kind, PromotionChange::Kind::SetValue);
        QCOMPARE(tag->targetText, QStringLiteral("latest"));
        QCOMPARE(tag->sourceText, QStringLiteral("1.8.0"));
        QCOMPARE(tag->file, QStringLiteral("charts/tunemantra/values-prod.yaml"));
        QCOMPARE(tag->sourceOrigin.file, QStringLiteral("charts/tunemantra/values-staging.yaml"));
        QCOMPARE(tag->summary(), QStringLiteral("image.tag latest → 1.8.0"));

        const PromotionChange *image = findChange(plan.value(), QStringLiteral("images/tunemantra/app"));
        QVERIFY(image);
        QCOMPARE(image->kind, PromotionChange::Kind::SetImageTag);
        QCOMPARE(image->file, QStringLiteral("deploy/overlays/prod/kustomization.yaml"));
        QCOMPARE(image->targetText, QStringLiteral("1.7.2"));

        // promotion.exclude: [ingress.hosts, replicaCount] are never proposed.
        QVERIFY(!findChange(plan.value(), QStringLiteral("replicaCount")));
        for (const PromotionChange &change : plan->changes())
            QVERIFY2(!change.id.startsWith(QStringLiteral("ingress.hosts")), qPrintable(change.id));
        QVERIFY(plan->excluded().contains(QStringLiteral("replicaCount")));
    }

    void previewEditsOnlyTheSelectedLines()
    {
        const QString repo = freshDemo(QStringLiteral("preview"));
        const Workspace ws = Workspace::discover(repo);
        const Result<PromotionPlan> plan = PromotionPlan::build(ws, QStringLiteral("staging"), QStringLiteral("prod"));
        const Result<PromotionPreview> preview =
            plan->preview(ws, {QStringLiteral("image.tag"), QStringLiteral("images/tunemantra/app")});
        QVERIFY2(preview.ok(), qPrintable(preview.errorMessage()));
        QCOMPARE(preview->files.size(), 2);
        QVERIFY2(preview->allowed(), qPrintable(preview->refusals.join(u'\n')));
        QVERIFY(PromotionPlan::write(ws, preview->files).ok());
        QCOMPARE(git(repo, {QStringLiteral("diff"), QStringLiteral("--numstat")}),
                 QStringLiteral("1\t1\tcharts/tunemantra/values-prod.yaml\n1\t1\tdeploy/overlays/prod/kustomization.yaml\n"));
        QVERIFY(readFile(repo + QStringLiteral("/deploy/overlays/prod/kustomization.yaml")).contains(QStringLiteral("newTag: 1.8.0")));

        const QString message = plan->commitMessage({QStringLiteral("image.tag"), QStringLiteral("images/tunemantra/app")},
                                                    QStringLiteral("abc1234"));
        QVERIFY(message.startsWith(QStringLiteral("promote(staging→prod): image.tag latest → 1.8.0, image tunemantra/app 1.7.2 → 1.8.0\n")));
        QVERIFY(message.endsWith(QStringLiteral("\nPromoted-From: staging@abc1234\n")));
    }

    void aPromotionThatAddsErrorsIsRefused()
    {
        const QString repo = freshDemo(QStringLiteral("refused"));
        const Workspace ws = Workspace::discover(repo);
        // dev has targetCPUUtilizationPercentage: 120, above the schema's maximum.
        const Result<PromotionPlan> plan = PromotionPlan::build(ws, QStringLiteral("dev"), QStringLiteral("staging"));
        QVERIFY(plan.ok());
        const Result<PromotionPreview> preview =
            plan->preview(ws, {QStringLiteral("autoscaling.targetCPUUtilizationPercentage")});
        QVERIFY(preview.ok());
        QVERIFY(!preview->allowed());
        QCOMPARE(preview->newProblems.size(), 1);
        QVERIFY2(preview->refusals.front().contains(QStringLiteral("less than or equal to 100")), qPrintable(preview->refusals.front()));
        QCOMPARE(preview->newProblems.front().file, QStringLiteral("charts/tunemantra/values-staging.yaml"));
    }

    void secretValuesNeverReachTheCommitMessage()
    {
        const QString repo = freshDemo(QStringLiteral("secret-message"));
        const QString devValues = repo + QStringLiteral("/charts/tunemantra/values-dev.yaml");
        QFile dev(devValues);
        QVERIFY(dev.open(QIODevice::Append));
        dev.write("\ndatabasePassword: \"kT9#vQ2mX7pL4wZr8sN1\"\nlogLevel: debug-verbose\n");
        dev.close();
        const Workspace ws = Workspace::discover(repo);
        const Result<PromotionPlan> plan = PromotionPlan::build(ws, QStringLiteral("dev"), QStringLiteral("staging"));
        QVERIFY(plan.ok());
        const QString message = plan->commitMessage({QStringLiteral("databasePassword"), QStringLiteral("logLevel")},
                                                    QStringLiteral("abc1234"));
        QVERIFY2(!message.contains(QStringLiteral("kT9#vQ2mX7pL4wZr8sN1")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("databasePassword (unset) → (secret, not shown)")), qPrintable(message));
        // Ordinary values are still shown.
        QVERIFY2(message.contains(QStringLiteral("logLevel (unset) → debug-verbose")), qPrintable(message));
    }

    void resettingAnOverrideWhenTheSourceInherits()
    {
        const QString repo = freshDemo(QStringLiteral("reset"));
        // staging overrides image.pullPolicy; dev inherits it from values.yaml.
        QFile staging(repo + QStringLiteral("/charts/tunemantra/values-staging.yaml"));
        const QString before = readFile(repo + QStringLiteral("/charts/tunemantra/values-staging.yaml"));
        QString edited = before;
        edited.replace(QStringLiteral("image:\n  tag: \"1.8.0\""), QStringLiteral("image:\n  tag: \"1.8.0\"\n  pullPolicy: Always"));
        QVERIFY(edited != before);
        QVERIFY(staging.open(QIODevice::WriteOnly | QIODevice::Truncate));
        staging.write(edited.toUtf8());
        staging.close();
        const Workspace ws = Workspace::discover(repo);
        const Result<PromotionPlan> plan = PromotionPlan::build(ws, QStringLiteral("dev"), QStringLiteral("staging"));
        const PromotionChange *pullPolicy = findChange(plan.value(), QStringLiteral("image.pullPolicy"));
        QVERIFY(pullPolicy);
        QCOMPARE(pullPolicy->kind, PromotionChange::Kind::ResetToInherited);
        const Result<PromotionPreview> preview = plan->preview(ws, {QStringLiteral("image.pullPolicy")});
        QVERIFY(preview.ok());
        QVERIFY(!preview->files.front().after.contains(QStringLiteral("pullPolicy")));
    }

    void allFilesOrNone()
    {
        const QString repo = freshDemo(QStringLiteral("atomic"));
        const Workspace ws = Workspace::discover(repo);
        const Result<PromotionPlan> plan = PromotionPlan::build(ws, QStringLiteral("staging"), QStringLiteral("prod"));
        const Result<PromotionPreview> preview =
            plan->preview(ws, {QStringLiteral("image.tag"), QStringLiteral("images/tunemantra/app")});
        QVERIFY(preview.ok());
        QCOMPARE(preview->files.at(1).file, QStringLiteral("deploy/overlays/prod/kustomization.yaml"));
        // The second file's folder disappears before the write: nothing may be written at all.
        QVERIFY(QDir(repo + QStringLiteral("/deploy/overlays/prod")).removeRecursively());
        const Status written = PromotionPlan::write(ws, preview->files);
        QVERIFY(!written.ok());
        QVERIFY2(written.errorMessage().contains(QStringLiteral("nothing was written")), qPrintable(written.errorMessage()));
        QVERIFY(readFile(repo + QStringLiteral("/charts/tunemantra/values-prod.yaml")).contains(QStringLiteral("tag: latest")));
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain"), QStringLiteral("charts")}), QString());
        // The prepared replacement of the first file was removed again.
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain"), QStringLiteral("--ignored"),
                            QStringLiteral("charts")}),
                 QString());
    }

    void writingKeepsPermissionsAndLeavesNoTemporaryFiles()
    {
        const QString repo = freshDemo(QStringLiteral("permissions"));
        const QString values = repo + QStringLiteral("/charts/tunemantra/values-prod.yaml");
        const QFile::Permissions groupReadable = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup;
        QVERIFY(QFile::setPermissions(values, groupReadable));
        const Workspace ws = Workspace::discover(repo);
        const Result<PromotionPlan> plan = PromotionPlan::build(ws, QStringLiteral("staging"), QStringLiteral("prod"));
        QVERIFY(plan.ok());
        const Result<PromotionPreview> preview = plan->preview(ws, {QStringLiteral("image.tag")});
        QVERIFY(preview.ok());
        QVERIFY(PromotionPlan::write(ws, preview->files).ok());
        QCOMPARE(readFile(values), preview->files.front().after);
        QCOMPARE(QFile::permissions(values) & (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::WriteGroup
                                               | QFile::ReadOther | QFile::WriteOther),
                 groupReadable);
        const QStringList leftovers = QDir(repo + QStringLiteral("/charts/tunemantra"))
                                          .entryList({QStringLiteral(".values-prod.yaml.*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u' ')));
    }

    void unknownEnvironmentsAreNamed()
    {
        const QString repo = freshDemo(QStringLiteral("unknown"));
        const Workspace ws = Workspace::discover(repo);
        const Result<PromotionPlan> plan = PromotionPlan::build(ws, QStringLiteral("qa"), QStringLiteral("prod"));
        QVERIFY(!plan.ok());
        QVERIFY(plan.errorMessage().contains(QStringLiteral("dev, staging, prod")));
    }
};

QTEST_GUILESS_MAIN(TestPromotion)
#include "tst_promotion.moc"
