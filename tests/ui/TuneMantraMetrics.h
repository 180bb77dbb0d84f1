// SPDX-License-Identifier: MIT
// OpenMetrics text with the series the demo dashboard queries (requests, latency histogram, CPU,
// memory, restarts) for one environment, sampled every 15 s — the input of a test Prometheus.
#pragma once

#include <QByteArray>
#include <QString>

#include <cmath>

namespace studio::test {

/// Samples over [end - hours, end]; from `changeAt` on, the 5xx rate triples (a bad promotion).
inline QByteArray tuneMantraOpenMetrics(const QString &environment, qint64 end, int hours, qint64 changeAt)
{
    const QByteArray ns = "namespace=\"tunemantra-" + environment.toUtf8() + "\"";
    const QByteArray pod = "pod=\"tunemantra-7d9f8-x2kqp\",container=\"tunemantra\"";
    const int samples = hours * 240;
    const qint64 start = end - qint64(samples - 1) * 15;
    QByteArray out;
    auto series = [&](const QByteArray &name, const QByteArray &labels, auto valueAt) {
        for (int i = 0; i < samples; ++i) {
            const qint64 t = start + qint64(i) * 15;
            out += name + '{' + labels + "} " + QByteArray::number(valueAt(i, t), 'g', 12) + ' ' + QByteArray::number(t) + '\n';
        }
    };
    // Counters integrate a rate that follows a daily-ish wave.
    auto traffic = [](qint64 t) { return 40.0 + 12.0 * std::sin(double(t) / 1800.0); };
    double ok = 0, failed = 0;
    out += "# TYPE http_requests counter\n";
    series("http_requests_total", ns + ",status=\"200\"", [&](int, qint64 t) { return ok += 15 * traffic(t); });
    series("http_requests_total", ns + ",status=\"500\"", [&](int, qint64 t) {
        return failed += 15 * traffic(t) * (t >= changeAt ? 0.06 : 0.02);
    });
    out += "# TYPE http_request_duration_seconds histogram\n";
    const double bounds[] = {0.05, 0.1, 0.25, 0.5, 1.0};
    const double shares[] = {0.30, 0.55, 0.85, 0.97, 0.995};
    for (int b = 0; b <= 5; ++b) {
        const QByteArray le = b < 5 ? QByteArray::number(bounds[b]) : QByteArray("+Inf");
        double count = 0;
        series("http_request_duration_seconds_bucket", ns + ",le=\"" + le + "\"", [&](int, qint64 t) {
            const double share = b < 5 ? shares[b] * (t >= changeAt && b >= 2 ? 0.93 : 1.0) : 1.0;
            return count += 15 * traffic(t) * share;
        });
    }
    out += "# TYPE container_cpu_usage_seconds counter\n";
    double cpu = 0;
    series("container_cpu_usage_seconds_total", ns + ',' + pod, [&](int, qint64 t) { return cpu += 15 * (0.25 + traffic(t) / 400.0); });
    out += "# TYPE container_memory_working_set_bytes gauge\n";
    series("container_memory_working_set_bytes", ns + ',' + pod,
           [&](int i, qint64) { return 300.0 * 1048576 + double(i % 240) * 65536; });
    out += "# TYPE kube_pod_container_status_restarts counter\n";
    series("kube_pod_container_status_restarts_total", ns + ',' + pod, [&](int, qint64 t) { return t >= changeAt ? 1.0 : 0.0; });
    out += "# EOF\n";
    return out;
}

} // namespace studio::test
