// SPDX-License-Identifier: MIT
#include "metrics/QueryTemplate.h"

#include <QRegularExpression>

namespace studio::QueryTemplate {

QString expand(const QString &expression, const QMap<QString, QString> &variables)
{
    // Longest names first is implicit: the pattern takes the whole identifier.
    static const QRegularExpression variable(QStringLiteral("\\$(?:\\{(\\w+)\\}|(\\w+))"));
    QString out;
    qsizetype last = 0;
    for (auto it = variable.globalMatch(expression); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.hasCaptured(1) ? m.captured(1) : m.captured(2);
        out += QStringView(expression).mid(last, m.capturedStart() - last);
        out += variables.contains(name) ? variables.value(name) : m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(expression).mid(last);
    return out;
}

QString legend(const QString &format, const MetricLabels &labels)
{
    if (format.trimmed().isEmpty() || format == u"__auto")
        return labels.isEmpty() ? QString() : describeSeries(labels);
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(format); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(format).mid(last, m.capturedStart() - last);
        out += labels.value(m.captured(1));
        last = m.capturedEnd();
    }
    out += QStringView(format).mid(last);
    return out;
}

} // namespace studio::QueryTemplate
