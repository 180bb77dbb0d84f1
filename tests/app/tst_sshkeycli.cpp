// SPDX-License-Identifier: MIT
// `deploy-studio-cli ssh-key`: fingerprints compared with `ssh-keygen -lf`, and an allowed_signers
// file that `ssh-keygen -Y verify` accepts for a team member's signature and refuses for an outsider.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "ProcessRun.h"

namespace {

const QString kCli = QStringLiteral(DEPLOY_STUDIO_CLI);

/// ssh-keygen with `input` on stdin.
Run sshKeygen(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral("ssh-keygen"), arguments);
    Run result;
    if (!process.waitForStarted())
        return result;
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

class TestSshKeyCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString key(const QString &name) const { return m_tmp.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        for (const auto &[name, type, comment] : {std::tuple{"alice", "ed25519", "alice@laptop"},
                                                   std::tuple{"bob", "rsa", "bob@desk"},
                                                   std::tuple{"eve", "ed25519", "eve@elsewhere"},
                                                   std::tuple{"carol", "ecdsa", "carol@ci"}}) {
            const Run generated = sshKeygen({QStringLiteral("-q"), QStringLiteral("-t"), QString::fromLatin1(type), QStringLiteral("-N"),
                                             QString(), QStringLiteral("-C"), QString::fromLatin1(comment), QStringLiteral("-f"),
                                             key(QString::fromLatin1(name))});
            QVERIFY2(generated.exitCode == 0, qPrintable(generated.describe()));
        }
    }

    void fingerprintsMatchSshKeygen_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("ed25519 public") << "alice.pub";
        QTest::newRow("rsa public") << "bob.pub";
        QTest::newRow("ecdsa public") << "carol.pub";
        QTest::newRow("ed25519 private") << "alice";
        QTest::newRow("rsa private") << "bob";
    }

    void fingerprintsMatchSshKeygen()
    {
        QFETCH(QString, file);
        const Run expected = sshKeygen({QStringLiteral("-lf"), key(file)});
        QVERIFY2(expected.exitCode == 0, qPrintable(expected.describe()));
        const QString fingerprint = expected.out.section(u' ', 1, 1); // "256 SHA256:… comment (ED25519)"
        QVERIFY(fingerprint.startsWith(QStringLiteral("SHA256:")));
        const Run r = runProcess(kCli, {QStringLiteral("ssh-key"), QStringLiteral("fingerprint"), key(file)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.out.section(u' ', 0, 0), fingerprint);
        QCOMPARE(r.out.section(u' ', 1, 1), expected.out.section(u' ', 2, 2)); // the comment
    }

    void allowedSignersAcceptTheTeamOnly()
    {
        const QString allowed = key(QStringLiteral("allowed_signers"));
        const Run r = runProcess(kCli, {QStringLiteral("ssh-key"), QStringLiteral("allowed-signers"),
                                        QStringLiteral("bob@example.com=") + key(QStringLiteral("bob.pub")),
                                        QStringLiteral("alice@example.com=") + key(QStringLiteral("alice.pub")),
                                        QStringLiteral("--output"), allowed});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QFile file(allowed);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("alice@example.com namespaces=\"git\" ssh-ed25519 AAAA")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("bob@example.com namespaces=\"git\" ssh-rsa AAAA")));

        const QByteArray payload = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <alice@example.com> 0 +0000\n\nchange\n";
        for (const auto &[signer, principal, accepted] : {std::tuple{"alice", "alice@example.com", true},
                                                          std::tuple{"bob", "bob@example.com", true},
                                                          std::tuple{"eve", "alice@example.com", false}}) {
            const Run signature = sshKeygen({QStringLiteral("-Y"), QStringLiteral("sign"), QStringLiteral("-n"), QStringLiteral("git"),
                                             QStringLiteral("-f"), key(QString::fromLatin1(signer))},
                                            payload);
            QVERIFY2(signature.exitCode == 0, qPrintable(signature.describe()));
            const QString sigFile = key(QStringLiteral("payload.sig"));
            QFile sig(sigFile);
            QVERIFY(sig.open(QIODevice::WriteOnly | QIODevice::Truncate));
            sig.write(signature.out.toUtf8());
            sig.close();
            const Run verified = sshKeygen({QStringLiteral("-Y"), QStringLiteral("verify"), QStringLiteral("-f"), allowed,
                                            QStringLiteral("-I"), QString::fromLatin1(principal), QStringLiteral("-n"),
                                            QStringLiteral("git"), QStringLiteral("-s"), sigFile},
                                           payload);
            QVERIFY2((verified.exitCode == 0) == accepted, qPrintable(verified.describe()));
            if (accepted)
                QVERIFY2(verified.out.startsWith(QStringLiteral("Good \"git\" signature for ") + QString::fromLatin1(principal)),
                         qPrintable(verified.describe()));
        }
    }

    void badInputIsRefused()
    {
        QFile broken(key(QStringLiteral("broken.pub")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("ssh-ed25519 not*base64 x\n");
        broken.close();
        const Run r = runProcess(kCli, {QStringLiteral("ssh-key"), QStringLiteral("fingerprint"), key(QStringLiteral("broken.pub"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("broken.pub: the key is not base64")), qPrintable(r.describe()));
        const Run principal = runProcess(kCli, {QStringLiteral("ssh-key"), QStringLiteral("allowed-signers"),
                                                QStringLiteral("Alice Smith=") + key(QStringLiteral("alice.pub"))});
        QCOMPARE(principal.exitCode, 2);
        QVERIFY(principal.err.contains(QStringLiteral("cannot be a principal")));
    }
};

QTEST_GUILESS_MAIN(TestSshKeyCli)
#include "tst_sshkeycli.moc"
