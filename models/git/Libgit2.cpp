// SPDX-License-Identifier: MIT
// The libgit2 helpers shared by GitRepository.cpp, GitHistory.cpp and GitRemote.cpp (declared in
// Libgit2_p.h): set-up, errors, ids, signatures, status, HEAD moves and checkouts.
#include "git/Libgit2_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimeZone>

#include <algorithm>

namespace studio {

namespace lg = libgit2;

// --- libgit2 helpers (declared in Libgit2_p.h) ---------------------------------------------------

namespace libgit2 {

namespace {

Q_LOGGING_CATEGORY(lcGit, "studio.git", QtInfoMsg)

bool gitEnvTrue(const char *name)
{
    const QByteArray value = qgetenv(name).trimmed().toLower();
    return value == "1" || value == "true" || value == "yes" || value == "on";
}

/// git honours GIT_CONFIG_NOSYSTEM and GIT_CONFIG_GLOBAL; libgit2 1.5 reads neither, and it reads
/// HOME (for ~/.gitconfig) only once, here at initialisation. Mirror git so that both see one config.
void applyGitEnvironment()
{
    if (gitEnvTrue("GIT_CONFIG_NOSYSTEM"))
        git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, "");
    if (!qEnvironmentVariableIsSet("GIT_CONFIG_GLOBAL"))
        return;
    // GIT_CONFIG_GLOBAL replaces ~/.gitconfig and the XDG file. libgit2 only takes folders in which it
    // looks for ".gitconfig", so a file with another name cannot be honoured exactly.
    const QFileInfo global(qEnvironmentVariable("GIT_CONFIG_GLOBAL"));
    git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, "");
    if (global.isFile() && global.fileName() == QLatin1String(".gitconfig")) {
        git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL,
                         QFile::encodeName(global.absolutePath()).constData());
        return;
    }
    git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, "");
    if (global.isFile())
        qCWarning(lcGit) << "GIT_CONFIG_GLOBAL names" << global.filePath()
                         << "which libgit2 cannot read as the global config (only files named .gitconfig);"
                            " the global Git config is ignored";
}

struct Library {
    Library()
    {
        git_libgit2_init();
        // As the git command line: objects are not re-hashed on every read (git fsck does that), and the
        // trees and commits the studio writes reference objects it has just written, so their targets
        // are not looked up again. Both checks cost about a tenth of a promotion's commit.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
        applyGitEnvironment();
    }
    ~Library() { git_libgit2_shutdown(); }
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;
};

const char *stateName(int state)
{
    switch (state) {
    case GIT_REPOSITORY_STATE_MERGE: return "a merge";
    case GIT_REPOSITORY_STATE_REVERT:
    case GIT_REPOSITORY_STATE_REVERT_SEQUENCE: return "a revert";
    case GIT_REPOSITORY_STATE_CHERRYPICK:
    case GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE: return "a cherry-pick";
    case GIT_REPOSITORY_STATE_BISECT: return "a bisect";
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX:
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE: return "git am";
    default: return "a rebase";
    }
}

int collectConflict(git_checkout_notify_t, const char *path, const git_diff_file *, const git_diff_file *,
                    const git_diff_file *, void *payload)
{
    static_cast<QStringList *>(payload)->append(QString::fromUtf8(path));
    return 0; // keep going: name every file in the way, libgit2 then fails without writing anything
}

} // namespace

void ensureInitialised()
{
    static const Library library;
}

QString lastMessage()
{
    const git_error *e = git_error_last();
    return e && e->message ? QString::fromUtf8(e->message).trimmed() : QStringLiteral("unknown error");
}

Error error(const QString &what, Error::Code code)
{
    return Error{code, QStringLiteral("%1: %2").arg(what, lastMessage())};
}

QString toHex(const git_oid *id)
{
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, id);
    return QString::fromLatin1(hex);
}

QString shortHex(const git_oid *id)
{
    return toHex(id).left(7);
}

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

Status requireNoOperationInProgress(git_repository *repo)
{
    const int state = git_repository_state(repo);
    if (state == GIT_REPOSITORY_STATE_NONE)
        return success();
    const char *dir = git_repository_workdir(repo) ? git_repository_workdir(repo) : git_repository_path(repo);
    return Status::failure(Error::Code::Refused,
                           QStringLiteral("%1 is in progress in %2: finish or abort it with git first "
                                          "(e.g. `git merge --abort`, `git revert --abort`, `git rebase --abort`)")
                               .arg(QLatin1String(stateName(state)), fromUtf8(dir)));
}

