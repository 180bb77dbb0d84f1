// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace studio::cli {

/// Exit codes shared by every command (DESIGN.md): 0 success or nothing found, 1 findings or a
/// refused operation, 2 usage or I/O error.
enum ExitCode { Success = 0, Findings = 1, UsageOrIoError = 2 };

/// Streams of the running command; tests of the CLI read what a user would see.
struct CliStreams {
    QTextStream &out;
    QTextStream &err;
};

/// Prints "deploy-studio-cli: <message>" to stderr and returns UsageOrIoError.
int fail(CliStreams &io, const QString &message);

int runCheck(const QStringList &arguments, CliStreams &io);
int runEnvs(const QStringList &arguments, CliStreams &io);
int runDemo(const QStringList &arguments, CliStreams &io);
int runSet(const QStringList &arguments, CliStreams &io);
int runPromote(const QStringList &arguments, CliStreams &io);
int runHistory(const QStringList &arguments, CliStreams &io);
int runRollback(const QStringList &arguments, CliStreams &io);
int runDiff(const QStringList &arguments, CliStreams &io);
int runWizard(const QStringList &arguments, CliStreams &io);
int runScan(const QStringList &arguments, CliStreams &io);
int runSeal(const QStringList &arguments, CliStreams &io);
int runSshKey(const QStringList &arguments, CliStreams &io);
int runMetrics(const QStringList &arguments, CliStreams &io);
int runPipeline(const QStringList &arguments, CliStreams &io);

} // namespace studio::cli
