// SPDX-License-Identifier: MIT
// The sealed secret editor on the demo workspace (offscreen): values sealed into the environment's
// folder and opened again with the controller's private key (the RSA part by the openssl CLI, the
// AES-GCM part by OpenSSL's EVP API), re-sealing for another environment, the clipboard cleared after a
// paste, and the reasons the Seal button is disabled.

#include "SecretEditorDialog.h"

#include "workspace/DemoWorkspace.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>

using namespace studio;

namespace {

const QString kSecretName = QStringLiteral("tunemantra-db");
const QString kNamespace = QStringLiteral("tunemantra");

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Runs a program; its error output is printed when it fails and `failureExpected` is false.
bool run(const QString &program, const QStringList &arguments, QByteArray *output = nullptr, bool failureExpected = false)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (!failureExpected)
            qWarning().noquote() << program << arguments.join(u' ') << process.readAllStandardError();
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

/// A controller key pair: the private key (for opening sealed values) and its self-signed certificate.
struct ControllerKey {
    QString key;
    QString certificate;
};

bool makeControllerKey(const QString &dir, const QString &name, ControllerKey &out)
{
    out.key = dir + u'/' + name + QStringLiteral(".key");
    out.certificate = dir + u'/' + name + QStringLiteral(".pem");
    return run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                           QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                                           QStringLiteral("3650"), QStringLiteral("-subj"),
                                           QStringLiteral("/O=sealed-secret/CN=") + name, QStringLiteral("-keyout"), out.key,
                                           QStringLiteral("-out"), out.certificate});
}

/// spec.encryptedData.<key> of a SealedSecret manifest, base64-decoded.
QByteArray sealedValue(const QString &manifest, const QString &key)
{
    const yaml::YamlDocument doc = yaml::YamlDocument::parse(manifest);
    const yaml::YamlNode *node = doc.documents().empty() ? nullptr : doc.documents().front();
    for (const QString &step : {QStringLiteral("spec"), QStringLiteral("encryptedData"), key})
        node = node ? node->value(step) : nullptr;
    return node ? QByteArray::fromBase64(node->scalar().toLatin1()) : QByteArray();
}

/// Opens one sealed value: uint16-BE length ‖ RSA-OAEP(session key) ‖ AES-256-GCM(value) ‖ tag.
/// The RSA part goes through `openssl pkeyutl` with the scope's label; the rest through EVP.
QByteArray openSealed(const QByteArray &sealed, const ControllerKey &key, const QByteArray &label, const QString &dir)
{
    if (sealed.size() < 2)
        return {};
    const int rsaSize = (uchar(sealed[0]) << 8) | uchar(sealed[1]);
    const QByteArray rsaPart = sealed.mid(2, rsaSize);
    const QByteArray aesPart = sealed.mid(2 + rsaSize);
    const QString encryptedKey = dir + QStringLiteral("/session.bin");
    QFile file(encryptedKey);
    if (!file.open(QIODevice::WriteOnly) || file.write(rsaPart) != rsaPart.size())
        return {};
    file.close();
    QByteArray sessionKey;
    QStringList arguments{QStringLiteral("pkeyutl"), QStringLiteral("-decrypt"), QStringLiteral("-inkey"), key.key,
                          QStringLiteral("-in"), encryptedKey, QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:oaep"),
                          QStringLiteral("-pkeyopt"), QStringLiteral("rsa_oaep_md:sha256"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("rsa_mgf1_md:sha256")};
    if (!label.isEmpty())
        arguments << QStringLiteral("-pkeyopt") << QStringLiteral("rsa_oaep_label:") + QString::fromLatin1(label.toHex());
    // A wrong key or label fails here, which some tests expect.
    if (!run(QStringLiteral("openssl"), arguments, &sessionKey, true) || sessionKey.size() != 32 || aesPart.size() < 16)
        return {};

    const QByteArray ciphertext = aesPart.left(aesPart.size() - 16);
    QByteArray tag = aesPart.right(16);
    QByteArray plaintext(ciphertext.size(), '\0');
    const unsigned char nonce[12] = {};
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int length = 0;
    int finalLength = 0;
    const bool opened = EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, nullptr) == 1
        && EVP_DecryptInit_ex(ctx, nullptr, nullptr, reinterpret_cast<const unsigned char *>(sessionKey.constData()), nonce) == 1
        && EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char *>(plaintext.data()), &length,
                             reinterpret_cast<const unsigned char *>(ciphertext.constData()), int(ciphertext.size())) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag.data()) == 1
        && EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char *>(plaintext.data()) + length, &finalLength) == 1;
    EVP_CIPHER_CTX_free(ctx);
    return opened ? plaintext.left(length + finalLength) : QByteArray();
}

