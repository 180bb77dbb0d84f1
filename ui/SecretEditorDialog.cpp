// SPDX-License-Identifier: MIT
#include "SecretEditorDialog.h"

#include "secrets/CertificateDownload.h"
#include "secrets/PlainSecret.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

enum Column { KeyColumn, ValueColumn };

QLineEdit *cellEdit(QTableWidget *table, int row, int column)
{
    return qobject_cast<QLineEdit *>(table->cellWidget(row, column));
}

Result<SealedOutput> sealAndWrite(PlainSecret secret, const Result<SealingCertificate> &certificate, SealingScope scope,
                                  const QString &environment, const QString &root, const QString &outputFile)
{
    struct Wipe {
        PlainSecret &secret;
        ~Wipe() { secret.wipe(); }
    } wipe{secret};
    if (!certificate)
        return certificate.error();
    const Result<QString> manifest = SealedSecretWriter::manifest(certificate.value(), secret, scope);
    if (!manifest)
        return manifest.error();
    const QString path = QDir(root).filePath(outputFile);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{Error::Code::Io, QStringLiteral("cannot create the folder of %1; check the permissions").arg(outputFile)};
    QSaveFile file(path);
    const QByteArray bytes = manifest->toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(outputFile, file.errorString())};
    return SealedOutput{environment, outputFile};
}

} // namespace

SecretEditorDialog::SecretEditorDialog(const Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setWindowTitle(QStringLiteral("New Sealed Secret"));
    buildUi();
    connect(&m_certificateLoad, &QFutureWatcherBase::finished, this, [this] {
        m_certificate = *m_certificateLoad.result();
        if (*m_certificate) {
            const SealingCertificate &c = m_certificate->value();
            m_certificateLabel->setText(QStringLiteral("%1 · RSA %2 · valid until %3")
                                            .arg(c.subject().toHtmlEscaped())
                                            .arg(c.keyBits())
                                            .arg(c.notAfter().toString(QStringLiteral("yyyy-MM-dd"))));
            m_certificateLabel->setToolTip(QStringLiteral("SHA-256 %1").arg(c.fingerprint()));
        } else {
            m_certificateLabel->setText(QStringLiteral("<span style='color:#b3261e'>%1</span>")
                                            .arg(m_certificate->errorMessage().toHtmlEscaped()));
            m_certificateLabel->setToolTip(QString());
        }
        updateState();
        emit certificateChanged();
    });
    connect(&m_sealing, &QFutureWatcherBase::finished, this, [this] {
        const Result<SealedOutput> outcome = *m_sealing.result();
        if (!outcome) {
            m_status->setText(QStringLiteral("<span style='color:#b3261e'>Not sealed: %1</span>")
                                  .arg(outcome.errorMessage().toHtmlEscaped()));
            updateState();
            emit failed(outcome.errorMessage());
            return;
        }
        QString text = QStringLiteral("Sealed for %1 into %2.").arg(outcome->environment, outcome->file);
        const Environment *env = m_workspace.environment(outcome->environment);
        if (env && !env->kustomizationFile.isEmpty() && outcome->file.startsWith(env->kustomizeOverlay + u'/'))
            text += QStringLiteral(" List it under resources: in %1 so Argo CD deploys it.").arg(env->kustomizationFile);
        m_status->setText(text.toHtmlEscaped());
        updateState();
        emit sealed(outcome.value());
    });
    if (m_environment->count() > 0)
        setEnvironment(m_environment->itemText(0));
}

SecretEditorDialog::~SecretEditorDialog()
{
    // The background tasks own copies of what they need; the copies are wiped when they finish.
    wipeValues();
}

