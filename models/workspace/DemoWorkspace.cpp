// SPDX-License-Identifier: MIT
#include "workspace/DemoWorkspace.h"

#include "git/GitRepository.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSaveFile>

namespace studio {

namespace {

const QString kWorkspace = QStringLiteral(":/demo/workspace");
const QString kHistory = QStringLiteral(":/demo/history");

using Tree = QMap<QString, QByteArray>; // relative path → content

Tree readTree(const QString &root)
{
    Tree tree;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            tree.insert(path.mid(root.size() + 1), file.readAll());
    }
    return tree;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

QStringList historySteps()
{
    QStringList steps = QDir(kHistory).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    return steps;
}

GitSignature parseAuthor(const QString &line, const QString &date)
{
    static const QRegularExpression pattern(QStringLiteral("^(.*?)\\s*<([^>]+)>$"));
    GitSignature signature;
    const auto match = pattern.match(line);
    signature.name = match.hasMatch() ? match.captured(1) : QStringLiteral("TuneMantra Ops");
    signature.email = match.hasMatch() ? match.captured(2) : QStringLiteral("ops@tunemantra.example");
    signature.when = QDateTime::fromString(date, Qt::ISODate);
    return signature;
}

Status writeTree(const QString &directory, const Tree &tree, const Tree &previous)
{
    for (auto it = previous.cbegin(); it != previous.cend(); ++it) {
        if (!tree.contains(it.key()) && !QFile::remove(directory + u'/' + it.key()))
            return Status::failure(Error::Code::Io, QStringLiteral("cannot remove %1").arg(it.key()));
    }
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        if (previous.value(it.key()) == it.value() && previous.contains(it.key()))
            continue;
        const QString path = directory + u'/' + it.key();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size() || !file.commit())
            return Status::failure(Error::Code::Io, QStringLiteral("cannot write %1 (%2)").arg(path, file.errorString()));
    }
    return success();
}

} // namespace

int DemoWorkspace::historyLength()
{
    return int(historySteps().size());
}

Status DemoWorkspace::create(const QString &directory)
{
    const QFileInfo info(directory);
    if (info.exists() && (!info.isDir() || !QDir(directory).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)))
        return Status::failure(Error::Code::Refused,
                               QStringLiteral("%1 already exists and is not empty; choose a new folder").arg(directory));
    const QString absolute = QDir::cleanPath(info.absoluteFilePath());
    const QString remotePath = absolute + QStringLiteral(".git");
    if (QFileInfo::exists(remotePath))
        return Status::failure(Error::Code::Refused,
                               QStringLiteral("%1 already exists; remove it or choose another folder").arg(remotePath));
    const Tree finalTree = readTree(kWorkspace);
    if (finalTree.isEmpty())
        return Status::failure(Error::Code::Internal, QStringLiteral("the demo template is missing from this build"));

    Result<GitRepository> repo = GitRepository::init(absolute);
    if (!repo)
        return repo.error();

    Tree previous;
    for (const QString &step : historySteps()) {
        const QString stepDir = kHistory + u'/' + step;
        Tree tree = finalTree;
        const Tree overlay = readTree(stepDir + QStringLiteral("/files"));
        for (auto it = overlay.cbegin(); it != overlay.cend(); ++it)
            tree.insert(it.key(), it.value());
        for (const QString &absent : readText(stepDir + QStringLiteral("/absent")).split(u'\n', Qt::SkipEmptyParts))
            tree.remove(absent.trimmed());
        if (Status written = writeTree(absolute, tree, previous); !written)
            return written;
        const GitSignature author = parseAuthor(readText(stepDir + QStringLiteral("/author")),
                                                readText(stepDir + QStringLiteral("/date")));
        Result<QString> commit = repo.value().commitAll(readText(stepDir + QStringLiteral("/message")) + u'\n', author);
        if (!commit)
            return commit.error();
        previous = tree;
    }

    if (Result<GitRepository> bare = GitRepository::init(remotePath, true); !bare)
        return bare.error();
    if (Status added = repo.value().addRemote(QStringLiteral("origin"), remotePath); !added)
        return added;
    return repo.value().push(QStringLiteral("origin"), QStringLiteral("main"));
}

} // namespace studio
