// SPDX-License-Identifier: MIT
// GitRepository, part two: history, commit diffs, file contents at a revision, revert.
#include "git/GitRepository.h"

#include "git/Libgit2_p.h"

#include <QDir>
#include <QFileInfo>
#include <QTimeZone>

#include <algorithm>

namespace studio {

namespace lg = libgit2;
using namespace libgit2;

// --- history -------------------------------------------------------------------------------------

Result<QStringList> GitRepository::log(int maxCount) const
{
    Result<QList<GitCommitInfo>> commits = history({}, maxCount);
    if (!commits)
        return commits.error();
    QStringList subjects;
    for (const GitCommitInfo &info : commits.value())
        subjects << info.summary;
    return subjects;
}

namespace {

/// Whether `commit` changes a path matched by `options`' pathspec. A merge counts only when it differs
/// from every parent (a merge identical to one parent brought nothing new, as in `git log -- path`).
Result<bool> touches(git_repository *repo, git_commit *commit, const git_diff_options &options)
{
    lg::Tree tree;
    if (git_commit_tree(tree.out(), commit) != 0)
        return lg::error(QStringLiteral("cannot read a commit's tree"));
    const unsigned int parents = git_commit_parentcount(commit);
    if (parents == 0) {
        lg::Diff diff;
        if (git_diff_tree_to_tree(diff.out(), repo, nullptr, tree.get(), &options) != 0)
            return lg::error(QStringLiteral("cannot compare a commit"));
        return git_diff_num_deltas(diff.get()) > 0;
    }
    for (unsigned int i = 0; i < parents; ++i) {
        lg::Commit parent;
        lg::Tree parentTree;
        lg::Diff diff;
        if (git_commit_parent(parent.out(), commit, i) != 0 || git_commit_tree(parentTree.out(), parent.get()) != 0
            || git_diff_tree_to_tree(diff.out(), repo, parentTree.get(), tree.get(), &options) != 0)
            return lg::error(QStringLiteral("cannot compare a commit with its parent"));
        if (git_diff_num_deltas(diff.get()) == 0)
            return false;
    }
    return true;
}

} // namespace

Result<QList<GitCommitInfo>> GitRepository::history(const QStringList &paths, int maxCount) const
{
    git_repository *repo = m_repo.get();
    QList<GitCommitInfo> commits;
    if (git_repository_head_unborn(repo) == 1 || maxCount == 0)
        return commits;

    QStringList specs;
    for (const QString &path : paths) {
        // History paths may no longer exist; a bare repository takes them as they are.
        Result<QString> relative = isBare() ? Result<QString>(QDir::cleanPath(QDir::fromNativeSeparators(path)))
                                            : relativePath(workdir(), path);
        if (!relative)
            return relative.error();
        if (relative.value().isEmpty()) { // the whole tree: no filter at all
            specs.clear();
            break;
        }
        specs << relative.value();
    }
    const bool filtered = !specs.isEmpty();
    lg::StringArray pathspec(specs);
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    options.pathspec = *pathspec.get();
    // Plain paths, not globs: "values-[prod].yaml" means that file. Folders still match what is below.
    options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH;

    lg::RevWalk walk;
    if (git_revwalk_new(walk.out(), repo) != 0 || git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) != 0
        || git_revwalk_push_head(walk.get()) != 0)
        return lg::error(QStringLiteral("cannot read the history"));
    git_oid id;
    while ((maxCount < 0 || commits.size() < maxCount) && git_revwalk_next(&id, walk.get()) == 0) {
        lg::Commit commit;
        if (git_commit_lookup(commit.out(), repo, &id) != 0)
            return lg::error(QStringLiteral("cannot read the commit %1").arg(lg::shortHex(&id)));
        if (filtered) {
            Result<bool> relevant = touches(repo, commit.get(), options);
            if (!relevant)
                return relevant.error();
            if (!relevant.value())
                continue;
        }
        commits << toCommitInfo(commit.get());
    }
    return commits;
}

