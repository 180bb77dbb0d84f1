// SPDX-License-Identifier: MIT
#include "git/GitRepository.h"

#include "git/Libgit2_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace studio {

namespace lg = libgit2;
using namespace libgit2; // the helpers shared with GitHistory.cpp and GitRemote.cpp, in Libgit2.cpp

namespace {

/// Writes the commit and moves HEAD: the one path every commit of this layer takes.
Result<QString> commitTree(git_repository *repo, const git_tree *tree, const git_commit *parent,
                           const git_signature *author, const git_signature *committer, const QString &message,
                           const CommitSigner &signer, const QString &reflogKind)
{
    QList<const git_commit *> parents;
    if (parent)
        parents << parent;
    Result<git_oid> id = writeCommitObject(repo, tree, parents, author, committer, message, signer);
    if (!id)
        return id.error();
    const QString kind = parent ? reflogKind : reflogKind + QStringLiteral(" (initial)");
    if (Status moved = lg::advanceHead(repo, id.value(), parent ? git_commit_id(parent) : nullptr,
                                       commitReflog(kind, repo, id.value()));
        !moved)
        return moved.error();
    return lg::toHex(&id.value());
}

} // namespace

// --- GitRepository -------------------------------------------------------------------------------

GitRepository::GitRepository(git_repository *repository) : m_repo(repository, git_repository_free) {}
GitRepository::GitRepository(GitRepository &&) noexcept = default;
GitRepository &GitRepository::operator=(GitRepository &&) noexcept = default;
GitRepository::~GitRepository() = default;

Result<GitRepository> GitRepository::open(const QString &path)
{
    lg::ensureInitialised();
    git_repository *repo = nullptr;
    if (git_repository_open(&repo, QFile::encodeName(QDir::toNativeSeparators(path)).constData()) != 0)
        return lg::error(QStringLiteral("cannot open the Git repository %1").arg(path), Error::Code::NotFound);
    return GitRepository(repo);
}

Result<GitRepository> GitRepository::init(const QString &path, bool bare, const QString &initialBranch)
{
    lg::ensureInitialised();
    git_repository_init_options options;
    git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
    options.flags = GIT_REPOSITORY_INIT_MKPATH | (bare ? GIT_REPOSITORY_INIT_BARE : 0);
    const QByteArray head = initialBranch.toUtf8();
    options.initial_head = head.constData();
    git_repository *repo = nullptr;
    if (git_repository_init_ext(&repo, QFile::encodeName(QDir::toNativeSeparators(path)).constData(), &options) != 0)
        return lg::error(QStringLiteral("cannot create a Git repository in %1").arg(path));
    return GitRepository(repo);
}

QString GitRepository::workdir() const
{
    const char *dir = git_repository_workdir(m_repo.get());
    return dir ? QFile::decodeName(dir) : QString();
}

bool GitRepository::isBare() const
{
    return git_repository_is_bare(m_repo.get()) != 0;
}

Result<GitSignature> GitRepository::identity() const
{
    lg::Signature signature;
    if (git_signature_default(signature.out(), m_repo.get()) == 0) {
        GitSignature who = toSignature(signature.get());
        who.when = QDateTime(); // "now" at commit time
        return who;
    }
    const QString detail = lg::lastMessage();
    QStringList missing;
    lg::Config config;
    if (git_repository_config_snapshot(config.out(), m_repo.get()) == 0) {
        for (const char *key : {"user.name", "user.email"}) {
            const char *value = nullptr;
            if (git_config_get_string(&value, config.get(), key) != 0 || !value || !*value)
                missing << QLatin1String(key);
        }
    }
    const QString what = missing.isEmpty()
        ? QStringLiteral("the Git identity is invalid (%1)").arg(detail)
        : QStringLiteral("%1 %2 not set").arg(missing.join(QStringLiteral(" and ")),
                                              missing.size() > 1 ? QStringLiteral("are") : QStringLiteral("is"));
    return Error{Error::Code::Refused,
                 QStringLiteral("Git does not know who you are: %1 in this repository's or your global Git "
                                "configuration. Set your identity with\n"
                                "  git config --global user.name \"Your Name\"\n"
                                "  git config --global user.email \"you@example.com\"\n"
                                "(without --global, inside %2, to set it for this repository only).")
                     .arg(what, workdir().isEmpty() ? lg::fromUtf8(git_repository_path(m_repo.get())) : workdir())};
}