Status checkoutTree(git_repository *repo, const git_tree *tree, const QString &what)
{
    QStringList inTheWay;
    git_checkout_options options;
    git_checkout_options_init(&options, GIT_CHECKOUT_OPTIONS_VERSION);
    options.checkout_strategy = GIT_CHECKOUT_SAFE;
    options.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
    options.notify_cb = &collectConflict;
    options.notify_payload = &inTheWay;
    if (git_checkout_tree(repo, reinterpret_cast<const git_object *>(tree), &options) == 0)
        return success();
    if (!inTheWay.isEmpty()) {
        inTheWay.removeDuplicates();
        return Status::failure(Error::Code::Refused,
                               QStringLiteral("cannot %1: local changes to %2 would be overwritten; commit or discard "
                                              "them first. Nothing was changed.")
                                   .arg(what, inTheWay.join(QStringLiteral(", "))));
    }
    return error(QStringLiteral("cannot %1").arg(what));
}

Status advanceHead(git_repository *repo, const git_oid &id, const git_oid *expected, const QString &reflogMessage)
{
    const QByteArray reflog = reflogMessage.toUtf8();
    Reference head;
    Reference updated;
    const int rc = git_repository_head(head.out(), repo);
    if (rc == 0) {
        // The branch HEAD points at (or HEAD itself when detached); libgit2 also writes HEAD's reflog.
        if (git_reference_create_matching(updated.out(), repo, git_reference_name(head.get()), &id, 1, expected,
                                          reflog.constData())
            != 0)
            return error(QStringLiteral("cannot move %1 to the new commit (did it change meanwhile?)")
                             .arg(fromUtf8(git_reference_shorthand(head.get()))));
        return success();
    }
    if (rc != GIT_EUNBORNBRANCH)
        return error(QStringLiteral("cannot read HEAD"));
    Reference symbolic;
    if (git_reference_lookup(symbolic.out(), repo, "HEAD") != 0 || !git_reference_symbolic_target(symbolic.get()))
        return error(QStringLiteral("cannot read HEAD"));
    if (git_reference_create(updated.out(), repo, git_reference_symbolic_target(symbolic.get()), &id, 0,
                             reflog.constData())
        != 0)
        return error(QStringLiteral("cannot create the branch %1")
                         .arg(fromUtf8(git_reference_symbolic_target(symbolic.get()))));
    return success();
}

} // namespace libgit2

// --- local helpers -------------------------------------------------------------------------------

namespace libgit2 {

GitSignature toSignature(const git_signature *signature)
{
    GitSignature result;
    result.name = lg::fromUtf8(signature->name);
    result.email = lg::fromUtf8(signature->email);
    result.when = QDateTime::fromSecsSinceEpoch(signature->when.time, QTimeZone(signature->when.offset * 60));
    return result;
}

Result<lg::Signature> makeSignature(const GitSignature &who)
{
    lg::Signature signature;
    const QByteArray name = who.name.toUtf8();
    const QByteArray email = who.email.toUtf8();
    const int rc = who.when.isValid()
        ? git_signature_new(signature.out(), name.constData(), email.constData(), who.when.toSecsSinceEpoch(),
                            who.when.offsetFromUtc() / 60)
        : git_signature_now(signature.out(), name.constData(), email.constData());
    if (rc != 0)
        return lg::error(QStringLiteral("invalid identity '%1 <%2>'").arg(who.name, who.email), Error::Code::Usage);
    return signature;
}

GitChange indexChange(unsigned int flags)
{
    if (flags & GIT_STATUS_INDEX_NEW) return GitChange::New;
    if (flags & GIT_STATUS_INDEX_MODIFIED) return GitChange::Modified;
    if (flags & GIT_STATUS_INDEX_DELETED) return GitChange::Deleted;
    if (flags & GIT_STATUS_INDEX_RENAMED) return GitChange::Renamed;
    if (flags & GIT_STATUS_INDEX_TYPECHANGE) return GitChange::TypeChanged;
    return GitChange::Unchanged;
}

GitChange workTreeChange(unsigned int flags)
{
    if (flags & GIT_STATUS_WT_NEW) return GitChange::New;
    if (flags & (GIT_STATUS_WT_MODIFIED | GIT_STATUS_WT_UNREADABLE)) return GitChange::Modified;
    if (flags & GIT_STATUS_WT_DELETED) return GitChange::Deleted;
    if (flags & GIT_STATUS_WT_RENAMED) return GitChange::Renamed;
    if (flags & GIT_STATUS_WT_TYPECHANGE) return GitChange::TypeChanged;
    return GitChange::Unchanged;
}

GitChange deltaChange(git_delta_t status)
{
    switch (status) {
    case GIT_DELTA_ADDED:
    case GIT_DELTA_COPIED: return GitChange::New;
    case GIT_DELTA_DELETED: return GitChange::Deleted;
    case GIT_DELTA_RENAMED: return GitChange::Renamed;
    case GIT_DELTA_TYPECHANGE: return GitChange::TypeChanged;
    case GIT_DELTA_CONFLICTED: return GitChange::Conflicted;
    default: return GitChange::Modified;
    }
}

Result<QList<GitFileStatus>> readStatus(git_repository *repo, bool includeUntracked, const QStringList &paths)
{
    if (git_repository_is_bare(repo))
        return Error{Error::Code::Usage, QStringLiteral("%1 is a bare repository: it has no work tree")
                                             .arg(lg::fromUtf8(git_repository_path(repo)))};
    git_status_options options;
    git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY
        | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    if (includeUntracked)
        options.flags |= GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    lg::StringArray pathspec(paths);
    if (!paths.isEmpty()) {
        options.flags |= GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH;
        options.pathspec = *pathspec.get();
    }
    lg::StatusList list;
    if (git_status_list_new(list.out(), repo, &options) != 0)
        return lg::error(QStringLiteral("cannot read the status of the work tree"));
    QList<GitFileStatus> result;
    const size_t count = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry *entry = git_status_byindex(list.get(), i);
        if (!entry || entry->status == GIT_STATUS_CURRENT || (entry->status & GIT_STATUS_IGNORED))
            continue;
        GitFileStatus file;
        if (entry->status & GIT_STATUS_CONFLICTED) {
            file.staged = GitChange::Conflicted;
            file.unstaged = GitChange::Conflicted;
        } else {
            file.staged = indexChange(entry->status);
            file.unstaged = workTreeChange(entry->status);
        }
        const git_diff_delta *delta = entry->head_to_index ? entry->head_to_index : entry->index_to_workdir;
        if (!delta)
            continue;
        file.path = lg::fromUtf8(delta->new_file.path ? delta->new_file.path : delta->old_file.path);
        if (entry->head_to_index && (entry->status & GIT_STATUS_INDEX_RENAMED))
            file.oldPath = lg::fromUtf8(entry->head_to_index->old_file.path);
        result << file;
    }
    return result;
}

