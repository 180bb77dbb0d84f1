// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "secrets/SealedSecretWriter.h"
#include "workspace/Workspace.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace studio {

/// Where a sealed manifest went.
struct SealedOutput {
    QString environment;
    QString file; ///< workspace-relative
};

/// Creates a SealedSecret for an environment from keys and values typed or pasted in. The values live
/// only in this dialog's memory (masked, wiped when it closes) and are never written in plaintext: the
/// manifest is sealed with the environment's controller certificate (`sealedSecretsCert:` in
/// .deploy-studio.yaml, or a chosen file) and written atomically into the environment's folder.
/// "Seal for…" re-seals the same values for another environment. Pasting a value clears the
/// clipboard. Certificates are read and values sealed off the GUI thread.
class SecretEditorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SecretEditorDialog(const Workspace &workspace, QWidget *parent = nullptr);
    ~SecretEditorDialog() override;

    void setEnvironment(const QString &name);
    QString environment() const;
    /// Uses this certificate file (absolute, or relative to the workspace) for the current environment.
    void setCertificateFile(const QString &path);
    /// The certificate of the current environment, once loaded; its error otherwise.
    QString certificateText() const;
    void setSecretName(const QString &name);
    void setNamespace(const QString &namespaceName);
    void setScope(SealingScope scope);
    /// Appends a key and its value (what typing into a new row does).
    void addEntry(const QString &key, const QString &value);
    /// Pastes the clipboard's text as the value of the selected row, then clears the clipboard.
    void pasteValue();
    /// Why sealing is not possible now (empty when it is).
    QString problem() const;
    /// Seals into the current environment (the Seal button); sealed() or failed() follows.
    void sealIntoCurrent();
    /// Seals the same values for `environment` with its certificate (the "Seal for…" menu).
    void sealFor(const QString &environment);
    bool isBusy() const;
    QString statusText() const;

signals:
    void certificateChanged();
    void sealed(const studio::SealedOutput &output);
    void failed(const QString &message);

private:
    void buildUi();
    void loadCertificate();
    void updateState();
    void startSealing(const QString &environment, const QString &outputFile);
    QString defaultOutputFile(const QString &environment) const;
    QString certificateSource(const QString &environment) const;
    PlainSecret secretFromRows() const;
    void wipeValues();

    Workspace m_workspace;
    QHash<QString, QString> m_chosenCertificates; ///< environment → file picked in the dialog
    std::optional<Result<SealingCertificate>> m_certificate;
    QFutureWatcher<std::shared_ptr<Result<SealingCertificate>>> m_certificateLoad;
    QFutureWatcher<std::shared_ptr<Result<SealedOutput>>> m_sealing;

    QComboBox *m_environment = nullptr;
    QLabel *m_certificateLabel = nullptr;
    QPushButton *m_chooseCertificate = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_namespace = nullptr;
    QComboBox *m_scope = nullptr;
    QLineEdit *m_output = nullptr;
    bool m_outputEdited = false;
    QTableWidget *m_entries = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_seal = nullptr;
    QPushButton *m_sealFor = nullptr;
};

} // namespace studio