std::optional<SignerConfig> GitRepository::signingConfig() const
{
    lg::Config config;
    if (git_repository_config_snapshot(config.out(), m_repo.get()) != 0)
        return std::nullopt;
    int sign = 0;
    if (git_config_get_bool(&sign, config.get(), "commit.gpgsign") != 0 || !sign)
        return std::nullopt;

    SignerConfig result;
    const char *value = nullptr;
    if (git_config_get_string(&value, config.get(), "gpg.format") == 0 && value) {
        const QString format = QString::fromUtf8(value).trimmed().toLower();
        result.format = format == u"ssh" ? SignerConfig::Format::Ssh
            : format == u"x509"          ? SignerConfig::Format::X509
                                         : SignerConfig::Format::OpenPgp;
    }
    if (git_config_get_string(&value, config.get(), "user.signingkey") == 0 && value)
        result.signingKey = QString::fromUtf8(value).trimmed();
    if (result.format != SignerConfig::Format::Ssh || result.signingKey.isEmpty())
        return result;

    // Like git (gpg-interface.c): "key::<public key>" — and, deprecated, a bare "ssh-…" — is a literal key.
    if (result.signingKey.startsWith(u"key::") || result.signingKey.startsWith(u"ssh-")) {
        result.literalKey = true;
        return result;
    }
    QString path = result.signingKey;
    if (path == u"~" || path.startsWith(u"~/"))
        path = QDir::homePath() + path.mid(1);
    if (QDir::isRelativePath(path)) {
        const QString base = workdir().isEmpty() ? QDir::currentPath() : workdir();
        path = QDir(base).filePath(path);
    }
    result.keyFile = QDir::cleanPath(path);
    return result;
}

Result<QList<GitFileStatus>> GitRepository::status() const
{
    return readStatus(m_repo.get(), true);
}

void GitRepository::initialiseLibrary()
{
    lg::ensureInitialised();
}

namespace libgit2 {

/// `path` relative to the work tree, '/'-separated; empty for the whole tree.
Result<QString> relativePath(const QString &workdir, const QString &path)
{
    if (workdir.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("a bare repository has no work tree")};
    QString relative = QDir::fromNativeSeparators(path);
    if (QDir::isAbsolutePath(relative)) {
        relative = QDir(workdir).relativeFilePath(relative);
        if (relative.startsWith(u"../") || relative == u"..") {
            // The same folder under another name (symbolic links, /tmp vs /private/tmp)?
            const QString canonicalRoot = QFileInfo(workdir).canonicalFilePath();
            const QFileInfo info(path);
            const QString canonical = info.exists() ? info.canonicalFilePath()
                                                    : QFileInfo(info.absolutePath()).canonicalFilePath()
                                                          + u'/' + info.fileName();
            relative = canonicalRoot.isEmpty() ? relative : QDir(canonicalRoot).relativeFilePath(canonical);
        }
    }
    relative = QDir::cleanPath(relative);
    if (relative == u".")
        relative.clear();
    if (relative.startsWith(u"../") || relative == u".." || QDir::isAbsolutePath(relative))
        return Error{Error::Code::Usage, QStringLiteral("%1 is outside the repository %2").arg(path, workdir)};
    return relative;
}

Result<QStringList> relativePaths(const QString &workdir, const QStringList &paths)
{
    QStringList result;
    for (const QString &path : paths) {
        Result<QString> relative = relativePath(workdir, path);
        if (!relative)
            return relative.error();
        result << relative.value();
    }
    return result;
}

bool inIndex(git_index *index, const QByteArray &path)
{
    const git_index_entry *a = nullptr;
    const git_index_entry *o = nullptr;
    const git_index_entry *t = nullptr;
    return git_index_get_bypath(index, path.constData(), 0) || git_index_conflict_get(&a, &o, &t, index, path.constData()) == 0;
}

} // namespace libgit2

