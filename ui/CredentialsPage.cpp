// SPDX-License-Identifier: MIT
#include "CredentialsPage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace studio {

namespace {
const QList<CredentialKind> kKinds{CredentialKind::GitHttps, CredentialKind::Prometheus, CredentialKind::Cloud};
}

CredentialsPage::CredentialsPage(CredentialStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_list(new QTableWidget(0, 3, this))
    , m_kind(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_add(new QPushButton(QStringLiteral("Add / Replace"), this))
    , m_remove(new QPushButton(QStringLiteral("Remove"), this))
    , m_status(new QLabel(this))
{
    m_list->setHorizontalHeaderLabels({QStringLiteral("Kind"), QStringLiteral("Name"), QStringLiteral("User")});
    m_list->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->setColumnWidth(0, 150);
    m_list->setColumnWidth(2, 180);
    m_list->verticalHeader()->hide();
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (CredentialKind kind : kKinds)
        m_kind->addItem(CredentialStore::kindLabel(kind));
    m_name->setPlaceholderText(QStringLiteral("github.com, prod, aws:default…"));
    m_user->setPlaceholderText(QStringLiteral("user name or access key id (optional)"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(QStringLiteral("token, password or secret key"));
    m_status->setWordWrap(true);

    auto *intro = new QLabel(QStringLiteral("Tokens and passwords are kept in the OS keychain, never in settings "
                                            "files. Only the names below are remembered by Deploy Studio."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("Kind"), m_kind);
    form->addRow(QStringLiteral("Name"), m_name);
    form->addRow(QStringLiteral("User"), m_user);
    form->addRow(QStringLiteral("Secret"), m_secret);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_add, &QPushButton::clicked, this, &CredentialsPage::addFromForm);
    connect(m_secret, &QLineEdit::returnPressed, this, &CredentialsPage::addFromForm);
    connect(m_remove, &QPushButton::clicked, this, &CredentialsPage::removeSelected);
    connect(m_store, &CredentialStore::entriesChanged, this, &CredentialsPage::reload);
    connect(m_list, &QTableWidget::itemSelectionChanged, this, [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
    reload();
}

QString CredentialsPage::statusText() const
{
    return m_status->text();
}

void CredentialsPage::reload()
{
    const QList<CredentialEntry> entries = m_store->entries();
    m_list->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const CredentialEntry &entry = entries.at(row);
        auto *kind = new QTableWidgetItem(CredentialStore::kindLabel(entry.kind));
        kind->setData(Qt::UserRole, int(kKinds.indexOf(entry.kind)));
        m_list->setItem(row, 0, kind);
        m_list->setItem(row, 1, new QTableWidgetItem(entry.name));
        m_list->setItem(row, 2, new QTableWidgetItem(entry.user));
    }
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
}

void CredentialsPage::add(CredentialKind kind, const QString &name, const QString &user, const QString &secret)
{
    m_kind->setCurrentIndex(int(kKinds.indexOf(kind)));
    m_name->setText(name);
    m_user->setText(user);
    m_secret->setText(secret);
    addFromForm();
}

void CredentialsPage::addFromForm()
{
    if (m_name->text().trimmed().isEmpty() || m_secret->text().isEmpty()) {
        m_status->setText(QStringLiteral("Give a name and the secret to store."));
        return;
    }
    const CredentialEntry entry{kKinds.value(m_kind->currentIndex()), m_name->text().trimmed(), m_user->text().trimmed()};
    const QString secret = m_secret->text();
    m_secret->clear();
    m_add->setEnabled(false);
    m_status->setText(QStringLiteral("Storing %1 in the keychain…").arg(entry.name));
    // The page may be closed before the keychain answers.
    m_store->save(entry, secret, [page = QPointer<CredentialsPage>(this), name = entry.name](Status status) {
        if (!page)
            return;
        page->m_add->setEnabled(true);
        if (status) {
            page->m_name->clear();
            page->m_user->clear();
        }
        page->showResult(status, QStringLiteral("Stored %1 in the keychain.").arg(name));
    });
}

void CredentialsPage::removeSelected()
{
    const QList<QTableWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    const int row = selected.front()->row();
    const CredentialKind kind = kKinds.value(m_list->item(row, 0)->data(Qt::UserRole).toInt());
    const QString name = m_list->item(row, 1)->text();
    m_remove->setEnabled(false);
    m_status->setText(QStringLiteral("Removing %1…").arg(name));
    m_store->remove(kind, name, [page = QPointer<CredentialsPage>(this), name](Status status) {
        if (page)
            page->showResult(status, QStringLiteral("Removed %1.").arg(name));
    });
}

void CredentialsPage::showResult(const Status &status, const QString &done)
{
    m_status->setText(status ? done
                             : QStringLiteral("<span style='color:#b31d28'>%1</span>").arg(status.errorMessage().toHtmlEscaped()));
    emit jobFinished(status.ok());
}

} // namespace studio
