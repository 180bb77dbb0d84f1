// SPDX-License-Identifier: MIT
#include "metrics/PrometheusClient.h"

#include "metrics/PrometheusResponse.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace studio {

namespace {

using Parameters = QList<std::pair<QString, QString>>;

QString unixTime(qint64 seconds)
{
    return QString::number(seconds);
}

/// `a=1&b=2` with every reserved character percent-encoded ('+' included, which form decoders read as a space).
QByteArray formBody(const Parameters &parameters)
{
    QByteArray body;
    for (const auto &[key, value] : parameters) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

/// A parser of the `data` member for the small endpoints, which go through QJsonDocument.
template<typename T>
PrometheusClient::BodyParser<T> viaData(Result<T> (*parse)(const QJsonValue &))
{
    return [parse](const QByteArray &body, int status, const QString &origin) -> Result<T> {
        const Result<QJsonValue> data = PrometheusResponse::data(body, status, origin);
        return data ? parse(data.value()) : Result<T>(data.error());
    };
}

} // namespace

PrometheusClient::PrometheusClient(PrometheusEndpoint endpoint, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_network(new QNetworkAccessManager(this))
{
}

PrometheusClient::~PrometheusClient()
{
    cancelAll();
}

QString PrometheusClient::origin() const
{
    return QStringLiteral("Prometheus at %1").arg(m_endpoint.url.toDisplayString(QUrl::RemoveUserInfo));
}

QNetworkRequest PrometheusClient::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    const PrometheusCredentials &c = m_endpoint.credentials;
    if (c.kind == PrometheusCredentials::Kind::Bearer)
        request.setRawHeader("Authorization", "Bearer " + c.token.toUtf8());
    else if (c.kind == PrometheusCredentials::Kind::Basic)
        request.setRawHeader("Authorization", "Basic " + (c.user + QLatin1Char(':') + c.password).toUtf8().toBase64());
    if (url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_endpoint.extraCaCertificates.isEmpty())
            tls.addCaCertificates(m_endpoint.extraCaCertificates);
        request.setSslConfiguration(tls);
    }
    return request;
}

QString PrometheusClient::unreachable(QNetworkReply *reply, bool timedOut, const QStringList &tlsErrors) const
{
    QString reason;
    if (timedOut) {
        reason = QStringLiteral("no answer within %1 s").arg(m_endpoint.timeoutMs / 1000.0);
    } else if (!tlsErrors.isEmpty()) {
        reason = QStringLiteral("its TLS certificate is not trusted (%1); install the issuing CA certificate rather "
                                "than ignoring the error")
                     .arg(tlsErrors.join(QStringLiteral("; ")));
    } else {
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            reason = QStringLiteral("connection refused (is Prometheus running on that port?)");
            break;
        case QNetworkReply::HostNotFoundError:
            reason = QStringLiteral("host %1 not found").arg(reply->url().host());
            break;
        case QNetworkReply::SslHandshakeFailedError:
            // OpenSSL's words for a plain-HTTP answer to a TLS hello.
            reason = reply->errorString().contains(QLatin1String("wrong version number"))
                         ? QStringLiteral("the server does not speak TLS on that port (try http://)")
                         : QStringLiteral("the TLS handshake failed (%1)").arg(reply->errorString());
            break;
        case QNetworkReply::RemoteHostClosedError:
            reason = QStringLiteral("the server closed the connection (plain HTTP to a TLS port?)");
            break;
        default:
            reason = reply->errorString();
        }
    }
    return QStringLiteral("%1 is unreachable: %2").arg(origin(), reason);
}

void PrometheusClient::send(const QString &path, const Parameters &parameters, bool post,
                            std::function<void(Result<QByteArray>, int)> received)
{
    const QUrl base = m_endpoint.url;
    if (!base.isValid() || (base.scheme() != u"http" && base.scheme() != u"https") || base.host().isEmpty()) {
        received(Error{Error::Code::Usage, QStringLiteral("'%1' is not a Prometheus URL; write it like "
                                                          "http://127.0.0.1:9090 or https://prometheus.example.com")
                                               .arg(base.toDisplayString(QUrl::RemoveUserInfo))},
                 0);
        return;
    }
    QUrl url = base;
    QString prefix = base.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    QNetworkReply *reply = nullptr;
    if (post) {
        QNetworkRequest r = request(url);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
        reply = m_network->post(r, formBody(parameters));
    } else {
        url.setQuery(QString::fromLatin1(formBody(parameters)), QUrl::StrictMode);
        reply = m_network->get(request(url));
    }

    // Own timer rather than the transfer timeout, so a timeout is told apart from a cancel.
    auto timedOut = std::make_shared<bool>(false);
    auto tlsErrors = std::make_shared<QStringList>();
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(m_endpoint.timeoutMs);
    // Collected for the message only; certificate errors are never ignored.
    connect(reply, &QNetworkReply::sslErrors, reply, [tlsErrors](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            *tlsErrors << e.errorString();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, timedOut, tlsErrors, received = std::move(received)] {
        reply->deleteLater();
        if (reply->property("studioCancelled").toBool())
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0 || *timedOut || !tlsErrors->isEmpty()) {
            received(Error{Error::Code::Network, unreachable(reply, *timedOut, *tlsErrors)}, 0);
            return;
        }
        if (status == 401 || status == 403) {
            received(Error{Error::Code::Refused,
                           QStringLiteral("%1 refused the credentials (HTTP %2); check the user and password or the token")
                               .arg(origin())
                               .arg(status)},
                     status);
            return;
        }
        received(reply->readAll(), status);
    });
}

