// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "git/GitTypes.h"
#include "secrets/SecretFinding.h"

#include <QString>

namespace studio {

class GitRepository;

/// Stops plaintext secrets at commit time: scans what the index would commit (every file added or
/// changed against HEAD, as staged, not as in the work tree) and refuses the commit with file, line
/// and rule — unless the user overrides, which is recorded in the commit message as a
/// `Secrets-Override: <rule ids>` trailer.
///
/// Blocks on disk: call it from the worker thread that commits.
class CommitSecretGate
{
public:
    static constexpr auto kTrailer = "Secrets-Override";

    /// Findings in the staged versions of the files the next commit adds or changes.
    static Result<SecretFindings> scanStaged(const QString &repositoryPath);
    static Result<SecretFindings> scanStaged(const GitRepository &repository);
    /// Findings in content about to be committed.
    static SecretFindings scan(const QList<GitNewContent> &files);

    /// The message to commit with: `message` when nothing is found, `message` plus the override
    /// trailer when findings are overridden (`allowSecrets`), else an Error (code Refused) naming
    /// each finding and how to proceed.
    static Result<QString> approve(const QString &repositoryPath, const QString &message, bool allowSecrets);
    static Result<QString> approve(const GitRepository &repository, const QString &message, bool allowSecrets);

    /// The same decision for content about to be committed without staging (a revert brings files
    /// back): the message to commit with, or the refusal.
    static Result<QString> approveContents(const QList<GitNewContent> &files, const QString &message, bool allowSecrets);

    /// The refusal for `findings` (non-empty): each finding with file, line and rule, and how to proceed.
    static Error refusal(const SecretFindings &findings);

    /// `message` with a trailer paragraph "Secrets-Override: id1, id2" (rule ids sorted, once each).
    static QString withOverrideTrailer(const QString &message, const SecretFindings &findings);
};

} // namespace studio
