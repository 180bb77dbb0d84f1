// SPDX-License-Identifier: MIT
#pragma once

// Runs tests/peers/hcl2json.mjs (HashiCorp's HCL parser and hclwrite formatter, from npm) as a real
// node process and returns what it printed: { FILE: { "json": <Terraform JSON>, "formatted": <fmt text> } }.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

struct HclPeerResult {
    QJsonObject files;
    QString error; ///< empty on success
};

inline QString hclPeerMissing()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        return QStringLiteral("node (Node.js >= 20) is not on PATH: install it, then run `npm ci` in tests/peers");
    for (const char *package : {"@cdktf/hcl2json", "@cdktf/hcl-tools"})
        if (!QFile::exists(QStringLiteral(STUDIO_TEST_PEERS_DIR "/node_modules/") + QLatin1String(package) + QStringLiteral("/package.json")))
            return QStringLiteral("%1 is not installed: run `npm ci` in %2").arg(QLatin1String(package), QStringLiteral(STUDIO_TEST_PEERS_DIR));
    return {};
}

/// Parses `files` (paths relative to `directory`).
inline HclPeerResult parseHcl(const QString &directory, const QStringList &files)
{
    QProcess node;
    node.setWorkingDirectory(directory);
    node.start(QStringLiteral("node"), QStringList{QStringLiteral(STUDIO_TEST_PEERS_DIR "/hcl2json.mjs")} + files);
    HclPeerResult result;
    if (!node.waitForFinished(120000) || node.exitStatus() != QProcess::NormalExit) {
        result.error = QStringLiteral("hcl2json.mjs did not finish: %1").arg(node.errorString());
        return result;
    }
    if (node.exitCode() != 0) {
        result.error = QStringLiteral("hcl2json.mjs exit %1: %2").arg(node.exitCode()).arg(QString::fromUtf8(node.readAllStandardError()));
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(node.readAllStandardOutput(), &parseError);
    if (!doc.isObject())
        result.error = QStringLiteral("hcl2json.mjs printed no JSON object: %1").arg(parseError.errorString());
    result.files = doc.object();
    return result;
}

/// How Terraform's JSON syntax (what hcl2json prints) writes a literal string: "${" and "%{" doubled
/// to "$${" and "%%{". A literal that came back as this is a literal; an interpolation the
/// writer failed to escape comes back undoubled and does not match.
inline QString jsonTemplateLiteral(QString literal)
{
    return literal.replace(QStringLiteral("${"), QStringLiteral("$${")).replace(QStringLiteral("%{"), QStringLiteral("%%{"));
}
