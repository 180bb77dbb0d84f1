// SPDX-License-Identifier: MIT
// deploy-studio-cli set REPO --env E PATH=VALUE... [--dry-run]

#include "CliCommand.h"

#include "values/ValuesEditor.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace studio::cli {

int runSet(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption envOption(QStringLiteral("env"), QStringLiteral("Environment to edit."), QStringLiteral("E"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"), QStringLiteral("Print the new file; write nothing."));
    parser.addOptions({envOption, dryRunOption});
    if (!parser.parse(QStringList{QStringLiteral("set")} + arguments))
        return fail(io, parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || !parser.isSet(envOption))
        return fail(io, QStringLiteral("usage: deploy-studio-cli set REPO --env E PATH=VALUE..."));
    const QString repo = positional.front();
    if (!QFileInfo(repo).isDir())
        return fail(io, QStringLiteral("'%1' is not a folder").arg(repo));

    QList<ValueAssignment> assignments;
    for (const QString &text : positional.mid(1)) {
        Result<ValueAssignment> a = ValueAssignment::parse(text);
        if (!a)
            return fail(io, a.errorMessage());
        assignments << a.value();
    }
    const Workspace workspace = Workspace::discover(repo);
    const Environment *env = workspace.environment(parser.value(envOption));
    if (!env)
        return fail(io, workspace.unknownEnvironment(parser.value(envOption)));
    const Result<FileChange> change = ValuesEditor::plan(workspace, *env, assignments);
    if (!change) {
        fail(io, change.errorMessage());
        return change.error().code == Error::Code::Refused ? Findings : UsageOrIoError;
    }
    if (parser.isSet(dryRunOption)) {
        io.out << change->after;
        io.out.flush();
        return Success;
    }
    if (change->after == change->before) {
        io.out << change->file << ": unchanged\n";
        io.out.flush();
        return Success;
    }
    const Status written = ValuesEditor::write(workspace, change.value());
    if (!written) {
        fail(io, written.errorMessage());
        return written.error().code == Error::Code::Refused ? Findings : UsageOrIoError;
    }
    io.out << "updated " << change->file << '\n';
    io.out.flush();
    return Success;
}

} // namespace studio::cli