void SecretEditorDialog::buildUi()
{
    auto *form = new QFormLayout;
    m_environment = new QComboBox;
    for (const Environment &env : m_workspace.environments)
        m_environment->addItem(env.name);
    form->addRow(QStringLiteral("&Environment:"), m_environment);

    m_certificateLabel = new QLabel;
    m_certificateLabel->setTextFormat(Qt::RichText);
    m_certificateLabel->setWordWrap(true);
    m_chooseCertificate = new QPushButton(QStringLiteral("Choose…"));
    auto *certificateRow = new QHBoxLayout;
    certificateRow->addWidget(m_certificateLabel, 1);
    certificateRow->addWidget(m_chooseCertificate);
    form->addRow(QStringLiteral("Controller certificate:"), certificateRow);

    m_name = new QLineEdit;
    m_name->setPlaceholderText(QStringLiteral("e.g. tunemantra-db"));
    form->addRow(QStringLiteral("Secret &name:"), m_name);
    m_namespace = new QLineEdit;
    m_namespace->setPlaceholderText(QStringLiteral("e.g. tunemantra"));
    form->addRow(QStringLiteral("Name&space:"), m_namespace);
    m_scope = new QComboBox;
    m_scope->addItem(QStringLiteral("strict — only this name in this namespace"), int(SealingScope::Strict));
    m_scope->addItem(QStringLiteral("namespace-wide — any name in this namespace"), int(SealingScope::NamespaceWide));
    m_scope->addItem(QStringLiteral("cluster-wide — any name, any namespace"), int(SealingScope::ClusterWide));
    form->addRow(QStringLiteral("Sc&ope:"), m_scope);
    m_output = new QLineEdit;
    form->addRow(QStringLiteral("Write &to:"), m_output);

    m_entries = new QTableWidget(0, 2);
    m_entries->setHorizontalHeaderLabels({QStringLiteral("Key"), QStringLiteral("Value (kept in memory only)")});
    m_entries->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    m_entries->horizontalHeader()->setStretchLastSection(true);
    m_entries->setColumnWidth(KeyColumn, 200);
    m_entries->verticalHeader()->hide();
    m_entries->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_entries->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *add = new QPushButton(QStringLiteral("&Add Key"));
    auto *remove = new QPushButton(QStringLiteral("&Remove Key"));
    auto *paste = new QPushButton(QStringLiteral("&Paste Value"));
    paste->setToolTip(QStringLiteral("Paste the clipboard into the selected value, then clear the clipboard"));
    auto *show = new QCheckBox(QStringLiteral("S&how values"));
    auto *entryButtons = new QHBoxLayout;
    entryButtons->addWidget(add);
    entryButtons->addWidget(remove);
    entryButtons->addWidget(paste);
    entryButtons->addStretch(1);
    entryButtons->addWidget(show);

    m_problem = new QLabel;
    m_problem->setStyleSheet(QStringLiteral("color: #8a5a00"));
    m_problem->setWordWrap(true);
    m_status = new QLabel;
    m_status->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_seal = buttons->addButton(QStringLiteral("&Seal && Write"), QDialogButtonBox::ActionRole);
    m_seal->setDefault(true);
    m_sealFor = buttons->addButton(QStringLiteral("Seal &for…"), QDialogButtonBox::ActionRole);
    m_sealFor->setToolTip(QStringLiteral("Seal the same values for another environment with its certificate"));
    auto *sealForMenu = new QMenu(m_sealFor);
    m_sealFor->setMenu(sealForMenu);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_entries, 1);
    layout->addLayout(entryButtons);
    layout->addWidget(m_problem);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 520);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_environment, &QComboBox::currentTextChanged, this, [this] {
        loadCertificate();
        if (!m_outputEdited)
            m_output->setText(defaultOutputFile(environment()));
    });
    connect(m_chooseCertificate, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, QStringLiteral("Sealed Secrets controller certificate"),
                                                          m_workspace.root,
                                                          QStringLiteral("Certificates (*.pem *.crt *.cert);;All files (*)"));
        if (!file.isEmpty())
            setCertificateFile(file);
    });
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        if (!m_outputEdited)
            m_output->setText(defaultOutputFile(environment()));
        updateState();
    });
    connect(m_output, &QLineEdit::textEdited, this, [this] { m_outputEdited = true; updateState(); });
    connect(m_namespace, &QLineEdit::textChanged, this, &SecretEditorDialog::updateState);
    connect(add, &QPushButton::clicked, this, [this] {
        addEntry(QString(), QString());
        cellEdit(m_entries, m_entries->rowCount() - 1, KeyColumn)->setFocus();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_entries->currentRow();
        if (row < 0)
            return;
        cellEdit(m_entries, row, ValueColumn)->clear();
        m_entries->removeRow(row);
        updateState();
    });
    connect(paste, &QPushButton::clicked, this, &SecretEditorDialog::pasteValue);
    connect(show, &QCheckBox::toggled, this, [this](bool visible) {
        for (int row = 0; row < m_entries->rowCount(); ++row)
            cellEdit(m_entries, row, ValueColumn)->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_seal, &QPushButton::clicked, this, &SecretEditorDialog::sealIntoCurrent);
    connect(sealForMenu, &QMenu::aboutToShow, this, [this, sealForMenu] {
        sealForMenu->clear();
        for (const Environment &env : m_workspace.environments) {
            if (env.name == environment())
                continue;
            QAction *action = sealForMenu->addAction(env.name, this, [this, name = env.name] { sealFor(name); });
            if (certificateSource(env.name).isEmpty()) {
                action->setEnabled(false);
                action->setText(QStringLiteral("%1 (no sealedSecretsCert in .deploy-studio.yaml)").arg(env.name));
            }
        }
    });
}

