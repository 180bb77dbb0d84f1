// SPDX-License-Identifier: MIT
#pragma once

// Private to models/git: RAII owners for libgit2 handles and the error capture every call site uses.

#include "core/Result.h"
#include "git/CommitSigning.h"
#include "git/GitTypes.h"

#include <git2.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace studio::libgit2 {

/// Initialises libgit2 once per process (and applies GIT_CONFIG_NOSYSTEM / GIT_CONFIG_GLOBAL, which
/// libgit2 itself ignores). Safe to call from any thread.
void ensureInitialised();

/// libgit2's last error is per thread: call this right where the call failed.
QString lastMessage();
Error error(const QString &what, Error::Code code = Error::Code::Git);

/// Owns one libgit2 handle and frees it with the matching git_*_free.
template<typename T, void (*Free)(T *)>
class Owned
{
public:
    Owned() = default;
    explicit Owned(T *ptr) : m_ptr(ptr) {}
    Owned(const Owned &) = delete;
    Owned &operator=(const Owned &) = delete;
    Owned(Owned &&other) noexcept : m_ptr(other.m_ptr) { other.m_ptr = nullptr; }
    Owned &operator=(Owned &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_ptr = other.m_ptr;
            other.m_ptr = nullptr;
        }
        return *this;
    }
    ~Owned() { reset(); }

    /// For libgit2's out-parameters; frees what was held before.
    T **out()
    {
        reset();
        return &m_ptr;
    }
    T *get() const { return m_ptr; }
    /// Hands the handle over to a new owner.
    T *release() { return std::exchange(m_ptr, nullptr); }
    explicit operator bool() const { return m_ptr != nullptr; }
    void reset()
    {
        if (m_ptr)
            Free(m_ptr);
        m_ptr = nullptr;
    }

private:
    T *m_ptr = nullptr;
};

using AnnotatedCommit = Owned<git_annotated_commit, git_annotated_commit_free>;
using Blob = Owned<git_blob, git_blob_free>;
using BranchIterator = Owned<git_branch_iterator, git_branch_iterator_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Config = Owned<git_config, git_config_free>;
using Diff = Owned<git_diff, git_diff_free>;
using Index = Owned<git_index, git_index_free>;
using IndexConflictIterator = Owned<git_index_conflict_iterator, git_index_conflict_iterator_free>;
using Object = Owned<git_object, git_object_free>;
using Reference = Owned<git_reference, git_reference_free>;
using Remote = Owned<git_remote, git_remote_free>;
using Repository = Owned<git_repository, git_repository_free>;
using RevWalk = Owned<git_revwalk, git_revwalk_free>;
using Signature = Owned<git_signature, git_signature_free>;
using StatusList = Owned<git_status_list, git_status_list_free>;
using Tree = Owned<git_tree, git_tree_free>;

/// A git_buf filled by libgit2, disposed on scope exit.
struct Buffer {
    git_buf buf = GIT_BUF_INIT;
    Buffer() = default;
    Buffer(const Buffer &) = delete;
    Buffer &operator=(const Buffer &) = delete;
    ~Buffer() { git_buf_dispose(&buf); }
    git_buf *out() { return &buf; }
    QByteArray bytes() const { return buf.ptr ? QByteArray(buf.ptr, qsizetype(buf.size)) : QByteArray(); }
};

/// A git_strarray built from Qt strings; the array points into this object, so keep it alive.
class StringArray
{
public:
    explicit StringArray(const QStringList &strings)
    {
        for (const QString &s : strings)
            m_bytes << s.toUtf8();
        for (QByteArray &b : m_bytes)
            m_pointers.push_back(b.data());
        m_array.strings = m_pointers.data();
        m_array.count = m_pointers.size();
    }
    StringArray(const StringArray &) = delete;
    StringArray &operator=(const StringArray &) = delete;
    const git_strarray *get() const { return &m_array; }
    git_strarray *get() { return &m_array; }

private:
    QList<QByteArray> m_bytes;
    std::vector<char *> m_pointers;
    git_strarray m_array{nullptr, 0};
};

QString toHex(const git_oid *id);
QString shortHex(const git_oid *id);
QString fromUtf8(const char *text);

// Steps shared by commit, revert, checkout and pull.

/// Refuses while a merge, revert, rebase… started elsewhere (e.g. the git CLI) is unfinished.
Status requireNoOperationInProgress(git_repository *repo);
/// Updates the work tree and index to `tree` without overwriting local changes; when a local change is
/// in the way, nothing is written and the Error names the files.
Status checkoutTree(git_repository *repo, const git_tree *tree, const QString &what);
/// Points the checked-out branch (or a detached HEAD, or the unborn branch) at `id`, provided it still
/// points at `expected` (nullptr: it must not exist yet).
Status advanceHead(git_repository *repo, const git_oid &id, const git_oid *expected, const QString &reflogMessage);

// Shared by GitRepository.cpp and GitHistory.cpp (defined in GitRepository.cpp).
GitSignature toSignature(const git_signature *signature);
Result<Signature> makeSignature(const GitSignature &who);
GitChange deltaChange(git_delta_t status);
Result<QList<GitFileStatus>> readStatus(git_repository *repo, bool includeUntracked, const QStringList &paths = {});
/// "a, b, c and 3 more".
QString listFiles(QStringList files, int max = 8);
QStringList conflictedPaths(git_index *index);
Result<Commit> lookupCommit(git_repository *repo, const QString &revision);
Result<Commit> headCommit(git_repository *repo);
GitCommitInfo toCommitInfo(git_commit *commit);
QString commitReflog(const QString &kind, git_repository *repo, const git_oid &id);
/// The files tree `to` adds or changes against tree `from` (null: the empty tree), with their content.
Result<QList<GitNewContent>> newContents(git_repository *repo, const git_oid *from, const git_oid *to);
/// The files the index adds or changes against HEAD's tree, with their staged content.
Result<QList<GitNewContent>> stagedContents(git_repository *repo);
/// `path` relative to the work tree, '/'-separated; empty for the whole tree.
Result<QString> relativePath(const QString &workdir, const QString &path);
/// Writes a commit object (signed when `signer` is set) without moving any reference.
Result<git_oid> writeCommitObject(git_repository *repo, const git_tree *tree, const QList<const git_commit *> &parents,
                                  const git_signature *author, const git_signature *committer, const QString &message,
                                  const CommitSigner &signer);


} // namespace studio::libgit2
