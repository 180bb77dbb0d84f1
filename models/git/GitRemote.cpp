// SPDX-License-Identifier: MIT
// GitRepository's network side: clone, fetch, fast-forward pull and push, with the libgit2 remote
// callbacks (credentials, certificate check, progress, server messages, per-ref push status).

#include "git/GitRepository.h"

#include "git/Libgit2_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>

#include <algorithm>

namespace studio {

namespace lg = libgit2;

namespace {

/// The state of one remote operation, handed to libgit2's C callbacks as their payload. libgit2 calls
/// them synchronously on the thread running the operation.
class RemoteSession
{
public:
    struct Rejection {
        QString ref;
        QString reason;
    };

    explicit RemoteSession(const GitRemoteOptions &options) : m_options(options) {}
    RemoteSession(const RemoteSession &) = delete;
    RemoteSession &operator=(const RemoteSession &) = delete;

    void install(git_remote_callbacks &callbacks)
    {
        callbacks.payload = this;
        callbacks.credentials = &RemoteSession::onCredentials;
        callbacks.certificate_check = &RemoteSession::onCertificate;
        callbacks.sideband_progress = &RemoteSession::onSideband;
        callbacks.transfer_progress = &RemoteSession::onTransfer;
        callbacks.pack_progress = &RemoteSession::onPack;
        callbacks.push_transfer_progress = &RemoteSession::onPushTransfer;
        callbacks.push_update_reference = &RemoteSession::onUpdateReference;
    }

    bool cancelRequested() const { return m_options.cancel && m_options.cancel->load(); }
    bool wasCancelled() const { return m_cancelled; }
    const QList<Rejection> &rejections() const { return m_rejections; }

    /// What the server said on the sideband ("remote: …" lines in git), complete lines only.
    QStringList remoteMessages() const
    {
        QStringList lines = m_remoteLines;
        const QString pending = m_sidebandBuffer.trimmed();
        if (!pending.isEmpty())
            lines << pending;
        return lines;
    }

    QString remoteMessageBlock() const
    {
        QStringList lines;
        for (const QString &line : remoteMessages())
            lines << QStringLiteral("remote: ") + line;
        return lines.join(u'\n');
    }

    /// The Error for a failed libgit2 call. Call it right after the failure: it reads libgit2's
    /// per-thread error unless a callback already knows the better reason.
    Error failure(const QString &what) const
    {
        const QString detail = lg::lastMessage();
        Error error;
        if (m_cancelled)
            error = Error{Error::Code::Refused, QStringLiteral("%1: cancelled").arg(what)};
        else if (!m_certificateFailure.isEmpty())
            error = Error{Error::Code::Network, QStringLiteral("%1: %2").arg(what, m_certificateFailure)};
        else if (!m_credentialFailure.isEmpty())
            error = Error{Error::Code::Network, QStringLiteral("%1: %2").arg(what, m_credentialFailure)};
        else
            error = Error{Error::Code::Network, QStringLiteral("%1: %2").arg(what, detail)};
        const QString remote = remoteMessageBlock();
        if (!remote.isEmpty())
            error.message += u'\n' + remote;
        return error;
    }

private:
    static RemoteSession *self(void *payload) { return static_cast<RemoteSession *>(payload); }

    /// Reports progress; a non-zero result (GIT_EUSER) makes libgit2 stop the operation.
    int report(const GitProgress &progress)
    {
        if (cancelRequested() || (m_options.progress && !m_options.progress(progress))) {
            m_cancelled = true;
            return GIT_EUSER;
        }
        return 0;
    }

    static int onTransfer(const git_indexer_progress *stats, void *payload)
    {
        GitProgress progress;
        const bool resolving = stats->total_deltas > 0 && stats->received_objects == stats->total_objects;
        progress.phase = resolving ? GitProgress::Phase::Resolving : GitProgress::Phase::Receiving;
        progress.current = resolving ? stats->indexed_deltas : stats->received_objects;
        progress.total = resolving ? stats->total_deltas : stats->total_objects;
        progress.bytes = stats->received_bytes;
        return self(payload)->report(progress);
    }

