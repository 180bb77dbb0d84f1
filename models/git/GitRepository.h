// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "git/CommitSigning.h"
#include "git/GitRemoteOptions.h"
#include "git/GitTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

struct git_repository;

namespace studio {

/// A Git repository opened through libgit2. Every libgit2 handle is owned by an RAII wrapper and
/// every failure carries libgit2's message, captured where it happened.
///
/// Operations block: run them on a worker thread, never on the GUI thread. One GitRepository must
/// not be used by two threads at once; open one per thread instead.
///
/// Nothing is lost: an operation that cannot complete leaves the work tree, the index and the
/// branches as they were (a refused push keeps the local commit, a conflicting revert changes
/// nothing, a non-fast-forward pull moves nothing).
class GitRepository
{
public:
    GitRepository(GitRepository &&) noexcept;
    GitRepository &operator=(GitRepository &&) noexcept;
    ~GitRepository();

    static Result<GitRepository> open(const QString &path);
    /// Creates a repository whose first branch is `initialBranch`.
    static Result<GitRepository> init(const QString &path, bool bare = false,
                                      const QString &initialBranch = QStringLiteral("main"));

    /// Sets libgit2 up (once per process; thread-safe). open() and clone() do it when needed. Calling
    /// it early on a worker thread overlaps libgit2's set-up, which parses the system's CA
    /// certificates, with other work.
    static void initialiseLibrary();

    /// Clones `url` (a path, file://, https:// or ssh URL) into `path`.
    static Result<GitRepository> clone(const QString &url, const QString &path,
                                       const GitRemoteOptions &options = {});

    QString workdir() const;
    bool isBare() const;

    // --- identity and signing -------------------------------------------------------------------

    /// user.name and user.email from the repository's config, then the global one (as `git commit`
    /// finds them). A missing identity is an Error that says how to set it.
    Result<GitSignature> identity() const;

    /// Whether Git's configuration asks for signed commits (`commit.gpgsign=true`) and how
    /// (`gpg.format`, `user.signingkey`); nullopt when commits are not signed by default.
    /// Turn it into a signer with SshSigner::fromConfig().
    std::optional<SignerConfig> signingConfig() const;

    // --- work tree, index, commits --------------------------------------------------------------

    /// Changed, untracked and conflicted files (ignored files are left out), sorted by path.
    Result<QList<GitFileStatus>> status() const;
    /// The status of just these files (paths relative to the work tree): only they are read.
    Result<QList<GitFileStatus>> status(const QStringList &paths) const;

    /// The files the next commit would add or change against HEAD, with their staged content (not the
    /// work tree's): what a check before committing must look at.
    Result<QList<GitNewContent>> stagedContents() const;

    /// Stages files or folders (relative to the work tree, or absolute inside it) like `git add`:
    /// new and modified files are added, deleted ones removed from the index, conflicts resolved.
    Status stage(const QStringList &paths);
    /// Puts the index entries of `paths` back to HEAD (`git restore --staged`); the work tree is kept.
    Status unstage(const QStringList &paths);

    /// Commits the index on HEAD with the identity from Git's config. Refuses an empty commit and an
    /// index with conflicts. `signer`, when set, signs the commit (gpgsig). Returns the commit id.
    Result<QString> commit(const QString &message, const CommitSigner &signer = {});

    /// Stages every change in the work tree (new, modified and deleted files) and commits it on HEAD
    /// with `author` as author and committer. Returns the new commit id.
    Result<QString> commitAll(const QString &message, const GitSignature &author,
                              const CommitSigner &signer = {});

    /// Full id of a revision ("HEAD", a branch, a short id…).
    Result<QString> resolve(const QString &revision) const;

    // --- branches -------------------------------------------------------------------------------

    /// The checked-out branch ("main"), also when it has no commit yet; empty when HEAD is detached.
    Result<QString> currentBranch() const;
    /// Local branches, then remote-tracking ones, each sorted by name.
    Result<QList<GitBranch>> branches() const;
    /// Creates `name` at `startPoint` (a revision; HEAD by default) without checking it out.
    Status createBranch(const QString &name, const QString &startPoint = QString());
    /// Checks out a local branch. Refuses when local changes would be overwritten.
    Status checkoutBranch(const QString &name);

    // --- remotes --------------------------------------------------------------------------------

    Status addRemote(const QString &name, const QString &url);

    /// Downloads new commits and updates the remote-tracking branches of `remote`.
    Status fetch(const QString &remote = QStringLiteral("origin"), const GitRemoteOptions &options = {});

    /// Fetches, then fast-forwards the current branch to its upstream (or `remote`/<same name>).
    /// A branch that has diverged is refused with the advice to rebase; nothing moves.
    Result<GitPullResult> pull(const QString &remote = QStringLiteral("origin"),
                               const GitRemoteOptions &options = {});

    /// Pushes `branch` to `remote` and makes it the branch's upstream. A rejection (non-fast-forward,
    /// or the server's hooks/policies) is an Error quoting the remote's reason and messages; the local
    /// commit is always kept.
    Status push(const QString &remote, const QString &branch, const GitRemoteOptions &options = {});

    // --- history --------------------------------------------------------------------------------

    /// Commit subjects from HEAD backwards.
    Result<QStringList> log(int maxCount = 100) const;

    /// Commits reachable from HEAD, newest first. With `paths` (files or folders relative to the work
    /// tree), only commits that change one of them; `maxCount` < 0 means all.
    Result<QList<GitCommitInfo>> history(const QStringList &paths = {}, int maxCount = -1) const;
    Result<GitCommitInfo> commitInfo(const QString &revision) const;

    /// The files a commit changed against its first parent (renames detected), with old and new text.
    Result<QList<GitFileDiff>> commitDiff(const QString &revision) const;
    /// The text of `path` (relative to the work tree) at `revision`; empty when the file does not
    /// exist there (a new file).
    Result<QString> fileText(const QString &revision, const QString &path) const;

    /// Looks at what a commit would add or change before anything is written: returns the message to
    /// commit with, or an Error that refuses the commit (e.g. plaintext secrets).
    using ContentCheck = std::function<Result<QString>(const QList<GitNewContent> &files, const QString &message)>;

    /// Reverts a commit as a new commit on HEAD (like `git revert --no-edit`), identity from Git's
    /// config. Refuses when tracked files have uncommitted changes; on conflicts nothing is changed and
    /// the Error lists the conflicting files. `check`, when set, sees the files the revert brings back
    /// and its message before anything is written. Returns the new commit id.
    Result<QString> revert(const QString &revision, const CommitSigner &signer = {}, const ContentCheck &check = {});

private:
    explicit GitRepository(git_repository *repository);
    std::unique_ptr<git_repository, void (*)(git_repository *)> m_repo;
};

} // namespace studio
