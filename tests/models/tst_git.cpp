// SPDX-License-Identifier: MIT
// The Git layer against real repositories, checked with the `git` CLI: status and staging, commits with
// the configured identity, branches, push to file:// bare remotes, a remote whose pre-receive hook
// refuses (served by `git daemon`: libgit2's file:// transport runs no hooks), non-fast-forward pushes,
// fetch and fast-forward pull, path-filtered history, commit diffs, reverts, SSH-signed commits verified
// by `git verify-commit`, credentials and certificates against servers on 127.0.0.1.

#include "ProcessRunner.h"
#include "TestFiles.h"

#include "git/GitRepository.h"
#include "secrets/SshSigner.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <atomic>

using namespace studio;
using namespace studio::test;

namespace {

const QString kName = QStringLiteral("Dev Eloper");
const QString kEmail = QStringLiteral("dev@example.com");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// `git` in `dir` with a fixed identity, for commits made "by someone else".
ProcessOutput gitAs(const QString &dir, const QStringList &arguments)
{
    return git(dir, QStringList{QStringLiteral("-c"), QStringLiteral("user.name=Other"), QStringLiteral("-c"),
                                QStringLiteral("user.email=other@example.com")}
                        + arguments);
}

QString porcelain(const QString &dir)
{
    return QString::fromUtf8(git(dir, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out);
}

QString revParse(const QString &gitDirOrWorkTree, const QString &revision, bool bare = false)
{
    const QStringList arguments = bare ? QStringList{QStringLiteral("--git-dir"), gitDirOrWorkTree, QStringLiteral("rev-parse"),
                                                     QStringLiteral("--verify"), QStringLiteral("-q"), revision}
                                       : QStringList{QStringLiteral("-C"), gitDirOrWorkTree, QStringLiteral("rev-parse"),
                                                     QStringLiteral("--verify"), QStringLiteral("-q"), revision};
    return runProcess(QStringLiteral("git"), arguments).text();
}

QString bareLog(const QString &bare)
{
    return runProcess(QStringLiteral("git"), {QStringLiteral("--git-dir"), bare, QStringLiteral("log"),
                                              QStringLiteral("--format=%s"), QStringLiteral("main")})
        .text();
}

const GitFileStatus *findStatus(const QList<GitFileStatus> &list, const QString &path)
{
    for (const GitFileStatus &s : list) {
        if (s.path == path)
            return &s;
    }
    return nullptr;
}

/// `git daemon` serving a folder on 127.0.0.1 with push enabled: a remote that runs hooks like a server.
class GitDaemon
{
public:
    ~GitDaemon()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const QString &basePath)
    {
        QTcpServer probe; // a free port
        if (!probe.listen(QHostAddress::LocalHost))
            return false;
        m_port = probe.serverPort();
        probe.close();
        // Run git-daemon itself, not `git daemon`: killing the `git` wrapper would orphan the daemon.
        const QString execPath = runProcess(QStringLiteral("git"), {QStringLiteral("--exec-path")}).text();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(execPath + QStringLiteral("/git-daemon"),
                        {QStringLiteral("--reuseaddr"), QStringLiteral("--export-all"),
                         QStringLiteral("--enable=receive-pack"), QStringLiteral("--base-path=") + basePath,
                         QStringLiteral("--listen=127.0.0.1"), QStringLiteral("--port=%1").arg(m_port), basePath});
        if (!m_process.waitForStarted(10000))
            return false;
        for (int i = 0; i < 100; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(100))
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    QString url(const QString &repository) const { return QStringLiteral("git://127.0.0.1:%1/%2").arg(m_port).arg(repository); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

/// An HTTP(S) server on 127.0.0.1 that answers every request with 401 and counts them: a Git host
/// that refuses every credential.
class RefusingServer : public QTcpServer
{
public:
    void useTls(const QSslCertificate &certificate, const QSslKey &key)
    {
        m_certificate = certificate;
        m_key = key;
    }
    int requests() const { return m_requests.load(); }
    int authorised() const { return m_authorised.load(); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = nullptr;
        if (!m_certificate.isNull()) {
            auto *tls = new QSslSocket(this);
            tls->setLocalCertificate(m_certificate);
            tls->setPrivateKey(m_key);
            tls->setSocketDescriptor(descriptor);
            tls->startServerEncryption();
            socket = tls;
        } else {
            socket = new QTcpSocket(this);
            socket->setSocketDescriptor(descriptor);
        }
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            QByteArray &buffer = m_buffers[socket];
            buffer += socket->readAll();
            while (buffer.contains("\r\n\r\n")) {
                const qsizetype end = buffer.indexOf("\r\n\r\n") + 4;
                const QByteArray request = buffer.left(end);
                buffer.remove(0, end);
                ++m_requests;
                if (request.toLower().contains("\r\nauthorization:"))
                    ++m_authorised;
                socket->write("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"git\"\r\n"
                              "Content-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    std::atomic<int> m_requests{0};
    std::atomic<int> m_authorised{0};
};

} // namespace

class TestGit : public QObject
{
    Q_OBJECT

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

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_root.isValid());
        // Before any libgit2 call: libgit2 reads HOME once, when it is initialised.
        isolateGitConfiguration(m_home.path());
    }

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

    // --- push -----------------------------------------------------------------------------------

    void pushPublishesTheCommit()
    {
        const QString path = newPath(QStringLiteral("push"));
        const QString bare = newPath(QStringLiteral("push-remote")) + QStringLiteral(".git");
        QVERIFY(GitRepository::init(bare, true));
        GitRepository repo = newRepository(path);
        QVERIFY(repo.addRemote(QStringLiteral("origin"), QStringLiteral("file://") + bare));
        const QString id = commitFiles(repo, {{QStringLiteral("charts/web/values-prod.yaml"), "replicas: 3\n"}},
                                       QStringLiteral("Promote web to prod"));

        QList<GitProgress::Phase> phases;
        GitRemoteOptions options;
        options.progress = [&phases](const GitProgress &progress) {
            phases << progress.phase;
            return true;
        };
        const Status pushed = repo.push(QStringLiteral("origin"), QStringLiteral("main"), options);
        QVERIFY2(pushed, qPrintable(pushed.errorMessage()));
        QVERIFY(phases.contains(GitProgress::Phase::Sending));

        QCOMPARE(bareLog(bare), QStringLiteral("Promote web to prod"));
        QCOMPARE(revParse(bare, QStringLiteral("main"), true), id);
        const ProcessOutput fsck = runProcess(QStringLiteral("git"), {QStringLiteral("--git-dir"), bare, QStringLiteral("fsck"),
                                                                      QStringLiteral("--strict")});
        QVERIFY2(fsck.exitCode == 0, qPrintable(fsck.errors()));
        QCOMPARE(porcelain(path), QString());
        QCOMPARE(git(path, {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), QStringLiteral("main@{upstream}")}).text(),
                 QStringLiteral("origin/main"));
        QCOMPARE(repo.branches()->at(0).upstream, QStringLiteral("origin/main"));
    }

    void pushCanBeCancelled()
    {
        const RemoteSetup setup = remoteWithClone();
        Result<GitRepository> repo = GitRepository::open(setup.clonePath);
        QVERIFY(repo);
        const QString before = revParse(setup.bare, QStringLiteral("main"), true);
        const QString id = commitFiles(repo.value(), {{QStringLiteral("values.yaml"), "replicas: 4\n"}}, QStringLiteral("Scale"));

        std::atomic<bool> cancel{true}; // e.g. the user pressed Cancel before the transfer began
        GitRemoteOptions options;
        options.cancel = &cancel;
        Status pushed = repo.value().push(QStringLiteral("origin"), QStringLiteral("main"), options);
        QVERIFY(!pushed);
        QVERIFY2(pushed.errorMessage().contains(u"cancelled"), qPrintable(pushed.errorMessage()));

        cancel = false;
        options.progress = [&cancel](const GitProgress &) {
            cancel = true; // cancel at the first progress report, from "another thread"
            return true;
        };
        pushed = repo.value().push(QStringLiteral("origin"), QStringLiteral("main"), options);
        QVERIFY(!pushed);
        QVERIFY2(pushed.errorMessage().contains(u"cancelled") && pushed.errorMessage().contains(u"is kept"),
                 qPrintable(pushed.errorMessage()));
        QCOMPARE(revParse(setup.bare, QStringLiteral("main"), true), before);
        QCOMPARE(revParse(setup.clonePath, QStringLiteral("HEAD")), id);

        options.cancel = nullptr;
        options.progress = [](const GitProgress &) { return false; }; // the callback itself says stop
        pushed = repo.value().push(QStringLiteral("origin"), QStringLiteral("main"), options);
        QVERIFY(!pushed);
        QVERIFY2(pushed.errorMessage().contains(u"cancelled"), qPrintable(pushed.errorMessage()));
        QCOMPARE(revParse(setup.bare, QStringLiteral("main"), true), before);
    }

    void nonFastForwardPushIsRefusedAndTheCommitKept()
    {
        const RemoteSetup setup = remoteWithClone();
        Result<GitRepository> repo = GitRepository::open(setup.clonePath);
        QVERIFY(repo);
        const QString theirs = pushFromElsewhere(setup.bare, QStringLiteral("values.yaml"), "replicas: 9\n",
                                                 QStringLiteral("Someone else was faster"));
        const QString ours = commitFiles(repo.value(), {{QStringLiteral("values.yaml"), "replicas: 2\n"}},
                                         QStringLiteral("Our change"));
        QVERIFY(!ours.isEmpty());

        // Remote tip unknown here.
        Status pushed = repo.value().push(QStringLiteral("origin"), QStringLiteral("main"));
        QVERIFY(!pushed);
        QCOMPARE(pushed.error().code, Error::Code::Refused);
        QVERIFY2(pushed.errorMessage().contains(u"non-fast-forward"), qPrintable(pushed.errorMessage()));
        QVERIFY2(pushed.errorMessage().contains(u"fetch and rebase", Qt::CaseInsensitive), qPrintable(pushed.errorMessage()));
        QVERIFY2(pushed.errorMessage().contains(ours.left(7)), qPrintable(pushed.errorMessage()));
        QCOMPARE(revParse(setup.clonePath, QStringLiteral("HEAD")), ours);
        QCOMPARE(revParse(setup.bare, QStringLiteral("main"), true), theirs);

        // Remote tip fetched (libgit2 words it differently): the same clear refusal.
        QVERIFY(repo.value().fetch());
        pushed = repo.value().push(QStringLiteral("origin"), QStringLiteral("main"));
        QVERIFY(!pushed);
        QVERIFY2(pushed.errorMessage().contains(u"non-fast-forward"), qPrintable(pushed.errorMessage()));
        QCOMPARE(revParse(setup.clonePath, QStringLiteral("HEAD")), ours);
        QCOMPARE(porcelain(setup.clonePath), QString());
    }

    void hookRejectionIsReportedWithTheRemotesMessage()
    {
        const QString base = newPath(QStringLiteral("daemon"));
        const QString bare = base + QStringLiteral("/deploy.git");
        QVERIFY(git(QString(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), QStringLiteral("-b"),
                                QStringLiteral("main"), bare})
                    .exitCode
                == 0);
        QVERIFY(writeFile(bare, QStringLiteral("hooks/pre-receive"),
                          "#!/bin/sh\necho \"policy: prod pushes need review\" >&2\nexit 1\n"));
        QVERIFY(QFile::setPermissions(bare + QStringLiteral("/hooks/pre-receive"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        GitDaemon daemon;
        QVERIFY(daemon.start(base));

        const QString path = newPath(QStringLiteral("hooked"));
        GitRepository repo = newRepository(path);
        QVERIFY(repo.addRemote(QStringLiteral("origin"), daemon.url(QStringLiteral("deploy.git"))));
        const QString id = commitFiles(repo, {{QStringLiteral("values-prod.yaml"), "replicas: 10\n"}},
                                       QStringLiteral("Promote to prod"));
        QStringList remoteMessages;
        GitRemoteOptions options;
        options.progress = [&remoteMessages](const GitProgress &progress) {
            if (progress.phase == GitProgress::Phase::Remote)
                remoteMessages << progress.message;
            return true;
        };
        const Status pushed = repo.push(QStringLiteral("origin"), QStringLiteral("main"), options);
        QVERIFY(!pushed);
        const QString message = pushed.errorMessage();
        QCOMPARE(pushed.error().code, Error::Code::Refused);
        QVERIFY2(message.contains(u"remote: policy: prod pushes need review"), qPrintable(message));
        QVERIFY2(message.contains(u"pre-receive hook declined"), qPrintable(message));
        QVERIFY2(message.contains(u"retry"), qPrintable(message));
        QVERIFY2(message.contains(id.left(7)), qPrintable(message));
        QVERIFY(remoteMessages.contains(QStringLiteral("policy: prod pushes need review")));
        QCOMPARE(revParse(path, QStringLiteral("HEAD")), id);               // the local commit is kept
        QCOMPARE(revParse(bare, QStringLiteral("main"), true), QString()); // and the remote has nothing
        QCOMPARE(git(path, {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), QStringLiteral("main@{upstream}")}).exitCode != 0,
                 true);
    }

    // Why the hook test needs `git daemon`: libgit2 pushes to file:// remotes by writing into them
    // directly, without running their hooks. If this starts failing, libgit2 changed that.
    void fileRemotesRunNoHooks()
    {
        const QString bare = newPath(QStringLiteral("file-hook")) + QStringLiteral(".git");
        git(QString(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), QStringLiteral("-b"),
                        QStringLiteral("main"), bare});
        QVERIFY(writeFile(bare, QStringLiteral("hooks/pre-receive"), "#!/bin/sh\necho nope >&2\nexit 1\n"));
        QFile::setPermissions(bare + QStringLiteral("/hooks/pre-receive"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString path = newPath(QStringLiteral("file-hook-work"));
        GitRepository repo = newRepository(path);
        QVERIFY(repo.addRemote(QStringLiteral("origin"), QStringLiteral("file://") + bare));
        commitFiles(repo, {{QStringLiteral("a.yaml"), "a: 1\n"}}, QStringLiteral("Unchecked"));
        QVERIFY(repo.push(QStringLiteral("origin"), QStringLiteral("main")));
        QCOMPARE(bareLog(bare), QStringLiteral("Unchecked"));
    }

    // --- fetch and pull -------------------------------------------------------------------------

    void fetchAndFastForwardPull()
    {
        const RemoteSetup setup = remoteWithClone();
        Result<GitRepository> repo = GitRepository::open(setup.clonePath);
        QVERIFY(repo);
        const QString before = revParse(setup.clonePath, QStringLiteral("HEAD"));
        const QString theirs = pushFromElsewhere(setup.bare, QStringLiteral("values.yaml"), "replicas: 5\n",
                                                 QStringLiteral("Scale to 5"));

        QList<GitProgress::Phase> phases;
        GitRemoteOptions options;
        options.progress = [&phases](const GitProgress &p) {
            phases << p.phase;
            return true;
        };
        const Status fetched = repo.value().fetch(QStringLiteral("origin"), options);
        QVERIFY2(fetched, qPrintable(fetched.errorMessage()));
        QVERIFY(phases.contains(GitProgress::Phase::Receiving));
        QCOMPARE(revParse(setup.clonePath, QStringLiteral("origin/main")), theirs);
        QCOMPARE(revParse(setup.clonePath, QStringLiteral("HEAD")), before); // fetch moves no local branch

        Result<GitPullResult> pulled = repo.value().pull();
        QVERIFY2(pulled, qPrintable(pulled.errorMessage()));
        QVERIFY(!pulled->upToDate);
        QCOMPARE(pulled->oldId, before);
        QCOMPARE(pulled->newId, theirs);
        QCOMPARE(revParse(setup.clonePath, QStringLiteral("HEAD")), theirs);
        QCOMPARE(readAll(setup.clonePath + QStringLiteral("/values.yaml")), QByteArray("replicas: 5\n"));
        QCOMPARE(porcelain(setup.clonePath), QString());

        pulled = repo.value().pull();
        QVERIFY2(pulled, qPrintable(pulled.errorMessage()));
        QVERIFY(pulled->upToDate);

        // A local edit in a file the fast-forward would change blocks it; nothing moves.
        pushFromElsewhere(setup.bare, QStringLiteral("values.yaml"), "replicas: 6\n", QStringLiteral("Scale to 6"));
        QVERIFY(writeFile(setup.clonePath, QStringLiteral("values.yaml"), "replicas: 7 # editing\n"));
        pulled = repo.value().pull();
        QVERIFY(!pulled);
        QVERIFY2(pulled.errorMessage().contains(u"values.yaml"), qPrintable(pulled.errorMessage()));
        QCOMPARE(revParse(setup.clonePath, QStringLiteral("HEAD")), theirs);
        QCOMPARE(readAll(setup.clonePath + QStringLiteral("/values.yaml")), QByteArray("replicas: 7 # editing\n"));
        QVERIFY(git(setup.clonePath, {QStringLiteral("checkout"), QStringLiteral("--"), QStringLiteral("values.yaml")}).exitCode == 0);
    }

    void divergedPullIsRefused()
    {
        const RemoteSetup setup = remoteWithClone();
        Result<GitRepository> repo = GitRepository::open(setup.clonePath);
        QVERIFY(repo);
        pushFromElsewhere(setup.bare, QStringLiteral("other.yaml"), "x: 1\n", QStringLiteral("Remote work"));
        const QString ours = commitFiles(repo.value(), {{QStringLiteral("values.yaml"), "replicas: 3\n"}},
                                         QStringLiteral("Local work"));
        const Result<GitPullResult> pulled = repo.value().pull();
        QVERIFY(!pulled);
        QCOMPARE(pulled.error().code, Error::Code::Refused);
        QVERIFY2(pulled.errorMessage().contains(u"diverged") && pulled.errorMessage().contains(u"1 local commit(s)")
                     && pulled.errorMessage().contains(u"1 remote commit(s)") && pulled.errorMessage().contains(u"Rebase"),
                 qPrintable(pulled.errorMessage()));
        QCOMPARE(revParse(setup.clonePath, QStringLiteral("HEAD")), ours);
        QCOMPARE(porcelain(setup.clonePath), QString());
        QVERIFY(!QFile::exists(setup.clonePath + QStringLiteral("/other.yaml")));
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

    // --- credentials and certificates -----------------------------------------------------------

    void refusedCredentialsNeverLoop()
    {
        RefusingServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QString path = newPath(QStringLiteral("auth"));
        GitRepository repo = newRepository(path);
        QVERIFY(repo.addRemote(QStringLiteral("origin"),
                               QStringLiteral("http://127.0.0.1:%1/deploy.git").arg(server.serverPort())));

        GitRemoteOptions options;
        options.credentials.token = QStringLiteral("ghp_not_a_real_token");
        QFuture<Status> fetch = QtConcurrent::run([path, options] {
            Result<GitRepository> worker = GitRepository::open(path);
            return worker ? worker.value().fetch(QStringLiteral("origin"), options) : Status(worker.error());
        });
        QTRY_VERIFY_WITH_TIMEOUT(fetch.isFinished(), 30000);
        Status result = fetch.result();
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().contains(u"refused the access token"), qPrintable(result.errorMessage()));
        QVERIFY2(result.errorMessage().contains(u"retry"), qPrintable(result.errorMessage()));
        QCOMPARE(server.authorised(), 1); // the token was offered exactly once
        QVERIFY(server.requests() <= 3);

        // No credentials at all: one request, then a clear answer.
        const int before = server.requests();
        fetch = QtConcurrent::run([path] {
            Result<GitRepository> worker = GitRepository::open(path);
            return worker ? worker.value().fetch(QStringLiteral("origin")) : Status(worker.error());
        });
        QTRY_VERIFY_WITH_TIMEOUT(fetch.isFinished(), 30000);
        result = fetch.result();
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().contains(u"requires authentication"), qPrintable(result.errorMessage()));
        QCOMPARE(server.requests() - before, 1);
    }

    void untrustedCertificatesAreRefused()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here to serve HTTPS");
        QTemporaryDir tls;
        const ProcessOutput made = runProcess(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), tls.filePath(QStringLiteral("key.pem")),
             QStringLiteral("-out"), tls.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"), QStringLiteral("1"),
             QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.errors()));
        RefusingServer server;
        server.useTls(QSslCertificate(readAll(tls.filePath(QStringLiteral("cert.pem")))),
                      QSslKey(readAll(tls.filePath(QStringLiteral("key.pem"))), QSsl::Rsa));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QString path = newPath(QStringLiteral("tls"));
        GitRepository repo = newRepository(path);
        QVERIFY(repo.addRemote(QStringLiteral("origin"),
                               QStringLiteral("https://127.0.0.1:%1/deploy.git").arg(server.serverPort())));
        const auto fetchWith = [path](const GitRemoteOptions &options) {
            return QtConcurrent::run([path, options] {
                Result<GitRepository> worker = GitRepository::open(path);
                return worker ? worker.value().fetch(QStringLiteral("origin"), options) : Status(worker.error());
            });
        };

        QFuture<Status> fetch = fetchWith({});
        QTRY_VERIFY_WITH_TIMEOUT(fetch.isFinished(), 30000);
        Status result = fetch.result();
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().contains(u"TLS certificate of 127.0.0.1 is not trusted"), qPrintable(result.errorMessage()));
        QVERIFY2(result.errorMessage().contains(u"issued to \"127.0.0.1\""), qPrintable(result.errorMessage()));
        QCOMPARE(server.requests(), 0); // refused before a single HTTP request

        // The caller may accept it (after asking the user): the connection then goes ahead.
        std::atomic<int> asked{0};
        GitRemoteOptions accepting;
        accepting.acceptInvalidCertificate = [&asked](const QString &host, const QString &) {
            ++asked;
            return host == u"127.0.0.1";
        };
        fetch = fetchWith(accepting);
        QTRY_VERIFY_WITH_TIMEOUT(fetch.isFinished(), 30000);
        result = fetch.result();
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().contains(u"requires authentication"), qPrintable(result.errorMessage()));
        QVERIFY(asked.load() >= 1);
        QVERIFY(server.requests() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestGit)
#include "tst_git.moc"
