// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "secrets/SealingCertificate.h"

#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace studio {

/// Fetches a Sealed Secrets controller certificate over HTTPS (the TLS peer verified, never
/// http://) and checks it like a certificate file. Asynchronous: start(), then finished().
class CertificateDownload : public QObject
{
    Q_OBJECT

public:
    explicit CertificateDownload(QObject *parent = nullptr);
    ~CertificateDownload() override;

    void start(const QUrl &url);
    bool isRunning() const { return m_reply != nullptr; }
    /// Set once finished() was emitted.
    const std::optional<Result<SealingCertificate>> &result() const { return m_result; }

    /// Blocks (in a local event loop) until the certificate is fetched or `timeoutMs` passed: for the
    /// command line, never the GUI thread.
    static Result<SealingCertificate> fetch(const QUrl &url, int timeoutMs = 30000);
    /// A file path or an https:// URL, as `sealedSecretsCert:` or `--cert` give it. Relative paths
    /// are resolved against `baseDir`.
    static Result<SealingCertificate> load(const QString &fileOrUrl, const QString &baseDir = QString());

signals:
    void finished();

private:
    void finish(Result<SealingCertificate> result);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    std::optional<Result<SealingCertificate>> m_result;
};

} // namespace studio