Result<GitCommitInfo> GitRepository::commitInfo(const QString &revision) const
{
    Result<lg::Commit> commit = lookupCommit(m_repo.get(), revision);
    if (!commit)
        return commit.error();
    return toCommitInfo(commit.value().get());
}

namespace {

Result<QString> blobText(git_repository *repo, const git_diff_file &file, bool *binary)
{
    if (git_oid_is_zero(&file.id))
        return QString();
    if (file.mode == GIT_FILEMODE_COMMIT)
        return QStringLiteral("Subproject commit %1\n").arg(lg::toHex(&file.id));
    lg::Blob blob;
    if (git_blob_lookup(blob.out(), repo, &file.id) != 0)
        return lg::error(QStringLiteral("cannot read %1").arg(lg::fromUtf8(file.path)));
    if (git_blob_is_binary(blob.get())) {
        *binary = true;
        return QString();
    }
    return QString::fromUtf8(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                             qsizetype(git_blob_rawsize(blob.get())));
}

} // namespace

Result<QString> GitRepository::fileText(const QString &revision, const QString &path) const
{
    lg::Object object;
    const QByteArray spec = (revision + u':' + path).toUtf8();
    const int rc = git_revparse_single(object.out(), m_repo.get(), spec.constData());
    if (rc == GIT_ENOTFOUND)
        return QString();
    if (rc != 0)
        return lg::error(QStringLiteral("cannot read %1 at %2").arg(path, revision));
    if (git_object_type(object.get()) != GIT_OBJECT_BLOB)
        return Error{Error::Code::Refused, QStringLiteral("%1 is a folder at %2, not a file").arg(path, revision)};
    const auto *blob = reinterpret_cast<const git_blob *>(object.get());
    return QString::fromUtf8(static_cast<const char *>(git_blob_rawcontent(blob)), qsizetype(git_blob_rawsize(blob)));
}

Result<QList<GitFileDiff>> GitRepository::commitDiff(const QString &revision) const
{
    git_repository *repo = m_repo.get();
    Result<lg::Commit> commit = lookupCommit(repo, revision);
    if (!commit)
        return commit.error();
    lg::Tree tree;
    lg::Commit parent;
    lg::Tree parentTree;
    if (git_commit_tree(tree.out(), commit.value().get()) != 0)
        return lg::error(QStringLiteral("cannot read the commit %1").arg(revision));
    if (git_commit_parentcount(commit.value().get()) > 0
        && (git_commit_parent(parent.out(), commit.value().get(), 0) != 0 || git_commit_tree(parentTree.out(), parent.get()) != 0))
        return lg::error(QStringLiteral("cannot read the parent of %1").arg(revision));

    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    lg::Diff diff;
    if (git_diff_tree_to_tree(diff.out(), repo, parentTree.get(), tree.get(), &options) != 0)
        return lg::error(QStringLiteral("cannot compare %1 with its parent").arg(revision));
    git_diff_find_options find;
    git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(diff.get(), &find) != 0)
        return lg::error(QStringLiteral("cannot detect renames in %1").arg(revision));

    QList<GitFileDiff> files;
    const size_t count = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diff.get(), i);
        GitFileDiff file;
        file.change = deltaChange(delta->status);
        if (delta->status != GIT_DELTA_ADDED)
            file.oldPath = lg::fromUtf8(delta->old_file.path);
        if (delta->status != GIT_DELTA_DELETED)
            file.newPath = lg::fromUtf8(delta->new_file.path);
        bool binary = (delta->flags & GIT_DIFF_FLAG_BINARY) != 0;
        Result<QString> oldText = blobText(repo, delta->old_file, &binary);
        Result<QString> newText = blobText(repo, delta->new_file, &binary);
        if (!oldText)
            return oldText.error();
        if (!newText)
            return newText.error();
        file.binary = binary;
        if (!binary) {
            file.oldText = oldText.value();
            file.newText = newText.value();
        }
        files << file;
    }
    return files;
}

