// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTabWidget;

namespace studio {

class CredentialStore;
class CredentialsPage;
class SshKeysPage;

/// Tools → Settings: the credentials in the OS keychain and SSH commit signing.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// `settingsFile` empty: the application's settings (tests pass an INI file).
    explicit SettingsDialog(const QString &repositoryRoot, QWidget *parent = nullptr, const QString &settingsFile = QString());

    CredentialsPage *credentialsPage() const { return m_credentials; }
    SshKeysPage *sshKeysPage() const { return m_sshKeys; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    CredentialStore *m_store; // created before the pages, so it outlives their callbacks
    QTabWidget *m_tabs;
    CredentialsPage *m_credentials;
    SshKeysPage *m_sshKeys;
};

} // namespace studio
