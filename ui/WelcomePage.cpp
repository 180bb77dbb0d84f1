// SPDX-License-Identifier: MIT
#include "WelcomePage.h"

#include "RecentRepositories.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace studio {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent), m_recent(new QListWidget(this))
{
    auto *title = new QLabel(QStringLiteral("<h1>Deploy Studio</h1>"
                                            "<p>Edit, check, compare and promote the configuration of a GitOps "
                                            "repository.</p>"),
                             this);
    title->setTextFormat(Qt::RichText);

    auto *open = new QPushButton(QStringLiteral("Open Folder…"), this);
    auto *clone = new QPushButton(QStringLiteral("Clone Repository…"), this);
    auto *demo = new QPushButton(QStringLiteral("Create TuneMantra Demo…"), this);
    for (QPushButton *button : {open, clone, demo})
        button->setMinimumWidth(220);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openFolderRequested);
    connect(clone, &QPushButton::clicked, this, &WelcomePage::cloneRequested);
    connect(demo, &QPushButton::clicked, this, &WelcomePage::createDemoRequested);

    auto *actions = new QVBoxLayout;
    actions->addWidget(new QLabel(QStringLiteral("<b>Start</b>"), this));
    actions->addWidget(open);
    actions->addWidget(clone);
    actions->addWidget(demo);
    actions->addStretch();

    auto *recentColumn = new QVBoxLayout;
    recentColumn->addWidget(new QLabel(QStringLiteral("<b>Recent repositories</b>"), this));
    recentColumn->addWidget(m_recent);
    m_recent->setObjectName(QStringLiteral("recentRepositories"));
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit openRepositoryRequested(item->data(Qt::UserRole).toString());
    });

    auto *columns = new QHBoxLayout;
    columns->addLayout(actions);
    columns->addSpacing(32);
    columns->addLayout(recentColumn, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    layout->addWidget(title);
    layout->addSpacing(16);
    layout->addLayout(columns, 1);
    refreshRecent();
}

void WelcomePage::refreshRecent()
{
    m_recent->clear();
    for (const QString &path : RecentRepositories::list()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(QDir(path).dirName(), QDir::toNativeSeparators(path)));
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
        m_recent->addItem(item);
    }
    if (m_recent->count() == 0) {
        auto *item = new QListWidgetItem(QStringLiteral("No recent repositories yet"));
        item->setFlags(Qt::NoItemFlags);
        m_recent->addItem(item);
    }
}

} // namespace studio
