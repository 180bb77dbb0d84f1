// SPDX-License-Identifier: MIT
// deploy-studio-cli demo DIR

#include "CliCommand.h"

#include "workspace/DemoWorkspace.h"

namespace studio::cli {

int runDemo(const QStringList &arguments, CliStreams &io)
{
    if (arguments.size() != 1 || arguments.front().startsWith(u'-'))
        return fail(io, QStringLiteral("demo needs exactly one DIR (deploy-studio-cli demo DIR)"));
    const QString directory = arguments.front();
    const Status created = DemoWorkspace::create(directory);
    if (!created) {
        fail(io, created.errorMessage());
        return created.error().code == Error::Code::Refused ? Findings : UsageOrIoError;
    }
    io.out << "created the TuneMantra demo workspace in " << directory << " (" << DemoWorkspace::historyLength()
           << " commits; remote origin = " << directory << ".git)\n";
    io.out.flush();
    return Success;
}

} // namespace studio::cli