void SecretEditorDialog::setEnvironment(const QString &name)
{
    if (m_environment->currentText() == name) {
        loadCertificate();
        if (!m_outputEdited)
            m_output->setText(defaultOutputFile(name));
        return;
    }
    m_environment->setCurrentText(name);
}

QString SecretEditorDialog::environment() const
{
    return m_environment->currentText();
}

void SecretEditorDialog::setCertificateFile(const QString &path)
{
    m_chosenCertificates.insert(environment(), QDir(m_workspace.root).absoluteFilePath(path));
    loadCertificate();
}

QString SecretEditorDialog::certificateText() const
{
    if (!m_certificate)
        return QString();
    return *m_certificate ? m_certificate->value().subject() : m_certificate->errorMessage();
}

void SecretEditorDialog::setSecretName(const QString &name)
{
    m_name->setText(name);
}

void SecretEditorDialog::setNamespace(const QString &namespaceName)
{
    m_namespace->setText(namespaceName);
}

void SecretEditorDialog::setScope(SealingScope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
}

void SecretEditorDialog::addEntry(const QString &key, const QString &value)
{
    const int row = m_entries->rowCount();
    m_entries->insertRow(row);
    auto *keyEdit = new QLineEdit(key);
    keyEdit->setFrame(false);
    keyEdit->setPlaceholderText(QStringLiteral("key, e.g. password"));
    auto *valueEdit = new QLineEdit(value);
    valueEdit->setFrame(false);
    valueEdit->setEchoMode(QLineEdit::Password);
    valueEdit->setPlaceholderText(QStringLiteral("value"));
    m_entries->setCellWidget(row, KeyColumn, keyEdit);
    m_entries->setCellWidget(row, ValueColumn, valueEdit);
    m_entries->setCurrentCell(row, ValueColumn);
    connect(keyEdit, &QLineEdit::textChanged, this, &SecretEditorDialog::updateState);
    connect(valueEdit, &QLineEdit::textChanged, this, &SecretEditorDialog::updateState);
    updateState();
}

void SecretEditorDialog::pasteValue()
{
    QClipboard *clipboard = QApplication::clipboard();
    const QString text = clipboard->text();
    if (text.isEmpty())
        return;
    if (m_entries->currentRow() < 0)
        addEntry(QString(), QString());
    const int row = m_entries->currentRow() < 0 ? m_entries->rowCount() - 1 : m_entries->currentRow();
    cellEdit(m_entries, row, ValueColumn)->setText(text);
    clipboard->clear(QClipboard::Clipboard);
    if (clipboard->supportsSelection())
        clipboard->clear(QClipboard::Selection);
    m_status->setText(QStringLiteral("Value pasted; the clipboard was cleared."));
}

QString SecretEditorDialog::problem() const
{
    if (m_workspace.environments.isEmpty())
        return QStringLiteral("The workspace has no environments.");
    if (!m_certificate)
        return certificateSource(environment()).isEmpty()
            ? QStringLiteral("%1 has no sealedSecretsCert in .deploy-studio.yaml: choose the controller's certificate "
                             "(kubeseal --fetch-cert).")
                  .arg(environment())
            : QStringLiteral("Loading the certificate of %1…").arg(environment());
    if (!*m_certificate)
        return QStringLiteral("The certificate cannot be used: %1").arg(m_certificate->errorMessage());
    if (const QString bad = PlainSecret::checkName(m_name->text(), QStringLiteral("Secret name")); !bad.isEmpty())
        return bad;
    if (const QString bad = PlainSecret::checkName(m_namespace->text(), QStringLiteral("Namespace")); !bad.isEmpty())
        return bad;
    if (m_entries->rowCount() == 0)
        return QStringLiteral("Add at least one key and value.");
    QSet<QString> keys;
    for (int row = 0; row < m_entries->rowCount(); ++row) {
        const QString key = cellEdit(m_entries, row, KeyColumn)->text();
        if (key.isEmpty())
            return QStringLiteral("Row %1: give the value a key, e.g. password").arg(row + 1);
        if (const QString bad = PlainSecret::checkKey(key); !bad.isEmpty())
            return QStringLiteral("Row %1: %2").arg(row + 1).arg(bad);
        if (keys.contains(key))
            return QStringLiteral("Row %1: the key %2 is already used").arg(row + 1).arg(key);
        keys.insert(key);
    }
    const QString output = QDir::cleanPath(m_output->text().trimmed());
    if (output.isEmpty() || QDir::isAbsolutePath(output) || output.startsWith(QStringLiteral("..")))
        return QStringLiteral("Write to: give a path inside the repository, e.g. %1").arg(defaultOutputFile(environment()));
    return QString();
}

