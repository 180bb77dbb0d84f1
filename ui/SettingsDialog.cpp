// SPDX-License-Identifier: MIT
#include "SettingsDialog.h"

#include "CredentialsPage.h"
#include "SshKeysPage.h"

#include "credentials/CredentialStore.h"

#include <QDialogButtonBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace studio {

SettingsDialog::SettingsDialog(const QString &repositoryRoot, QWidget *parent, const QString &settingsFile)
    : QDialog(parent)
    , m_store(new CredentialStore(settingsFile, this))
    , m_tabs(new QTabWidget(this))
    , m_credentials(new CredentialsPage(m_store, this))
    , m_sshKeys(new SshKeysPage(this))
{
    setWindowTitle(QStringLiteral("Settings"));
    m_sshKeys->setRepository(repositoryRoot);
    m_tabs->addTab(m_credentials, QStringLiteral("Credentials"));
    m_tabs->addTab(m_sshKeys, QStringLiteral("SSH Signing"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(720, 520);
}

} // namespace studio
