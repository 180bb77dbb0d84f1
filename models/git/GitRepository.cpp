// SPDX-License-Identifier: MIT
#include "git/GitRepository.h"

#include <git2.h>

#include <QDir>

namespace studio {

namespace {

/// libgit2 must be initialised before use; one process-wide instance does it.
struct Libgit2 {
    Libgit2() { git_libgit2_init(); }
    ~Libgit2() { git_libgit2_shutdown(); }
};

void ensureLibgit2()
{
    static Libgit2 library;
}

/// libgit2's last error is per thread: read it right where the call failed.
Error gitError(const QString &what)
{
    const git_error *e = git_error_last();
    const QString detail = e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown error");
    return Error{Error::Code::Git, QStringLiteral("%1: %2").arg(what, detail)};
}

template<typename T, void (*Free)(T *)>
struct Owned {
    T *ptr = nullptr;
    Owned() = default;
    Owned(const Owned &) = delete;
    Owned &operator=(const Owned &) = delete;
    ~Owned() { if (ptr) Free(ptr); }
    T **out() { return &ptr; }
    T *get() const { return ptr; }
};

using Index = Owned<git_index, git_index_free>;
using Tree = Owned<git_tree, git_tree_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Signature = Owned<git_signature, git_signature_free>;
using Remote = Owned<git_remote, git_remote_free>;
using Reference = Owned<git_reference, git_reference_free>;
using RevWalk = Owned<git_revwalk, git_revwalk_free>;

} // namespace

GitRepository::GitRepository(git_repository *repository) : m_repo(repository, git_repository_free) {}
GitRepository::GitRepository(GitRepository &&) noexcept = default;
GitRepository &GitRepository::operator=(GitRepository &&) noexcept = default;
GitRepository::~GitRepository() = default;

Result<GitRepository> GitRepository::open(const QString &path)
{
    ensureLibgit2();
    git_repository *repo = nullptr;
    if (git_repository_open(&repo, QDir::toNativeSeparators(path).toUtf8().constData()) != 0)
        return gitError(QStringLiteral("cannot open the Git repository %1").arg(path));
    return GitRepository(repo);
}

Result<GitRepository> GitRepository::init(const QString &path, bool bare, const QString &initialBranch)
{
    ensureLibgit2();
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH | (bare ? GIT_REPOSITORY_INIT_BARE : 0);
    const QByteArray head = initialBranch.toUtf8();
    options.initial_head = head.constData();
    git_repository *repo = nullptr;
    if (git_repository_init_ext(&repo, QDir::toNativeSeparators(path).toUtf8().constData(), &options) != 0)
        return gitError(QStringLiteral("cannot create a Git repository in %1").arg(path));
    return GitRepository(repo);
}

Result<GitRepository> GitRepository::clone(const QString &url, const QString &path)
{
    ensureLibgit2();
    git_repository *repo = nullptr;
    git_clone_options options = GIT_CLONE_OPTIONS_INIT;
    if (git_clone(&repo, url.toUtf8().constData(), QDir::toNativeSeparators(path).toUtf8().constData(), &options) != 0)
        return gitError(QStringLiteral("cannot clone %1").arg(url));
    return GitRepository(repo);
}

QString GitRepository::workdir() const
{
    const char *dir = git_repository_workdir(m_repo.get());
    return dir ? QString::fromUtf8(dir) : QString();
}

Result<QString> GitRepository::commitAll(const QString &message, const GitSignature &author)
{
    Index index;
    if (git_repository_index(index.out(), m_repo.get()) != 0)
        return gitError(QStringLiteral("cannot read the Git index"));
    const char *everything = "*";
    git_strarray pathspec{const_cast<char **>(&everything), 1};
    if (git_index_add_all(index.get(), &pathspec, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) != 0
        || git_index_update_all(index.get(), &pathspec, nullptr, nullptr) != 0 || git_index_write(index.get()) != 0)
        return gitError(QStringLiteral("cannot stage the changes"));
    git_oid treeId;
    if (git_index_write_tree(&treeId, index.get()) != 0)
        return gitError(QStringLiteral("cannot write the tree"));
    Tree tree;
    if (git_tree_lookup(tree.out(), m_repo.get(), &treeId) != 0)
        return gitError(QStringLiteral("cannot read the tree"));

    Signature signature;
    const QByteArray name = author.name.toUtf8();
    const QByteArray email = author.email.toUtf8();
    const int rc = author.when.isValid()
        ? git_signature_new(signature.out(), name.constData(), email.constData(), author.when.toSecsSinceEpoch(),
                            author.when.offsetFromUtc() / 60)
        : git_signature_now(signature.out(), name.constData(), email.constData());
    if (rc != 0)
        return gitError(QStringLiteral("invalid author '%1 <%2>'").arg(author.name, author.email));

    Commit parent;
    git_oid headId;
    const bool hasParent = git_reference_name_to_id(&headId, m_repo.get(), "HEAD") == 0;
    if (hasParent && git_commit_lookup(parent.out(), m_repo.get(), &headId) != 0)
        return gitError(QStringLiteral("cannot read HEAD"));
    const git_commit *parents[] = {parent.get()};
    git_oid commitId;
    if (git_commit_create(&commitId, m_repo.get(), "HEAD", signature.get(), signature.get(), nullptr,
                          message.toUtf8().constData(), tree.get(), hasParent ? 1 : 0, parents)
        != 0)
        return gitError(QStringLiteral("cannot create the commit"));
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &commitId);
    return QString::fromLatin1(hex);
}

