// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

struct git_repository;

namespace studio {

/// Who made a commit, and when.
struct GitSignature {
    QString name;
    QString email;
    QDateTime when; ///< with its UTC offset; invalid = now
};

/// A Git repository opened through libgit2. Every libgit2 handle is owned by an RAII wrapper and
/// every failure carries libgit2's message, captured where it happened.
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

    /// Clones `url` (a path, file://, https:// or ssh URL) into `path`.
    static Result<GitRepository> clone(const QString &url, const QString &path);

    QString workdir() const;

    /// Stages every change in the work tree (new, modified and deleted files) and commits it on HEAD.
    /// Returns the new commit id.
    Result<QString> commitAll(const QString &message, const GitSignature &author);

    Status addRemote(const QString &name, const QString &url);
    /// Pushes `branch` to `remote` and makes it the branch's upstream.
    Status push(const QString &remote, const QString &branch);

    /// Commit subjects from HEAD backwards.
    Result<QStringList> log(int maxCount = 100) const;

private:
    explicit GitRepository(git_repository *repository);
    std::unique_ptr<git_repository, void (*)(git_repository *)> m_repo;
};

} // namespace studio