Result<QList<GitFileStatus>> GitRepository::status(const QStringList &paths) const
{
    if (paths.isEmpty())
        return QList<GitFileStatus>{};
    Result<QStringList> relative = lg::relativePaths(workdir(), paths);
    if (!relative)
        return relative.error();
    return readStatus(m_repo.get(), true, relative.value());
}

Result<QList<GitNewContent>> GitRepository::stagedContents() const
{
    return lg::stagedContents(m_repo.get());
}

Status GitRepository::stage(const QStringList &paths)
{
    const QString root = workdir();
    Result<QStringList> relative = relativePaths(root, paths);
    if (!relative)
        return relative.error();
    lg::Index index;
    if (git_repository_index(index.out(), m_repo.get()) != 0)
        return lg::error(QStringLiteral("cannot read the Git index"));
    for (const QString &path : relative.value()) {
        const QFileInfo info(QDir(root).filePath(path));
        const QByteArray bytes = path.toUtf8();
        if (path.isEmpty() || (info.isDir() && !info.isSymLink())) {
            // A folder: add new and modified files below it (respecting .gitignore), drop deleted ones.
            lg::StringArray spec({path.isEmpty() ? QStringLiteral("*") : path});
            if (git_index_add_all(index.get(), spec.get(), GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) != 0
                || git_index_update_all(index.get(), spec.get(), nullptr, nullptr) != 0)
                return lg::error(QStringLiteral("cannot stage %1").arg(path.isEmpty() ? QStringLiteral("the work tree") : path));
        } else if (info.exists() || info.isSymLink()) {
            int ignored = 0;
            if (!inIndex(index.get(), bytes) && git_ignore_path_is_ignored(&ignored, m_repo.get(), bytes.constData()) == 0
                && ignored)
                return Status::failure(Error::Code::Refused,
                                       QStringLiteral("%1 is ignored by .gitignore; remove the ignore rule to commit it").arg(path));
            if (git_index_add_bypath(index.get(), bytes.constData()) != 0)
                return lg::error(QStringLiteral("cannot stage %1").arg(path));
        } else {
            if (!inIndex(index.get(), bytes))
                return Status::failure(Error::Code::NotFound,
                                       QStringLiteral("%1 is neither in the work tree nor in the index").arg(path));
            if (git_index_remove_bypath(index.get(), bytes.constData()) != 0)
                return lg::error(QStringLiteral("cannot stage the deletion of %1").arg(path));
        }
    }
    if (git_index_write(index.get()) != 0)
        return lg::error(QStringLiteral("cannot write the Git index"));
    return success();
}

Status GitRepository::unstage(const QStringList &paths)
{
    Result<QStringList> relative = relativePaths(workdir(), paths);
    if (!relative)
        return relative.error();
    QStringList specs = relative.value();
    specs.removeAll(QString()); // "" = everything = an empty pathspec
    Result<lg::Commit> head = headCommit(m_repo.get());
    if (!head)
        return head.error();
    lg::StringArray spec(specs);
    // With no commit yet, a NULL target removes the entries from the index.
    if (git_reset_default(m_repo.get(), reinterpret_cast<const git_object *>(head.value().get()), spec.get()) != 0)
        return lg::error(QStringLiteral("cannot unstage %1").arg(specs.join(QStringLiteral(", "))));
    return success();
}

