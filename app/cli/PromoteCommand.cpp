// SPDX-License-Identifier: MIT
// deploy-studio-cli promote REPO --from A --to B [--only PATH]... [--dry-run] [--commit] [--message M]
//                           [--sign-key F] [--push] [--allow-secrets]

#include "CliCommand.h"

#include "diff/LineDiff.h"
#include "promote/Promoter.h"
#include "promote/PromotionPlan.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace studio::cli {

int runPromote(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("Source environment."), QStringLiteral("A"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("Target environment."), QStringLiteral("B"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Promote only this setting (repeatable)."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"), QStringLiteral("Print the file diff; write nothing."));
    const QCommandLineOption commitOption(QStringLiteral("commit"), QStringLiteral("Commit the edited files."));
    const QCommandLineOption messageOption(QStringLiteral("message"), QStringLiteral("Commit message."), QStringLiteral("M"));
    const QCommandLineOption signOption(QStringLiteral("sign-key"), QStringLiteral("SSH key to sign the commit."),
                                        QStringLiteral("F"));
    const QCommandLineOption pushOption(QStringLiteral("push"), QStringLiteral("Push the commit to origin."));
    const QCommandLineOption allowSecretsOption(QStringLiteral("allow-secrets"),
                                                QStringLiteral("Commit even if secrets are found (recorded in the message)."));
    parser.addOptions({fromOption, toOption, onlyOption, dryRunOption, commitOption, messageOption, signOption, pushOption,
                       allowSecretsOption});
    if (!parser.parse(QStringList{QStringLiteral("promote")} + arguments))
        return fail(io, parser.errorText());
    if (parser.positionalArguments().size() != 1 || !parser.isSet(fromOption) || !parser.isSet(toOption))
        return fail(io, QStringLiteral("usage: deploy-studio-cli promote REPO --from A --to B [--only PATH]... "
                                       "[--dry-run] [--commit] [--message M] [--sign-key F] [--push] [--allow-secrets]"));
    const QString repo = parser.positionalArguments().front();
    if (!QFileInfo(repo).isDir())
        return fail(io, QStringLiteral("'%1' is not a folder").arg(repo));

    const Workspace workspace = Workspace::discover(repo);
    const Result<PromotionPlan> plan = PromotionPlan::build(workspace, parser.value(fromOption), parser.value(toOption));
    if (!plan)
        return fail(io, plan.errorMessage());
    const QStringList ids = parser.values(onlyOption);
    if (plan->changes().isEmpty()) {
        io.out << parser.value(fromOption) << " and " << parser.value(toOption) << " do not differ: nothing to promote\n";
        io.out.flush();
        return Success;
    }

    if (parser.isSet(dryRunOption)) {
        const Result<PromotionPreview> preview = plan->preview(workspace, ids);
        if (!preview)
            return fail(io, preview.errorMessage());
        for (const FileChange &file : preview->files)
            io.out << LineDiff::unified(file.before, file.after, QStringLiteral("a/") + file.file,
                                        QStringLiteral("b/") + file.file);
        for (const Diagnostic &d : preview->existingProblems)
            io.err << d.file << ':' << d.line << ": existing error in " << plan->target() << ": " << d.message << '\n';
        for (const QString &refusal : preview->refusals)
            io.err << "deploy-studio-cli: refused: " << refusal << '\n';
        for (const SecretFinding &f : preview->secrets)
            io.err << f.file << ':' << f.line << ':' << f.column << ": plaintext secret (" << f.rule
                   << "): committing it needs --allow-secrets; seal it instead\n";
        io.out.flush();
        io.err.flush();
        return preview->allowed() ? Success : Findings;
    }

    PromotionOptions options;
    options.ids = ids;
    options.commit = parser.isSet(commitOption);
    options.push = parser.isSet(pushOption);
    options.message = parser.value(messageOption);
    options.signKeyFile = parser.value(signOption);
    options.allowSecrets = parser.isSet(allowSecretsOption);
    const Result<PromotionOutcome> outcome = Promoter::run(workspace, plan.value(), options);
    if (!outcome) {
        fail(io, outcome.errorMessage());
        return outcome.error().code == Error::Code::Refused || outcome.error().code == Error::Code::Git ? Findings
                                                                                                         : UsageOrIoError;
    }
    io.out << "promoted " << plan->source() << " → " << plan->target() << ": " << outcome->files.join(QStringLiteral(", "))
           << '\n';
    if (!outcome->commitId.isEmpty())
        io.out << "commit " << outcome->commitId.left(12) << (outcome->signedCommit ? " (signed)" : "") << '\n';
    if (outcome->pushed)
        io.out << "pushed to origin\n";
    io.out.flush();
    if (!outcome->pushError.isEmpty()) {
        fail(io, QStringLiteral("push refused: %1 (the commit %2 is kept locally)")
                     .arg(outcome->pushError, outcome->commitId.left(12)));
        return Findings;
    }
    return Success;
}

} // namespace studio::cli
