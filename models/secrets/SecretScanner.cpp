// SPDX-License-Identifier: MIT
#include "secrets/SecretScanner.h"

#include "secrets/KeywordPrefilter.h"
#include "secrets/KubernetesSecretScan.h"
#include "secrets/SecretRules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <array>
#include <cmath>

namespace studio {

namespace {

constexpr qsizetype kBinaryProbe = 8000;
constexpr qsizetype kMultilineWindow = 64 * 1024;
constexpr qint64 kMaxFileSize = 64LL * 1024 * 1024;

const KeywordPrefilter &prefilter()
{
    static const KeywordPrefilter filter(SecretRules::all());
    return filter;
}

/// Line starts of a file, computed once when a rule's keyword first occurs.
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &content) : m_content(content) {}

    qsizetype start(int line)
    {
        build();
        return m_starts.at(size_t(line));
    }
    qsizetype end(int line) // exclusive, without the line break
    {
        build();
        qsizetype e = size_t(line) + 1 < m_starts.size() ? m_starts.at(size_t(line) + 1) - 1 : m_content.size();
        if (e > start(line) && m_content.at(e - 1) == '\r')
            --e;
        return e;
    }
    QString text(int line)
    {
        auto cached = m_texts.constFind(line);
        if (cached != m_texts.cend())
            return cached.value();
        const QString text = QString::fromUtf8(m_content.constData() + start(line), end(line) - start(line));
        m_texts.insert(line, text);
        return text;
    }

private:
    void build()
    {
        if (!m_starts.empty())
            return;
        m_starts.push_back(0);
        const char *data = m_content.constData();
        const qsizetype size = m_content.size();
        for (const char *p = data; (p = static_cast<const char *>(memchr(p, '\n', size_t(data + size - p))));) {
            ++p;
            m_starts.push_back(p - data);
        }
    }

    const QByteArray &m_content;
    std::vector<qsizetype> m_starts;
    QHash<int, QString> m_texts;
};

bool looksBinary(const QByteArray &content)
{
    return memchr(content.constData(), '\0', size_t(qMin(content.size(), kBinaryProbe))) != nullptr;
}

bool hasAllowComment(const QString &line)
{
    return line.contains(QLatin1String(SecretScanner::kAllowComment)) || line.contains(QLatin1String("gitleaks:allow"));
}

bool allowedByRule(const SecretRule &rule, const QString &secret, const QRegularExpressionMatch &match)
{
    if (SecretRules::isPlaceholder(secret))
        return true;
    if (rule.entropy > 0 && SecretScanner::entropy(secret) <= rule.entropy)
        return true;
    for (const QRegularExpression &allowed : rule.allowedSecretRegexes) {
        if (allowed.match(secret).hasMatch())
            return true;
    }
    if (!rule.stopwords.isEmpty()) {
        const QString lower = secret.toLower();
        for (const QString &word : rule.stopwords) {
            if (lower.contains(word))
                return true;
        }
    }
    if (rule.keyGroup > 0 && rule.allowedKeyRegex.isValid() && rule.allowedKeyRegex.match(match.captured(rule.keyGroup)).hasMatch())
        return true;
    return false;
}

/// The rule's secret group, or the first non-empty group (gitleaks' rule), or the whole match.
int secretGroupOf(const SecretRule &rule, const QRegularExpressionMatch &match)
{
    if (rule.secretGroup > 0 || match.lastCapturedIndex() == 0)
        return rule.secretGroup;
    for (int group = 1; group <= match.lastCapturedIndex(); ++group) {
        if (!match.captured(group).isEmpty())
            return group;
    }
    return 0;
}

struct Span {
    int line;
    qsizetype begin;
    qsizetype end;
};

} // namespace

SecretFindings SecretScanner::scanText(const QByteArray &content, const QString &path)
{
    if (isAllowedPath(path) || content.isEmpty() || looksBinary(content))
        return {};
    const QByteArray lower = content.toLower();
    LineIndex lines(content);
    SecretFindings findings;
    QList<Span> spans; // where secrets were found, so the generic rule does not repeat a specific one
    const QList<SecretRule> &rules = SecretRules::all();
    const std::vector<std::vector<int>> candidates = prefilter().candidateLines(lower);
    for (qsizetype r = 0; r < rules.size(); ++r) {
        const SecretRule &rule = rules.at(r);
        for (const int line : candidates[size_t(r)]) {
            const QString lineText = lines.text(line);
            if (hasAllowComment(lineText))
                continue;
            const QString text = rule.multiline
                                     ? QString::fromUtf8(content.constData() + lines.start(line),
                                                         qMin(kMultilineWindow, content.size() - lines.start(line)))
                                     : lineText;
            for (QRegularExpressionMatchIterator it = rule.regex.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch match = it.next();
                if (rule.multiline && match.capturedStart() > lineText.size())
                    break; // the block starts on a later line, which is a candidate of its own
                const int group = secretGroupOf(rule, match);
                const QString secret = match.captured(group);
                if (allowedByRule(rule, secret, match))
                    continue;
                const qsizetype begin = match.capturedStart(group);
                const qsizetype end = rule.multiline ? lineText.size() : match.capturedEnd(group);
                const bool repeated = std::any_of(spans.cbegin(), spans.cend(), [&](const Span &s) {
                    return s.line == line && s.begin < end && begin < s.end;
                });
                if (repeated)
                    continue;
                spans.push_back({line, begin, end});
                const QString shown = rule.multiline ? lineText.left(begin) + secret.left(secret.indexOf(QLatin1String("-----"), 5) + 5)
                                                           + QStringLiteral(" ****")
                                                     : mask(lineText, secret);
                findings.push_back({path, line + 1, int(begin) + 1, rule.id, rule.description, shown.trimmed()});
                if (rule.multiline)
                    break;
            }
        }
    }
    if (KubernetesSecretScan::applies(path, lower))
        findings << KubernetesSecretScan::findings(QString::fromUtf8(content), path);
    std::sort(findings.begin(), findings.end(), [](const SecretFinding &a, const SecretFinding &b) {
        return std::tie(a.line, a.column, a.rule) < std::tie(b.line, b.column, b.rule);
    });
    return findings;
}

