// SPDX-License-Identifier: MIT
#pragma once

#include "secrets/SecretFinding.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace studio {

/// One file to scan: where to read it and how findings name it.
struct SecretScanTarget {
    QString absolutePath;
    QString displayPath; ///< e.g. relative to the repository root
};

/// What a scan of many files found.
struct SecretScanReport {
    SecretFindings findings; ///< ordered by file, line, column, rule
    int filesScanned = 0;
    QStringList unreadable;  ///< "path: reason" for files that could not be read
};

/// Finds plaintext secrets the way gitleaks does (keyword prefilter, regex, entropy, allowlists) and
/// Kubernetes `Secret` manifests carrying data. A line containing `deploy-studio:allow-secret` (or
/// gitleaks' `gitleaks:allow`) is skipped, as are lock files, binary files and placeholder values
/// (`${VAR}`, `<value>`, `{{ .Values.x }}`, `changeme`).
///
/// Thread-safe: scanText() has no shared mutable state; scanFiles() reads and scans in parallel.
class SecretScanner
{
public:
    static constexpr auto kAllowComment = "deploy-studio:allow-secret";

    /// Findings in one file's content; `path` (as it should be reported) selects path allowlists and
    /// the YAML-only Kubernetes rule.
    static SecretFindings scanText(const QByteArray &content, const QString &path);

    /// Reads and scans the targets on all cores.
    static SecretScanReport scanFiles(const QList<SecretScanTarget> &targets);

    /// The files under `paths` (files as given, folders recursed; `.git` folders and symbolic links
    /// skipped), named relative to `root`.
    static QList<SecretScanTarget> collect(const QStringList &paths, const QString &root);

    /// Lock files, images, archives and other files no secret rule applies to.
    static bool isAllowedPath(const QString &path);
    /// Shannon entropy in bits per character.
    static double entropy(const QString &text);
    /// `text` with `secret` masked: a few leading characters stay so a person can find it.
    static QString mask(const QString &text, const QString &secret);
};

} // namespace studio
