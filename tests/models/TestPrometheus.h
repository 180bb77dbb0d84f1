// SPDX-License-Identifier: MIT
// A real Prometheus (Debian's `prometheus` binary) for the metrics tests: started on a free
// loopback port with its own config and storage in a temporary folder, stopped with the object.
// Deterministic data comes from TSDB blocks built by `promtool tsdb create-blocks-from openmetrics`;
// live data from Prometheus scraping itself every second.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace studio::test {

/// A loopback port nobody listens on (free at the time of asking).
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

inline bool writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

/// Runs a tool and returns its exit code (-1 when it could not run); its output goes to `output`.
inline int runTool(const QString &program, const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(120000))
        return -1;
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

class TestPrometheus
{
public:
    struct Options {
        bool scrapeSelf = true;    ///< scrape itself every second (needs plain HTTP without auth)
        QByteArray openMetrics;    ///< when set, turned into TSDB blocks in the storage folder first
        QByteArray webConfig;      ///< `--web.config.file` content (TLS, basic auth)
        QByteArray rules;          ///< a rule file (alerts), evaluated every second
        bool https = false;        ///< the URL uses https (webConfig must hold tls_server_config)
    };

    static bool isInstalled()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("prometheus")).isEmpty()
               && !QStandardPaths::findExecutable(QStringLiteral("promtool")).isEmpty();
    }

    ~TestPrometheus() { stop(); }

    QString folder() const { return m_dir.path(); }
    QString url() const { return m_url; }
    QString log() const { return QString::fromUtf8(m_log); }

    /// Starts the server and waits until it is ready; the reason on failure is in `error`.
    bool start(const Options &options, QString *error)
    {
        const QString storage = m_dir.filePath(QStringLiteral("data"));
        QDir().mkpath(storage);
        if (!options.openMetrics.isEmpty()) {
            const QString input = m_dir.filePath(QStringLiteral("input.om"));
            QByteArray output;
            if (!writeText(input, options.openMetrics)
                || runTool(QStringLiteral("promtool"), {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                                                        QStringLiteral("openmetrics"), input, storage},
                           &output) != 0) {
                *error = QStringLiteral("promtool could not create blocks: %1").arg(QString::fromUtf8(output));
                return false;
            }
        }
        const quint16 port = freeLoopbackPort();
        const QByteArray address = "127.0.0.1:" + QByteArray::number(port);
        QByteArray config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n";
        if (!options.rules.isEmpty()) {
            writeText(m_dir.filePath(QStringLiteral("rules.yml")), options.rules);
            config += "rule_files: [" + m_dir.filePath(QStringLiteral("rules.yml")).toUtf8() + "]\n";
        }
        if (options.scrapeSelf)
            config += "scrape_configs:\n  - job_name: prometheus\n    static_configs:\n      - targets: ['" + address + "']\n";
        writeText(m_dir.filePath(QStringLiteral("prometheus.yml")), config);

        QStringList arguments{QStringLiteral("--config.file=%1").arg(m_dir.filePath(QStringLiteral("prometheus.yml"))),
                              QStringLiteral("--storage.tsdb.path=%1").arg(storage),
                              QStringLiteral("--storage.tsdb.retention.time=10y"),
                              QStringLiteral("--web.listen-address=%1").arg(QString::fromLatin1(address)),
                              QStringLiteral("--log.level=warn")};
        if (!options.webConfig.isEmpty()) {
            writeText(m_dir.filePath(QStringLiteral("web.yml")), options.webConfig);
            arguments << QStringLiteral("--web.config.file=%1").arg(m_dir.filePath(QStringLiteral("web.yml")));
        }
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        QObject::connect(m_process.get(), &QProcess::readyRead, [this] { m_log += m_process->readAll(); });
        m_process->start(QStringLiteral("prometheus"), arguments);
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("cannot start prometheus: %1").arg(m_process->errorString());
            return false;
        }
        m_url = QStringLiteral("%1://127.0.0.1:%2").arg(options.https ? QStringLiteral("https") : QStringLiteral("http")).arg(port);
        // Ready = the port accepts connections (a TLS or auth-protected server answers nothing useful to a probe).
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 30000) {
            if (m_process->state() != QProcess::Running) {
                *error = QStringLiteral("prometheus exited: %1").arg(log());
                return false;
            }
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (socket.waitForConnected(200)) {
                socket.disconnectFromHost();
                if (options.webConfig.isEmpty())
                    return waitUntilReady(error);
                return true;
            }
            QTest::qWait(100);
        }
        *error = QStringLiteral("prometheus did not open port %1 in 30 s: %2").arg(port).arg(log());
        return false;
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_process.reset();
    }

private:
    bool waitUntilReady(QString *error)
    {
        QNetworkAccessManager network;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 30000) {
            std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(QUrl(m_url + QStringLiteral("/-/ready")))));
            QElapsedTimer wait;
            wait.start();
            while (!reply->isFinished() && wait.elapsed() < 2000)
                QTest::qWait(20);
            if (reply->isFinished() && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                return true;
            QTest::qWait(100);
        }
        *error = QStringLiteral("prometheus at %1 was not ready in 30 s: %2").arg(m_url, log());
        return false;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QString m_url;
};

} // namespace studio::test
