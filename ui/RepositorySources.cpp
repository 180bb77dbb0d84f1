// SPDX-License-Identifier: MIT
#include "RepositorySources.h"

#include "git/GitRepository.h"
#include "workspace/DemoWorkspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

RepositorySources::RepositorySources(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
}

void RepositorySources::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(m_dialogParent, QStringLiteral("Open GitOps Repository"));
    if (!dir.isEmpty())
        emit ready(dir);
}

void RepositorySources::clone()
{
    bool ok = false;
    const QString url = QInputDialog::getText(m_dialogParent, QStringLiteral("Clone Repository"),
                                              QStringLiteral("Repository URL (https://, ssh:// or a path):"),
                                              QLineEdit::Normal, QString(), &ok)
                            .trimmed();
    if (!ok || url.isEmpty())
        return;
    const QString parent = QFileDialog::getExistingDirectory(m_dialogParent, QStringLiteral("Clone Into Folder"));
    if (parent.isEmpty())
        return;
    QString name = url.section(u'/', -1);
    if (name.endsWith(u".git"))
        name.chop(4);
    const QString target = QDir(parent).filePath(name.isEmpty() ? QStringLiteral("repository") : name);
    emit progress(QStringLiteral("Cloning %1…").arg(url));
    runInBackground(target, QStringLiteral("Clone failed"), [url, target] {
        const Result<GitRepository> repo = GitRepository::clone(url, target);
        return repo ? QString() : repo.errorMessage();
    });
}

void RepositorySources::createDemo()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString dir = QFileDialog::getSaveFileName(m_dialogParent, QStringLiteral("Create the TuneMantra Demo In"),
                                                     QDir(base).filePath(QStringLiteral("tunemantra-gitops")));
    if (dir.isEmpty())
        return;
    emit progress(QStringLiteral("Creating the demo in %1…").arg(QDir::toNativeSeparators(dir)));
    runInBackground(dir, QStringLiteral("Cannot create the demo"), [dir] {
        const Status created = DemoWorkspace::create(dir);
        return created ? QString() : created.errorMessage();
    });
}

void RepositorySources::runInBackground(const QString &path, const QString &failureTitle, std::function<QString()> work)
{
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, failureTitle] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty())
            emit ready(path);
        else
            emit failed(failureTitle, error);
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace studio
