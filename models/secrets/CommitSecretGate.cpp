// SPDX-License-Identifier: MIT
#include "secrets/CommitSecretGate.h"

#include "git/Libgit2_p.h"
#include "secrets/SecretScanner.h"

#include <QRegularExpression>

#include <algorithm>

namespace studio {

Result<SecretFindings> CommitSecretGate::scanStaged(const QString &repositoryPath)
{
    libgit2::ensureInitialised();
    libgit2::Repository repo;
    if (git_repository_open_ext(repo.out(), repositoryPath.toUtf8().constData(), 0, nullptr) != 0)
        return libgit2::error(QStringLiteral("cannot open the repository %1").arg(repositoryPath));
    libgit2::Index index;
    if (git_repository_index(index.out(), repo.get()) != 0)
        return libgit2::error(QStringLiteral("cannot read the index"));
    // An unborn branch (first commit) compares against the empty tree: every staged file is new.
    libgit2::Tree headTree;
    libgit2::Object head;
    if (git_revparse_single(head.out(), repo.get(), "HEAD^{tree}") == 0)
        headTree = libgit2::Tree(reinterpret_cast<git_tree *>(head.release()));
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    libgit2::Diff diff;
    if (git_diff_tree_to_index(diff.out(), repo.get(), headTree.get(), index.get(), &options) != 0)
        return libgit2::error(QStringLiteral("cannot compare the index with HEAD"));

    SecretFindings findings;
    const size_t count = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diff.get(), i);
        if (delta->status == GIT_DELTA_DELETED || delta->new_file.mode == GIT_FILEMODE_COMMIT)
            continue;
        const QString path = libgit2::fromUtf8(delta->new_file.path);
        if (SecretScanner::isAllowedPath(path))
            continue;
        libgit2::Blob blob;
        if (git_blob_lookup(blob.out(), repo.get(), &delta->new_file.id) != 0)
            return libgit2::error(QStringLiteral("cannot read the staged %1").arg(path));
        const QByteArray content(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                                 qsizetype(git_blob_rawsize(blob.get())));
        findings << SecretScanner::scanText(content, path);
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

Result<QString> CommitSecretGate::approveContents(const QList<GitNewContent> &files, const QString &message,
                                                  bool allowSecrets)
{
    SecretFindings findings;
    for (const GitNewContent &file : files) {
        if (!SecretScanner::isAllowedPath(file.path))
            findings << SecretScanner::scanText(file.content, file.path);
    }
    return decide(findings, message, allowSecrets);
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
