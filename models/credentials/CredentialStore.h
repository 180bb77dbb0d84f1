// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QSettings;

namespace studio {

/// What a stored credential is for.
enum class CredentialKind { GitHttps, Prometheus, Cloud };

/// A credential as lists show it: everything but the secret.
struct CredentialEntry {
    CredentialKind kind = CredentialKind::GitHttps;
    QString name; ///< what it unlocks, e.g. "github.com", "prod", "aws:default"
    QString user; ///< user name / access key id; may be empty (tokens)

    friend bool operator==(const CredentialEntry &, const CredentialEntry &) = default;
};

/// Git HTTPS tokens, Prometheus and cloud credentials in the OS keychain (Secret Service, macOS
/// Keychain, Windows Credential Manager) through QtKeychain. Secrets never touch a settings file:
/// only the list of entries (kind, name, user) is kept in QSettings so it can be shown without
/// unlocking the keychain. There is no plaintext fallback; without a keychain every job fails
/// with the keychain's reason.
///
/// Jobs are asynchronous and finish on the thread that started them, through `done`.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    static constexpr auto kService = "deploy-studio";

    /// `settingsFile` empty: the application's QSettings; otherwise an INI file (tests).
    explicit CredentialStore(const QString &settingsFile = QString(), QObject *parent = nullptr);
    ~CredentialStore() override;

    static QString kindName(CredentialKind kind); ///< "git-https", "prometheus", "cloud"
    static QString kindLabel(CredentialKind kind); ///< "Git HTTPS token", …

    /// The stored entries, sorted by kind then name.
    QList<CredentialEntry> entries() const;

    void save(const CredentialEntry &entry, const QString &secret, std::function<void(Status)> done);
    void read(CredentialKind kind, const QString &name, std::function<void(Result<QString>)> done);
    void remove(CredentialKind kind, const QString &name, std::function<void(Status)> done);

signals:
    void entriesChanged();

private:
    void storeEntry(const CredentialEntry &entry);
    void forgetEntry(CredentialKind kind, const QString &name);
    void writeEntries(const QList<CredentialEntry> &list);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace studio