Result<QString> GitRepository::commit(const QString &message, const CommitSigner &signer)
{
    git_repository *repo = m_repo.get();
    if (Status ready = lg::requireNoOperationInProgress(repo); !ready)
        return ready.error();
    Result<GitSignature> who = identity();
    if (!who)
        return who.error();
    Result<lg::Signature> signature = makeSignature(who.value());
    if (!signature)
        return signature.error();

    lg::Index index;
    if (git_repository_index(index.out(), repo) != 0)
        return lg::error(QStringLiteral("cannot read the Git index"));
    if (git_index_has_conflicts(index.get()))
        return Error{Error::Code::Refused, QStringLiteral("cannot commit: there are unresolved conflicts in %1; "
                                                          "resolve them and stage the files first")
                                               .arg(listFiles(conflictedPaths(index.get())))};
    git_oid treeId;
    if (git_index_write_tree(&treeId, index.get()) != 0)
        return lg::error(QStringLiteral("cannot write the tree"));
    Result<lg::Commit> parent = headCommit(repo);
    if (!parent)
        return parent.error();
    const bool unchanged = parent.value() ? git_oid_equal(&treeId, git_commit_tree_id(parent.value().get())) != 0
                                          : git_index_entrycount(index.get()) == 0;
    if (unchanged)
        return Error{Error::Code::Refused, QStringLiteral("nothing to commit: stage the changed files first")};
    lg::Tree tree;
    if (git_tree_lookup(tree.out(), repo, &treeId) != 0)
        return lg::error(QStringLiteral("cannot read the tree"));
    return commitTree(repo, tree.get(), parent.value().get(), signature.value().get(), signature.value().get(), message,
                      signer, QStringLiteral("commit"));
}

Result<QString> GitRepository::commitAll(const QString &message, const GitSignature &author, const CommitSigner &signer)
{
    git_repository *repo = m_repo.get();
    if (Status ready = lg::requireNoOperationInProgress(repo); !ready)
        return ready.error();
    lg::Index index;
    if (git_repository_index(index.out(), repo) != 0)
        return lg::error(QStringLiteral("cannot read the Git index"));
    lg::StringArray everything({QStringLiteral("*")});
    if (git_index_add_all(index.get(), everything.get(), GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) != 0
        || git_index_update_all(index.get(), everything.get(), nullptr, nullptr) != 0 || git_index_write(index.get()) != 0)
        return lg::error(QStringLiteral("cannot stage the changes"));
    git_oid treeId;
    if (git_index_write_tree(&treeId, index.get()) != 0)
        return lg::error(QStringLiteral("cannot write the tree"));
    lg::Tree tree;
    if (git_tree_lookup(tree.out(), repo, &treeId) != 0)
        return lg::error(QStringLiteral("cannot read the tree"));
    Result<lg::Signature> signature = makeSignature(author);
    if (!signature)
        return signature.error();
    Result<lg::Commit> parent = headCommit(repo);
    if (!parent)
        return parent.error();
    return commitTree(repo, tree.get(), parent.value().get(), signature.value().get(), signature.value().get(), message,
                      signer, QStringLiteral("commit"));
}

Result<QString> GitRepository::resolve(const QString &revision) const
{
    Result<lg::Commit> commit = lookupCommit(m_repo.get(), revision);
    if (!commit)
        return commit.error();
    return lg::toHex(git_commit_id(commit.value().get()));
}

// --- branches ------------------------------------------------------------------------------------

Result<QString> GitRepository::currentBranch() const
{
    lg::Reference head;
    const int rc = git_repository_head(head.out(), m_repo.get());
    if (rc == 0)
        return git_reference_is_branch(head.get()) ? lg::fromUtf8(git_reference_shorthand(head.get())) : QString();
    if (rc != GIT_EUNBORNBRANCH)
        return lg::error(QStringLiteral("cannot read HEAD"));
    lg::Reference symbolic;
    if (git_reference_lookup(symbolic.out(), m_repo.get(), "HEAD") != 0)
        return lg::error(QStringLiteral("cannot read HEAD"));
    QString target = lg::fromUtf8(git_reference_symbolic_target(symbolic.get()));
    if (target.startsWith(u"refs/heads/"))
        target.remove(0, 11);
    return target;
}

