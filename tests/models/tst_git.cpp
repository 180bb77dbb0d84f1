// SPDX-License-Identifier: MIT
// The Git layer against real repositories, checked with the `git` CLI: status and staging, commits with
// the configured identity, branches, path-filtered history, commit diffs, reverts, and SSH-signed commits
// verified by `git verify-commit`. Remotes are in tst_gitremote.

#include "GitFixture.h"

using namespace studio;
using namespace studio::test;

class TestGit : public GitFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpGit(); }

    // --- status, staging, committing ------------------------------------------------------------

    void statusReportsEachKindOfChange()
    {
        const QString path = newPath(QStringLiteral("status"));
        GitRepository repo = newRepository(path);
        QVERIFY(writeFile(path, QStringLiteral("a.yaml"), "a: 1\n"));
        QVERIFY(writeFile(path, QStringLiteral("b.yaml"), "b: 1\n"));
        QVERIFY(writeFile(path, QStringLiteral("c.yaml"), "c: 1\nsame: content\nfor: rename\n"));
        Result<QList<GitFileStatus>> status = repo.status();
        QVERIFY2(status, qPrintable(status.errorMessage()));
        QCOMPARE(status->size(), 3);
        QVERIFY(status->at(0).isUntracked());

        QVERIFY(repo.stage({QStringLiteral("a.yaml"), QStringLiteral("b.yaml"), path + QStringLiteral("/c.yaml")}));
        status = repo.status();
        QCOMPARE(findStatus(*status, QStringLiteral("a.yaml"))->staged, GitChange::New);
        QVERIFY2(repo.commit(QStringLiteral("Add values")), "commit");
        QVERIFY(repo.status()->isEmpty());

        QVERIFY(writeFile(path, QStringLiteral("a.yaml"), "a: 2\n"));
        QVERIFY(QFile::remove(path + QStringLiteral("/b.yaml")));
        QVERIFY(QFile::rename(path + QStringLiteral("/c.yaml"), path + QStringLiteral("/d.yaml")));
        QVERIFY(writeFile(path, QStringLiteral("e.yaml"), "e: 1\n"));
        status = repo.status();
        QCOMPARE(findStatus(*status, QStringLiteral("a.yaml"))->unstaged, GitChange::Modified);
        QCOMPARE(findStatus(*status, QStringLiteral("b.yaml"))->unstaged, GitChange::Deleted);
        QCOMPARE(findStatus(*status, QStringLiteral("c.yaml"))->unstaged, GitChange::Deleted);
        QVERIFY(findStatus(*status, QStringLiteral("d.yaml"))->isUntracked());

        const Status staged = repo.stage({QStringLiteral("a.yaml"), QStringLiteral("b.yaml"), QStringLiteral("c.yaml"),
                                          QStringLiteral("d.yaml")});
        QVERIFY2(staged, qPrintable(staged.errorMessage()));
        status = repo.status();
        QCOMPARE(findStatus(*status, QStringLiteral("a.yaml"))->staged, GitChange::Modified);
        QCOMPARE(findStatus(*status, QStringLiteral("b.yaml"))->staged, GitChange::Deleted);
        const GitFileStatus *renamed = findStatus(*status, QStringLiteral("d.yaml"));
        QVERIFY(renamed);
        QCOMPARE(renamed->staged, GitChange::Renamed);
        QCOMPARE(renamed->oldPath, QStringLiteral("c.yaml"));
        QVERIFY(findStatus(*status, QStringLiteral("e.yaml"))->isUntracked());

        const Status unstaged = repo.unstage({QStringLiteral("a.yaml")});
        QVERIFY2(unstaged, qPrintable(unstaged.errorMessage()));
        status = repo.status();
        QCOMPARE(findStatus(*status, QStringLiteral("a.yaml"))->staged, GitChange::Unchanged);
        QCOMPARE(findStatus(*status, QStringLiteral("a.yaml"))->unstaged, GitChange::Modified);

        // The same picture as git's own.
        QCOMPARE(porcelain(path), QStringLiteral(" M a.yaml\nD  b.yaml\nR  c.yaml -> d.yaml\n?? e.yaml\n"));
    }

    void stagingHandlesFoldersIgnoredAndMissingFiles()
    {
        const QString path = newPath(QStringLiteral("stage"));
        GitRepository repo = newRepository(path);
        QVERIFY(writeFile(path, QStringLiteral(".gitignore"), "*.secret\n"));
        QVERIFY(writeFile(path, QStringLiteral("envs/dev/values.yaml"), "x: 1\n"));
        QVERIFY(writeFile(path, QStringLiteral("envs/prod/values.yaml"), "x: 2\n"));
        QVERIFY(writeFile(path, QStringLiteral("envs/prod/db.secret"), "hunter2\n"));
        QVERIFY(repo.stage({QStringLiteral("envs/prod")}));
        QCOMPARE(porcelain(path), QStringLiteral("A  envs/prod/values.yaml\n?? .gitignore\n?? envs/dev/\n"));

        const Status ignored = repo.stage({QStringLiteral("envs/prod/db.secret")});
        QVERIFY(!ignored);
        QVERIFY2(ignored.errorMessage().contains(u"ignored by .gitignore"), qPrintable(ignored.errorMessage()));
        const Status missing = repo.stage({QStringLiteral("nope.yaml")});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        const Status outside = repo.stage({m_root.filePath(QStringLiteral("elsewhere.yaml"))});
        QVERIFY(!outside);
        QVERIFY2(outside.errorMessage().contains(u"outside the repository"), qPrintable(outside.errorMessage()));

        // Unstaging before the first commit takes the files out of the index again.
        QVERIFY(repo.unstage({QStringLiteral("envs/prod/values.yaml")}));
        QCOMPARE(porcelain(path), QStringLiteral("?? .gitignore\n?? envs/\n"));
    }

    void commitUsesTheConfiguredIdentity()
    {
        const QString path = newPath(QStringLiteral("identity"));
        GitRepository repo = newRepository(path);
        const QString id = commitFiles(repo, {{QStringLiteral("values.yaml"), "replicas: 2\n"}},
                                       QStringLiteral("Scale web\n\n\nTo absorb the launch traffic.   \n\n"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(revParse(path, QStringLiteral("HEAD")), id);
        QCOMPARE(git(path, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an <%ae>|%cn <%ce>")}).text(),
                 QStringLiteral("Dev Eloper <dev@example.com>|Dev Eloper <dev@example.com>"));
        // The message is cleaned up like `git commit` does.
        QCOMPARE(QString::fromUtf8(git(path, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")}).out),
                 QStringLiteral("Scale web\n\nTo absorb the launch traffic.\n\n"));
        const ProcessOutput fsck = git(path, {QStringLiteral("fsck"), QStringLiteral("--strict")});
        QVERIFY2(fsck.exitCode == 0, qPrintable(fsck.errors()));
        QCOMPARE(porcelain(path), QString());
        QCOMPARE(git(path, {QStringLiteral("reflog"), QStringLiteral("-1"), QStringLiteral("--format=%gs")}).text(),
                 QStringLiteral("commit (initial): Scale web"));
    }

    void commitRefusesNothingToCommitAndEmptyMessages()
    {
        const QString path = newPath(QStringLiteral("empty"));
        GitRepository repo = newRepository(path);
        Result<QString> id = repo.commit(QStringLiteral("Nothing"));
        QVERIFY(!id);
        QVERIFY2(id.errorMessage().contains(u"nothing to commit"), qPrintable(id.errorMessage()));
        commitFiles(repo, {{QStringLiteral("a.yaml"), "a: 1\n"}}, QStringLiteral("First"));
        QVERIFY(writeFile(path, QStringLiteral("a.yaml"), "a: 2\n")); // changed but not staged
        id = repo.commit(QStringLiteral("Nothing staged"));
        QVERIFY(!id);
        QCOMPARE(id.error().code, Error::Code::Refused);
        QVERIFY(repo.stage({QStringLiteral("a.yaml")}));
        id = repo.commit(QStringLiteral("  \n\n"));
        QVERIFY(!id);
        QVERIFY2(id.errorMessage().contains(u"message is empty"), qPrintable(id.errorMessage()));
    }

    void missingIdentityIsAClearError()
    {
        const QString path = newPath(QStringLiteral("anonymous"));
        QVERIFY(GitRepository::init(path));
        QVERIFY(writeFile(path, QStringLiteral("a.yaml"), "a: 1\n"));
        {
            Result<GitRepository> repo = GitRepository::open(path);
            QVERIFY(repo);
            QVERIFY(repo.value().stage({QStringLiteral("a.yaml")}));
            const Result<QString> id = repo.value().commit(QStringLiteral("Who am I?"));
            QVERIFY(!id);
            const QString message = id.errorMessage();
            QVERIFY2(message.contains(u"user.name and user.email are not set"), qPrintable(message));
            QVERIFY2(message.contains(u"git config --global user.name \"Your Name\""), qPrintable(message));
            QVERIFY2(message.contains(u"git config --global user.email \"you@example.com\""), qPrintable(message));
            QVERIFY(!repo.value().identity());
            QCOMPARE(revParse(path, QStringLiteral("HEAD")), QString()); // nothing was committed
        }
        // The global config counts too (libgit2 finds it through HOME).
        QVERIFY(writeFile(m_home.path(), QStringLiteral(".gitconfig"), "[user]\n\tname = Global Dev\n\temail = global@example.com\n"));
        {
            Result<GitRepository> repo = GitRepository::open(path);
            QVERIFY(repo);
            const Result<QString> id = repo.value().commit(QStringLiteral("Now I know"));
            QVERIFY2(id, qPrintable(id.errorMessage()));
            QCOMPARE(git(path, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an <%ae>")}).text(),
                     QStringLiteral("Global Dev <global@example.com>"));
        }
        QVERIFY(QFile::remove(m_home.filePath(QStringLiteral(".gitconfig"))));
        // Only the e-mail missing: the error names just that.
        git(path, {QStringLiteral("config"), QStringLiteral("user.name"), kName});
        Result<GitRepository> repo = GitRepository::open(path);
        const Result<GitSignature> who = repo.value().identity();
        QVERIFY(!who);
        QVERIFY2(who.errorMessage().contains(u"user.email is not set"), qPrintable(who.errorMessage()));
    }

    void conflictsShowInStatusAndBlockCommits()
    {
        const QString path = newPath(QStringLiteral("conflict"));
        GitRepository repo = newRepository(path);
        commitFiles(repo, {{QStringLiteral("values.yaml"), "replicas: 1\n"}}, QStringLiteral("One"));
        QVERIFY(repo.createBranch(QStringLiteral("feature")));
        commitFiles(repo, {{QStringLiteral("values.yaml"), "replicas: 2\n"}}, QStringLiteral("Two on main"));
        QVERIFY(repo.checkoutBranch(QStringLiteral("feature")));
        commitFiles(repo, {{QStringLiteral("values.yaml"), "replicas: 3\n"}}, QStringLiteral("Three on feature"));
        QVERIFY(repo.checkoutBranch(QStringLiteral("main")));
        QVERIFY(gitAs(path, {QStringLiteral("merge"), QStringLiteral("feature")}).exitCode != 0);

        const Result<QList<GitFileStatus>> status = repo.status();
        QVERIFY(status);
        QVERIFY(findStatus(*status, QStringLiteral("values.yaml"))->isConflicted());
        const Result<QString> id = repo.commit(QStringLiteral("Merge"));
        QVERIFY(!id);
        QVERIFY2(id.errorMessage().contains(u"a merge is in progress"), qPrintable(id.errorMessage()));
        QVERIFY(gitAs(path, {QStringLiteral("merge"), QStringLiteral("--abort")}).exitCode == 0);
    }

    // --- branches -------------------------------------------------------------------------------

    void branchesCanBeListedCreatedAndCheckedOut()
    {
        const QString path = newPath(QStringLiteral("branches"));
        GitRepository repo = newRepository(path);
        QCOMPARE(repo.currentBranch().value(), QStringLiteral("main"));
        Result<QList<GitBranch>> branches = repo.branches();
        QVERIFY(branches);
        QCOMPARE(branches->size(), 1);
        QVERIFY(branches->at(0).isHead);
        QVERIFY(branches->at(0).targetId.isEmpty());
        const Status early = repo.createBranch(QStringLiteral("release"));
        QVERIFY(!early);
        QVERIFY2(early.errorMessage().contains(u"before the first commit"), qPrintable(early.errorMessage()));

        const QString first = commitFiles(repo, {{QStringLiteral("a.yaml"), "a: 1\n"}}, QStringLiteral("First"));
        QVERIFY(repo.createBranch(QStringLiteral("cluster/aws-setup")));
        QVERIFY(!repo.createBranch(QStringLiteral("cluster/aws-setup")));
        const Status invalid = repo.createBranch(QStringLiteral("bad..name"));
        QVERIFY(!invalid);
        QVERIFY2(invalid.errorMessage().contains(u"not a valid branch name"), qPrintable(invalid.errorMessage()));

        QVERIFY(repo.checkoutBranch(QStringLiteral("cluster/aws-setup")));
        QCOMPARE(repo.currentBranch().value(), QStringLiteral("cluster/aws-setup"));
        QCOMPARE(git(path, {QStringLiteral("branch"), QStringLiteral("--show-current")}).text(), QStringLiteral("cluster/aws-setup"));
        const QString second = commitFiles(repo, {{QStringLiteral("b.yaml"), "b: 1\n"}}, QStringLiteral("Second"));
        branches = repo.branches();
        QCOMPARE(branches->size(), 2);
        QCOMPARE(branches->at(0).name, QStringLiteral("cluster/aws-setup"));
        QCOMPARE(branches->at(0).targetId, second);
        QVERIFY(branches->at(0).isHead);
        QCOMPARE(branches->at(1).name, QStringLiteral("main"));
        QCOMPARE(branches->at(1).targetId, first);

        // Local changes that a checkout would overwrite block it, naming the file; nothing changes.
        QVERIFY(writeFile(path, QStringLiteral("b.yaml"), "b: local edit\n"));
        const Status blocked = repo.checkoutBranch(QStringLiteral("main"));
        QVERIFY(!blocked);
        QVERIFY2(blocked.errorMessage().contains(u"b.yaml"), qPrintable(blocked.errorMessage()));
        QCOMPARE(repo.currentBranch().value(), QStringLiteral("cluster/aws-setup"));
        QCOMPARE(readAll(path + QStringLiteral("/b.yaml")), QByteArray("b: local edit\n"));
    }

    // --- history, diff, revert ------------------------------------------------------------------

    void historyCanBeFilteredByPath()
    {
        const QString path = newPath(QStringLiteral("history"));
        GitRepository repo = newRepository(path);
        const QString c1 = commitFiles(repo, {{QStringLiteral("envs/dev/values.yaml"), "replicas: 1\n"},
                                              {QStringLiteral("envs/prod/values.yaml"), "replicas: 3\n"}},
                                       QStringLiteral("Add environments"));
        const QString c2 = commitFiles(repo, {{QStringLiteral("envs/dev/values.yaml"), "replicas: 2\n"}},
                                       QStringLiteral("Scale dev"));
        const QString c3 = commitFiles(repo, {{QStringLiteral("envs/prod/values.yaml"), "replicas: 6\n"}},
                                       QStringLiteral("Scale prod\n\nBlack Friday."));
        const QString c4 = commitFiles(repo, {{QStringLiteral("README.md"), "# deploy\n"}}, QStringLiteral("Docs"));
        const QString c5 = commitFiles(repo, {{QStringLiteral("envs/prod/values.yaml"), QByteArray()}},
                                       QStringLiteral("Retire prod"));

        Result<QList<GitCommitInfo>> all = repo.history();
        QVERIFY2(all, qPrintable(all.errorMessage()));
        QCOMPARE(all->size(), 5);
        QCOMPARE(all->at(0).id, c5);
        QCOMPARE(all->at(4).id, c1);

        const auto ids = [](const QList<GitCommitInfo> &commits) {
            QStringList list;
            for (const GitCommitInfo &c : commits)
                list << c.id;
            return list;
        };
        Result<QList<GitCommitInfo>> prod = repo.history({QStringLiteral("envs/prod")});
        QVERIFY2(prod, qPrintable(prod.errorMessage()));
        QCOMPARE(ids(*prod), (QStringList{c5, c3, c1}));
        // The same as git's answer.
        QCOMPARE(ids(*prod).join(u'\n'),
                 git(path, {QStringLiteral("log"), QStringLiteral("--format=%H"), QStringLiteral("--"), QStringLiteral("envs/prod")}).text());

        Result<QList<GitCommitInfo>> some = repo.history({QStringLiteral("envs/dev/values.yaml"), path + QStringLiteral("/README.md")});
        QVERIFY2(some, qPrintable(some.errorMessage()));
        QCOMPARE(ids(*some), (QStringList{c4, c2, c1}));
        QCOMPARE(ids(*repo.history({QStringLiteral("envs/prod")}, 1)), QStringList{c5});
        QVERIFY(repo.history({QStringLiteral("envs/staging")})->isEmpty());

        const GitCommitInfo &scale = prod->at(1);
        QCOMPARE(scale.summary, QStringLiteral("Scale prod"));
        QCOMPARE(scale.message, QStringLiteral("Scale prod\n\nBlack Friday.\n"));
        QCOMPARE(scale.shortId, c3.left(7));
        QCOMPARE(scale.author.name, kName);
        QCOMPARE(scale.author.email, kEmail);
        QVERIFY(qAbs(scale.author.when.secsTo(QDateTime::currentDateTime())) < 120);
        QCOMPARE(scale.parentIds, QStringList{c2});
        QVERIFY(prod->at(2).parentIds.isEmpty());
        QCOMPARE(repo.log(2).value(), (QStringList{QStringLiteral("Retire prod"), QStringLiteral("Docs")}));
        QCOMPARE(repo.commitInfo(QStringLiteral("HEAD~2"))->id, c3);
        QCOMPARE(repo.resolve(QStringLiteral("main")).value(), c5);
        QCOMPARE(repo.resolve(QStringLiteral("nope")).error().code, Error::Code::NotFound);
    }

    void commitDiffGivesOldAndNewText()
    {
        const QString path = newPath(QStringLiteral("diff"));
        GitRepository repo = newRepository(path);
        const QByteArray longText = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: \"1\"\n  b: \"2\"\n";
        commitFiles(repo, {{QStringLiteral("values.yaml"), "replicas: 1\nimage: web:1.0\n"},
                           {QStringLiteral("old.yaml"), "gone: soon\n"},
                           {QStringLiteral("before.yaml"), longText}},
                    QStringLiteral("Base"));
        QVERIFY(QFile::rename(path + QStringLiteral("/before.yaml"), path + QStringLiteral("/after.yaml")));
        const QString id = commitFiles(repo, {{QStringLiteral("values.yaml"), "replicas: 1\nimage: web:1.1\n"},
                                              {QStringLiteral("old.yaml"), QByteArray()},
                                              {QStringLiteral("new.yaml"), "fresh: true\n"},
                                              {QStringLiteral("logo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11)},
                                              {QStringLiteral("before.yaml"), QByteArray()},
                                              {QStringLiteral("after.yaml"), longText}},
                                       QStringLiteral("Change things"));
        const Result<QList<GitFileDiff>> diff = repo.commitDiff(id);
        QVERIFY2(diff, qPrintable(diff.errorMessage()));
        QCOMPARE(diff->size(), 5);
        QMap<QString, GitFileDiff> byPath;
        for (const GitFileDiff &file : *diff)
            byPath.insert(file.newPath.isEmpty() ? file.oldPath : file.newPath, file);
        QCOMPARE(byPath[QStringLiteral("values.yaml")].change, GitChange::Modified);
        QCOMPARE(byPath[QStringLiteral("values.yaml")].oldText, QStringLiteral("replicas: 1\nimage: web:1.0\n"));
        QCOMPARE(byPath[QStringLiteral("values.yaml")].newText, QStringLiteral("replicas: 1\nimage: web:1.1\n"));
        QCOMPARE(byPath[QStringLiteral("old.yaml")].change, GitChange::Deleted);
        QCOMPARE(byPath[QStringLiteral("old.yaml")].oldText, QStringLiteral("gone: soon\n"));
        QVERIFY(byPath[QStringLiteral("old.yaml")].newPath.isEmpty());
        QCOMPARE(byPath[QStringLiteral("new.yaml")].change, GitChange::New);
        QCOMPARE(byPath[QStringLiteral("new.yaml")].newText, QStringLiteral("fresh: true\n"));
        QVERIFY(byPath[QStringLiteral("new.yaml")].oldPath.isEmpty());
        QCOMPARE(byPath[QStringLiteral("after.yaml")].change, GitChange::Renamed);
        QCOMPARE(byPath[QStringLiteral("after.yaml")].oldPath, QStringLiteral("before.yaml"));
        QVERIFY(byPath[QStringLiteral("logo.png")].binary);
        QVERIFY(byPath[QStringLiteral("logo.png")].newText.isEmpty());

        // The root commit compares against nothing.
        const Result<QList<GitFileDiff>> root = repo.commitDiff(QStringLiteral("HEAD~1"));
        QVERIFY(root);
        QCOMPARE(root->size(), 3);
        QCOMPARE(root->at(0).change, GitChange::New);
    }

    void revertMakesANewCommit()
    {
        const QString path = newPath(QStringLiteral("revert"));
        GitRepository repo = newRepository(path);
        commitFiles(repo, {{QStringLiteral("values-prod.yaml"), "replicas: 3\nimage: web:1.0\n"}}, QStringLiteral("Base"));
        const QString bad = commitFiles(repo, {{QStringLiteral("values-prod.yaml"), "replicas: 3\nimage: web:2.0-broken\n"},
                                               {QStringLiteral("feature.yaml"), "flag: on\n"}},
                                        QStringLiteral("Promote web 2.0 to prod"));
        commitFiles(repo, {{QStringLiteral("README.md"), "docs\n"}}, QStringLiteral("Docs"));

        const Result<QString> reverted = repo.revert(bad);
        QVERIFY2(reverted, qPrintable(reverted.errorMessage()));
        QCOMPARE(revParse(path, QStringLiteral("HEAD")), reverted.value());
        QCOMPARE(readAll(path + QStringLiteral("/values-prod.yaml")), QByteArray("replicas: 3\nimage: web:1.0\n"));
        QVERIFY(!QFile::exists(path + QStringLiteral("/feature.yaml")));
        QVERIFY(QFile::exists(path + QStringLiteral("/README.md")));
        QCOMPARE(porcelain(path), QString());
        QCOMPARE(QString::fromUtf8(git(path, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")}).out),
                 QStringLiteral("Revert \"Promote web 2.0 to prod\"\n\nThis reverts commit %1.\n\n").arg(bad));
        const ProcessOutput fsck = git(path, {QStringLiteral("fsck"), QStringLiteral("--strict")});
        QVERIFY2(fsck.exitCode == 0, qPrintable(fsck.errors()));
        QVERIFY(!QFile::exists(path + QStringLiteral("/.git/REVERT_HEAD")));

        const Result<QString> again = repo.revert(bad);
        QVERIFY(!again);
        QVERIFY2(again.errorMessage().contains(u"already undone"), qPrintable(again.errorMessage()));
    }

    void conflictingRevertChangesNothing()
    {
        const QString path = newPath(QStringLiteral("revert-conflict"));
        GitRepository repo = newRepository(path);
        commitFiles(repo, {{QStringLiteral("values-prod.yaml"), "replicas: 1\n"}, {QStringLiteral("gone.yaml"), "x: 1\n"}},
                    QStringLiteral("One"));
        const QString two = commitFiles(repo, {{QStringLiteral("values-prod.yaml"), "replicas: 2\n"},
                                               {QStringLiteral("gone.yaml"), QByteArray()}},
                                        QStringLiteral("Two"));
        const QString three = commitFiles(repo, {{QStringLiteral("values-prod.yaml"), "replicas: 3\n"}}, QStringLiteral("Three"));

        const Result<QString> reverted = repo.revert(two);
        QVERIFY(!reverted);
        QCOMPARE(reverted.error().code, Error::Code::Refused);
        QVERIFY2(reverted.errorMessage().contains(u"conflicts") && reverted.errorMessage().contains(u"values-prod.yaml")
                     && reverted.errorMessage().contains(u"Nothing was changed"),
                 qPrintable(reverted.errorMessage()));
        QCOMPARE(revParse(path, QStringLiteral("HEAD")), three);
        QCOMPARE(porcelain(path), QString());
        QCOMPARE(readAll(path + QStringLiteral("/values-prod.yaml")), QByteArray("replicas: 3\n"));
        QVERIFY(!QFile::exists(path + QStringLiteral("/gone.yaml")));
        QVERIFY(!QFile::exists(path + QStringLiteral("/.git/REVERT_HEAD")));
        QVERIFY(!QFile::exists(path + QStringLiteral("/.git/MERGE_MSG")));
    }

    void revertRefusesUncommittedChanges()
    {
        const QString path = newPath(QStringLiteral("revert-dirty"));
        GitRepository repo = newRepository(path);
        const QString one = commitFiles(repo, {{QStringLiteral("a.yaml"), "a: 1\n"}}, QStringLiteral("One"));
        commitFiles(repo, {{QStringLiteral("b.yaml"), "b: 1\n"}}, QStringLiteral("Two"));
        QVERIFY(writeFile(path, QStringLiteral("b.yaml"), "b: my unsaved work\n"));
        const Result<QString> reverted = repo.revert(one);
        QVERIFY(!reverted);
        QVERIFY2(reverted.errorMessage().contains(u"b.yaml") && reverted.errorMessage().contains(u"uncommitted"),
                 qPrintable(reverted.errorMessage()));
        QCOMPARE(readAll(path + QStringLiteral("/b.yaml")), QByteArray("b: my unsaved work\n"));
        // Untracked files do not count.
        QVERIFY(git(path, {QStringLiteral("checkout"), QStringLiteral("--"), QStringLiteral("b.yaml")}).exitCode == 0);
        QVERIFY(writeFile(path, QStringLiteral("notes.txt"), "scratch\n"));
        const Result<QString> ok = repo.revert(one);
        QVERIFY2(ok, qPrintable(ok.errorMessage()));
        QCOMPARE(porcelain(path), QStringLiteral("?? notes.txt\n"));
    }

    // --- signing --------------------------------------------------------------------------------

    void signedCommitsVerifyWithGit_data()
    {
        QTest::addColumn<QString>("keyType");
        QTest::newRow("ed25519") << QStringLiteral("ed25519");
        QTest::newRow("rsa-3072") << QStringLiteral("rsa");
    }

    void signedCommitsVerifyWithGit()
    {
        QFETCH(QString, keyType);
        const Result<SshSigner> signer = SshSigner::fromKeyFile(generateKey(keyType));
        QVERIFY2(signer, qPrintable(signer.errorMessage()));
        const QString path = newPath(QStringLiteral("signed"));
        GitRepository repo = newRepository(path);

        QVERIFY(writeFile(path, QStringLiteral("values-prod.yaml"), "replicas: 3\n"));
        QVERIFY(repo.stage({QStringLiteral("values-prod.yaml")}));
        const Result<QString> first = repo.commit(QStringLiteral("Signed promotion"), signer->commitSigner());
        QVERIFY2(first, qPrintable(first.errorMessage()));
        ProcessOutput verified = verifyCommit(path, *signer, QStringLiteral("HEAD"));
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.errors()));
        QVERIFY2(verified.errors().contains(u"Good \"git\" signature for dev@example.com"), qPrintable(verified.errors()));

        // The signature header is stored the way git writes it: no stray " " continuation line.
        const QString object = git(path, {QStringLiteral("cat-file"), QStringLiteral("commit"), QStringLiteral("HEAD")}).text();
        QVERIFY(object.contains(u"\ngpgsig -----BEGIN SSH SIGNATURE-----\n"));
        QVERIFY(object.contains(u"\n -----END SSH SIGNATURE-----\n\nSigned promotion"));
        QVERIFY(!object.split(u'\n').contains(QStringLiteral(" ")));
        QCOMPARE(git(path, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}).text(),
                 QStringLiteral("Signed promotion"));

        // commitAll and revert sign the same way.
        QVERIFY(writeFile(path, QStringLiteral("values-prod.yaml"), "replicas: 4\n"));
        GitSignature author{kName, kEmail, QDateTime::currentDateTime()};
        const Result<QString> second = repo.commitAll(QStringLiteral("Signed scale"), author, signer->commitSigner());
        QVERIFY2(second, qPrintable(second.errorMessage()));
        verified = verifyCommit(path, *signer, QStringLiteral("HEAD"));
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.errors()));
        const Result<QString> reverted = repo.revert(second.value(), signer->commitSigner());
        QVERIFY2(reverted, qPrintable(reverted.errorMessage()));
        verified = verifyCommit(path, *signer, QStringLiteral("HEAD"));
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.errors()));
        const ProcessOutput fsck = git(path, {QStringLiteral("fsck"), QStringLiteral("--strict")});
        QVERIFY2(fsck.exitCode == 0, qPrintable(fsck.errors()));
        QCOMPARE(porcelain(path), QString());

        // A different key does not verify.
        const Result<SshSigner> stranger = SshSigner::fromKeyFile(generateKey(QStringLiteral("ed25519")));
        QVERIFY(stranger);
        QVERIFY(verifyCommit(path, *stranger, QStringLiteral("HEAD")).exitCode != 0);
    }

    void failingSignerCommitsNothing()
    {
        const QString path = newPath(QStringLiteral("sign-fail"));
        GitRepository repo = newRepository(path);
        QVERIFY(writeFile(path, QStringLiteral("a.yaml"), "a: 1\n"));
        QVERIFY(repo.stage({QStringLiteral("a.yaml")}));
        const CommitSigner broken = [](const QByteArray &) -> Result<QByteArray> {
            return Error{Error::Code::Refused, QStringLiteral("the key is locked")};
        };
        const Result<QString> id = repo.commit(QStringLiteral("Unsigned?"), broken);
        QVERIFY(!id);
        QVERIFY2(id.errorMessage().contains(u"cannot sign the commit: the key is locked"), qPrintable(id.errorMessage()));
        QCOMPARE(revParse(path, QStringLiteral("HEAD")), QString());
        QCOMPARE(porcelain(path), QStringLiteral("A  a.yaml\n")); // still staged, ready for another try
    }

    void signingConfigFollowsGitSettings()
    {
        const QString keyPath = generateKey(QStringLiteral("ed25519"));
        const QString path = newPath(QStringLiteral("signing-config"));
        GitRepository repo = newRepository(path);
        QVERIFY(!repo.signingConfig()); // commit.gpgsign unset: no signing

        git(path, {QStringLiteral("config"), QStringLiteral("gpg.format"), QStringLiteral("ssh")});
        git(path, {QStringLiteral("config"), QStringLiteral("user.signingkey"), keyPath + QStringLiteral(".pub")});
        QVERIFY(!repo.signingConfig());
        git(path, {QStringLiteral("config"), QStringLiteral("commit.gpgsign"), QStringLiteral("true")});
        std::optional<SignerConfig> config = repo.signingConfig();
        QVERIFY(config);
        QCOMPARE(config->format, SignerConfig::Format::Ssh);
        QCOMPARE(config->signingKey, keyPath + QStringLiteral(".pub"));
        QCOMPARE(config->keyFile, keyPath + QStringLiteral(".pub"));
        QVERIFY(!config->literalKey);

        // What the caller does with it: sign as git would, and git agrees.
        const Result<SshSigner> signer = SshSigner::fromConfig(*config);
        QVERIFY2(signer, qPrintable(signer.errorMessage()));
        QVERIFY(writeFile(path, QStringLiteral("a.yaml"), "a: 1\n"));
        QVERIFY(repo.stage({QStringLiteral("a.yaml")}));
        QVERIFY(repo.commit(QStringLiteral("Signed by config"), signer->commitSigner()));
        const ProcessOutput verified = verifyCommit(path, *signer, QStringLiteral("HEAD"));
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.errors()));

        // Paths as git reads them: "~/" is HOME, a relative path starts at the work tree.
        git(path, {QStringLiteral("config"), QStringLiteral("user.signingkey"), QStringLiteral("~/.ssh/id_ed25519")});
        QCOMPARE(repo.signingConfig()->keyFile, QDir::cleanPath(m_home.path() + QStringLiteral("/.ssh/id_ed25519")));
        git(path, {QStringLiteral("config"), QStringLiteral("user.signingkey"), QStringLiteral("keys/signing")});
        QCOMPARE(repo.signingConfig()->keyFile, QDir::cleanPath(path + QStringLiteral("/keys/signing")));

        // A literal key only ssh-agent could use: recognised, and refused with a clear reason.
        git(path, {QStringLiteral("config"), QStringLiteral("user.signingkey"),
                   QStringLiteral("key::") + signer->publicKey()});
        config = repo.signingConfig();
        QVERIFY(config && config->literalKey);
        QVERIFY(config->keyFile.isEmpty());
        const Result<SshSigner> literal = SshSigner::fromConfig(*config);
        QVERIFY(!literal);
        QVERIFY2(literal.errorMessage().contains(u"ssh-agent"), qPrintable(literal.errorMessage()));

        // gpg (the default format) is reported as such.
        git(path, {QStringLiteral("config"), QStringLiteral("--unset"), QStringLiteral("gpg.format")});
        QCOMPARE(repo.signingConfig()->format, SignerConfig::Format::OpenPgp);
    }
};

QTEST_GUILESS_MAIN(TestGit)
#include "tst_git.moc"