void SecretEditorDialog::sealIntoCurrent()
{
    if (!problem().isEmpty() || isBusy())
        return;
    startSealing(environment(), QDir::cleanPath(m_output->text().trimmed()));
}

void SecretEditorDialog::sealFor(const QString &target)
{
    if (!problem().isEmpty() || isBusy() || !m_workspace.environment(target))
        return;
    startSealing(target, defaultOutputFile(target));
}

bool SecretEditorDialog::isBusy() const
{
    return m_sealing.isRunning() || m_certificateLoad.isRunning();
}

QString SecretEditorDialog::statusText() const
{
    return m_status->text();
}

void SecretEditorDialog::loadCertificate()
{
    m_certificate.reset(); // a load still running for another environment is no longer watched
    const QString source = certificateSource(environment());
    if (source.isEmpty()) {
        m_certificateLabel->setText(QStringLiteral("<i>none configured</i>"));
        updateState();
        emit certificateChanged();
        return;
    }
    m_certificateLabel->setText(QStringLiteral("Loading %1…").arg(source.toHtmlEscaped()));
    m_certificateLoad.setFuture(QtConcurrent::run([source, root = m_workspace.root] {
        return std::make_shared<Result<SealingCertificate>>(CertificateDownload::load(source, root));
    }));
    updateState();
}

void SecretEditorDialog::updateState()
{
    const QString why = problem();
    m_problem->setText(why);
    m_seal->setEnabled(why.isEmpty() && !isBusy());
    m_sealFor->setEnabled(why.isEmpty() && !isBusy() && m_workspace.environments.size() > 1);
}

void SecretEditorDialog::startSealing(const QString &target, const QString &outputFile)
{
    const auto scope = SealingScope(m_scope->currentData().toInt());
    const bool sameEnvironment = target == environment();
    const std::optional<Result<SealingCertificate>> loaded = sameEnvironment ? m_certificate : std::nullopt;
    const QString source = certificateSource(target);
    m_status->setText(QStringLiteral("Sealing for %1…").arg(target));
    m_sealing.setFuture(QtConcurrent::run([secret = secretFromRows(), loaded, source, scope, target,
                                           root = m_workspace.root, outputFile]() mutable {
        const Result<SealingCertificate> certificate = loaded ? *loaded : CertificateDownload::load(source, root);
        return std::make_shared<Result<SealedOutput>>(
            sealAndWrite(std::move(secret), certificate, scope, target, root, outputFile));
    }));
    updateState();
}

QString SecretEditorDialog::defaultOutputFile(const QString &name) const
{
    const Environment *env = m_workspace.environment(name);
    const QString secret = m_name->text().trimmed().isEmpty() ? QStringLiteral("secret") : m_name->text().trimmed();
    QString folder = QStringLiteral("sealed-secrets/%1").arg(name);
    if (env && !env->kustomizeOverlay.isEmpty())
        folder = env->kustomizeOverlay;
    else if (env && !env->argocdPath.isEmpty())
        folder = env->argocdPath;
    return QStringLiteral("%1/sealedsecret-%2.yaml").arg(folder, secret);
}

QString SecretEditorDialog::certificateSource(const QString &name) const
{
    if (const auto it = m_chosenCertificates.constFind(name); it != m_chosenCertificates.constEnd())
        return it.value();
    const Environment *env = m_workspace.environment(name);
    return env ? env->sealedSecretsCert : QString();
}

PlainSecret SecretEditorDialog::secretFromRows() const
{
    PlainSecret secret;
    secret.name = m_name->text().trimmed();
    secret.namespaceName = m_namespace->text().trimmed();
    for (int row = 0; row < m_entries->rowCount(); ++row)
        secret.data.insert(cellEdit(m_entries, row, KeyColumn)->text(), cellEdit(m_entries, row, ValueColumn)->text().toUtf8());
    return secret;
}

void SecretEditorDialog::wipeValues()
{
    for (int row = 0; row < m_entries->rowCount(); ++row) {
        if (QLineEdit *value = cellEdit(m_entries, row, ValueColumn)) {
            value->setText(QString(value->text().size(), u'\0'));
            value->clear();
        }
    }
}

} // namespace studio
