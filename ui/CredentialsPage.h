// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/CredentialStore.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace studio {

/// Settings page for the credentials in the OS keychain (Git HTTPS tokens, Prometheus, clouds): lists
/// them, adds or replaces one, removes the selected one. Secrets go straight to the keychain; the
/// secret field is masked and cleared once stored. Keychain jobs are asynchronous.
class CredentialsPage : public QWidget
{
    Q_OBJECT

public:
    explicit CredentialsPage(CredentialStore *store, QWidget *parent = nullptr);

    QTableWidget *list() const { return m_list; }
    QString statusText() const;
    /// Fills the form and stores it (what the Add button does).
    void add(CredentialKind kind, const QString &name, const QString &user, const QString &secret);
    /// Removes the selected credential (what the Remove button does).
    void removeSelected();

signals:
    /// A keychain job finished.
    void jobFinished(bool ok);

private:
    void reload();
    void addFromForm();
    void showResult(const Status &status, const QString &done);

    CredentialStore *m_store;
    QTableWidget *m_list;
    QComboBox *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_status;
};

} // namespace studio