Result<QList<GitBranch>> GitRepository::branches() const
{
    git_repository *repo = m_repo.get();
    lg::BranchIterator it;
    if (git_branch_iterator_new(it.out(), repo, GIT_BRANCH_ALL) != 0)
        return lg::error(QStringLiteral("cannot list the branches"));
    QList<GitBranch> local;
    QList<GitBranch> remote;
    lg::Reference ref;
    git_branch_t type;
    while (git_branch_next(ref.out(), &type, it.get()) == 0) {
        if (git_reference_type(ref.get()) == GIT_REFERENCE_SYMBOLIC)
            continue; // refs/remotes/origin/HEAD
        GitBranch branch;
        const char *name = nullptr;
        git_branch_name(&name, ref.get());
        branch.name = lg::fromUtf8(name);
        branch.fullName = lg::fromUtf8(git_reference_name(ref.get()));
        branch.isRemote = type == GIT_BRANCH_REMOTE;
        branch.isHead = !branch.isRemote && git_branch_is_head(ref.get()) == 1;
        if (const git_oid *target = git_reference_target(ref.get()))
            branch.targetId = lg::toHex(target);
        if (!branch.isRemote) {
            lg::Buffer upstream;
            const QByteArray full = branch.fullName.toUtf8();
            if (git_branch_upstream_name(upstream.out(), repo, full.constData()) == 0) {
                branch.upstream = QString::fromUtf8(upstream.bytes());
                if (branch.upstream.startsWith(u"refs/remotes/"))
                    branch.upstream.remove(0, 13);
                else if (branch.upstream.startsWith(u"refs/heads/"))
                    branch.upstream.remove(0, 11);
            }
            git_error_clear();
        }
        (branch.isRemote ? remote : local) << branch;
    }
    if (git_repository_head_unborn(repo) == 1) {
        Result<QString> unborn = currentBranch();
        if (unborn && !unborn.value().isEmpty()) {
            GitBranch branch;
            branch.name = unborn.value();
            branch.fullName = QStringLiteral("refs/heads/") + branch.name;
            branch.isHead = true;
            local << branch;
        }
    }
    const auto byName = [](const GitBranch &a, const GitBranch &b) { return a.name < b.name; };
    std::sort(local.begin(), local.end(), byName);
    std::sort(remote.begin(), remote.end(), byName);
    return local + remote;
}

Status GitRepository::createBranch(const QString &name, const QString &startPoint)
{
    const QByteArray bytes = name.toUtf8();
    int valid = 0;
    if (name.isEmpty() || git_branch_name_is_valid(&valid, bytes.constData()) != 0 || !valid)
        return Status::failure(Error::Code::Usage, QStringLiteral("'%1' is not a valid branch name").arg(name));
    lg::Reference existing;
    if (git_branch_lookup(existing.out(), m_repo.get(), bytes.constData(), GIT_BRANCH_LOCAL) == 0)
        return Status::failure(Error::Code::Refused, QStringLiteral("the branch '%1' already exists").arg(name));
    if (startPoint.isEmpty() && git_repository_head_unborn(m_repo.get()) == 1)
        return Status::failure(Error::Code::Refused,
                               QStringLiteral("cannot create the branch '%1' before the first commit").arg(name));
    Result<lg::Commit> start = lookupCommit(m_repo.get(), startPoint.isEmpty() ? QStringLiteral("HEAD") : startPoint);
    if (!start)
        return start.error();
    lg::Reference created;
    if (git_branch_create(created.out(), m_repo.get(), bytes.constData(), start.value().get(), 0) != 0)
        return lg::error(QStringLiteral("cannot create the branch '%1'").arg(name));
    return success();
}

Status GitRepository::checkoutBranch(const QString &name)
{
    git_repository *repo = m_repo.get();
    if (Status ready = lg::requireNoOperationInProgress(repo); !ready)
        return ready;
    lg::Reference branch;
    if (git_branch_lookup(branch.out(), repo, name.toUtf8().constData(), GIT_BRANCH_LOCAL) != 0)
        return lg::error(QStringLiteral("no local branch '%1'").arg(name), Error::Code::NotFound);
    lg::Commit target;
    lg::Tree tree;
    if (git_commit_lookup(target.out(), repo, git_reference_target(branch.get())) != 0
        || git_commit_tree(tree.out(), target.get()) != 0)
        return lg::error(QStringLiteral("cannot read the branch '%1'").arg(name));
    if (Status checkedOut = lg::checkoutTree(repo, tree.get(), QStringLiteral("switch to '%1'").arg(name)); !checkedOut)
        return checkedOut;
    if (git_repository_set_head(repo, git_reference_name(branch.get())) != 0)
        return lg::error(QStringLiteral("cannot switch to '%1'").arg(name));
    return success();
}

} // namespace studio
