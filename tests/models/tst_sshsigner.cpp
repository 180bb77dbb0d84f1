// SPDX-License-Identifier: MIT
// SshSigner against OpenSSH itself: keys made by ssh-keygen, signatures checked by `ssh-keygen -Y verify`
// and compared byte for byte with `ssh-keygen -Y sign` (Ed25519 and RSA PKCS#1 v1.5 are deterministic).

#include "ProcessRunner.h"

#include "secrets/SshSigner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

const QByteArray kPayload("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
                          "author Dev <dev@example.com> 1700000000 +0100\n"
                          "committer Dev <dev@example.com> 1700000000 +0100\n\nPromote web to prod\n");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace

class TestSshSigner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString key(const QString &name) const { return m_dir.filePath(name); }

    void generate(const QString &name, const QStringList &options)
    {
        const ProcessOutput r = runProcess(QStringLiteral("ssh-keygen"),
                                           QStringList{QStringLiteral("-q"), QStringLiteral("-C"),
                                                       QStringLiteral("dev@example.com"), QStringLiteral("-f"), key(name)}
                                               + options);
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors()));
    }

    /// `ssh-keygen -Y verify` of a detached signature over `payload`, as principal dev@example.com.
    ProcessOutput verify(const SshSigner &signer, const QByteArray &signature, const QByteArray &payload,
                         const QString &ns = QStringLiteral("git"))
    {
        const QString allowed = key(QStringLiteral("allowed_signers"));
        const QString sig = key(QStringLiteral("payload.sig"));
        writeAll(allowed, "dev@example.com " + signer.publicKey().toUtf8() + '\n');
        writeAll(sig, signature);
        return runProcess(QStringLiteral("ssh-keygen"),
                          {QStringLiteral("-Y"), QStringLiteral("verify"), QStringLiteral("-n"), ns, QStringLiteral("-f"),
                           allowed, QStringLiteral("-I"), QStringLiteral("dev@example.com"), QStringLiteral("-s"), sig},
                          {}, payload);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        generate(QStringLiteral("ed25519"), {QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString()});
        generate(QStringLiteral("rsa"), {QStringLiteral("-t"), QStringLiteral("rsa"), QStringLiteral("-b"),
                                         QStringLiteral("3072"), QStringLiteral("-N"), QString()});
        generate(QStringLiteral("rsa-pem"), {QStringLiteral("-t"), QStringLiteral("rsa"), QStringLiteral("-b"),
                                             QStringLiteral("2048"), QStringLiteral("-m"), QStringLiteral("PEM"),
                                             QStringLiteral("-N"), QString()});
        generate(QStringLiteral("encrypted"),
                 {QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QStringLiteral("secret")});
        generate(QStringLiteral("ecdsa"), {QStringLiteral("-t"), QStringLiteral("ecdsa"), QStringLiteral("-N"), QString()});
        QVERIFY(writeAll(key(QStringLiteral("payload")), kPayload));
    }

    void signatureVerifiesWithSshKeygen_data()
    {
        QTest::addColumn<QString>("keyName");
        QTest::addColumn<QString>("keyType");
        QTest::newRow("ed25519") << QStringLiteral("ed25519") << QStringLiteral("ssh-ed25519");
        QTest::newRow("rsa-3072") << QStringLiteral("rsa") << QStringLiteral("ssh-rsa");
        QTest::newRow("rsa-pem") << QStringLiteral("rsa-pem") << QStringLiteral("ssh-rsa");
    }

    void signatureVerifiesWithSshKeygen()
    {
        QFETCH(QString, keyName);
        QFETCH(QString, keyType);
        const Result<SshSigner> signer = SshSigner::fromKeyFile(key(keyName));
        QVERIFY2(signer, qPrintable(signer.errorMessage()));
        QCOMPARE(signer->keyType(), keyType);
        const Result<QByteArray> signature = signer->sign(kPayload);
        QVERIFY2(signature, qPrintable(signature.errorMessage()));
        QVERIFY(signature->startsWith("-----BEGIN SSH SIGNATURE-----\n"));
        QVERIFY(signature->endsWith("-----END SSH SIGNATURE-----\n"));
        for (const QByteArray &line : signature->split('\n'))
            QVERIFY(line.size() <= 70 || line.startsWith("-----"));

        const ProcessOutput good = verify(*signer, *signature, kPayload);
        QVERIFY2(good.exitCode == 0, qPrintable(good.errors()));
        QVERIFY2(good.text().startsWith(u"Good \"git\" signature for dev@example.com"), qPrintable(good.text()));

        const ProcessOutput tampered = verify(*signer, *signature, QByteArray(kPayload).replace("prod", "dev!"));
        QVERIFY(tampered.exitCode != 0);
        const ProcessOutput otherNamespace = verify(*signer, *signature, kPayload, QStringLiteral("file"));
        QVERIFY(otherNamespace.exitCode != 0);
    }

    void signatureIsTheOneSshKeygenMakes_data()
    {
        QTest::addColumn<QString>("keyName");
        QTest::newRow("ed25519") << QStringLiteral("ed25519");
        QTest::newRow("rsa-3072") << QStringLiteral("rsa");
    }

    // Both algorithms are deterministic, so the armored text must be identical to OpenSSH's.
    void signatureIsTheOneSshKeygenMakes()
    {
        QFETCH(QString, keyName);
        const QString payload = key(QStringLiteral("payload"));
        QFile::remove(payload + QStringLiteral(".sig"));
        const ProcessOutput r = runProcess(QStringLiteral("ssh-keygen"),
                                           {QStringLiteral("-Y"), QStringLiteral("sign"), QStringLiteral("-n"),
                                            QStringLiteral("git"), QStringLiteral("-f"), key(keyName), payload});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors()));
        const Result<SshSigner> signer = SshSigner::fromKeyFile(key(keyName));
        QVERIFY2(signer, qPrintable(signer.errorMessage()));
        const Result<QByteArray> signature = signer->sign(kPayload);
        QVERIFY2(signature, qPrintable(signature.errorMessage()));
        QCOMPARE(*signature, readAll(payload + QStringLiteral(".sig")));
    }

    void publicKeyAndFingerprintMatchSshKeygen_data()
    {
        QTest::addColumn<QString>("keyName");
        QTest::newRow("ed25519") << QStringLiteral("ed25519");
        QTest::newRow("rsa-3072") << QStringLiteral("rsa");
        QTest::newRow("rsa-pem") << QStringLiteral("rsa-pem");
    }

    void publicKeyAndFingerprintMatchSshKeygen()
    {
        QFETCH(QString, keyName);
        const Result<SshSigner> signer = SshSigner::fromKeyFile(key(keyName));
        QVERIFY2(signer, qPrintable(signer.errorMessage()));
        const QStringList pub = QString::fromUtf8(readAll(key(keyName) + QStringLiteral(".pub"))).split(u' ');
        QCOMPARE(signer->publicKey(), pub.value(0) + u' ' + pub.value(1));
        const ProcessOutput fingerprint =
            runProcess(QStringLiteral("ssh-keygen"), {QStringLiteral("-l"), QStringLiteral("-f"), key(keyName) + QStringLiteral(".pub")});
        QCOMPARE(signer->fingerprint(), fingerprint.text().section(u' ', 1, 1));
        if (keyName != u"rsa-pem") // PEM files carry no comment
            QCOMPARE(signer->comment(), QStringLiteral("dev@example.com"));
    }

    void commitSignerSignsInTheGitNamespace()
    {
        const Result<SshSigner> signer = SshSigner::fromKeyFile(key(QStringLiteral("ed25519")));
        QVERIFY2(signer, qPrintable(signer.errorMessage()));
        const CommitSigner sign = signer->commitSigner();
        const Result<QByteArray> signature = sign(kPayload);
        QVERIFY2(signature, qPrintable(signature.errorMessage()));
        const ProcessOutput good = verify(*signer, *signature, kPayload, QStringLiteral("git"));
        QVERIFY2(good.exitCode == 0, qPrintable(good.errors()));
    }

    void encryptedKeyIsRefusedClearly()
    {
        const Result<SshSigner> signer = SshSigner::fromKeyFile(key(QStringLiteral("encrypted")));
        QVERIFY(!signer);
        const QString message = signer.errorMessage();
        QVERIFY2(message.contains(key(QStringLiteral("encrypted"))), qPrintable(message));
        QVERIFY2(message.contains(u"passphrase") && message.contains(u"not supported yet"), qPrintable(message));
        QVERIFY2(message.contains(u"ssh-agent") && message.contains(u"unencrypted"), qPrintable(message));
    }

    void unusableKeysAreRefusedClearly_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("public key") << QStringLiteral("ed25519.pub") << QStringLiteral("is a public key");
        QTest::newRow("ecdsa") << QStringLiteral("ecdsa") << QStringLiteral("supports Ed25519 and RSA");
        QTest::newRow("missing") << QStringLiteral("nope") << QStringLiteral("does not exist");
        QTest::newRow("garbage") << QStringLiteral("payload") << QStringLiteral("is not a usable SSH private key");
    }

    void unusableKeysAreRefusedClearly()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const Result<SshSigner> signer = SshSigner::fromKeyFile(key(file));
        QVERIFY(!signer);
        QVERIFY2(signer.errorMessage().contains(expected), qPrintable(signer.errorMessage()));
        QVERIFY2(signer.errorMessage().contains(key(file)), qPrintable(signer.errorMessage()));
    }

    void truncatedKeyIsAParseError()
    {
        QByteArray text = readAll(key(QStringLiteral("ed25519")));
        const QList<QByteArray> lines = text.split('\n');
        const QByteArray truncated = lines.value(0) + '\n' + lines.value(1) + "\n-----END OPENSSH PRIVATE KEY-----\n";
        const Result<SshSigner> signer = SshSigner::fromKeyData(truncated, QStringLiteral("truncated"));
        QVERIFY(!signer);
        QCOMPARE(signer.error().code, Error::Code::Parse);
    }

    void configDesignatesTheKey()
    {
        SignerConfig config;
        config.format = SignerConfig::Format::Ssh;
        config.signingKey = QStringLiteral("~/keys/ed25519.pub");
        config.keyFile = key(QStringLiteral("ed25519.pub")); // the public key: the private one sits beside it
        Result<SshSigner> signer = SshSigner::fromConfig(config);
        QVERIFY2(signer, qPrintable(signer.errorMessage()));
        QCOMPARE(signer->keyType(), QStringLiteral("ssh-ed25519"));

        config.keyFile = key(QStringLiteral("rsa"));
        signer = SshSigner::fromConfig(config);
        QVERIFY2(signer, qPrintable(signer.errorMessage()));
        QCOMPARE(signer->keyType(), QStringLiteral("ssh-rsa"));
    }

    void configProblemsAreClearErrors_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("signingKey");
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<bool>("literal");
        QTest::addColumn<QString>("expected");
        QTest::newRow("openpgp") << int(SignerConfig::Format::OpenPgp) << QStringLiteral("ABCDEF12") << QString() << false
                                 << QStringLiteral("git config gpg.format ssh");
        QTest::newRow("no key") << int(SignerConfig::Format::Ssh) << QString() << QString() << false
                                << QStringLiteral("user.signingkey is not set");
        QTest::newRow("literal key") << int(SignerConfig::Format::Ssh) << QStringLiteral("key::ssh-ed25519 AAAAC3Nza")
                                     << QString() << true << QStringLiteral("ssh-agent");
        QTest::newRow("pub without private") << int(SignerConfig::Format::Ssh) << QStringLiteral("x")
                                             << QStringLiteral("/nonexistent/id_ed25519.pub") << false
                                             << QStringLiteral("private key /nonexistent/id_ed25519 is missing");
    }

    void configProblemsAreClearErrors()
    {
        QFETCH(int, format);
        QFETCH(QString, signingKey);
        QFETCH(QString, keyFile);
        QFETCH(bool, literal);
        QFETCH(QString, expected);
        SignerConfig config;
        config.format = SignerConfig::Format(format);
        config.signingKey = signingKey;
        config.keyFile = keyFile;
        config.literalKey = literal;
        const Result<SshSigner> signer = SshSigner::fromConfig(config);
        QVERIFY(!signer);
        QVERIFY2(signer.errorMessage().contains(expected), qPrintable(signer.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestSshSigner)
#include "tst_sshsigner.moc"