    static int onPack(int, uint32_t current, uint32_t total, void *payload)
    {
        GitProgress progress;
        progress.phase = GitProgress::Phase::Packing;
        progress.current = current;
        progress.total = total;
        return self(payload)->report(progress);
    }

    static int onPushTransfer(unsigned int current, unsigned int total, size_t bytes, void *payload)
    {
        GitProgress progress;
        progress.phase = GitProgress::Phase::Sending;
        progress.current = current;
        progress.total = total;
        progress.bytes = bytes;
        return self(payload)->report(progress);
    }

    /// Server output: hook messages arrive here and nowhere else ("remote: …" in git).
    static int onSideband(const char *text, int length, void *payload)
    {
        RemoteSession *session = self(payload);
        session->m_sidebandBuffer += QString::fromUtf8(text, length);
        return session->consumeSideband();
    }

    int consumeSideband()
    {
        int result = 0;
        qsizetype end;
        while ((end = m_sidebandBuffer.indexOf(u'\n')) >= 0 || (end = m_sidebandBuffer.indexOf(u'\r')) >= 0) {
            const bool progressLine = m_sidebandBuffer.at(end) == u'\r'
                && (end + 1 >= m_sidebandBuffer.size() || m_sidebandBuffer.at(end + 1) != u'\n');
            const QString line = m_sidebandBuffer.left(end).trimmed();
            m_sidebandBuffer.remove(0, end + 1);
            if (line.isEmpty())
                continue;
            // "Resolving deltas:  50% (1/2)\r" lines are progress, not messages worth keeping.
            if (!progressLine) {
                m_remoteLines << line;
                if (m_remoteLines.size() > 100)
                    m_remoteLines.removeFirst();
            }
            GitProgress progress;
            progress.phase = GitProgress::Phase::Remote;
            progress.message = line;
            if (report(progress) != 0)
                result = GIT_EUSER;
        }
        return result;
    }

    /// A non-NULL status means the server refused this ref — the only trace of a hook's refusal:
    /// git_remote_push itself returns 0 then.
    static int onUpdateReference(const char *refname, const char *status, void *payload)
    {
        if (status)
            self(payload)->m_rejections.append({lg::fromUtf8(refname), lg::fromUtf8(status)});
        return 0;
    }

    static int onCredentials(git_credential **out, const char *url, const char *usernameFromUrl,
                             unsigned int allowedTypes, void *payload)
    {
        return self(payload)->acquireCredential(out, lg::fromUtf8(url), lg::fromUtf8(usernameFromUrl), allowedTypes);
    }

    int giveUp(const QString &message)
    {
        m_credentialFailure = message;
        git_error_set_str(GIT_ERROR_NET, message.toUtf8().constData());
        return GIT_EAUTH;
    }

