// SPDX-License-Identifier: MIT
// SchemaStore against a real HTTP server on loopback: download into the on-disk cache, work offline
// from it afterwards, report missing schemas and unreachable servers clearly.

#include "schema/SchemaStore.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

/// Serves files of one folder over HTTP/1.0 on 127.0.0.1, counting requests.
class SchemaServer : public QObject
{
public:
    explicit SchemaServer(const QString &root) : m_root(root)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->readAll();
                    const QByteArray path = request.split(' ').value(1);
                    ++m_requests;
                    QFile file(m_root + QString::fromUtf8(path));
                    if (!path.contains("..") && file.open(QIODevice::ReadOnly)) {
                        const QByteArray body = file.readAll();
                        socket->write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    } else {
                        socket->write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                    }
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    int requests() const { return m_requests; }

private:
    QString m_root;
    QTcpServer m_server;
    int m_requests = 0;
};

const ResourceType kDeployment{QStringLiteral("apps/v1"), QStringLiteral("Deployment")};

} // namespace

class TestSchemaStore : public QObject
{
    Q_OBJECT

private slots:
    void downloadsOnceThenWorksOfflineFromTheCache()
    {
        SchemaServer server(QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes"));
        QTemporaryDir cache;
        const QString location = server.url() + QStringLiteral("/{{.NormalizedKubernetesVersion}}-standalone"
                                                               "{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json");
        SchemaStore::Options options;
        options.locations = {location};
        options.cacheDir = cache.path();
        {
            SchemaStore store(options);
            const SchemaStore::Lookup found = store.lookup(kDeployment);
            QVERIFY2(found.schema, qPrintable(found.error));
            QCOMPARE(found.tried.front(), server.url() + QStringLiteral("/v1.31.6-standalone-strict/deployment-apps-v1.json"));
            QCOMPARE(server.requests(), 1);
            // Compiled once per store, whatever asks again.
            QVERIFY(store.lookup(kDeployment).schema == found.schema);
            QCOMPARE(server.requests(), 1);
        }
        QCOMPARE(QDir(cache.path()).entryList(QDir::Files).size(), 1);

        options.offline = true;
        SchemaStore offline(options);
        QVERIFY(offline.lookup(kDeployment).schema);
        QCOMPARE(server.requests(), 1); // served from the cache
    }

    void aMissingSchemaIsNotFoundAndRemembered()
    {
        SchemaServer server(QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes"));
        QTemporaryDir cache;
        SchemaStore::Options options;
        options.locations = {server.url() + QStringLiteral("/{{.ResourceKind}}.json")};
        options.cacheDir = cache.path();
        const ResourceType frob{QStringLiteral("example.com/v1"), QStringLiteral("Frobnicator")};
        SchemaStore store(options);
        const SchemaStore::Lookup lookup = store.lookup(frob);
        QVERIFY(!lookup.schema);
        QVERIFY(lookup.error.isEmpty()); // not an error: simply no schema
        QCOMPARE(lookup.tried, QStringList{server.url() + QStringLiteral("/frobnicator.json")});
        SchemaStore again(options);
        QVERIFY(!again.lookup(frob).schema);
        QCOMPARE(server.requests(), 1); // the 404 is cached too
    }

    void anUnreachableServerSaysWhatToDo()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        SchemaStore::Options options;
        options.locations = {QStringLiteral("http://127.0.0.1:%1/{{.ResourceKind}}.json").arg(port)};
        options.downloadTimeoutMs = 5000;
        SchemaStore store(options);
        const SchemaStore::Lookup lookup = store.lookup(kDeployment);
        QVERIFY(!lookup.schema);
        QVERIFY2(lookup.error.contains(QStringLiteral("could not download")), qPrintable(lookup.error));
        QVERIFY2(lookup.error.contains(QStringLiteral("--schema-location")), qPrintable(lookup.error));
    }
};

QTEST_GUILESS_MAIN(TestSchemaStore)
#include "tst_schemastore.moc"