QString listFiles(QStringList files, int max)
{
    files.removeDuplicates();
    if (files.size() <= max)
        return files.join(QStringLiteral(", "));
    return QStringLiteral("%1 and %2 more").arg(files.mid(0, max).join(QStringLiteral(", "))).arg(files.size() - max);
}

QStringList conflictedPaths(git_index *index)
{
    QStringList paths;
    lg::IndexConflictIterator it;
    if (git_index_conflict_iterator_new(it.out(), index) != 0)
        return paths;
    const git_index_entry *ancestor = nullptr;
    const git_index_entry *ours = nullptr;
    const git_index_entry *theirs = nullptr;
    while (git_index_conflict_next(&ancestor, &ours, &theirs, it.get()) == 0) {
        const git_index_entry *any = ours ? ours : theirs ? theirs : ancestor;
        if (any)
            paths << QString::fromUtf8(any->path);
    }
    paths.removeDuplicates();
    return paths;
}

Result<lg::Commit> lookupCommit(git_repository *repo, const QString &revision)
{
    lg::Object object;
    const QByteArray spec = revision.toUtf8();
    if (git_revparse_single(object.out(), repo, spec.constData()) != 0)
        return lg::error(QStringLiteral("no commit '%1' in this repository").arg(revision), Error::Code::NotFound);
    lg::Object peeled;
    if (git_object_peel(peeled.out(), object.get(), GIT_OBJECT_COMMIT) != 0)
        return lg::error(QStringLiteral("'%1' is not a commit").arg(revision), Error::Code::NotFound);
    return lg::Commit(reinterpret_cast<git_commit *>(peeled.release()));
}

/// HEAD's commit, or an empty owner when the current branch has no commit yet.
Result<lg::Commit> headCommit(git_repository *repo)
{
    lg::Commit commit;
    git_oid id;
    const int rc = git_reference_name_to_id(&id, repo, "HEAD");
    if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
        return commit;
    if (rc != 0 || git_commit_lookup(commit.out(), repo, &id) != 0)
        return lg::error(QStringLiteral("cannot read HEAD"));
    return commit;
}

GitCommitInfo toCommitInfo(git_commit *commit)
{
    GitCommitInfo info;
    info.id = lg::toHex(git_commit_id(commit));
    lg::Buffer shortId;
    info.shortId = git_object_short_id(shortId.out(), reinterpret_cast<const git_object *>(commit)) == 0
        ? QString::fromLatin1(shortId.bytes())
        : lg::shortHex(git_commit_id(commit));
    info.summary = lg::fromUtf8(git_commit_summary(commit));
    info.message = lg::fromUtf8(git_commit_message(commit));
    info.author = toSignature(git_commit_author(commit));
    info.committer = toSignature(git_commit_committer(commit));
    for (unsigned int i = 0; i < git_commit_parentcount(commit); ++i)
        info.parentIds << lg::toHex(git_commit_parent_id(commit, i));
    return info;
}

