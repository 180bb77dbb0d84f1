// SPDX-License-Identifier: MIT
// Shared by the Git layer suites (tst_git, tst_gitremote): real repositories in temporary folders, a
// private HOME so no user configuration leaks in, and helpers that check results with the `git` CLI.
#pragma once

#include "ProcessRunner.h"
#include "TestFiles.h"

#include "git/GitRepository.h"
#include "secrets/SshSigner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

namespace studio::test {

inline const QString kName = QStringLiteral("Dev Eloper");
inline const QString kEmail = QStringLiteral("dev@example.com");

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// `git` in `dir` with a fixed identity, for commits made "by someone else".
inline ProcessOutput gitAs(const QString &dir, const QStringList &arguments)
{
    return git(dir, QStringList{QStringLiteral("-c"), QStringLiteral("user.name=Other"), QStringLiteral("-c"),
                                QStringLiteral("user.email=other@example.com")}
                        + arguments);
}

inline QString porcelain(const QString &dir)
{
    return QString::fromUtf8(git(dir, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out);
}

inline QString revParse(const QString &gitDirOrWorkTree, const QString &revision, bool bare = false)
{
    const QStringList arguments = bare ? QStringList{QStringLiteral("--git-dir"), gitDirOrWorkTree, QStringLiteral("rev-parse"),
                                                     QStringLiteral("--verify"), QStringLiteral("-q"), revision}
                                       : QStringList{QStringLiteral("-C"), gitDirOrWorkTree, QStringLiteral("rev-parse"),
                                                     QStringLiteral("--verify"), QStringLiteral("-q"), revision};
    return runProcess(QStringLiteral("git"), arguments).text();
}

inline QString bareLog(const QString &bare)
{
    return runProcess(QStringLiteral("git"), {QStringLiteral("--git-dir"), bare, QStringLiteral("log"),
                                              QStringLiteral("--format=%s"), QStringLiteral("main")})
        .text();
}

inline const GitFileStatus *findStatus(const QList<GitFileStatus> &list, const QString &path)
{
    for (const GitFileStatus &s : list) {
        if (s.path == path)
            return &s;
    }
    return nullptr;
}

/// The temporary folders and repository helpers of a Git suite. Call setUpGit() in initTestCase,
/// before any libgit2 call.
class GitFixture : public QObject
{
protected:
    QTemporaryDir m_home; // HOME for git and libgit2: no ~/.gitconfig unless a test writes one
    QTemporaryDir m_root;
    int m_counter = 0;

    QString newPath(const QString &name) { return m_root.filePath(QStringLiteral("%1-%2").arg(name).arg(++m_counter)); }

    /// A repository with the test identity in its own config (as `git config user.name` would set it).
    GitRepository newRepository(const QString &path)
    {
        Result<GitRepository> repo = GitRepository::init(path);
        if (!repo)
            qFatal("%s", qPrintable(repo.errorMessage()));
        git(path, {QStringLiteral("config"), QStringLiteral("user.name"), kName});
        git(path, {QStringLiteral("config"), QStringLiteral("user.email"), kEmail});
        return std::move(repo).value();
    }

    /// Writes files, stages them and commits: "write these files and commit them".
    QString commitFiles(GitRepository &repo, const QMap<QString, QByteArray> &files, const QString &message)
    {
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (it.value().isNull())
                QFile::remove(QDir(repo.workdir()).filePath(it.key()));
            else if (!writeFile(repo.workdir(), it.key(), it.value()))
                qWarning("cannot write %s", qPrintable(it.key()));
        }
        const Status staged = repo.stage(files.keys());
        if (!staged) {
            qWarning("stage failed: %s", qPrintable(staged.errorMessage()));
            return QString();
        }
        const Result<QString> id = repo.commit(message);
        if (!id)
            qWarning("commit failed: %s", qPrintable(id.errorMessage()));
        return id ? id.value() : QString();
    }

    /// A bare remote with one commit on main, and a clone of it made by GitRepository::clone.
    struct RemoteSetup {
        QString bare;
        QString clonePath;
    };
    RemoteSetup remoteWithClone()
    {
        RemoteSetup setup;
        setup.bare = newPath(QStringLiteral("remote")) + QStringLiteral(".git");
        const QString seed = newPath(QStringLiteral("seed"));
        GitRepository seedRepo = newRepository(seed);
        commitFiles(seedRepo, {{QStringLiteral("values.yaml"), "replicas: 1\n"}}, QStringLiteral("Initial values"));
        git(QString(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), QStringLiteral("-b"),
                        QStringLiteral("main"), setup.bare});
        seedRepo.addRemote(QStringLiteral("origin"), QStringLiteral("file://") + setup.bare);
        const Status pushed = seedRepo.push(QStringLiteral("origin"), QStringLiteral("main"));
        if (!pushed)
            qWarning("seed push failed: %s", qPrintable(pushed.errorMessage()));
        setup.clonePath = newPath(QStringLiteral("clone"));
        const Result<GitRepository> clone = GitRepository::clone(QStringLiteral("file://") + setup.bare, setup.clonePath);
        if (!clone)
            qWarning("clone failed: %s", qPrintable(clone.errorMessage()));
        git(setup.clonePath, {QStringLiteral("config"), QStringLiteral("user.name"), kName});
        git(setup.clonePath, {QStringLiteral("config"), QStringLiteral("user.email"), kEmail});
        return setup;
    }

    /// Another developer's clone pushes a commit to `bare`.
    QString pushFromElsewhere(const QString &bare, const QString &file, const QByteArray &content, const QString &message)
    {
        const QString other = newPath(QStringLiteral("other"));
        git(QString(), {QStringLiteral("clone"), QStringLiteral("-q"), bare, other});
        writeFile(other, file, content);
        gitAs(other, {QStringLiteral("add"), QStringLiteral("-A")});
        gitAs(other, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), message});
        const ProcessOutput pushed = git(other, {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"),
                                                 QStringLiteral("main")});
        if (pushed.exitCode != 0)
            qWarning("push from elsewhere failed: %s", qPrintable(pushed.errors()));
        return revParse(other, QStringLiteral("HEAD"));
    }

    QString generateKey(const QString &type)
    {
        const QString path = newPath(QStringLiteral("key-") + type);
        QStringList arguments{QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), QString(),
                              QStringLiteral("-C"), kEmail, QStringLiteral("-f"), path};
        if (type == u"rsa")
            arguments << QStringLiteral("-b") << QStringLiteral("3072");
        const ProcessOutput r = runProcess(QStringLiteral("ssh-keygen"), arguments);
        if (r.exitCode != 0)
            qWarning("ssh-keygen failed: %s", qPrintable(r.errors()));
        return path;
    }

    /// `git verify-commit` with an allowed_signers file naming dev@example.com.
    ProcessOutput verifyCommit(const QString &repo, const SshSigner &signer, const QString &revision)
    {
        const QString allowed = newPath(QStringLiteral("allowed_signers"));
        writeFile(QFileInfo(allowed).absolutePath(), QFileInfo(allowed).fileName(),
                  (kEmail + u' ' + signer.publicKey() + u'\n').toUtf8());
        return git(repo, {QStringLiteral("-c"), QStringLiteral("gpg.format=ssh"), QStringLiteral("-c"),
                          QStringLiteral("gpg.ssh.allowedSignersFile=") + allowed, QStringLiteral("verify-commit"),
                          QStringLiteral("-v"), revision});
    }

    void setUpGit()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_root.isValid());
        // Before any libgit2 call: libgit2 reads HOME once, when it is initialised.
        isolateGitConfiguration(m_home.path());
    }
};

} // namespace studio::test