template<typename T>
void PrometheusClient::fetch(const QString &path, const Parameters &parameters, bool post, QObject *context,
                             BodyParser<T> parse, Handler<T> done)
{
    QPointer<QObject> guard(context);
    send(path, parameters, post,
         [guard, origin = origin(), parse = std::move(parse), done = std::move(done)](Result<QByteArray> body, int status) {
             if (!guard)
                 return;
             if (!body) {
                 done(body.error());
                 return;
             }
             // Parsing a large matrix takes long enough to stall a GUI thread.
             auto *watcher = new QFutureWatcher<std::shared_ptr<Result<T>>>(guard.data());
             QObject::connect(watcher, &QFutureWatcherBase::finished, guard.data(), [watcher, done] {
                 watcher->deleteLater();
                 done(*watcher->result());
             });
             watcher->setFuture(QtConcurrent::run([bytes = body.value(), status, origin, parse] {
                 return std::make_shared<Result<T>>(parse(bytes, status, origin));
             }));
         });
}

void PrometheusClient::query(const QString &promql, const QDateTime &time, QObject *context,
                             Handler<QList<InstantSample>> done)
{
    Parameters parameters{{QStringLiteral("query"), promql}};
    if (time.isValid())
        parameters.append({QStringLiteral("time"), unixTime(time.toSecsSinceEpoch())});
    fetch<QList<InstantSample>>(QStringLiteral("/api/v1/query"), parameters, true, context, &PrometheusResponse::instantResult,
                                std::move(done));
}

void PrometheusClient::queryRange(const QString &promql, const QueryWindow &window, QObject *context,
                                  Handler<QList<TimeSeries>> done)
{
    const Parameters parameters{{QStringLiteral("query"), promql},
                                {QStringLiteral("start"), unixTime(window.start)},
                                {QStringLiteral("end"), unixTime(window.end)},
                                {QStringLiteral("step"), QString::number(window.stepSeconds(), 'g', 12)}};
    fetch<QList<TimeSeries>>(QStringLiteral("/api/v1/query_range"), parameters, true, context,
                             &PrometheusResponse::rangeResult, std::move(done));
}

void PrometheusClient::labels(QObject *context, Handler<QStringList> done, qint64 start, qint64 end)
{
    Parameters parameters;
    if (start > 0)
        parameters.append({QStringLiteral("start"), unixTime(start)});
    if (end > 0)
        parameters.append({QStringLiteral("end"), unixTime(end)});
    fetch<QStringList>(QStringLiteral("/api/v1/labels"), parameters, false, context, viaData(&PrometheusResponse::labelNames),
                       std::move(done));
}

void PrometheusClient::series(const QStringList &matchers, QObject *context, Handler<QList<MetricLabels>> done,
                              qint64 start, qint64 end)
{
    Parameters parameters;
    for (const QString &m : matchers)
        parameters.append({QStringLiteral("match[]"), m});
    if (start > 0)
        parameters.append({QStringLiteral("start"), unixTime(start)});
    if (end > 0)
        parameters.append({QStringLiteral("end"), unixTime(end)});
    fetch<QList<MetricLabels>>(QStringLiteral("/api/v1/series"), parameters, true, context,
                               viaData(&PrometheusResponse::seriesList), std::move(done));
}

void PrometheusClient::alerts(QObject *context, Handler<QList<PrometheusAlert>> done)
{
    fetch<QList<PrometheusAlert>>(QStringLiteral("/api/v1/alerts"), {}, false, context, viaData(&PrometheusResponse::alerts),
                                  std::move(done));
}

void PrometheusClient::cancelAll()
{
    for (QNetworkReply *reply : m_network->findChildren<QNetworkReply *>()) {
        if (reply->isRunning()) {
            reply->setProperty("studioCancelled", true);
            reply->abort();
        }
    }
}

} // namespace studio
