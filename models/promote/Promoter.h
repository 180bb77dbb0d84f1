// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "git/CommitSigning.h"
#include "git/GitRemoteOptions.h"
#include "promote/PromotionPlan.h"

#include <QString>
#include <QStringList>

namespace studio {

class GitRepository;

struct Workspace;

/// How a promotion is recorded.
struct PromotionOptions {
    QStringList ids;          ///< the changes to promote (all when empty)
    bool commit = false;      ///< commit the edited files
    bool push = false;        ///< push the commit to origin (implies commit)
    QString message;          ///< commit message; generated from the plan when empty
    QString signKeyFile;      ///< SSH private key to sign with; Git's own settings otherwise
    bool allowSecrets = false; ///< commit even when the secret scanner finds something (recorded as a trailer)
    GitRemoteOptions remote;  ///< credentials, progress, cancellation for the push
};

/// What a promotion did.
struct PromotionOutcome {
    QStringList files;        ///< the files written
    QString commitId;         ///< empty when not committed
    bool signedCommit = false;
    bool pushed = false;
    QString pushError;        ///< why the push was refused (the commit is kept locally)
};

/// Carries out a promotion: refuses what the plan's check refuses (and unsigned commits to a
/// protected environment), writes the files (all or none), commits them — signed with the given key
/// or as Git's config asks — and pushes. A failed commit restores the files; a refused push keeps
/// the commit and says why.
class Promoter
{
public:
    static Result<PromotionOutcome> run(const Workspace &workspace, const PromotionPlan &plan,
                                        const PromotionOptions &options);

    /// The signer for commits in `repositoryPath`: `keyFile` when given, else Git's config
    /// (commit.gpgsign with gpg.format=ssh); an empty signer when nothing asks for signing.
    static Result<CommitSigner> signerFor(const QString &repositoryPath, const QString &keyFile, bool required);
    static Result<CommitSigner> signerFor(const GitRepository &repository, const QString &keyFile, bool required);
};

} // namespace studio
