// SPDX-License-Identifier: MIT
#include "SshKeysPage.h"

#include "secrets/AllowedSignersFile.h"
#include "secrets/SshPublicKey.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

QString errorHtml(const QString &text)
{
    return QStringLiteral("<span style='color:#b31d28'>%1</span>").arg(text.toHtmlEscaped());
}

} // namespace

SshKeysPage::SshKeysPage(QWidget *parent)
    : QWidget(parent)
    , m_keyFile(new QLineEdit(this))
    , m_fingerprint(new QLabel(this))
    , m_signers(new QTableWidget(0, 2, this))
    , m_status(new QLabel(this))
{
    m_keyFile->setPlaceholderText(QStringLiteral("~/.ssh/id_ed25519.pub"));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setWordWrap(true);
    m_signers->setHorizontalHeaderLabels({QStringLiteral("Principal (e-mail)"), QStringLiteral("Public key file")});
    m_signers->setColumnWidth(0, 220);
    m_signers->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_signers->verticalHeader()->hide();
    m_signers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_status->setWordWrap(true);

    auto *browseKey = new QPushButton(QStringLiteral("Choose…"), this);
    auto *addSignerButton = new QPushButton(QStringLiteral("Add Key…"), this);
    auto *removeSignerButton = new QPushButton(QStringLiteral("Remove"), this);
    auto *writeButton = new QPushButton(QStringLiteral("Write allowed_signers…"), this);

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(new QLabel(QStringLiteral("Signing key"), this));
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(browseKey);
    auto *signerButtons = new QHBoxLayout;
    signerButtons->addWidget(addSignerButton);
    signerButtons->addWidget(removeSignerButton);
    signerButtons->addStretch(1);
    signerButtons->addWidget(writeButton);
    auto *teamLabel = new QLabel(QStringLiteral("<b>Team keys</b> — Git verifies SSH-signed commits against the "
                                                "repository's allowed_signers file (gpg.ssh.allowedSignersFile)."),
                                 this);
    teamLabel->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(keyRow);
    layout->addWidget(m_fingerprint);
    layout->addSpacing(12);
    layout->addWidget(teamLabel);
    layout->addWidget(m_signers, 1);
    layout->addLayout(signerButtons);
    layout->addWidget(m_status);

    connect(m_keyFile, &QLineEdit::editingFinished, this, [this] { showKey(m_keyFile->text()); });
    connect(browseKey, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, QStringLiteral("SSH key"), QDir::homePath() + QStringLiteral("/.ssh"));
        if (!file.isEmpty())
            showKey(file);
    });
    connect(addSignerButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, QStringLiteral("Team member's public key"), QString(),
                                                          QStringLiteral("Public keys (*.pub);;All files (*)"));
        if (file.isEmpty())
            return;
        const QString principal = QInputDialog::getText(this, QStringLiteral("Principal"),
                                                        QStringLiteral("The e-mail this person commits with:"));
        if (!principal.isEmpty())
            addSigner(principal, file);
    });
    connect(removeSignerButton, &QPushButton::clicked, this, [this] {
        if (m_signers->currentRow() >= 0)
            m_signers->removeRow(m_signers->currentRow());
    });
    connect(writeButton, &QPushButton::clicked, this, [this] {
        const QString suggested = m_root.isEmpty() ? QString() : m_root + QStringLiteral("/.allowed_signers");
        const QString file = QFileDialog::getSaveFileName(this, QStringLiteral("allowed_signers"), suggested);
        if (!file.isEmpty())
            writeAllowedSigners(file);
    });
    connect(&m_keyWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_fingerprint->setText(*m_keyWatcher.result());
        emit keyShown();
    });
    connect(&m_writeWatcher, &QFutureWatcherBase::finished, this, [this] {
        const QString error = *m_writeWatcher.result();
        m_status->setText(error.isEmpty() ? QStringLiteral("Wrote %1 signer(s).").arg(m_signers->rowCount()) : errorHtml(error));
        emit allowedSignersWritten(error.isEmpty());
    });
}

SshKeysPage::~SshKeysPage()
{
    m_keyWatcher.waitForFinished();
    m_writeWatcher.waitForFinished();
}

void SshKeysPage::setRepository(const QString &root)
{
    m_root = root;
}

void SshKeysPage::showKey(const QString &keyFile)
{
    m_keyFile->setText(keyFile);
    m_fingerprint->setText(QStringLiteral("Reading %1…").arg(keyFile.toHtmlEscaped()));
    m_keyWatcher.setFuture(QtConcurrent::run([keyFile] {
        const Result<SshPublicKey> key = SshPublicKey::fromFile(keyFile);
        return std::make_shared<QString>(key ? QStringLiteral("<b>%1</b> %2 (%3)")
                                                   .arg(key->fingerprint(), key->comment.toHtmlEscaped(), key->type)
                                             : errorHtml(key.errorMessage()));
    }));
}

void SshKeysPage::addSigner(const QString &principal, const QString &publicKeyFile)
{
    const int row = m_signers->rowCount();
    m_signers->insertRow(row);
    m_signers->setItem(row, 0, new QTableWidgetItem(principal));
    m_signers->setItem(row, 1, new QTableWidgetItem(publicKeyFile));
}

void SshKeysPage::writeAllowedSigners(const QString &file)
{
    QList<std::pair<QString, QString>> rows;
    for (int row = 0; row < m_signers->rowCount(); ++row)
        rows.push_back({m_signers->item(row, 0)->text(), m_signers->item(row, 1)->text()});
    m_status->setText(QStringLiteral("Writing %1…").arg(file.toHtmlEscaped()));
    m_writeWatcher.setFuture(QtConcurrent::run([rows, file] {
        QList<AllowedSigner> signers;
        for (const auto &[principal, keyFile] : rows) {
            const Result<SshPublicKey> key = SshPublicKey::fromFile(keyFile);
            if (!key)
                return std::make_shared<QString>(key.errorMessage());
            signers.push_back({principal, key.value()});
        }
        const Result<QString> text = AllowedSignersFile::render(signers);
        if (!text)
            return std::make_shared<QString>(text.errorMessage());
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(text->toUtf8()) < 0 || !out.commit())
            return std::make_shared<QString>(QStringLiteral("cannot write %1: %2").arg(file, out.errorString()));
        return std::make_shared<QString>();
    }));
}

QString SshKeysPage::fingerprintText() const
{
    return m_fingerprint->text();
}

QString SshKeysPage::statusText() const
{
    return m_status->text();
}

} // namespace studio
