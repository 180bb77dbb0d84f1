// SPDX-License-Identifier: MIT
// deploy-studio-cli history REPO --env E [--format text|json]
// deploy-studio-cli rollback REPO COMMIT [--push] [--sign-key F]

#include "CliCommand.h"

#include "diff/LineDiff.h"
#include "git/GitRepository.h"
#include "promote/EnvironmentHistory.h"
#include "promote/Promoter.h"
#include "secrets/CommitSecretGate.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace studio::cli {

int runHistory(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption envOption(QStringLiteral("env"), QStringLiteral("Environment."), QStringLiteral("E"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("F"),
                                          QStringLiteral("text"));
    parser.addOptions({envOption, formatOption});
    if (!parser.parse(QStringList{QStringLiteral("history")} + arguments))
        return fail(io, parser.errorText());
    if (parser.positionalArguments().size() != 1 || !parser.isSet(envOption))
        return fail(io, QStringLiteral("usage: deploy-studio-cli history REPO --env E [--format text|json]"));
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"json")
        return fail(io, QStringLiteral("unknown --format '%1'; use text or json").arg(format));
    const QString repo = parser.positionalArguments().front();
    if (!QFileInfo(repo).isDir())
        return fail(io, QStringLiteral("'%1' is not a folder").arg(repo));
    const Workspace workspace = Workspace::discover(repo);
    const Result<QList<HistoryEntry>> history = EnvironmentHistory::load(workspace, parser.value(envOption));
    if (!history)
        return fail(io, history.errorMessage());
    if (format == u"json") {
        QJsonArray list;
        for (const HistoryEntry &e : history.value()) {
            list.append(QJsonObject{{QLatin1String("commit"), e.commit.id},
                                    {QLatin1String("shortCommit"), e.commit.shortId},
                                    {QLatin1String("time"), e.commit.author.when.toString(Qt::ISODate)},
                                    {QLatin1String("author"), e.commit.author.name},
                                    {QLatin1String("subject"), e.commit.summary},
                                    {QLatin1String("promotion"), e.isPromotion},
                                    {QLatin1String("promotedFrom"), e.promotedFrom}});
        }
        io.out << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented));
    } else {
        for (const HistoryEntry &e : history.value()) {
            io.out << e.commit.shortId << "  " << e.commit.author.when.toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  "
                   << (e.isPromotion ? "⇒ " : "  ") << e.commit.summary << "  (" << e.commit.author.name << ")\n";
        }
    }
    io.out.flush();
    return Success;
}

int runRollback(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption pushOption(QStringLiteral("push"), QStringLiteral("Push the revert to origin."));
    const QCommandLineOption signOption(QStringLiteral("sign-key"), QStringLiteral("SSH key to sign the commit."),
                                        QStringLiteral("F"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"), QStringLiteral("Print what the revert changes."));
    const QCommandLineOption allowSecretsOption(QStringLiteral("allow-secrets"),
                                                QStringLiteral("Commit even if secrets are found (recorded in the message)."));
    parser.addOptions({pushOption, signOption, dryRunOption, allowSecretsOption});
    if (!parser.parse(QStringList{QStringLiteral("rollback")} + arguments))
        return fail(io, parser.errorText());
    if (parser.positionalArguments().size() != 2)
        return fail(io, QStringLiteral("usage: deploy-studio-cli rollback REPO COMMIT [--push] [--sign-key F] [--dry-run] "
                                       "[--allow-secrets]"));
    const QString repoPath = parser.positionalArguments().at(0);
    const QString commit = parser.positionalArguments().at(1);
    Result<GitRepository> repo = GitRepository::open(repoPath);
    if (!repo)
        return fail(io, repo.errorMessage());
    const Result<QList<GitFileDiff>> diff = repo->commitDiff(commit);
    if (!diff)
        return fail(io, diff.errorMessage());
    if (parser.isSet(dryRunOption)) {
        for (const GitFileDiff &file : diff.value())
        {
            const QString path = file.newPath.isEmpty() ? file.oldPath : file.newPath;
            io.out << LineDiff::unified(file.newText, file.oldText, QStringLiteral("a/") + path, QStringLiteral("b/") + path);
        }
        io.out.flush();
        return Success;
    }
    const Result<CommitSigner> signer = Promoter::signerFor(repoPath, parser.value(signOption), false);
    if (!signer)
        return fail(io, signer.errorMessage());
    // What the revert brings back passes the plaintext-secret gate like any other commit.
    const bool allowSecrets = parser.isSet(allowSecretsOption);
    const Result<QString> reverted = repo.value().revert(commit, signer.value(),
                                                         [allowSecrets](const QList<GitNewContent> &files, const QString &message) {
                                                             return CommitSecretGate::approveContents(files, message, allowSecrets);
                                                         });
    if (!reverted) {
        fail(io, reverted.errorMessage());
        return Findings;
    }
    io.out << "reverted " << commit << " as " << reverted->left(12) << (signer.value() ? " (signed)" : "") << '\n';
    if (parser.isSet(pushOption)) {
        const Result<QString> branch = repo->currentBranch();
        const Status pushed = repo.value().push(QStringLiteral("origin"), branch ? branch.value() : QStringLiteral("main"));
        if (!pushed) {
            io.out.flush();
            fail(io, QStringLiteral("push refused: %1 (the revert %2 is kept locally)").arg(pushed.errorMessage(), reverted->left(12)));
            return Findings;
        }
        io.out << "pushed to origin\n";
    }
    io.out.flush();
    return Success;
}

} // namespace studio::cli
