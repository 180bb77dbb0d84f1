// SPDX-License-Identifier: MIT
#pragma once

// Runs a real program (the CLI, git, ssh-keygen) for the command-line tests and keeps what a user sees.

#include <QProcess>
#include <QString>
#include <QStringList>

struct Run {
    int exitCode = -1; ///< -1 when it could not start, crashed or timed out
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("exit %1\n--- stdout:\n%2--- stderr:\n%3").arg(exitCode).arg(out, err);
    }
};

inline Run runProcess(const QString &program, const QStringList &arguments, const QString &workingDirectory = QString(),
                      const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted(10000)) {
        result.err = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return result;
    }
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("%1 did not finish in 120 s").arg(program);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