/// Builds the commit object — signed when a signer is given — without moving any reference.
/// libgit2's git_commit_create_with_signature never updates a ref; the caller moves HEAD.
Result<git_oid> writeCommitObject(git_repository *repo, const git_tree *tree, const QList<const git_commit *> &parents,
                                  const git_signature *author, const git_signature *committer, const QString &message,
                                  const CommitSigner &signer)
{
    // libgit2 stores the message verbatim; `git commit` cleans it up (trailing spaces, blank lines, final \n).
    lg::Buffer pretty;
    const QByteArray raw = message.toUtf8();
    if (git_message_prettify(pretty.out(), raw.constData(), 0, '#') != 0)
        return lg::error(QStringLiteral("invalid commit message"), Error::Code::Usage);
    if (pretty.bytes().trimmed().isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("the commit message is empty; describe the change")};

    std::vector<const git_commit *> parentList(parents.cbegin(), parents.cend());
    lg::Buffer content;
    if (git_commit_create_buffer(content.out(), repo, author, committer, nullptr, pretty.buf.ptr, tree,
                                 parentList.size(), parentList.data())
        != 0)
        return lg::error(QStringLiteral("cannot build the commit"));

    QByteArray signature;
    if (signer) {
        Result<QByteArray> signedContent = signer(content.bytes());
        if (!signedContent)
            return Error{signedContent.error().code,
                         QStringLiteral("cannot sign the commit: %1").arg(signedContent.error().message)};
        signature = std::move(signedContent).value();
        // A trailing newline would be stored as an extra " " continuation line in the gpgsig header.
        while (signature.endsWith('\n') || signature.endsWith('\r'))
            signature.chop(1);
        if (signature.isEmpty() || signature.contains('\0'))
            return Error{Error::Code::Internal, QStringLiteral("cannot sign the commit: the signer returned no signature")};
    }
    git_oid id;
    if (git_commit_create_with_signature(&id, repo, content.buf.ptr, signature.isEmpty() ? nullptr : signature.constData(),
                                         nullptr)
        != 0)
        return lg::error(QStringLiteral("cannot write the commit"));
    return id;
}

QString commitReflog(const QString &kind, git_repository *repo, const git_oid &id)
{
    lg::Commit commit;
    const QString summary = git_commit_lookup(commit.out(), repo, &id) == 0
        ? lg::fromUtf8(git_commit_summary(commit.get()))
        : QString();
    return QStringLiteral("%1: %2").arg(kind, summary);
}

/// The files of `diff` that are added or changed, with their new content.
static Result<QList<GitNewContent>> addedOrChanged(git_repository *repo, git_diff *diff)
{
    QList<GitNewContent> files;
    const size_t count = git_diff_num_deltas(diff);
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diff, i);
        if (delta->status == GIT_DELTA_DELETED || delta->new_file.mode == GIT_FILEMODE_COMMIT)
            continue;
        lg::Blob blob;
        if (git_blob_lookup(blob.out(), repo, &delta->new_file.id) != 0)
            return lg::error(QStringLiteral("cannot read %1").arg(lg::fromUtf8(delta->new_file.path)));
        files << GitNewContent{lg::fromUtf8(delta->new_file.path),
                               QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                                          qsizetype(git_blob_rawsize(blob.get())))};
    }
    return files;
}

Result<QList<GitNewContent>> newContents(git_repository *repo, const git_oid *from, const git_oid *to)
{
    lg::Tree before;
    lg::Tree after;
    if ((from && git_tree_lookup(before.out(), repo, from) != 0) || git_tree_lookup(after.out(), repo, to) != 0)
        return lg::error(QStringLiteral("cannot read the trees to compare"));
    lg::Diff diff;
    if (git_diff_tree_to_tree(diff.out(), repo, before.get(), after.get(), nullptr) != 0)
        return lg::error(QStringLiteral("cannot compare the trees"));
    return addedOrChanged(repo, diff.get());
}

Result<QList<GitNewContent>> stagedContents(git_repository *repo)
{
    lg::Index index;
    if (git_repository_index(index.out(), repo) != 0)
        return lg::error(QStringLiteral("cannot read the index"));
    // An unborn branch (first commit) compares against the empty tree: every staged file is new.
    lg::Tree headTree;
    lg::Object head;
    if (git_revparse_single(head.out(), repo, "HEAD^{tree}") == 0)
        headTree = lg::Tree(reinterpret_cast<git_tree *>(head.release()));
    lg::Diff diff;
    if (git_diff_tree_to_index(diff.out(), repo, headTree.get(), index.get(), nullptr) != 0)
        return lg::error(QStringLiteral("cannot compare the index with HEAD"));
    return addedOrChanged(repo, diff.get());
}

} // namespace libgit2

} // namespace studio