    /// libgit2 asks again after every refused credential. Each credential is offered once, in a fixed
    /// order (ssh-agent, key files, token), and there is a hard cap, so this can never loop.
    int acquireCredential(git_credential **out, const QString &url, const QString &userFromUrl, unsigned int allowed)
    {
        if (cancelRequested()) {
            m_cancelled = true;
            return GIT_EUSER;
        }
        const GitCredentials &given = m_options.credentials;
        if (++m_credentialRequests > std::max(1, m_options.maxCredentialAttempts))
            return giveUp(QStringLiteral("%1 refused %2; gave up after %3 attempts. Check the credentials and retry.")
                              .arg(url, m_offered.join(QStringLiteral(", ")))
                              .arg(m_credentialRequests - 1));
        const QString user = !userFromUrl.isEmpty() ? userFromUrl : given.username;

        if (allowed & GIT_CREDENTIAL_USERNAME) // SSH first asks for the user name alone
            return git_credential_username_new(out, (user.isEmpty() ? QStringLiteral("git") : user).toUtf8().constData());

        if (allowed & GIT_CREDENTIAL_SSH_KEY) {
            const QByteArray sshUser = (user.isEmpty() ? QStringLiteral("git") : user).toUtf8();
            while (m_nextSshMethod <= given.sshKeyFiles.size()) {
                const qsizetype method = m_nextSshMethod++;
                if (method == 0) {
                    if (!given.useSshAgent || qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
                        continue;
                    m_offered << QStringLiteral("the keys of ssh-agent");
                    return git_credential_ssh_key_from_agent(out, sshUser.constData());
                }
                const QString key = given.sshKeyFiles.at(method - 1);
                if (!QFileInfo::exists(key))
                    continue;
                const QString publicKey = key + QStringLiteral(".pub");
                const QByteArray keyPath = QFile::encodeName(key);
                const QByteArray publicPath = QFile::encodeName(publicKey);
                const QByteArray passphrase = given.sshKeyPassphrase.toUtf8();
                m_offered << QStringLiteral("the SSH key %1").arg(key);
                return git_credential_ssh_key_new(out, sshUser.constData(),
                                                  QFileInfo::exists(publicKey) ? publicPath.constData() : nullptr,
                                                  keyPath.constData(), passphrase.isEmpty() ? nullptr : passphrase.constData());
            }
        }

        if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && !m_tokenOffered && !given.token.isEmpty()) {
            m_tokenOffered = true;
            m_offered << QStringLiteral("the access token");
            const QByteArray name = (user.isEmpty() ? QStringLiteral("x-access-token") : user).toUtf8();
            return git_credential_userpass_plaintext_new(out, name.constData(), given.token.toUtf8().constData());
        }

        if (m_offered.isEmpty()) {
            QStringList wanted;
            if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT)
                wanted << QStringLiteral("a user name and access token");
            if (allowed & GIT_CREDENTIAL_SSH_KEY)
                wanted << QStringLiteral("an SSH key (ssh-agent or a key file)");
            return giveUp(QStringLiteral("%1 requires authentication (%2) and none was given. Add the credentials "
                                         "in the settings and retry.")
                              .arg(url, wanted.isEmpty() ? QStringLiteral("a credential type Deploy Studio does not support")
                                                         : wanted.join(QStringLiteral(" or "))));
        }
        return giveUp(QStringLiteral("%1 refused %2. Check that the credentials are valid and allowed to access this "
                                     "repository, then retry.")
                          .arg(url, m_offered.join(QStringLiteral(", "))));
    }

    static QString describe(git_cert *cert)
    {
        if (cert->cert_type == GIT_CERT_X509) {
            const auto *x509 = reinterpret_cast<git_cert_x509 *>(cert);
            const QByteArray der(static_cast<const char *>(x509->data), qsizetype(x509->len));
            const QSslCertificate certificate(der, QSsl::Der);
            const QString fingerprint =
                QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex(':')).toUpper();
            return certificate.isNull()
                ? QStringLiteral("SHA-256 fingerprint %1").arg(fingerprint)
                : QStringLiteral("issued to \"%1\" by \"%2\", valid until %3, SHA-256 fingerprint %4")
                      .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(),
                           certificate.expiryDate().toString(Qt::ISODate), fingerprint);
        }
        if (cert->cert_type == GIT_CERT_HOSTKEY_LIBSSH2) {
            const auto *hostkey = reinterpret_cast<git_cert_hostkey *>(cert);
            if (hostkey->type & GIT_CERT_SSH_SHA256) {
                const QByteArray hash(reinterpret_cast<const char *>(hostkey->hash_sha256), sizeof hostkey->hash_sha256);
                return QStringLiteral("host key SHA256:%1")
                    .arg(QString::fromLatin1(hash.toBase64(QByteArray::OmitTrailingEquals)));
            }
            return QStringLiteral("unknown host key");
        }
        return QStringLiteral("no certificate details");
    }

    static int onCertificate(git_cert *cert, int valid, const char *host, void *payload)
    {
        RemoteSession *session = self(payload);
        if (valid)
            return 0;
        const QString hostName = lg::fromUtf8(host);
        const QString description = describe(cert);
        const GitRemoteOptions &options = session->m_options;
        if (options.allowInvalidCertificates
            || (options.acceptInvalidCertificate && options.acceptInvalidCertificate(hostName, description)))
            return 0;
        if (cert->cert_type == GIT_CERT_HOSTKEY_LIBSSH2) {
            session->m_certificateFailure =
                QStringLiteral("the SSH host key of %1 is unknown or has changed (%2). Connect once with `ssh %1`, "
                               "compare the fingerprint with the one your Git host publishes and accept it (that adds "
                               "it to ~/.ssh/known_hosts), then retry.")
                    .arg(hostName, description);
            git_error_set_str(GIT_ERROR_SSH, session->m_certificateFailure.toUtf8().constData());
        } else {
            session->m_certificateFailure =
                QStringLiteral("the TLS certificate of %1 is not trusted (%2). Deploy Studio does not connect to servers "
                               "it cannot verify: install the issuing CA certificate in the system's trust store, or "
                               "explicitly allow this certificate, then retry.")
                    .arg(hostName, description);
            git_error_set_str(GIT_ERROR_SSL, session->m_certificateFailure.toUtf8().constData());
        }
        return GIT_ECERTIFICATE;
    }

    const GitRemoteOptions &m_options;
    bool m_cancelled = false;
    QString m_sidebandBuffer;
    QStringList m_remoteLines;
    QList<Rejection> m_rejections;
    int m_credentialRequests = 0;
    qsizetype m_nextSshMethod = 0; ///< 0 = ssh-agent, then the key files
    bool m_tokenOffered = false;
    QStringList m_offered;
    QString m_credentialFailure;
    QString m_certificateFailure;
};

