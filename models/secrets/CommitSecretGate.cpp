// SPDX-License-Identifier: MIT
#include "secrets/CommitSecretGate.h"

#include "git/GitRepository.h"
#include "secrets/SecretScanner.h"

#include <QRegularExpression>

#include <algorithm>

namespace studio {

Result<SecretFindings> CommitSecretGate::scanStaged(const QString &repositoryPath)
{
    Result<GitRepository> repo = GitRepository::open(repositoryPath);
    if (!repo)
        return repo.error();
    return scanStaged(repo.value());
}

Result<SecretFindings> CommitSecretGate::scanStaged(const GitRepository &repository)
{
    const Result<QList<GitNewContent>> staged = repository.stagedContents();
    if (!staged)
        return staged.error();
    return scan(staged.value());
}

SecretFindings CommitSecretGate::scan(const QList<GitNewContent> &files)
{
    SecretFindings findings;
    for (const GitNewContent &file : files) {
        if (!SecretScanner::isAllowedPath(file.path))
            findings << SecretScanner::scanText(file.content, file.path);
    }
    return findings;
}

namespace {

Result<QString> decide(const SecretFindings &findings, const QString &message, bool allowSecrets)
{
    if (findings.isEmpty())
        return message;
    if (allowSecrets)
        return CommitSecretGate::withOverrideTrailer(message, findings);
    return CommitSecretGate::refusal(findings);
}

} // namespace

Result<QString> CommitSecretGate::approve(const QString &repositoryPath, const QString &message, bool allowSecrets)
{
    Result<SecretFindings> findings = scanStaged(repositoryPath);
    if (!findings)
        return findings.error();
    return decide(findings.value(), message, allowSecrets);
}

Result<QString> CommitSecretGate::approve(const GitRepository &repository, const QString &message, bool allowSecrets)
{
    Result<SecretFindings> findings = scanStaged(repository);
    if (!findings)
        return findings.error();
    return decide(findings.value(), message, allowSecrets);
}

Result<QString> CommitSecretGate::approveContents(const QList<GitNewContent> &files, const QString &message,
                                                  bool allowSecrets)
{
    return decide(scan(files), message, allowSecrets);
}

Error CommitSecretGate::refusal(const SecretFindings &findings)
{
    QStringList where;
    for (const SecretFinding &f : findings)
        where << QStringLiteral("%1:%2:%3 %4 (%5)").arg(f.file).arg(f.line).arg(f.column).arg(f.rule, f.description);
    return Error{Error::Code::Refused,
                 QStringLiteral("refusing to commit %1 plaintext secret(s): %2; seal or remove them, or override "
                                "explicitly (--allow-secrets) to record a %3 trailer")
                     .arg(findings.size())
                     .arg(where.join(QStringLiteral("; ")), QLatin1String(kTrailer))};
}

QString CommitSecretGate::withOverrideTrailer(const QString &message, const SecretFindings &findings)
{
    QStringList rules;
    for (const SecretFinding &f : findings) {
        if (!rules.contains(f.rule))
            rules << f.rule;
    }
    rules.sort();
    // Git reads trailers from the last paragraph only: join an existing trailer block (Promoted-From…).
    static const QRegularExpression trailerLine(QStringLiteral("^[A-Za-z0-9-]+: "));
    const QString body = message.trimmed();
    const QStringList lastParagraph = body.section(QStringLiteral("\n\n"), -1).split(u'\n');
    const bool endsWithTrailers = body.contains(QStringLiteral("\n\n"))
                                  && std::all_of(lastParagraph.cbegin(), lastParagraph.cend(), [](const QString &line) {
                                         return trailerLine.match(line).hasMatch();
                                     });
    return QStringLiteral("%1%2%3: %4\n")
        .arg(body, endsWithTrailers ? QStringLiteral("\n") : QStringLiteral("\n\n"), QLatin1String(kTrailer),
             rules.join(QStringLiteral(", ")));
}

} // namespace studio
