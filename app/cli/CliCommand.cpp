// SPDX-License-Identifier: MIT
#include "CliCommand.h"

namespace studio::cli {

int fail(CliStreams &io, const QString &message)
{
    io.err << "deploy-studio-cli: " << message << '\n';
    io.err.flush();
    return UsageOrIoError;
}

} // namespace studio::cli