QString withoutFinalPeriod(QString text)
{
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

bool isNonFastForwardReason(const QString &reason)
{
    return reason.contains(QLatin1String("non-fast-forward"), Qt::CaseInsensitive)
        || reason.contains(QLatin1String("fetch first"), Qt::CaseInsensitive)
        || reason.contains(QLatin1String("stale info"), Qt::CaseInsensitive);
}

} // namespace

Result<GitRepository> GitRepository::clone(const QString &url, const QString &path, const GitRemoteOptions &options)
{
    lg::ensureInitialised();
    RemoteSession session(options);
    if (session.cancelRequested())
        return Error{Error::Code::Refused, QStringLiteral("cloning %1 was cancelled").arg(url)};
    git_clone_options cloneOptions;
    git_clone_options_init(&cloneOptions, GIT_CLONE_OPTIONS_VERSION);
    session.install(cloneOptions.fetch_opts.callbacks);
    git_repository *repo = nullptr;
    if (git_clone(&repo, url.toUtf8().constData(), QFile::encodeName(QDir::toNativeSeparators(path)).constData(),
                  &cloneOptions)
        != 0)
        return session.failure(QStringLiteral("cannot clone %1").arg(url));
    return GitRepository(repo);
}

Status GitRepository::addRemote(const QString &name, const QString &url)
{
    lg::Remote remote;
    if (git_remote_create(remote.out(), m_repo.get(), name.toUtf8().constData(), url.toUtf8().constData()) != 0)
        return lg::error(QStringLiteral("cannot add the remote '%1'").arg(name));
    return success();
}

Status GitRepository::fetch(const QString &remoteName, const GitRemoteOptions &options)
{
    lg::Remote remote;
    if (git_remote_lookup(remote.out(), m_repo.get(), remoteName.toUtf8().constData()) != 0)
        return lg::error(QStringLiteral("no remote '%1'").arg(remoteName), Error::Code::NotFound);
    RemoteSession session(options);
    if (session.cancelRequested())
        return Status::failure(Error::Code::Refused, QStringLiteral("the fetch from '%1' was cancelled").arg(remoteName));
    git_fetch_options fetchOptions;
    git_fetch_options_init(&fetchOptions, GIT_FETCH_OPTIONS_VERSION);
    session.install(fetchOptions.callbacks);
    if (git_remote_fetch(remote.get(), nullptr, &fetchOptions, nullptr) != 0)
        return session.failure(QStringLiteral("cannot fetch from '%1'").arg(remoteName));
    return success();
}

