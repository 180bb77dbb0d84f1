// SPDX-License-Identifier: MIT
#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace studio {

/// Settings page for SSH commit signing: the fingerprint of the user's signing key (as `ssh-keygen -lf`
/// shows it), and the repository's allowed_signers file generated from the team's public keys. Key
/// files are read and the file written off the GUI thread.
class SshKeysPage : public QWidget
{
    Q_OBJECT

public:
    explicit SshKeysPage(QWidget *parent = nullptr);
    ~SshKeysPage() override;

    /// The repository whose allowed_signers file is written (".allowed_signers" in its root by default).
    void setRepository(const QString &root);
    /// Shows the fingerprint of `keyFile` (a .pub file or a private key).
    void showKey(const QString &keyFile);
    /// Adds a team member's public key to the list.
    void addSigner(const QString &principal, const QString &publicKeyFile);
    /// Writes allowed_signers for the listed keys to `file`.
    void writeAllowedSigners(const QString &file);

    QString fingerprintText() const;
    QString statusText() const;
    QTableWidget *signers() const { return m_signers; }

signals:
    void keyShown();
    void allowedSignersWritten(bool ok);

private:
    QString m_root;
    QLineEdit *m_keyFile;
    QLabel *m_fingerprint;
    QTableWidget *m_signers;
    QLabel *m_status;
    QFutureWatcher<std::shared_ptr<QString>> m_keyWatcher;
    QFutureWatcher<std::shared_ptr<QString>> m_writeWatcher;
};

} // namespace studio