SecretScanReport SecretScanner::scanFiles(const QList<SecretScanTarget> &targets)
{
    struct FileResult {
        SecretFindings findings;
        QString problem;
    };
    SecretRules::all(); // compile once before the threads start
    prefilter();
    const QList<FileResult> results = QtConcurrent::blockingMapped(targets, [](const SecretScanTarget &target) {
        FileResult result;
        if (isAllowedPath(target.displayPath))
            return result;
        QFile file(target.absolutePath);
        if (file.size() > kMaxFileSize) {
            result.problem = QStringLiteral("%1: larger than 64 MiB, not scanned").arg(target.displayPath);
            return result;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            result.problem = QStringLiteral("%1: %2").arg(target.displayPath, file.errorString());
            return result;
        }
        result.findings = scanText(file.readAll(), target.displayPath);
        return result;
    });
    SecretScanReport report;
    report.filesScanned = int(targets.size());
    for (const FileResult &result : results) {
        report.findings << result.findings;
        if (!result.problem.isEmpty())
            report.unreadable << result.problem;
    }
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const SecretFinding &a, const SecretFinding &b) { return a.file < b.file; });
    return report;
}

QList<SecretScanTarget> SecretScanner::collect(const QStringList &paths, const QString &root)
{
    const QDir base(root);
    QList<SecretScanTarget> targets;
    auto add = [&](const QFileInfo &info) {
        targets.push_back({info.absoluteFilePath(), QDir::cleanPath(base.relativeFilePath(info.absoluteFilePath()))});
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            add(info);
            continue;
        }
        QStringList folders{info.absoluteFilePath()};
        while (!folders.isEmpty()) {
            const QDir dir(folders.takeLast());
            const QFileInfoList entries =
                dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name);
            for (const QFileInfo &entry : entries) {
                if (entry.isDir()) {
                    if (entry.fileName() != u".git")
                        folders << entry.absoluteFilePath();
                } else {
                    add(entry);
                }
            }
        }
    }
    std::sort(targets.begin(), targets.end(),
              [](const SecretScanTarget &a, const SecretScanTarget &b) { return a.displayPath < b.displayPath; });
    return targets;
}

bool SecretScanner::isAllowedPath(const QString &path)
{
    static const QSet<QString> lockFiles{
        QStringLiteral("package-lock.json"), QStringLiteral("yarn.lock"), QStringLiteral("pnpm-lock.yaml"),
        QStringLiteral("go.sum"), QStringLiteral("Cargo.lock"), QStringLiteral("poetry.lock"),
        QStringLiteral("composer.lock"), QStringLiteral("Gemfile.lock"), QStringLiteral("Chart.lock")};
    static const QSet<QString> binaryExtensions{
        QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("gif"), QStringLiteral("ico"),
        QStringLiteral("webp"), QStringLiteral("pdf"), QStringLiteral("zip"), QStringLiteral("gz"), QStringLiteral("tgz"),
        QStringLiteral("xz"), QStringLiteral("bz2"), QStringLiteral("tar"), QStringLiteral("jar"), QStringLiteral("war"),
        QStringLiteral("class"), QStringLiteral("so"), QStringLiteral("dll"), QStringLiteral("exe"), QStringLiteral("woff"),
        QStringLiteral("woff2"), QStringLiteral("ttf"), QStringLiteral("eot"), QStringLiteral("mp3"), QStringLiteral("mp4")};
    const qsizetype slash = path.lastIndexOf(u'/');
    const QString name = path.mid(slash + 1);
    if (lockFiles.contains(name))
        return true;
    const qsizetype dot = name.lastIndexOf(u'.');
    return dot > 0 && binaryExtensions.contains(name.mid(dot + 1).toLower());
}

double SecretScanner::entropy(const QString &text)
{
    if (text.isEmpty())
        return 0;
    QHash<char16_t, int> counts;
    for (const QChar c : text)
        ++counts[c.unicode()];
    double bits = 0;
    const double length = double(text.size());
    for (const int count : std::as_const(counts)) {
        const double p = count / length;
        bits -= p * std::log2(p);
    }
    return bits;
}

QString SecretScanner::mask(const QString &text, const QString &secret)
{
    const qsizetype shown = secret.size() >= 16 ? 4 : secret.size() >= 8 ? 2 : 0;
    QString masked = text;
    masked.replace(secret, secret.left(shown) + QStringLiteral("****"));
    if (masked.size() > 160)
        masked = masked.left(157) + QStringLiteral("...");
    return masked;
}

} // namespace studio
