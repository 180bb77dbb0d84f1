// SPDX-License-Identifier: MIT
// The values form of an environment, in the real main window (offscreen): inherited and overridden
// settings with their provenance, edits that change exactly one line through the patcher, one undo
// stack with the text editor, validation messages beside fields, and broken text.

#include "CodeEditor.h"
#include "FileEditor.h"
#include "MainWindow.h"
#include "SchemaForm.h"
#include "StudioSession.h"
#include "UserPrompts.h"

#include "documents/RecoveryJournal.h"
#include "values/EffectiveValues.h"
#include "values/SettingsForm.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/WorkspaceSession.h"

#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

const QString kValuesProd = QStringLiteral("charts/tunemantra/values-prod.yaml");
const QString kValuesDev = QStringLiteral("charts/tunemantra/values-dev.yaml");

/// The values form of `file` in the session's window.
SchemaForm *formOf(StudioSession &session, const QString &file)
{
    FileEditor *editor = session.openEditor(file);
    return editor ? qobject_cast<SchemaForm *>(editor->formView()) : nullptr;
}

/// A session that discards unsaved edits when a window closes.
bool startDiscarding(StudioSession &session)
{
    if (!session.start())
        return false;
    session.prompts->unsavedAnswer = UserPrompts::UnsavedChoice::Discard;
    session.prompts->recoverAnswer = false;
    return true;
}

} // namespace

