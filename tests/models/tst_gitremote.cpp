// SPDX-License-Identifier: MIT
// The Git layer's remotes: push to file:// bare remotes, a remote whose pre-receive hook refuses (served
// by `git daemon`: libgit2's file:// transport runs no hooks), non-fast-forward pushes, cancelling a
// push, fetch and fast-forward pull, credentials that never loop and certificates, against servers on
// 127.0.0.1 only.

#include "GitFixture.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtConcurrent>

#include <atomic>

using namespace studio;
using namespace studio::test;

namespace {

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

class TestGitRemote : public GitFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpGit(); }

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

QTEST_GUILESS_MAIN(TestGitRemote)
#include "tst_gitremote.moc"
