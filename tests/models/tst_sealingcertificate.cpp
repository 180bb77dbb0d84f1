// SPDX-License-Identifier: MIT
// Where a Sealed Secrets certificate comes from: a file, or an https:// URL served by a real TLS server
// (Python's http.server over TLS on 127.0.0.1) whose certificate the test trusts — and the checks applied to it.
// Decrypting sealed values is tested end to end in tests/app/tst_sealcli.cpp.

#include "secrets/CertificateDownload.h"
#include "secrets/SealedSecretWriter.h"

#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

class TestSealingCertificate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral("openssl"), arguments);
        return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The controller's certificate, and a separate certificate for the HTTPS server that serves it.
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("sealing.key"), QStringLiteral("-out"),
                         QStringLiteral("cert.pem"), QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=sealed-secret/O=sealed-secret")}));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                         QStringLiteral("server.crt"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")}));
    }

    void labelsFollowTheScope()
    {
        QCOMPARE(SealedSecretWriter::label(SealingScope::Strict, QStringLiteral("prod"), QStringLiteral("db")), QByteArray("prod/db"));
        QCOMPARE(SealedSecretWriter::label(SealingScope::NamespaceWide, QStringLiteral("prod"), QStringLiteral("db")), QByteArray("prod"));
        QCOMPARE(SealedSecretWriter::label(SealingScope::ClusterWide, QStringLiteral("prod"), QStringLiteral("db")), QByteArray());
        QCOMPARE(SealedSecretWriter::scopeFromName(QStringLiteral("namespace-wide")), std::optional(SealingScope::NamespaceWide));
        QVERIFY(!SealedSecretWriter::scopeFromName(QStringLiteral("global")));
    }

    void fileCertificateIsCheckedForExpiry()
    {
        const Result<SealingCertificate> loaded = CertificateDownload::load(QStringLiteral("cert.pem"), m_dir.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        QCOMPARE(loaded->keyBits(), 2048);
        QVERIFY(loaded->subject().contains(QStringLiteral("CN=sealed-secret")));
        QFile file(m_dir.filePath(QStringLiteral("cert.pem")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<SealingCertificate> later =
            SealingCertificate::fromPem(file.readAll(), QStringLiteral("cert.pem"), QDateTime::currentDateTimeUtc().addDays(31));
        QVERIFY(!later);
        QVERIFY2(later.errorMessage().contains(QStringLiteral("cert.pem expired on")), qPrintable(later.errorMessage()));
        const Result<SealingCertificate> garbage = SealingCertificate::fromPem("not a certificate", QStringLiteral("x.pem"));
        QVERIFY(!garbage);
        QVERIFY(garbage.errorMessage().contains(QStringLiteral("x.pem holds no PEM certificate")));
    }

    void httpsUrlIsFetchedWithVerifiedTls()
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_dir.filePath(QStringLiteral("server.crt")));
        QSslConfiguration::setDefaultConfiguration(tls);

        QTcpServer probe; // a free port
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess server;
        server.setWorkingDirectory(m_dir.path());
        server.setProcessChannelMode(QProcess::MergedChannels);
        // Python's HTTPS server (http.server over ssl): answers HTTP/1.1 like a controller's Service does.
        server.start(QStringLiteral("python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import http.server, ssl, sys\n"
                                     "server = http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), http.server.SimpleHTTPRequestHandler)\n"
                                     "tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n"
                                     "tls.load_cert_chain('server.crt', 'server.key')\n"
                                     "server.socket = tls.wrap_socket(server.socket, server_side=True)\n"
                                     "print('ACCEPT', flush=True)\n"
                                     "server.serve_forever()\n"),
                      QString::number(port)});
        QVERIFY(server.waitForStarted());
        QByteArray banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += server.readAll()).contains("ACCEPT"), 10000); // listening

        const Result<SealingCertificate> fetched = CertificateDownload::load(QStringLiteral("https://127.0.0.1:%1/cert.pem").arg(port));
        const Result<SealingCertificate> missing = CertificateDownload::load(QStringLiteral("https://127.0.0.1:%1/nothing.pem").arg(port));
        server.kill();
        server.waitForFinished();
        QVERIFY2(fetched.ok(), qPrintable(fetched.errorMessage()));
        QVERIFY(fetched->subject().contains(QStringLiteral("CN=sealed-secret")));
        QVERIFY(!missing);
    }
};

QTEST_GUILESS_MAIN(TestSealingCertificate)
#include "tst_sealingcertificate.moc"
