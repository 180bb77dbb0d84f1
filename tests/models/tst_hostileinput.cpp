// SPDX-License-Identifier: MIT
// Hostile input to `check`: broken syntax, tabs, duplicate keys, wrong types, unknown kinds, empty,
// binary, 50 MB and 10,000-level files, unreadable files, symlink loops, paths leaving the repository,
// broken schema files and alias bombs. Each must give a clear diagnostic at its line, never a crash.

#include "CheckFixture.h"

#include "checks/DiagnosticFormat.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace studio;
using namespace studio::test;

namespace {

const Diagnostic *find(const Diagnostics &all, const QString &file, const QString &rule)
{
    for (const Diagnostic &d : all) {
        if (d.file == file && d.rule == rule)
            return &d;
    }
    return nullptr;
}

QByteArray billionLaughs(const QByteArray &head)
{
    QByteArray text = head;
    text += "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    const char names[] = "abcdefghi";
    for (int i = 1; i < 9; ++i) {
        const QByteArray previous(1, names[i - 1]);
        const QByteArray name(1, names[i]);
        QByteArrayList refs;
        for (int j = 0; j < 9; ++j)
            refs << '*' + previous;
        text += name + ": &" + name + " [" + refs.join(',') + "]\n";
    }
    return text; // 9^9 = 387,420,489 "lol"s once expanded
}

// The child mode of this executable: checks a workspace with a memory watchdog, so that a check
// that expands an alias bomb ends with exit code 3 instead of taking the machine's memory.
constexpr auto kChildOption = "--check-with-memory-limit";
constexpr qint64 kChildMemoryLimitMb = 1024;

qint64 residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * 4096 / (1024 * 1024) : 0;
}

int runChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::thread([] {
        for (;;) {
            if (residentMegabytes() > kChildMemoryLimitMb) {
                std::fprintf(stderr, "memory use passed %lld MB: the check expanded the input instead of refusing it\n",
                             static_cast<long long>(kChildMemoryLimitMb));
                std::fflush(stderr);
                std::_Exit(3);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }).detach();
    const Diagnostics found = check(QString::fromLocal8Bit(argv[2]));
    std::fputs(DiagnosticFormat::toText(found).toUtf8().constData(), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(test::honourFilePermissions()); }

    // --- bad input --------------------------------------------------------------------------------

    void invalidSyntax()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("app/configmap.yaml"), "apiVersion: v1\n"
                                                             "kind: ConfigMap\n"
                                                             "metadata:\n"
                                                             "  name: [settings\n"
                                                             "data:\n"
                                                             "  a: b\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("app/configmap.yaml"));
        QCOMPARE(found.front().rule, QStringLiteral("yaml-syntax"));
        QCOMPARE(found.front().severity, Severity::Error);
        QVERIFY2(found.front().line == 4 || found.front().line == 5, qPrintable(describe(found)));
        QVERIFY(found.front().column > 0);
    }

    void tabs()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("cm.yaml"));
        QCOMPARE(found.front().rule, QStringLiteral("yaml-tab"));
        QCOMPARE(found.front().line, 4);
        QCOMPARE(found.front().column, 1);
        QVERIFY2(found.front().message.contains(QStringLiteral("tab")), qPrintable(found.front().message));
    }

    void duplicateKeys()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("cm.yaml"), "apiVersion: v1\n"
                                                  "kind: ConfigMap\n"
                                                  "metadata:\n"
                                                  "  name: first\n"
                                                  "  name: second\n"));
        const Diagnostics found = ws.check();
        const Diagnostic *dup = find(found, QStringLiteral("cm.yaml"), QStringLiteral("yaml-duplicate-key"));
        QVERIFY2(dup, qPrintable(describe(found)));
        QCOMPARE(dup->line, 5);
        QCOMPARE(dup->column, 3);
        QVERIFY2(dup->message.contains(QStringLiteral("'name'")) && dup->message.contains(QStringLiteral("line 4")),
                 qPrintable(dup->message));
    }

    void wrongTypes()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("cm.yaml"), "apiVersion: v1\n"
                                                  "kind: ConfigMap\n"
                                                  "metadata:\n"
                                                  "  name: settings\n"
                                                  "  labels: [a, b]\n"
                                                  "data:\n"
                                                  "  RETRIES: 3\n"
                                                  "  DEBUG: true\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 3);
        QStringList paths;
        for (const Diagnostic &d : found) {
            QCOMPARE(d.rule, QStringLiteral("schema"));
            QCOMPARE(d.file, QStringLiteral("cm.yaml"));
            paths << QStringLiteral("%1:%2:%3").arg(d.jsonPath).arg(d.line).arg(d.column);
        }
        QCOMPARE(paths, (QStringList{"metadata.labels:5:11", "data.RETRIES:7:12", "data.DEBUG:8:10"}));
        QVERIFY2(found.at(1).message.contains(QStringLiteral("must be text")) && found.at(1).message.contains(u'3'),
                 qPrintable(found.at(1).message));
        QVERIFY2(found.at(0).message.contains(QStringLiteral("a mapping")), qPrintable(found.at(0).message));
    }

    void unknownKinds()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("crd/widget.yaml"), "apiVersion: widgets.example.com/v1beta1\n"
                                                          "kind: Widget\n"
                                                          "metadata:\n"
                                                          "  name: w\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        const Diagnostic &d = found.front();
        QCOMPARE(d.rule, QStringLiteral("schema-missing"));
        QCOMPARE(d.severity, Severity::Warning);
        QCOMPARE(d.line, 2);
        QCOMPARE(d.column, 7);
        QVERIFY2(d.message.contains(QStringLiteral("Widget (widgets.example.com/v1beta1)")), qPrintable(d.message));
        QVERIFY2(d.message.contains(QStringLiteral("--schema-location")), qPrintable(d.message));
    }

    void manifestShapes()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("list.yaml"), "- apiVersion: v1\n  kind: ConfigMap\n"));
        QVERIFY(ws.add(QStringLiteral("nokind.yaml"), "# half a manifest\napiVersion: v1\nmetadata: {name: x}\n"));
        QVERIFY(ws.add(QStringLiteral("plain.yaml"), "logLevel: debug\nport: 8080\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 2);
        const Diagnostic *list = find(found, QStringLiteral("list.yaml"), QStringLiteral("manifest-shape"));
        QVERIFY(list);
        QCOMPARE(list->line, 1);
        QVERIFY(list->message.contains(QStringLiteral("not a mapping")));
        const Diagnostic *noKind = find(found, QStringLiteral("nokind.yaml"), QStringLiteral("manifest-shape"));
        QVERIFY(noKind);
        QCOMPARE(noKind->line, 2);
        QVERIFY2(noKind->message.contains(QStringLiteral("no kind")), qPrintable(noKind->message));
    }

    void emptyFiles()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("empty.yaml"), ""));
        QVERIFY(ws.add(QStringLiteral("comments.yaml"), "# nothing here yet\n\n"));
        QVERIFY(ws.add(QStringLiteral("separators.yaml"), "---\n---\n"));
        QVERIFY(ws.add(QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(ws.add(QStringLiteral("chart/values.yaml"), ""));
        QVERIFY(ws.add(QStringLiteral("chart/values-dev.yaml"), ""));
        // An empty YAML file is valid (it has no documents): nothing to report, and nothing crashes.
        const Diagnostics found = ws.check();
        QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
        QCOMPARE(Workspace::discover(ws.root()).environments.size(), 1);
    }

    void binaryFiles()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("image.yaml"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18)));
        QVERIFY(ws.add(QStringLiteral("latin1.yaml"), "name: caf\xe9\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 2);
        const Diagnostic *binary = find(found, QStringLiteral("image.yaml"), QStringLiteral("file-unreadable"));
        QVERIFY2(binary, qPrintable(describe(found)));
        QCOMPARE(binary->severity, Severity::Error);
        QCOMPARE(binary->line, 0); // the whole file
        QVERIFY2(binary->message.contains(QStringLiteral("binary")), qPrintable(binary->message));
        const Diagnostic *encoding = find(found, QStringLiteral("latin1.yaml"), QStringLiteral("file-unreadable"));
        QVERIFY2(encoding, qPrintable(describe(found)));
        QVERIFY2(encoding->message.contains(QStringLiteral("UTF-8")), qPrintable(encoding->message));
    }

    void fiftyMegabyteFile()
    {
        TempWorkspace ws;
        {
            QFile big(ws.root() + QStringLiteral("/generated.yaml"));
            QVERIFY(big.open(QIODevice::WriteOnly));
            QByteArray chunk;
            for (int i = 0; chunk.size() < 1024 * 1024; ++i)
                chunk += "key" + QByteArray::number(i).rightJustified(8, '0') + ": " + QByteArray(85, 'x') + '\n';
            chunk.truncate(1024 * 1024);
            for (int i = 0; i < 50; ++i)
                QCOMPARE(big.write(chunk), chunk.size());
        }
        QVERIFY(ws.add(QStringLiteral("small.yaml"), "a: 1\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("generated.yaml"));
        QCOMPARE(found.front().severity, Severity::Error);
        QVERIFY2(found.front().message.contains(QStringLiteral("too large")), qPrintable(found.front().message));
        QVERIFY2(found.front().message.contains(QStringLiteral("50.0 MB")), qPrintable(found.front().message));
    }

    void tenThousandLevelsOfNesting()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("deep.yaml"), QByteArray(10000, '[') + QByteArray(10000, ']') + '\n'));
        QVERIFY(ws.add(QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(ws.add(QStringLiteral("chart/values-dev.yaml"),
                       "deep: " + QByteArray(10000, '{').replace("{", "{a: ") + QByteArray(10000, '}') + '\n'));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 2);
        for (const Diagnostic &d : found) {
            QCOMPARE(d.rule, QStringLiteral("yaml-too-deep"));
            QCOMPARE(d.line, 1);
            QVERIFY2(d.message.contains(QStringLiteral("deeper than")), qPrintable(d.message));
        }
        QCOMPARE(found.at(0).file, QStringLiteral("chart/values-dev.yaml"));
        QCOMPARE(found.at(1).file, QStringLiteral("deep.yaml"));
    }

    void unreadableFiles()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("secret.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"));
        const QString path = ws.root() + QStringLiteral("/secret.yaml");
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
        if (test::permissionsAreIgnored(path)) {
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QSKIP("this process can read a file with mode 000 (it runs as root), so an unreadable file cannot be "
                  "made here");
        }
        const Diagnostics found = ws.check();
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("secret.yaml"));
        QCOMPARE(found.front().rule, QStringLiteral("file-unreadable"));
        QVERIFY2(found.front().message.contains(QStringLiteral("permission")), qPrintable(found.front().message));
    }

    void symlinkLoops()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("a/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"));
        QVERIFY(QFile::link(ws.root() + QStringLiteral("/a"), ws.root() + QStringLiteral("/a/again")));
        QVERIFY(QFile::link(QStringLiteral(".."), ws.root() + QStringLiteral("/a/up")));
        const Diagnostics found = ws.check();
        const Diagnostics loops = withRule(found, QStringLiteral("workspace-symlink-loop"));
        QCOMPARE(loops.size(), 2);
        QCOMPARE(loops.at(0).file, QStringLiteral("a/again"));
        QCOMPARE(loops.at(1).file, QStringLiteral("a/up"));
        QCOMPARE(found.size(), 2); // the ConfigMap itself is fine, and checked once
    }

    void valuesPathOutsideTheRepository()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral(".deploy-studio.yaml"),
                       "environments:\n  - name: dev\n    values: [chart/values.yaml, ../../etc/passwd]\n"));
        QVERIFY(ws.add(QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(ws.add(QStringLiteral("chart/values.yaml"), "a: 1\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral(".deploy-studio.yaml"));
        QCOMPARE(found.front().severity, Severity::Error);
        QVERIFY2(found.front().message.contains(QStringLiteral("'../../etc/passwd'"))
                     && found.front().message.contains(QStringLiteral("outside the repository")),
                 qPrintable(found.front().message));
    }

    void brokenSchemaFile()
    {
        QTemporaryDir schemas;
        QVERIFY(writeFile(schemas.path(), QStringLiteral("configmap-v1.json"), "{ \"type\": \"object\", \n"));
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"));
        CheckOptions options = checkOptions();
        options.schemaLocations = {schemas.path()};
        const Diagnostics found = WorkspaceChecker(Workspace::discover(ws.root()), options).run();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().line, 2);
        QVERIFY2(found.front().message.contains(QStringLiteral("configmap-v1.json"))
                     && found.front().message.contains(QStringLiteral("not valid JSON")),
                 qPrintable(found.front().message));
    }

    void billionLaughsInAManifest()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("bomb.yaml"),
                       billionLaughs("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\n")));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("bomb.yaml"));
        QCOMPARE(found.front().rule, QStringLiteral("yaml-aliases"));
        QCOMPARE(found.front().severity, Severity::Error);
        QVERIFY2(found.front().message.contains(QStringLiteral("refused")), qPrintable(found.front().message));
    }

    // The same bomb in a Helm values file reaches EffectiveValues, which expands aliases without a
    // budget. Run in a child process with a memory watchdog so that the bug cannot take the machine.
    void billionLaughsInValues()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(ws.add(QStringLiteral("chart/values.yaml"), billionLaughs("replicaCount: 1\n")));
        QVERIFY(ws.add(QStringLiteral("chart/values-dev.yaml"), "replicaCount: 2\n"));
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QLatin1String(kChildOption), ws.root()});
        QVERIFY(child.waitForStarted());
        if (!child.waitForFinished(120000)) {
            child.kill();
            child.waitForFinished();
            QFAIL("checking a values file with an alias bomb did not finish in 120 s");
        }
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        const QString err = QString::fromUtf8(child.readAllStandardError());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 qPrintable(QStringLiteral("exit %1: %2").arg(child.exitCode()).arg(err.trimmed())));
        QVERIFY2(out.contains(QStringLiteral("chart/values.yaml")) && out.contains(QStringLiteral("alias")),
                 qPrintable(out));
    }
};

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], kChildOption) == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestHostileInput test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hostileinput.moc"