Status GitRepository::addRemote(const QString &name, const QString &url)
{
    Remote remote;
    if (git_remote_create(remote.out(), m_repo.get(), name.toUtf8().constData(), url.toUtf8().constData()) != 0)
        return gitError(QStringLiteral("cannot add the remote '%1'").arg(name));
    return success();
}

Status GitRepository::push(const QString &remoteName, const QString &branch)
{
    Remote remote;
    if (git_remote_lookup(remote.out(), m_repo.get(), remoteName.toUtf8().constData()) != 0)
        return gitError(QStringLiteral("no remote '%1'").arg(remoteName));
    const QByteArray refspec = QStringLiteral("refs/heads/%1:refs/heads/%1").arg(branch).toUtf8();
    const char *spec = refspec.constData();
    git_strarray refspecs{const_cast<char **>(&spec), 1};
    git_push_options options = GIT_PUSH_OPTIONS_INIT;
    if (git_remote_push(remote.get(), &refspecs, &options) != 0)
        return gitError(QStringLiteral("push to '%1' failed").arg(remoteName));
    Reference local;
    if (git_branch_lookup(local.out(), m_repo.get(), branch.toUtf8().constData(), GIT_BRANCH_LOCAL) != 0
        || git_branch_set_upstream(local.get(), QStringLiteral("%1/%2").arg(remoteName, branch).toUtf8().constData()) != 0)
        return gitError(QStringLiteral("cannot set the upstream of '%1'").arg(branch));
    return success();
}

Result<QStringList> GitRepository::log(int maxCount) const
{
    RevWalk walk;
    if (git_revwalk_new(walk.out(), m_repo.get()) != 0 || git_revwalk_push_head(walk.get()) != 0)
        return gitError(QStringLiteral("cannot read the history"));
    QStringList subjects;
    git_oid id;
    while (subjects.size() < maxCount && git_revwalk_next(&id, walk.get()) == 0) {
        Commit commit;
        if (git_commit_lookup(commit.out(), m_repo.get(), &id) != 0)
            return gitError(QStringLiteral("cannot read a commit"));
        subjects << QString::fromUtf8(git_commit_summary(commit.get()));
    }
    return subjects;
}

} // namespace studio
