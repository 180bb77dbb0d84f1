// SPDX-License-Identifier: MIT
#pragma once

// Value types the Git layer hands out: plain data, no libgit2 types, safe to copy between threads.

#include <QDateTime>
#include <QList>
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace studio {

/// Who made a commit, and when.
struct GitSignature {
    QString name;
    QString email;
    QDateTime when; ///< with its UTC offset; invalid = now
};

/// How a file differs between two states (HEAD → index, index → work tree, or parent → commit).
enum class GitChange { Unchanged, New, Modified, Deleted, Renamed, TypeChanged, Conflicted };

/// One line of `git status`: what is staged (HEAD → index) and what is not (index → work tree).
struct GitFileStatus {
    QString path;    ///< relative to the work tree, '/'-separated; the new name of a staged rename
    QString oldPath; ///< the name before a staged rename, else empty
    GitChange staged = GitChange::Unchanged;
    GitChange unstaged = GitChange::Unchanged; ///< New = untracked
    bool isConflicted() const { return staged == GitChange::Conflicted || unstaged == GitChange::Conflicted; }
    bool isUntracked() const { return staged == GitChange::Unchanged && unstaged == GitChange::New; }
};

/// One commit as history views show it.
struct GitCommitInfo {
    QString id;      ///< full hex object id
    QString shortId; ///< 7 hex digits (like `git log --oneline` in small repositories)
    QString summary; ///< the first paragraph of the message, on one line
    QString message; ///< the full message
    GitSignature author;
    GitSignature committer;
    QStringList parentIds;
};

/// One file changed by a commit, with both versions of its text for a side-by-side or line diff.
struct GitFileDiff {
    QString oldPath; ///< empty for an added file
    QString newPath; ///< empty for a deleted file
    GitChange change = GitChange::Modified;
    bool binary = false; ///< texts are empty for binary files
    QString oldText;
    QString newText;
};

/// A file a commit is about to add or change, with its new content (for checks before committing).
struct GitNewContent {
    QString path; ///< relative to the work tree, '/'-separated
    QByteArray content;
};

/// A branch, local or remote-tracking.
struct GitBranch {
    QString name;     ///< "main", or "origin/main" for a remote-tracking branch
    QString fullName; ///< "refs/heads/main", "refs/remotes/origin/main"
    bool isRemote = false;
    bool isHead = false;  ///< the checked-out branch
    QString targetId;     ///< the commit it points at; empty for the unborn current branch
    QString upstream;     ///< "origin/main" when configured (local branches only)
};

/// What a fast-forward pull did.
struct GitPullResult {
    bool upToDate = false; ///< nothing to do: the branch already contains the remote's commits
    QString oldId;         ///< before; empty when the branch had no commit yet
    QString newId;         ///< after
};

} // namespace studio