bool waitForCertificate(SecretEditorDialog &dialog)
{
    QSignalSpy changed(&dialog, &SecretEditorDialog::certificateChanged);
    return !dialog.certificateText().isEmpty() || changed.wait(20000);
}

} // namespace

class TestSecretEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repo;
    ControllerKey m_dev;
    ControllerKey m_staging;

    std::unique_ptr<SecretEditorDialog> openFilledDialog(const Workspace &workspace)
    {
        auto dialog = std::make_unique<SecretEditorDialog>(workspace);
        dialog->show();
        dialog->setEnvironment(QStringLiteral("dev"));
        dialog->setCertificateFile(m_dev.certificate);
        if (!waitForCertificate(*dialog))
            return nullptr;
        dialog->setSecretName(kSecretName);
        dialog->setNamespace(kNamespace);
        dialog->addEntry(QStringLiteral("password"), QStringLiteral("s3cr3t-Pa55w0rd!"));
        dialog->addEntry(QStringLiteral("username"), QStringLiteral("tunemantra"));
        return dialog;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_repo = m_dir.filePath(QStringLiteral("tunemantra"));
        QVERIFY(DemoWorkspace::create(m_repo).ok());
        QVERIFY(makeControllerKey(m_dir.path(), QStringLiteral("dev"), m_dev));
        QVERIFY(makeControllerKey(m_dir.path(), QStringLiteral("staging"), m_staging));
    }

    void sealsIntoTheEnvironmentFolderWithoutPlaintext()
    {
        const Workspace workspace = Workspace::discover(m_repo);
        auto dialog = openFilledDialog(workspace);
        QVERIFY(dialog);
        QCOMPARE(dialog->problem(), QString());
        QVERIFY(dialog->certificateText().contains(QStringLiteral("dev")));

        QSignalSpy sealed(dialog.get(), &SecretEditorDialog::sealed);
        dialog->sealIntoCurrent();
        QVERIFY(sealed.wait(20000));
        const auto output = sealed.front().front().value<SealedOutput>();
        QCOMPARE(output.environment, QStringLiteral("dev"));
        QCOMPARE(output.file, QStringLiteral("deploy/overlays/dev/sealedsecret-tunemantra-db.yaml"));
        QVERIFY(dialog->statusText().contains(QStringLiteral("kustomization.yaml")));

        const QString manifest = QString::fromUtf8(readBytes(m_repo + u'/' + output.file));
        QVERIFY(manifest.contains(QStringLiteral("kind: SealedSecret")));
        QVERIFY(!manifest.contains(QStringLiteral("s3cr3t-Pa55w0rd!")));
        const QByteArray label = (kNamespace + u'/' + kSecretName).toUtf8(); // strict scope
        QCOMPARE(openSealed(sealedValue(manifest, QStringLiteral("password")), m_dev, label, m_dir.path()),
                 QByteArray("s3cr3t-Pa55w0rd!"));
        QCOMPARE(openSealed(sealedValue(manifest, QStringLiteral("username")), m_dev, label, m_dir.path()),
                 QByteArray("tunemantra"));
        // Another controller's key cannot open it.
        QCOMPARE(openSealed(sealedValue(manifest, QStringLiteral("password")), m_staging, label, m_dir.path()), QByteArray());
    }

    void resealsTheSameValuesForAnotherEnvironment()
    {
        const Workspace workspace = Workspace::discover(m_repo);
        auto dialog = openFilledDialog(workspace);
        QVERIFY(dialog);
        dialog->setScope(SealingScope::NamespaceWide);
        // staging's certificate, then back to dev: each environment keeps its own.
        dialog->setEnvironment(QStringLiteral("staging"));
        dialog->setCertificateFile(m_staging.certificate);
        QVERIFY(waitForCertificate(*dialog));
        QVERIFY(dialog->certificateText().contains(QStringLiteral("staging")));
        dialog->setEnvironment(QStringLiteral("dev"));
        QVERIFY(waitForCertificate(*dialog));
        QVERIFY(dialog->certificateText().contains(QStringLiteral("dev")));

        QSignalSpy sealed(dialog.get(), &SecretEditorDialog::sealed);
        dialog->sealFor(QStringLiteral("staging"));
        QVERIFY(sealed.wait(20000));
        const auto output = sealed.front().front().value<SealedOutput>();
        QCOMPARE(output.file, QStringLiteral("deploy/overlays/staging/sealedsecret-tunemantra-db.yaml"));
        const QString manifest = QString::fromUtf8(readBytes(m_repo + u'/' + output.file));
        QVERIFY(manifest.contains(QStringLiteral("sealedsecrets.bitnami.com/namespace-wide: \"true\"")));
        QCOMPARE(openSealed(sealedValue(manifest, QStringLiteral("password")), m_staging, kNamespace.toUtf8(), m_dir.path()),
                 QByteArray("s3cr3t-Pa55w0rd!"));
        QCOMPARE(openSealed(sealedValue(manifest, QStringLiteral("password")), m_dev, kNamespace.toUtf8(), m_dir.path()),
                 QByteArray());
    }

    void pastingAValueClearsTheClipboard()
    {
        const Workspace workspace = Workspace::discover(m_repo);
        auto dialog = openFilledDialog(workspace);
        QVERIFY(dialog);
        dialog->setSecretName(QStringLiteral("tunemantra-api"));
        dialog->addEntry(QStringLiteral("token"), QString());
        QApplication::clipboard()->setText(QStringLiteral("ghp_pastedTokenValue0123456789"));
        dialog->pasteValue();
        QCOMPARE(QApplication::clipboard()->text(), QString());

        QSignalSpy sealed(dialog.get(), &SecretEditorDialog::sealed);
        dialog->sealIntoCurrent();
        QVERIFY(sealed.wait(20000));
        const QString manifest =
            QString::fromUtf8(readBytes(m_repo + QStringLiteral("/deploy/overlays/dev/sealedsecret-tunemantra-api.yaml")));
        QCOMPARE(openSealed(sealedValue(manifest, QStringLiteral("token")), m_dev,
                            (kNamespace + QStringLiteral("/tunemantra-api")).toUtf8(), m_dir.path()),
                 QByteArray("ghp_pastedTokenValue0123456789"));
    }

    void saysWhySealingIsNotPossible()
    {
        const Workspace workspace = Workspace::discover(m_repo);
        SecretEditorDialog dialog(workspace);
        dialog.setEnvironment(QStringLiteral("prod"));
        QVERIFY(dialog.problem().contains(QStringLiteral("sealedSecretsCert")));

        dialog.setCertificateFile(m_dir.filePath(QStringLiteral("missing.pem")));
        QVERIFY(waitForCertificate(dialog));
        QVERIFY(dialog.problem().startsWith(QStringLiteral("The certificate cannot be used")));

        dialog.setCertificateFile(m_dev.certificate);
        QVERIFY(waitForCertificate(dialog));
        dialog.setSecretName(QStringLiteral("Tune_DB"));
        dialog.setNamespace(kNamespace);
        QVERIFY(dialog.problem().contains(QStringLiteral("Secret name")));
        dialog.setSecretName(kSecretName);
        QVERIFY(dialog.problem().contains(QStringLiteral("at least one key")));
        dialog.addEntry(QString(), QStringLiteral("value"));
        QVERIFY(dialog.problem().contains(QStringLiteral("Row 1")));

        QSignalSpy sealed(&dialog, &SecretEditorDialog::sealed);
        dialog.sealIntoCurrent(); // refused: nothing starts
        QVERIFY(!dialog.isBusy());
        QCOMPARE(sealed.count(), 0);
    }
};

QTEST_MAIN(TestSecretEditor)
#include "tst_secreteditor.moc"
