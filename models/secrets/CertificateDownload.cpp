// SPDX-License-Identifier: MIT
#include "secrets/CertificateDownload.h"

#include <QDir>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace studio {

namespace {
constexpr qint64 kMaxCertificateSize = 1024 * 1024;
}

CertificateDownload::CertificateDownload(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

CertificateDownload::~CertificateDownload()
{
    if (m_reply)
        m_reply->abort();
}

void CertificateDownload::start(const QUrl &url)
{
    m_result.reset();
    m_url = url;
    if (url.scheme() != u"https") {
        QTimer::singleShot(0, this, [this, url] {
            finish(Error{Error::Code::Usage, QStringLiteral("%1 is not an https:// URL; the certificate must come over a "
                                                            "verified TLS connection or from a file")
                                                 .arg(url.toDisplayString())});
        });
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > kMaxCertificateSize && m_reply)
            m_reply->abort();
    });
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            finish(Error{Error::Code::Network, QStringLiteral("cannot fetch the certificate from %1: %2")
                                                   .arg(m_url.toDisplayString(), reply->errorString())});
            return;
        }
        finish(SealingCertificate::fromPem(reply->readAll(), m_url.toDisplayString()));
    });
}

void CertificateDownload::finish(Result<SealingCertificate> result)
{
    m_result = std::move(result);
    emit finished();
}

Result<SealingCertificate> CertificateDownload::fetch(const QUrl &url, int timeoutMs)
{
    CertificateDownload download;
    QEventLoop loop;
    connect(&download, &CertificateDownload::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    download.start(url);
    loop.exec();
    if (!download.result())
        return Error{Error::Code::Network, QStringLiteral("fetching the certificate from %1 timed out").arg(url.toDisplayString())};
    return *download.result();
}

Result<SealingCertificate> CertificateDownload::load(const QString &fileOrUrl, const QString &baseDir)
{
    if (fileOrUrl.contains(QLatin1String("://")))
        return fetch(QUrl(fileOrUrl));
    const QString path = baseDir.isEmpty() ? fileOrUrl : QDir(baseDir).absoluteFilePath(fileOrUrl);
    return SealingCertificate::fromFile(path);
}

} // namespace studio