class TestSchemaForm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void fieldsShowInheritedAndOverriddenValues()
    {
        StudioSession s;
        QVERIFY(startDiscarding(s));
        SchemaForm *form = formOf(s, kValuesProd);
        QVERIFY(form);
        const QString base = readFile(s.repo + QStringLiteral("/charts/tunemantra/values.yaml"));
        const QString prod = readFile(s.repo + u'/' + kValuesProd);
        auto find = [form](const QString &path) -> const SettingField * {
            for (const SettingField &f : form->fields()) {
                if (f.path.join(u'.') == path)
                    return &f;
            }
            return nullptr;
        };
        const SettingField *tag = find(QStringLiteral("image.tag"));
        QVERIFY(tag);
        QCOMPARE(tag->text, QStringLiteral("latest"));
        QVERIFY(tag->overridden);
        QCOMPARE(tag->origin.file, kValuesProd);
        QCOMPARE(tag->origin.line, lineOf(prod, QStringLiteral("tag: latest")));

        const SettingField *repository = find(QStringLiteral("image.repository"));
        QVERIFY(repository);
        QVERIFY(!repository->overridden);
        QCOMPARE(repository->origin.file, QStringLiteral("charts/tunemantra/values.yaml"));
        QCOMPARE(repository->origin.line, lineOf(base, QStringLiteral("repository: tunemantra/app")));
        QCOMPARE(repository->type, SettingField::Type::String);
        QVERIFY(!repository->description.isEmpty());

        const SettingField *pullPolicy = find(QStringLiteral("image.pullPolicy"));
        QCOMPARE(pullPolicy->type, SettingField::Type::Enum);
        QVERIFY(pullPolicy->enumValues.contains(QStringLiteral("Always")));
        QCOMPARE(qobject_cast<QLineEdit *>(form->fieldEditor(QStringLiteral("image.tag")))->text(), QStringLiteral("latest"));
    }

    void fileOpenedDuringTheFirstCheckGetsItsFormWhenTheCheckFinishes()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("tunemantra"));
        QVERIFY(DemoWorkspace::create(repo).ok());
        CheckOptions options;
        options.offline = true;
        options.schemaLocations = {QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes")};
        MainWindow window(options);
        auto prompts = std::make_unique<ScriptedPrompts>();
        prompts->unsavedAnswer = UserPrompts::UnsavedChoice::Discard;
        window.setPrompts(std::move(prompts));
        window.setRecoveryJournal(std::make_unique<RecoveryJournal>(dir.filePath(QStringLiteral("journal"))));
        window.show();
        bool openedWhileChecking = false;
        connect(window.session(), &WorkspaceSession::checkStarted, &window, [&] {
            window.openFile(kValuesProd);
            openedWhileChecking = window.fileEditor(kValuesProd) != nullptr;
        });
        QSignalSpy checked(&window, &MainWindow::checkCompleted);
        window.openRepository(repo);
        QVERIFY(checked.wait(20000));
        QVERIFY(openedWhileChecking);

        auto *form = qobject_cast<SchemaForm *>(window.fileEditor(kValuesProd)->formView());
        QVERIFY(form);
        // The inherited value comes from the base layer as the check read it.
        const QString base = readFile(repo + QStringLiteral("/charts/tunemantra/values.yaml"));
        bool found = false;
        for (const SettingField &f : form->fields()) {
            if (f.path.join(u'.') != u"image.repository")
                continue;
            found = true;
            QVERIFY(!f.overridden);
            QCOMPARE(f.origin.file, QStringLiteral("charts/tunemantra/values.yaml"));
            QCOMPARE(f.origin.line, lineOf(base, QStringLiteral("repository: tunemantra/app")));
        }
        QVERIFY(found);
    }

    void aFormEditChangesExactlyOneLine()
    {
        StudioSession s;
        QVERIFY(startDiscarding(s));
        SchemaForm *form = formOf(s, kValuesProd);
        FileEditor *editor = s.window->fileEditor(kValuesProd);
        QVERIFY(form->setValue(QStringLiteral("image.tag"), QStringLiteral("1.8.0")));
        // The text editor shows it at once.
        QVERIFY(editor->text().contains(QStringLiteral("  tag: 1.8.0\n")));
        QVERIFY(editor->isModified());
        QVERIFY(editor->save());
        QProcess git;
        git.start(QStringLiteral("git"), {QStringLiteral("-C"), s.repo, QStringLiteral("diff"), QStringLiteral("--numstat")});
        QVERIFY(git.waitForFinished());
        QCOMPARE(QString::fromUtf8(git.readAllStandardOutput()).trimmed(), QStringLiteral("1\t1\t") + kValuesProd);
    }

    void overrideHereAndResetToInherited()
    {
        StudioSession s;
        QVERIFY(startDiscarding(s));
        SchemaForm *form = formOf(s, kValuesProd);
        FileEditor *editor = s.window->fileEditor(kValuesProd);
        const QString before = editor->text();
        QVERIFY(form->overrideHere(QStringLiteral("image.pullPolicy")));
        QVERIFY(editor->text().contains(QStringLiteral("pullPolicy: IfNotPresent")));
        bool overridden = false;
        for (const SettingField &f : form->fields()) {
            if (f.path.join(u'.') == u"image.pullPolicy")
                overridden = f.overridden && f.origin.file == kValuesProd;
        }
        QVERIFY(overridden);
        QVERIFY(form->resetToInherited(QStringLiteral("image.pullPolicy")));
        QCOMPARE(editor->text(), before);
    }

    void textAndFormShareOneUndoStack()
    {
        StudioSession s;
        QVERIFY(startDiscarding(s));
        SchemaForm *form = formOf(s, kValuesProd);
        FileEditor *editor = s.window->fileEditor(kValuesProd);
        const QString before = editor->text();
        QVERIFY(form->setValue(QStringLiteral("replicaCount"), QStringLiteral("5")));
        QVERIFY(editor->text() != before);
        editor->editor()->undo();
        QCOMPARE(editor->text(), before);
        QTRY_COMPARE(qobject_cast<QLineEdit *>(form->fieldEditor(QStringLiteral("replicaCount")))->text(),
                     QStringLiteral("3"));

        // Typing in the text updates the form.
        const int line = lineOf(editor->text(), QStringLiteral("replicaCount:"));
        editor->editor()->goTo(line, 15);
        QTextCursor cursor = editor->editor()->textCursor();
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        cursor.insertText(QStringLiteral("7"));
        QTRY_COMPARE(qobject_cast<QLineEdit *>(form->fieldEditor(QStringLiteral("replicaCount")))->text(),
                     QStringLiteral("7"));
    }

    void validationMessagesShowBesideTheField()
    {
        StudioSession s;
        QVERIFY(startDiscarding(s));
        SchemaForm *form = formOf(s, kValuesDev);
        QVERIFY(form);
        QVERIFY2(form->fieldMessage(QStringLiteral("autoscaling.targetCPUUtilizationPercentage")).contains(QStringLiteral("100")),
                 qPrintable(form->fieldMessage(QStringLiteral("autoscaling.targetCPUUtilizationPercentage"))));
        // Fixing it in the form clears the message once the buffer is revalidated.
        FileEditor *editor = s.window->fileEditor(kValuesDev);
        editor->setValidationDelay(10);
        QVERIFY(form->setValue(QStringLiteral("autoscaling.targetCPUUtilizationPercentage"), QStringLiteral("80")));
        QTRY_VERIFY_WITH_TIMEOUT(form->fieldMessage(QStringLiteral("autoscaling.targetCPUUtilizationPercentage")).isEmpty(), 10000);
    }

    void brokenTextStopsTheFormInsteadOfGuessing()
    {
        StudioSession s;
        QVERIFY(startDiscarding(s));
        SchemaForm *form = formOf(s, kValuesProd);
        FileEditor *editor = s.window->fileEditor(kValuesProd);
        editor->editor()->goTo(1);
        editor->editor()->insertPlainText(QStringLiteral("broken: [\n"));
        QTRY_VERIFY(!form->isEditable());
        QVERIFY2(form->statusText().contains(QStringLiteral("Fix the text first")), qPrintable(form->statusText()));
        QVERIFY(!form->setValue(QStringLiteral("replicaCount"), QStringLiteral("4")));
        editor->editor()->undo();
        QTRY_VERIFY(form->isEditable());
    }

    void aSchemaWithoutTypesStillGivesAForm()
    {
        const QJsonObject schema = QJsonDocument::fromJson(R"({"properties": {"name": {"description": "the name"},
            "limits": {"properties": {"cpu": {}}}, "extra": {}}})").object();
        const yaml::YamlDocument values = yaml::YamlDocument::parse(QStringLiteral("name: web\nlimits:\n  cpu: 2\nextra: [1, 2]\n"));
        const EffectiveValues effective = EffectiveValues::merge({ValuesLayer{QStringLiteral("values.yaml"), values}});
        const QList<SettingField> fields = SettingsForm::build(schema, effective.root(), QStringLiteral("values.yaml"));
        QStringList summary;
        for (const SettingField &f : fields)
            summary << QStringLiteral("%1=%2:%3").arg(f.path.join(u'.')).arg(int(f.type)).arg(f.text);
        QCOMPARE(summary, (QStringList{QStringLiteral("name=%1:web").arg(int(SettingField::Type::String)),
                                       QStringLiteral("limits=%1:{cpu: 2}").arg(int(SettingField::Type::Map)),
                                       QStringLiteral("extra=%1:[1, 2]").arg(int(SettingField::Type::List))}));
    }

    void crlfFilesKeepTheirLineEndings()
    {
        StudioSession s;
        QVERIFY(startDiscarding(s));
        const QString path = s.repo + u'/' + kValuesProd;
        QString text = readFile(path);
        text.replace(u'\n', QStringLiteral("\r\n"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
        file.close();
        SchemaForm *form = formOf(s, kValuesProd);
        QVERIFY(form->setValue(QStringLiteral("image.tag"), QStringLiteral("1.8.0")));
        QVERIFY(s.window->fileEditor(kValuesProd)->save());
        const QString saved = readFile(path);
        QCOMPARE(saved, QString(text).replace(QStringLiteral("tag: latest"), QStringLiteral("tag: 1.8.0")));
    }
};

QTEST_MAIN(TestSchemaForm)
#include "tst_schemaform.moc"