Result<GitPullResult> GitRepository::pull(const QString &remoteName, const GitRemoteOptions &options)
{
    git_repository *repo = m_repo.get();
    if (Status ready = lg::requireNoOperationInProgress(repo); !ready)
        return ready.error();
    Result<QString> branch = currentBranch();
    if (!branch)
        return branch.error();
    if (branch.value().isEmpty())
        return Error{Error::Code::Refused, QStringLiteral("HEAD is detached: check out a branch before pulling")};
    if (Status fetched = fetch(remoteName, options); !fetched)
        return fetched.error();

    // The configured upstream, or the remote's branch of the same name.
    QString upstream = QStringLiteral("refs/remotes/%1/%2").arg(remoteName, branch.value());
    {
        lg::Buffer configured;
        const QByteArray local = QStringLiteral("refs/heads/%1").arg(branch.value()).toUtf8();
        if (git_branch_upstream_name(configured.out(), repo, local.constData()) == 0)
            upstream = QString::fromUtf8(configured.bytes());
        git_error_clear();
    }
    lg::Reference theirs;
    if (git_reference_lookup(theirs.out(), repo, upstream.toUtf8().constData()) != 0)
        return Error{Error::Code::NotFound, QStringLiteral("'%1' has no branch '%2' to pull from").arg(remoteName, branch.value())};
    lg::AnnotatedCommit their;
    if (git_annotated_commit_from_ref(their.out(), repo, theirs.get()) != 0)
        return lg::error(QStringLiteral("cannot read %1").arg(upstream));
    const git_oid theirId = *git_annotated_commit_id(their.get());

    git_merge_analysis_t analysis = GIT_MERGE_ANALYSIS_NONE;
    git_merge_preference_t preference = GIT_MERGE_PREFERENCE_NONE;
    const git_annotated_commit *heads[] = {their.get()};
    if (git_merge_analysis(&analysis, &preference, repo, heads, 1) != 0)
        return lg::error(QStringLiteral("cannot compare %1 with %2").arg(branch.value(), upstream));

    GitPullResult result;
    git_oid ourId;
    const bool hasCommits = git_reference_name_to_id(&ourId, repo, "HEAD") == 0;
    if (hasCommits)
        result.oldId = lg::toHex(&ourId);
    if (analysis & GIT_MERGE_ANALYSIS_UP_TO_DATE) {
        result.upToDate = true;
        result.newId = result.oldId;
        return result;
    }
    if (!(analysis & (GIT_MERGE_ANALYSIS_FASTFORWARD | GIT_MERGE_ANALYSIS_UNBORN))) {
        size_t ahead = 0;
        size_t behind = 0;
        git_graph_ahead_behind(&ahead, &behind, repo, &ourId, &theirId);
        return Error{Error::Code::Refused,
                     QStringLiteral("cannot fast-forward '%1' to '%2': the branches have diverged (%3 local commit(s) "
                                    "not on the remote, %4 remote commit(s) not here). Nothing was changed. Rebase your "
                                    "commits onto '%2' (git pull --rebase) or merge it, then push.")
                         .arg(branch.value(), upstream.section(u'/', 2))
                         .arg(ahead)
                         .arg(behind)};
    }
    lg::Commit target;
    lg::Tree tree;
    if (git_commit_lookup(target.out(), repo, &theirId) != 0 || git_commit_tree(tree.out(), target.get()) != 0)
        return lg::error(QStringLiteral("cannot read %1").arg(upstream));
    if (Status checkedOut = lg::checkoutTree(repo, tree.get(), QStringLiteral("fast-forward '%1'").arg(branch.value()));
        !checkedOut)
        return checkedOut.error();
    if (Status moved = lg::advanceHead(repo, theirId, hasCommits ? &ourId : nullptr,
                                       QStringLiteral("pull: Fast-forward"));
        !moved)
        return moved.error();
    result.newId = lg::toHex(&theirId);
    return result;
}

