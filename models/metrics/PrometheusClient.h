// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "metrics/PrometheusEndpoint.h"
#include "metrics/QueryResolution.h"
#include "metrics/TimeSeries.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace studio {

/// Talks to one Prometheus over its HTTP API. Every call returns at once; the answer is parsed on a
/// worker thread and handed to `done` on the thread of `context` (never called when `context` is
/// gone). Failures are one clear sentence: "Prometheus at URL is unreachable: reason" for network,
/// timeout and TLS problems, the server's `errorType` and `error` for refused queries.
class PrometheusClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Handler = std::function<void(Result<T>)>;
    /// Reads a body into T on a worker thread: (body, HTTP status, origin).
    template<typename T>
    using BodyParser = std::function<Result<T>(const QByteArray &, int, const QString &)>;

    explicit PrometheusClient(PrometheusEndpoint endpoint, QObject *parent = nullptr);
    ~PrometheusClient() override;

    const PrometheusEndpoint &endpoint() const { return m_endpoint; }
    /// "Prometheus at http://host:9090", the subject of every message.
    QString origin() const;

    /// /api/v1/query at `time` (invalid = the server's now).
    void query(const QString &promql, const QDateTime &time, QObject *context, Handler<QList<InstantSample>> done);
    /// /api/v1/query_range, sent as a form-encoded POST so long expressions fit.
    void queryRange(const QString &promql, const QueryWindow &window, QObject *context, Handler<QList<TimeSeries>> done);
    /// /api/v1/labels, optionally within [start, end] (Unix seconds; 0 = unbounded).
    void labels(QObject *context, Handler<QStringList> done, qint64 start = 0, qint64 end = 0);
    /// /api/v1/series for the `match[]` selectors.
    void series(const QStringList &matchers, QObject *context, Handler<QList<MetricLabels>> done, qint64 start = 0,
                qint64 end = 0);
    /// /api/v1/alerts.
    void alerts(QObject *context, Handler<QList<PrometheusAlert>> done);

    /// Aborts every request in flight; their handlers are not called.
    void cancelAll();

private:
    /// Sends a request and hands the raw body (or a transport error) to `received`.
    void send(const QString &path, const QList<std::pair<QString, QString>> &parameters, bool post,
              std::function<void(Result<QByteArray>, int httpStatus)> received);
    template<typename T>
    void fetch(const QString &path, const QList<std::pair<QString, QString>> &parameters, bool post, QObject *context,
               BodyParser<T> parse, Handler<T> done);
    QNetworkRequest request(const QUrl &url) const;
    QString unreachable(QNetworkReply *reply, bool timedOut, const QStringList &tlsErrors) const;

    PrometheusEndpoint m_endpoint;
    QNetworkAccessManager *m_network;
};

} // namespace studio
