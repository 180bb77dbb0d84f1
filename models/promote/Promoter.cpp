// SPDX-License-Identifier: MIT
#include "promote/Promoter.h"

#include "documents/FileReplacement.h"
#include "git/GitRepository.h"
#include "secrets/CommitSecretGate.h"
#include "secrets/SshSigner.h"
#include "workspace/Workspace.h"


namespace studio {

Result<CommitSigner> Promoter::signerFor(const QString &repositoryPath, const QString &keyFile, bool required)
{
    if (!keyFile.isEmpty()) {
        Result<SshSigner> signer = SshSigner::fromKeyFile(keyFile);
        if (!signer)
            return signer.error();
        return signer->commitSigner();
    }
    Result<GitRepository> repo = GitRepository::open(repositoryPath);
    if (!repo)
        return repo.error();
    return signerFor(repo.value(), keyFile, required);
}

Result<CommitSigner> Promoter::signerFor(const GitRepository &repository, const QString &keyFile, bool required)
{
    if (!keyFile.isEmpty())
        return signerFor(QString(), keyFile, required);
    const std::optional<SignerConfig> config = repository.signingConfig();
    if (!config) {
        if (required)
            return Error{Error::Code::Refused,
                         QStringLiteral("this environment is protected: its commits must be signed; pass --sign-key "
                                        "FILE or set gpg.format=ssh, user.signingkey and commit.gpgsign=true")};
        return CommitSigner{};
    }
    Result<SshSigner> signer = SshSigner::fromConfig(*config);
    if (!signer)
        return signer.error();
    return signer->commitSigner();
}

Result<PromotionOutcome> Promoter::run(const Workspace &workspace, const PromotionPlan &plan,
                                       const PromotionOptions &options)
{
    const Environment *target = workspace.environment(plan.target());
    const bool commit = options.commit || options.push;
    Result<PromotionPreview> preview = plan.preview(workspace, options.ids);
    if (!preview)
        return preview.error();
    if (!preview->allowed())
        return Error{Error::Code::Refused, QStringLiteral("promotion refused: %1").arg(preview->refusals.join(QStringLiteral("; ")))};
    const bool mustSign = target && target->isProtected;
    if (mustSign && !commit)
        return Error{Error::Code::Refused, QStringLiteral("%1 is protected: promote it with a signed commit (--commit "
                                                          "with --sign-key or Git's signing settings)")
                                               .arg(plan.target())};

    PromotionOutcome outcome;
    for (const FileChange &file : preview->files)
        outcome.files << file.file;

    // Plaintext secrets in the new texts refuse the promotion before anything is written (the gate
    // below checks the staged content again before committing).
    if (commit && !options.allowSecrets && !preview->secrets.isEmpty())
        return CommitSecretGate::refusal(preview->secrets);

    std::optional<GitRepository> repo;
    CommitSigner signer;
    QString sourceCommit;
    if (commit) {
        Result<GitRepository> opened = GitRepository::open(workspace.root);
        if (!opened)
            return Error{Error::Code::Git, QStringLiteral("%1; committing needs the workspace to be a Git repository")
                                               .arg(opened.errorMessage())};
        repo.emplace(std::move(opened).value());
        if (Result<GitSignature> identity = repo->identity(); !identity)
            return identity.error(); // before anything is written
        Result<CommitSigner> found = signerFor(*repo, options.signKeyFile, mustSign);
        if (!found)
            return found.error();
        signer = found.value();
        // Uncommitted edits in the files would slip into the promotion commit.
        if (Result<QList<GitFileStatus>> status = repo->status(outcome.files)) {
            for (const GitFileStatus &file : status.value()) {
                if (outcome.files.contains(file.path))
                    return Error{Error::Code::Refused,
                                 QStringLiteral("%1 has uncommitted changes; commit or discard them before promoting")
                                     .arg(file.path)};
            }
        }
        if (Result<QString> head = repo->resolve(QStringLiteral("HEAD")))
            sourceCommit = head->left(7);
    }

    if (Status written = PromotionPlan::write(workspace, preview->files); !written)
        return written.error();
    if (!commit)
        return outcome;

    auto restore = [&] {
        for (const FileChange &file : preview->files) {
            FileReplacement out(workspace.absolutePath(file.file));
            if (out.prepare(file.before.toUtf8()))
                out.commit();
        }
        repo->unstage(outcome.files);
    };
    if (Status staged = repo->stage(outcome.files); !staged) {
        restore();
        return staged.error();
    }
    const QString requested = options.message.isEmpty() ? plan.commitMessage(options.ids, sourceCommit) : options.message;
    const Result<QString> message = CommitSecretGate::approve(*repo, requested, options.allowSecrets);
    if (!message) {
        restore();
        return Error{message.error().code, QStringLiteral("%1; the files were restored").arg(message.errorMessage())};
    }
    Result<QString> committed = repo->commit(message.value(), signer);
    if (!committed) {
        restore();
        return Error{committed.error().code, QStringLiteral("%1; the files were restored").arg(committed.errorMessage())};
    }
    outcome.commitId = committed.value();
    outcome.signedCommit = bool(signer);
    if (!options.push)
        return outcome;
    const Result<QString> branch = repo->currentBranch();
    const Status pushed = repo->push(QStringLiteral("origin"), branch ? branch.value() : QStringLiteral("main"), options.remote);
    if (!pushed)
        outcome.pushError = pushed.errorMessage();
    outcome.pushed = pushed.ok();
    return outcome;
}

} // namespace studio