Status GitRepository::push(const QString &remoteName, const QString &branch, const GitRemoteOptions &options)
{
    git_repository *repo = m_repo.get();
    lg::Reference local;
    const QByteArray branchName = branch.toUtf8();
    if (git_branch_lookup(local.out(), repo, branchName.constData(), GIT_BRANCH_LOCAL) != 0)
        return lg::error(QStringLiteral("no local branch '%1' to push").arg(branch), Error::Code::NotFound);
    const QString localId = lg::shortHex(git_reference_target(local.get()));
    const QString kept = QStringLiteral("Your commit %1 is kept on '%2'.").arg(localId, branch);

    lg::Remote remote;
    if (git_remote_lookup(remote.out(), repo, remoteName.toUtf8().constData()) != 0)
        return lg::error(QStringLiteral("no remote '%1'").arg(remoteName), Error::Code::NotFound);
    RemoteSession session(options);
    if (session.cancelRequested())
        return Status::failure(Error::Code::Refused,
                               QStringLiteral("the push to '%1' was cancelled. %2").arg(remoteName, kept));
    git_push_options pushOptions;
    git_push_options_init(&pushOptions, GIT_PUSH_OPTIONS_VERSION);
    session.install(pushOptions.callbacks);
    lg::StringArray refspecs({QStringLiteral("refs/heads/%1:refs/heads/%1").arg(branch)});

    const int rc = git_remote_push(remote.get(), refspecs.get(), &pushOptions);
    if (rc != 0) {
        const QString detail = withoutFinalPeriod(lg::lastMessage()); // per thread: read it before anything else
        Error failure = session.failure(QStringLiteral("the push of '%1' to '%2' failed").arg(branch, remoteName));
        if (session.wasCancelled())
            return Status::failure(Error::Code::Refused,
                                   QStringLiteral("the push to '%1' was cancelled. %2").arg(remoteName, kept));
        if (rc == GIT_ENONFASTFORWARD) // libgit2 checks this itself before sending anything
            return Status::failure(Error::Code::Refused,
                                   QStringLiteral("'%1' rejected the push of '%2': non-fast-forward — the remote branch "
                                                  "has commits that yours does not have (%3). %4 Fetch and rebase your "
                                                  "commits onto the remote branch, then push again.")
                                       .arg(remoteName, branch, detail, kept));
        failure.message += u'\n' + kept;
        if (!failure.message.contains(QLatin1String("retry"), Qt::CaseInsensitive))
            failure.message += QStringLiteral(" Retry when the remote is reachable.");
        return failure;
    }

    // A server-side refusal (hooks, branch protection) does not fail git_remote_push: it shows only in
    // push_update_reference's status, the reason in the sideband messages.
    if (!session.rejections().isEmpty()) {
        QStringList reasons;
        bool nonFastForward = false;
        for (const RemoteSession::Rejection &rejection : session.rejections()) {
            reasons << QStringLiteral("%1 (%2)").arg(rejection.ref, rejection.reason);
            nonFastForward = nonFastForward || isNonFastForwardReason(rejection.reason);
        }
        QString message = QStringLiteral("'%1' rejected the push of '%2': %3.")
                              .arg(remoteName, branch, reasons.join(QStringLiteral("; ")));
        const QString remoteSaid = session.remoteMessageBlock();
        if (!remoteSaid.isEmpty())
            message += u'\n' + remoteSaid;
        message += u'\n' + kept + u' '
            + (nonFastForward ? QStringLiteral("The remote branch has commits that yours does not have "
                                               "(non-fast-forward): fetch and rebase, then push again.")
                              : QStringLiteral("Do what the remote's message asks (e.g. get the change reviewed or "
                                               "fix what its checks reported), then retry the push."));
        return Status::failure(Error::Code::Refused, message);
    }

    if (git_branch_set_upstream(local.get(), QStringLiteral("%1/%2").arg(remoteName, branch).toUtf8().constData()) != 0)
        return lg::error(QStringLiteral("pushed, but cannot set the upstream of '%1'").arg(branch));
    return success();
}

} // namespace studio
