// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QListWidget;

namespace studio {

/// First screen without a workspace: open a folder, clone a URL, create the demo, or pick a recent repository.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    void refreshRecent();

signals:
    void openFolderRequested();
    void cloneRequested();
    void createDemoRequested();
    void openRepositoryRequested(const QString &path);

private:
    QListWidget *m_recent;
};

} // namespace studio