Result<QString> GitRepository::revert(const QString &revision, const CommitSigner &signer, const ContentCheck &check)
{
    git_repository *repo = m_repo.get();
    if (Status ready = lg::requireNoOperationInProgress(repo); !ready)
        return ready.error();
    Result<lg::Commit> target = lookupCommit(repo, revision);
    if (!target)
        return target.error();
    Result<lg::Commit> head = headCommit(repo);
    if (!head)
        return head.error();
    if (!head.value())
        return Error{Error::Code::Refused, QStringLiteral("nothing to revert: the branch has no commits yet")};
    Result<GitSignature> who = identity();
    if (!who)
        return who.error();
    Result<lg::Signature> signature = makeSignature(who.value());
    if (!signature)
        return signature.error();

    git_commit *reverted = target.value().get();
    const QString shortId = lg::shortHex(git_commit_id(reverted));
    const QString summary = lg::fromUtf8(git_commit_summary(reverted));

    // A failed revert must leave nothing behind, and resetting to HEAD would destroy the user's own
    // uncommitted work: refuse unless tracked files are clean.
    Result<QList<GitFileStatus>> dirty = readStatus(repo, false);
    if (!dirty)
        return dirty.error();
    if (!dirty.value().isEmpty()) {
        QStringList files;
        for (const GitFileStatus &file : dirty.value())
            files << file.path;
        return Error{Error::Code::Refused, QStringLiteral("cannot revert %1: there are uncommitted changes in %2; "
                                                          "commit or discard them first")
                                               .arg(shortId, listFiles(files))};
    }

    // Revert in memory first (git_revert_commit), so that a conflict never touches the index or the
    // work tree; only a clean result is committed and checked out.
    const unsigned int mainline = git_commit_parentcount(reverted) > 1 ? 1 : 0; // a merge: undo what it brought in
    git_merge_options mergeOptions;
    git_merge_options_init(&mergeOptions, GIT_MERGE_OPTIONS_VERSION);
    lg::Index index;
    if (git_revert_commit(index.out(), repo, reverted, head.value().get(), mainline, &mergeOptions) != 0)
        return lg::error(QStringLiteral("cannot revert %1 (\"%2\")").arg(shortId, summary));
    if (git_index_has_conflicts(index.get()))
        return Error{Error::Code::Refused,
                     QStringLiteral("cannot revert %1 (\"%2\"): it conflicts with later changes to %3. Nothing was "
                                    "changed. Revert the later commits first, or edit the files by hand and commit.")
                         .arg(shortId, summary, listFiles(conflictedPaths(index.get())))};
    git_oid treeId;
    if (git_index_write_tree_to(&treeId, index.get(), repo) != 0)
        return lg::error(QStringLiteral("cannot write the reverted tree"));
    if (git_oid_equal(&treeId, git_commit_tree_id(head.value().get())))
        return Error{Error::Code::Refused,
                     QStringLiteral("nothing to revert: the changes of %1 (\"%2\") are already undone").arg(shortId, summary)};
    lg::Tree tree;
    if (git_tree_lookup(tree.out(), repo, &treeId) != 0)
        return lg::error(QStringLiteral("cannot read the reverted tree"));

    QString message = QStringLiteral("Revert \"%1\"\n\nThis reverts commit %2.\n")
                          .arg(summary, lg::toHex(git_commit_id(reverted)));
    if (check) {
        Result<QList<GitNewContent>> brought = newContents(repo, git_commit_tree_id(head.value().get()), &treeId);
        if (!brought)
            return brought.error();
        Result<QString> approved = check(brought.value(), message);
        if (!approved)
            return approved.error();
        message = approved.value();
    }
    Result<git_oid> id = writeCommitObject(repo, tree.get(), {head.value().get()}, signature.value().get(),
                                           signature.value().get(), message, signer);
    if (!id)
        return id.error();
    if (Status checkedOut = lg::checkoutTree(repo, tree.get(), QStringLiteral("revert %1").arg(shortId)); !checkedOut)
        return checkedOut.error();
    if (Status moved = lg::advanceHead(repo, id.value(), git_commit_id(head.value().get()),
                                       commitReflog(QStringLiteral("revert"), repo, id.value()));
        !moved)
        return moved.error();
    return lg::toHex(&id.value());
}

} // namespace studio
