// SPDX-License-Identifier: MIT
// Runs the real tools the Git and signing tests check against (git, ssh-keygen, git daemon) and
// isolates them, and libgit2, from the developer's own Git configuration.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace studio::test {

struct ProcessOutput {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out).trimmed(); }
    QString errors() const { return QString::fromUtf8(err).trimmed(); }
};

inline ProcessOutput runProcess(const QString &program, const QStringList &arguments, const QString &directory = {},
                                const QByteArray &input = {})
{
    QProcess process;
    if (!directory.isEmpty())
        process.setWorkingDirectory(directory);
    process.start(program, arguments);
    ProcessOutput result;
    if (!process.waitForStarted(10000)) {
        result.err = QStringLiteral("cannot start %1: %2").arg(program, process.errorString()).toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

/// `git -C directory arguments…`
inline ProcessOutput git(const QString &directory, const QStringList &arguments, const QByteArray &input = {})
{
    return runProcess(QStringLiteral("git"), QStringList{QStringLiteral("-C"), directory} + arguments, {}, input);
}

/// Points HOME at an empty folder and switches off the system config, for git and libgit2 alike.
/// Must run before the first libgit2 call of the process: libgit2 reads HOME once, at initialisation.
inline void isolateGitConfiguration(const QString &emptyHome)
{
    qputenv("HOME", QFile::encodeName(emptyHome));
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    qunsetenv("GIT_CONFIG_GLOBAL");
    qunsetenv("XDG_CONFIG_HOME");
    for (const char *name : {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
                             "GIT_DIR", "GIT_WORK_TREE", "SSH_AUTH_SOCK", "EMAIL"})
        qunsetenv(name);
}

} // namespace studio::test
