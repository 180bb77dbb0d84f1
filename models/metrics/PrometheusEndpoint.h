// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace studio {

/// How to authenticate to a Prometheus. The caller supplies it (the GUI reads it from the OS
/// keychain); the metrics layer never stores it.
struct PrometheusCredentials {
    enum class Kind { None, Bearer, Basic };
    Kind kind = Kind::None;
    QString token;    ///< for Bearer
    QString user;     ///< for Basic
    QString password; ///< for Basic

    static PrometheusCredentials bearer(QString token) { return {Kind::Bearer, std::move(token), {}, {}}; }
    static PrometheusCredentials basic(QString user, QString password)
    {
        return {Kind::Basic, {}, std::move(user), std::move(password)};
    }
};

/// Where a Prometheus is and how to talk to it. TLS certificates are always verified; extra
/// trusted CA certificates (a private CA) may be added, errors are never ignored.
struct PrometheusEndpoint {
    QUrl url;                                ///< base URL, e.g. http://127.0.0.1:9090 (a path prefix is kept)
    PrometheusCredentials credentials;
    QList<QSslCertificate> extraCaCertificates;
    int timeoutMs = 30000;                   ///< per request, from sending to the last byte
};

} // namespace studio
