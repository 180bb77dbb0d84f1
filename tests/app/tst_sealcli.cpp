// SPDX-License-Identifier: MIT
// `deploy-studio-cli seal` checked by independent tools: every sealed value is opened with the
// openssl CLI (RSA-OAEP SHA-256 with the scope's label → the session key) and a small EVP program
// (AES-256-GCM with a zero nonce → the value), for every scope; a wrong label fails; expired, EC and
// untrusted-TLS certificates are refused.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "ProcessRun.h"

#include <optional>

namespace {

const QString kCli = QStringLiteral(DEPLOY_STUDIO_CLI);
const QString kGcmOpen = QStringLiteral(AES_GCM_OPEN);

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// encryptedData's key → base64 value, read from the manifest's lines.
QMap<QString, QByteArray> encryptedData(const QString &manifest)
{
    QMap<QString, QByteArray> values;
    bool inside = false;
    for (const QString &line : manifest.split(u'\n')) {
        if (line == u"  encryptedData:") {
            inside = true;
        } else if (inside && line.startsWith(QLatin1String("    "))) {
            values.insert(line.trimmed().section(u':', 0, 0), line.section(QStringLiteral(": "), 1).toLatin1());
        } else {
            inside = false;
        }
    }
    return values;
}

struct Opened {
    bool ok = false;
    QByteArray plaintext;
    QString error;
};

} // namespace

class TestSealCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_key;
    QString m_cert;

    Run openssl(const QStringList &arguments) { return runProcess(QStringLiteral("openssl"), arguments, m_tmp.path()); }

    /// Opens a sealed value as interop.md §1 describes; `label` nullopt = no label (cluster-wide).
    Opened open(const QByteArray &base64, const std::optional<QByteArray> &label)
    {
        const QByteArray blob = QByteArray::fromBase64(base64);
        Opened result;
        if (blob.size() < 2) {
            result.error = QStringLiteral("blob too short");
            return result;
        }
        const int rsaLength = (quint8(blob.at(0)) << 8) | quint8(blob.at(1));
        writeFile(m_tmp.filePath(QStringLiteral("rsa.bin")), blob.mid(2, rsaLength));
        writeFile(m_tmp.filePath(QStringLiteral("gcm.bin")), blob.mid(2 + rsaLength));
        QFile::remove(m_tmp.filePath(QStringLiteral("session.key")));
        QStringList arguments{QStringLiteral("pkeyutl"), QStringLiteral("-decrypt"), QStringLiteral("-inkey"), m_key,
                              QStringLiteral("-in"), QStringLiteral("rsa.bin"), QStringLiteral("-out"), QStringLiteral("session.key"),
                              QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:oaep"),
                              QStringLiteral("-pkeyopt"), QStringLiteral("rsa_oaep_md:sha256"),
                              QStringLiteral("-pkeyopt"), QStringLiteral("rsa_mgf1_md:sha256")};
        if (label)
            arguments << QStringLiteral("-pkeyopt") << QStringLiteral("rsa_oaep_label:") + QString::fromLatin1(label->toHex());
        const Run rsa = openssl(arguments);
        if (rsa.exitCode != 0) {
            result.error = rsa.err;
            return result;
        }
        QProcess gcm;
        gcm.start(kGcmOpen, {m_tmp.filePath(QStringLiteral("session.key")), m_tmp.filePath(QStringLiteral("gcm.bin"))});
        gcm.waitForFinished(30000);
        result.ok = gcm.exitStatus() == QProcess::NormalExit && gcm.exitCode() == 0;
        result.plaintext = gcm.readAllStandardOutput();
        result.error = QString::fromUtf8(gcm.readAllStandardError());
        return result;
    }

    Run seal(const QStringList &arguments) { return runProcess(kCli, QStringList{QStringLiteral("seal")} + arguments); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_key = m_tmp.filePath(QStringLiteral("tls.key"));
        m_cert = m_tmp.filePath(QStringLiteral("tls.crt"));
        // The controller's defaults: a 4096-bit RSA key in a 10-year self-signed certificate.
        const Run generated = openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                       QStringLiteral("rsa:4096"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_key,
                                       QStringLiteral("-out"), m_cert, QStringLiteral("-days"), QStringLiteral("3650"),
                                       QStringLiteral("-subj"), QStringLiteral("/CN=sealed-secret/O=sealed-secret")});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.describe()));
    }

    void everyScopeOpensWithItsLabel_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QByteArray>("label");
        QTest::addColumn<QByteArray>("wrongLabel");
        QTest::addColumn<QString>("annotation");
        QTest::newRow("strict") << "strict" << QByteArray("prod/db-creds") << QByteArray("prod") << QString();
        QTest::newRow("namespace-wide") << "namespace-wide" << QByteArray("prod") << QByteArray("prod/db-creds")
                                        << "sealedsecrets.bitnami.com/namespace-wide: \"true\"";
        QTest::newRow("cluster-wide") << "cluster-wide" << QByteArray() << QByteArray("prod")
                                      << "sealedsecrets.bitnami.com/cluster-wide: \"true\"";
    }

    void everyScopeOpensWithItsLabel()
    {
        QFETCH(QString, scope);
        QFETCH(QByteArray, label);
        QFETCH(QByteArray, wrongLabel);
        QFETCH(QString, annotation);
        const QByteArray password = "s3cr3t pa$$word with spaces and ünïcödé";
        const Run r = seal({QStringLiteral("--cert"), m_cert, QStringLiteral("--namespace"), QStringLiteral("prod"),
                            QStringLiteral("--name"), QStringLiteral("db-creds"), QStringLiteral("--scope"), scope,
                            QStringLiteral("password=") + QString::fromUtf8(password), QStringLiteral("user=app")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.startsWith(QStringLiteral("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db-creds\n  namespace: prod\n")));
        QVERIFY(r.out.contains(QStringLiteral("  template:\n    metadata:\n      name: db-creds\n      namespace: prod\n")));
        if (annotation.isEmpty())
            QVERIFY(!r.out.contains(QStringLiteral("annotations")));
        else
            QCOMPARE(r.out.count(annotation), 2); // on the SealedSecret and on its template
        QVERIFY(!r.out.contains(QString::fromUtf8(password)));

        const QMap<QString, QByteArray> values = encryptedData(r.out);
        QCOMPARE(values.keys(), (QStringList{QStringLiteral("password"), QStringLiteral("user")}));
        QVERIFY2(values.value(QStringLiteral("password")).startsWith("Ag"), "a 4096-bit key gives the 0x0200 prefix");
        const std::optional<QByteArray> rightLabel = label.isEmpty() ? std::nullopt : std::optional<QByteArray>(label);
        const Opened opened = open(values.value(QStringLiteral("password")), rightLabel);
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QCOMPARE(opened.plaintext, password);
        const Opened user = open(values.value(QStringLiteral("user")), rightLabel);
        QVERIFY2(user.ok, qPrintable(user.error));
        QCOMPARE(user.plaintext, QByteArray("app"));

        const Opened wrong = open(values.value(QStringLiteral("password")), wrongLabel);
        QVERIFY(!wrong.ok);
        QVERIFY2(wrong.error.contains(QStringLiteral("oaep decoding error")), qPrintable(wrong.error));
    }

    void sealsASecretManifestFromItsEnvironment()
    {
        const QString repo = m_tmp.filePath(QStringLiteral("repo"));
        QVERIFY(writeFile(repo + QStringLiteral("/.deploy-studio.yaml"),
                          "environments:\n  - name: prod\n    values: [values-prod.yaml]\n    sealedSecretsCert: certs/prod.pem\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/values-prod.yaml"), "replicas: 2\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/certs/prod.pem"), readFile(m_cert)));
        const QString secret = m_tmp.filePath(QStringLiteral("secret.yaml"));
        QVERIFY(writeFile(secret, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\n  namespace: shop\ntype: kubernetes.io/basic-auth\n"
                                  "data:\n  username: YWRtaW4=\nstringData:\n  password: t0ps3cret\n"));
        const QString output = m_tmp.filePath(QStringLiteral("sealed.yaml"));
        const Run r = seal({QStringLiteral("--env"), QStringLiteral("prod"), QStringLiteral("--repo"), repo,
                            QStringLiteral("--from-secret"), secret, QStringLiteral("--output"), output});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString manifest = QString::fromUtf8(readFile(output));
        QVERIFY(manifest.contains(QStringLiteral("    type: \"kubernetes.io/basic-auth\"\n")));
        const QMap<QString, QByteArray> values = encryptedData(manifest);
        const Opened user = open(values.value(QStringLiteral("username")), QByteArray("shop/api"));
        QVERIFY2(user.ok, qPrintable(user.error));
        QCOMPARE(user.plaintext, QByteArray("admin"));
        const Opened password = open(values.value(QStringLiteral("password")), QByteArray("shop/api"));
        QCOMPARE(password.plaintext, QByteArray("t0ps3cret"));
    }

    void expiredCertificateIsRefused()
    {
        // openssl req cannot back-date; `openssl ca` signs a certificate valid only in 2020.
        QVERIFY(writeFile(m_tmp.filePath(QStringLiteral("ca.cnf")),
                          "[ca]\ndefault_ca = old\n[old]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\n"
                          "default_md = sha256\npolicy = any\n[any]\ncommonName = supplied\n"));
        QVERIFY(writeFile(m_tmp.filePath(QStringLiteral("index.txt")), ""));
        QVERIFY(writeFile(m_tmp.filePath(QStringLiteral("serial")), "01\n"));
        QCOMPARE(openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                          QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("old.key"), QStringLiteral("-out"),
                          QStringLiteral("old.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=old")})
                     .exitCode,
                 0);
        const Run signed_ = openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), QStringLiteral("ca.cnf"),
                                     QStringLiteral("-selfsign"), QStringLiteral("-keyfile"), QStringLiteral("old.key"),
                                     QStringLiteral("-in"), QStringLiteral("old.csr"), QStringLiteral("-out"), QStringLiteral("old.crt"),
                                     QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
                                     QStringLiteral("20210101000000Z"), QStringLiteral("-notext")});
        QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.describe()));
        const Run r = seal({QStringLiteral("--cert"), m_tmp.filePath(QStringLiteral("old.crt")), QStringLiteral("--namespace"),
                            QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("b"), QStringLiteral("k=v")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("expired on 2021-01-01")), qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
    }

    void ecCertificateIsRefused()
    {
        const Run generated = openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                       QStringLiteral("-keyout"), QStringLiteral("ec.key"), QStringLiteral("-out"), QStringLiteral("ec.crt"),
                                       QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"), QStringLiteral("/CN=ec")});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.describe()));
        const Run r = seal({QStringLiteral("--cert"), m_tmp.filePath(QStringLiteral("ec.crt")), QStringLiteral("--namespace"),
                            QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("b"), QStringLiteral("k=v")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("has key type EC; Sealed Secrets needs an RSA key")), qPrintable(r.describe()));
    }

    void certificateUrlMustBeVerifiedHttps()
    {
        const Run plain = seal({QStringLiteral("--cert"), QStringLiteral("http://127.0.0.1:9/v1/cert.pem"), QStringLiteral("--namespace"),
                                QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("b"), QStringLiteral("k=v")});
        QCOMPARE(plain.exitCode, 2);
        QVERIFY2(plain.err.contains(QStringLiteral("is not an https:// URL")), qPrintable(plain.describe()));

        // A real TLS server on 127.0.0.1 whose certificate nobody trusts: the download must fail.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QVERIFY(QFile::copy(m_cert, m_tmp.filePath(QStringLiteral("cert.pem"))));
        QProcess server;
        server.setWorkingDirectory(m_tmp.path());
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral("openssl"), {QStringLiteral("s_server"), QStringLiteral("-accept"),
                                                 QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-key"), m_key,
                                                 QStringLiteral("-cert"), m_cert, QStringLiteral("-WWW")});
        QVERIFY(server.waitForStarted());
        QByteArray banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += server.readAll()).contains("ACCEPT"), 10000); // listening
        const Run untrusted = seal({QStringLiteral("--cert"), QStringLiteral("https://127.0.0.1:%1/cert.pem").arg(port),
                                    QStringLiteral("--namespace"), QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("b"),
                                    QStringLiteral("k=v")});
        server.kill();
        server.waitForFinished();
        QCOMPARE(untrusted.exitCode, 2);
        QVERIFY2(untrusted.err.contains(QStringLiteral("cannot fetch the certificate from https://127.0.0.1"))
                     && untrusted.err.contains(QStringLiteral("SSL handshake failed")),
                 qPrintable(untrusted.describe()));
    }

    void usageErrors()
    {
        QCOMPARE(seal({QStringLiteral("--namespace"), QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("b"), QStringLiteral("k=v")}).exitCode, 2);
        const Run scope = seal({QStringLiteral("--cert"), m_cert, QStringLiteral("--namespace"), QStringLiteral("a"), QStringLiteral("--name"),
                                QStringLiteral("b"), QStringLiteral("--scope"), QStringLiteral("global"), QStringLiteral("k=v")});
        QCOMPARE(scope.exitCode, 2);
        QVERIFY(scope.err.contains(QStringLiteral("unknown --scope 'global'")));
        const Run key = seal({QStringLiteral("--cert"), m_cert, QStringLiteral("--namespace"), QStringLiteral("a"), QStringLiteral("--name"),
                              QStringLiteral("b"), QStringLiteral("bad key=v")});
        QCOMPARE(key.exitCode, 2);
        QVERIFY2(key.err.contains(QStringLiteral("'bad key' is not a valid Secret key")), qPrintable(key.describe()));
        const Run name = seal({QStringLiteral("--cert"), m_cert, QStringLiteral("--namespace"), QStringLiteral("a"), QStringLiteral("--name"),
                               QStringLiteral("Bad_Name"), QStringLiteral("k=v")});
        QCOMPARE(name.exitCode, 2);
        QVERIFY(name.err.contains(QStringLiteral("not a valid Kubernetes name")));
    }
};

QTEST_GUILESS_MAIN(TestSealCli)
#include "tst_sealcli.moc"
