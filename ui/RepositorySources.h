// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace studio {

/// Where a repository to open comes from: a folder the user picks, a URL the user clones, or the
/// TuneMantra demo created in a folder of their choice. Cloning and creating the demo run off the GUI
/// thread; ready() or failed() follows.
class RepositorySources : public QObject
{
    Q_OBJECT

public:
    explicit RepositorySources(QWidget *dialogParent);

    void chooseFolder();
    void clone();
    void createDemo();

signals:
    /// The repository at `path` can be opened.
    void ready(const QString &path);
    /// Something went on: a one-line status for the status bar.
    void progress(const QString &status);
    void failed(const QString &title, const QString &message);

private:
    /// Runs `work` (an empty string, or the reason it failed) on a worker thread; ready(path) on success.
    void runInBackground(const QString &path, const QString &failureTitle, std::function<QString()> work);

    QWidget *m_dialogParent;
};

} // namespace studio
