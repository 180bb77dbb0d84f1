// SPDX-License-Identifier: MIT
//
// bench/editor: the studio side of the editor benchmark (see README.md).
//
//   editor_bench WORKDIR [--edits N] [--keystrokes N] [--key-gap-ms MS] [--gap-ms MS] [--revalidations N]
//                [--timeout-ms MS] [--verbose]
//
// WORKDIR holds what generate-values.mjs writes: values.yaml, values.schema.json, edit-target.json. A real
// workspace is built around them in a temporary folder (chart "platform", environment "bench" layering
// values.yaml + values-bench.yaml = the generated file), and the editor is driven as the GUI drives it:
// FileEditor::open, validator = WorkspaceChecker::checkDocument, schema completion/hover installed, the
// product's default validation delay. Three figures are measured:
//   a. keystroke -> repaint: a key event sent to the code editor until the end of the paint of its
//      viewport that follows (the frame: text change, highlighting, layout, extra selections, paint);
//   b. full revalidation: WorkspaceChecker::checkDocument on the whole text, synchronously;
//   c. edit -> diagnostics: the peer's edit loop (replace the target value with the invalid/valid value
//      through the editor's QTextCursor) until FileEditor::diagnosticsUpdated reflects the edit.
// Prints one JSON line on stdout and progress on stderr.
// Exit: 0 measured, 1 the measurement failed (timeout, unexpected diagnostics), 2 bad arguments/input.

#include "CodeEditor.h"
#include "FileEditor.h"
#include "SchemaAssistProviders.h"

#include "checks/DeploymentLint.h"
#include "checks/WorkspaceChecker.h"
#include "schema/CompiledSchema.h"
#include "schema/SchemaAssist.h"
#include "schema/SchemaValidator.h"
#include "values/EffectiveValues.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlJson.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

using namespace studio;

namespace {

constexpr auto kValuesFile = "charts/platform/values-bench.yaml";

QElapsedTimer g_clock;

double nowMs()
{
    return double(g_clock.nsecsElapsed()) / 1e6;
}

/// Records when the paint of one widget (the editor's viewport) and the frame containing it end.
/// QApplication::notify sees every event, so the time is taken after the paint event was fully handled
/// (QPlainTextEdit::paintEvent, CodeEditor's guides), not when it starts.
class BenchApplication : public QApplication
{
public:
    using QApplication::QApplication;

    QWidget *watched = nullptr;
    QWidget *window = nullptr;
    int paints = 0;          ///< viewport paints seen
    double lastPaintEnd = 0; ///< ms, end of the last viewport paint
    int frames = 0;          ///< window update requests that painted the viewport
    double lastFrameEnd = 0; ///< ms, end of the update request (all dirty widgets painted and flushed)

    bool notify(QObject *receiver, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        const bool isPaint = watched && receiver == watched && type == QEvent::Paint;
        const bool isFrame = window && receiver == window && type == QEvent::UpdateRequest;
        const int paintsBefore = paints;
        const bool result = QApplication::notify(receiver, event);
        if (isPaint) {
            lastPaintEnd = nowMs();
            ++paints;
        }
        if (isFrame && paints != paintsBefore) {
            lastFrameEnd = nowMs();
            ++frames;
        }
        return result;
    }
};

struct Stats {
    double median = 0, p50 = 0, p99 = 0, min = 0, max = 0;
};

double percentile(const std::vector<double> &sorted, double p) // nearest rank, as measure.mjs
{
    const auto n = sorted.size();
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(n)));
    return sorted[std::min(n, std::max<std::size_t>(1, rank)) - 1];
}

Stats stats(std::vector<double> samples)
{
    Stats s;
    if (samples.empty())
        return s;
    std::sort(samples.begin(), samples.end());
    const auto n = samples.size();
    s.median = n % 2 ? samples[(n - 1) / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    s.p50 = percentile(samples, 50);
    s.p99 = percentile(samples, 99);
    s.min = samples.front();
    s.max = samples.back();
    return s;
}

double round2(double x)
{
    return std::round(x * 100) / 100;
}

[[noreturn]] void fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "editor_bench: %s\n", qPrintable(message));
    std::fflush(stderr);
    std::_Exit(code);
}

bool verbose = false;

void progress(const QString &message)
{
    std::fprintf(stderr, "editor_bench: %s\n", qPrintable(message));
}

void detail(const QString &message)
{
    if (verbose)
        progress(message);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()), 2);
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        fail(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()), 2);
}


bool onLine(const Diagnostics &diagnostics, int line)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [line](const Diagnostic &d) { return d.line == line; });
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList parts;
    for (qsizetype i = 0; i < std::min<qsizetype>(3, diagnostics.size()); ++i) {
        const Diagnostic &d = diagnostics.at(i);
        parts << QStringLiteral("%1:%2 %3 %4").arg(d.line).arg(d.column).arg(d.rule, d.message);
    }
    return parts.join(QStringLiteral(" | "));
}

/// Runs the event loop until `done` holds or `timeoutMs` passes; false on timeout. The loop blocks in the
/// event dispatcher like the GUI's (no polling): `done` can only change when an event was handled.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    const double deadline = nowMs() + timeoutMs;
    QTimer wake; // only so that the deadline is noticed when nothing else happens
    wake.start(100);
    while (!done()) {
        if (nowMs() > deadline)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// Runs the event loop for `ms` (timers, queued validation results are handled as they come, as in the
/// GUI), like a user pausing. (QTest::qWait would sleep in 10 ms steps and deliver them late.)
void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    g_clock.start();
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    QString workdir;
    int edits = 40;
    int keystrokes = 300;
    int keyGapMs = 80;
    int gapMs = 50;
    int revalidations = 20;
    int timeoutMs = 10000;
    auto usage = [](const QString &message) {
        if (!message.isEmpty())
            std::fprintf(stderr, "editor_bench: %s\n", qPrintable(message));
        std::fprintf(stderr, "usage: editor_bench WORKDIR [--edits N] [--keystrokes N] [--key-gap-ms MS] "
                             "[--gap-ms MS] [--revalidations N] [--timeout-ms MS] [--verbose]\n");
        std::exit(2);
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString a = args.at(i);
        auto number = [&](int minimum) {
            if (i + 1 >= args.size())
                usage(a + QStringLiteral(" needs a number"));
            bool ok = false;
            const int v = args.at(++i).toInt(&ok);
            if (!ok || v < minimum)
                usage(QStringLiteral("%1 needs an integer >= %2").arg(a).arg(minimum));
            return v;
        };
        if (a == u"--edits")
            edits = number(1);
        else if (a == u"--keystrokes")
            keystrokes = number(2);
        else if (a == u"--key-gap-ms")
            keyGapMs = number(0);
        else if (a == u"--gap-ms")
            gapMs = number(0);
        else if (a == u"--revalidations")
            revalidations = number(1);
        else if (a == u"--timeout-ms")
            timeoutMs = number(1);
        else if (a == u"--verbose" || a == u"-v")
            verbose = true;
        else if (a == u"-h" || a == u"--help")
            usage({});
        else if (a.startsWith(u'-'))
            usage(QStringLiteral("unknown option ") + a);
        else if (workdir.isEmpty())
            workdir = a;
        else
            usage(QStringLiteral("only one WORKDIR"));
    }
    if (workdir.isEmpty())
        usage(QStringLiteral("expected WORKDIR"));
    keystrokes += keystrokes % 2; // type/backspace pairs leave the text as it was

    BenchApplication app(argc, argv);

    // ---------------------------------------------------------------- inputs
    const QByteArray values = readFile(workdir + QStringLiteral("/values.yaml"));
    const QByteArray schemaJson = readFile(workdir + QStringLiteral("/values.schema.json"));
    const QJsonObject target = QJsonDocument::fromJson(readFile(workdir + QStringLiteral("/edit-target.json"))).object();
    for (const char *key : {"line", "column", "validValue", "invalidValue"}) {
        if (!target.contains(QLatin1String(key)))
            fail(QStringLiteral("edit-target.json lacks \"%1\"").arg(QLatin1String(key)), 2);
    }
    const int targetLine = target.value(QStringLiteral("line")).toInt();
    const int targetColumn = target.value(QStringLiteral("column")).toInt();
    const QString validValue = target.value(QStringLiteral("validValue")).toString();
    const QString invalidValue = target.value(QStringLiteral("invalidValue")).toString();

    // ---------------------------------------------------------------- workspace
    QTemporaryDir tmp(QDir::tempPath() + QStringLiteral("/ds-editor-bench-ws.XXXXXX"));
    if (!tmp.isValid())
        fail(QStringLiteral("cannot create a temporary folder"), 2);
    const QString root = tmp.path();
    writeFile(root + QStringLiteral("/charts/platform/Chart.yaml"),
              "apiVersion: v2\nname: platform\nversion: 0.1.0\ndescription: Umbrella chart of the editor benchmark\n");
    writeFile(root + QStringLiteral("/charts/platform/values.yaml"),
              "# Chart defaults; values-bench.yaml (the generated 20k-line file) layers over them.\n"
              "global:\n  storageClass: standard\n  clusterDomain: cluster.local\n"
              "serviceAccount:\n  create: true\n");
    writeFile(root + QLatin1String("/") + QLatin1String(kValuesFile), values);
    writeFile(root + QStringLiteral("/charts/platform/values.schema.json"), schemaJson);
    writeFile(root + QStringLiteral("/.deploy-studio.yaml"),
              "environments:\n"
              "  - name: bench\n"
              "    values:\n"
              "      - charts/platform/values.yaml\n"
              "      - charts/platform/values-bench.yaml\n");

    double t = nowMs();
    const Workspace workspace = Workspace::discover(root);
    const double discoverMs = nowMs() - t;
    const Environment *env = workspace.environment(QStringLiteral("bench"));
    if (!env || env->valuesFiles.size() != 2 || env->chart != u"charts/platform")
        fail(QStringLiteral("the workspace has no environment 'bench' with 2 values files of charts/platform"));
    if (!workspace.diagnostics.isEmpty())
        fail(QStringLiteral("workspace discovery reports problems: ") + describe(workspace.diagnostics));
    const QString file = QLatin1String(kValuesFile);

    CheckOptions options;
    options.offline = true; // values schemas are local; never touch the network
    options.cacheDir = root + QStringLiteral("/.schema-cache");
    auto checker = std::make_shared<WorkspaceChecker>(workspace, options);

    // What the workspace check does when the GUI opens the repository (loads the values schema).
    t = nowMs();
    const Diagnostics initial = checker->run();
    const double workspaceCheckMs = nowMs() - t;
    Diagnostics initialOwn;
    for (const Diagnostic &d : initial) {
        if (d.file == file)
            initialOwn << d;
    }
    if (onLine(initialOwn, targetLine))
        fail(QStringLiteral("the unedited file has diagnostics on the target line: ") + describe(initialOwn));
    progress(QStringLiteral("workspace %1: discover %2 ms, full check %3 ms, %4 finding(s) (%5 in the values file)%6")
                 .arg(root)
                 .arg(discoverMs, 0, 'f', 1)
                 .arg(workspaceCheckMs, 0, 'f', 1)
                 .arg(initial.size())
                 .arg(initialOwn.size())
                 .arg(initial.isEmpty() ? QString() : QStringLiteral(": ") + describe(initial)));

    // ---------------------------------------------------------------- editor, as MainWindow::openFile
    QWidget window;
    window.setWindowTitle(QStringLiteral("editor_bench"));
    auto *layout = new QVBoxLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    t = nowMs();
    Result<FileEditor *> opened = FileEditor::open(workspace.absolutePath(file), file, &window);
    if (!opened)
        fail(QStringLiteral("FileEditor::open failed: ") + opened.errorMessage());
    FileEditor *editor = opened.value();
    const double openMs = nowMs() - t;
    // The GUI's validator is exactly `checker->checkDocument(file, text)`; the bench only notes when each run
    // starts and ends (on the worker thread) to split edit -> diagnostics into its phases.
    auto validationStart = std::make_shared<std::atomic<double>>(0.0);
    auto validationEnd = std::make_shared<std::atomic<double>>(0.0);
    editor->setValidator([checker, file, validationStart, validationEnd](const QString &text) {
        validationStart->store(nowMs());
        Diagnostics d = checker->checkDocument(file, text);
        validationEnd->store(nowMs());
        return d;
    });
    installSchemaAssist(editor->editor(), checker, file);
    editor->setDiagnostics(initialOwn);
    layout->addWidget(editor);
    window.resize(1200, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        fail(QStringLiteral("the window was not exposed (QT_QPA_PLATFORM=offscreen?)"));
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window, 1000))
        progress(QStringLiteral("note: the window did not become active"));
    CodeEditor *code = editor->editor();
    QWidget *viewport = code->viewport();
    app.watched = viewport;
    app.window = &window;
    const int lines = code->blockCount() - (values.endsWith('\n') ? 1 : 0);

    const QTextBlock targetBlock = code->document()->findBlockByNumber(targetLine - 1);
    if (!targetBlock.isValid() || targetBlock.text().mid(targetColumn - 1, validValue.size()) != validValue)
        fail(QStringLiteral("line %1 column %2 does not hold %3").arg(targetLine).arg(targetColumn).arg(validValue), 2);
    code->goTo(targetLine, targetColumn);
    idle(200);
    progress(QStringLiteral("opened %1 (%2 lines) in %3 ms; viewport %4x%5")
                 .arg(file)
                 .arg(lines)
                 .arg(openMs, 0, 'f', 1)
                 .arg(viewport->width())
                 .arg(viewport->height()));

    // Diagnostics delivered by the editor, with the time they arrived.
    Diagnostics lastDiagnostics = initialOwn;
    double lastDiagnosticsAt = 0;
    int diagnosticsUpdates = 0;
    QObject::connect(editor, &FileEditor::diagnosticsUpdated, editor, [&](const Diagnostics &d) {
        lastDiagnosticsAt = nowMs();
        lastDiagnostics = d;
        ++diagnosticsUpdates;
    });

    // ---------------------------------------------------------------- a. keystroke -> repaint
    // At the end of the target line ("replicaCount: 3"): type 'x' (the value becomes a string, which the
    // schema rejects, so squiggles come and go as well), then Backspace; keyGapMs apart, a fast typist.
    {
        QTextCursor cursor(code->document()->findBlockByNumber(targetLine - 1));
        cursor.movePosition(QTextCursor::EndOfBlock);
        code->setTextCursor(cursor);
        code->setFocus();
        idle(200);
    }
    std::vector<double> keyPaint;
    std::vector<double> keyFrame;
    const int updatesBeforeKeys = diagnosticsUpdates;
    double lastKeyAt = 0;
    for (int i = 0; i < keystrokes; ++i) {
        idle(keyGapMs);
        const int paintsBefore = app.paints;
        const int framesBefore = app.frames;
        const bool type = i % 2 == 0;
        const double t0 = nowMs();
        lastKeyAt = t0;
        if (type)
            QTest::keyClick(code, 'x');
        else
            QTest::keyClick(code, Qt::Key_Backspace);
        if (!spinUntil([&] { return app.paints > paintsBefore && app.frames > framesBefore; }, timeoutMs))
            fail(QStringLiteral("no repaint of the editor within %1 ms after keystroke %2").arg(timeoutMs).arg(i + 1));
        keyPaint.push_back(app.lastPaintEnd - t0);
        keyFrame.push_back(app.lastFrameEnd - t0);
        detail(QStringLiteral("key %1 (%2): paint %3 ms, frame %4 ms")
                   .arg(i + 1)
                   .arg(type ? QStringLiteral("x") : QStringLiteral("Backspace"))
                   .arg(keyPaint.back(), 0, 'f', 2)
                   .arg(keyFrame.back(), 0, 'f', 2));
    }
    if (code->document()->findBlockByNumber(targetLine - 1).text() != targetBlock.text())
        fail(QStringLiteral("typing and deleting did not restore the target line"));
    // Let the last validation land (the text is the original again: nothing on the target line).
    if (!spinUntil([&] { return lastDiagnosticsAt > lastKeyAt && !onLine(lastDiagnostics, targetLine); }, timeoutMs))
        fail(QStringLiteral("the diagnostics did not settle after the keystrokes: ") + describe(lastDiagnostics));
    const int keyValidations = diagnosticsUpdates - updatesBeforeKeys;
    const Stats paint = stats(keyPaint);
    const Stats frame = stats(keyFrame);
    progress(QStringLiteral("a. %1 keystrokes, %2 ms apart (%3 live validations delivered meanwhile): "
                            "viewport paint p50 %4 / p99 %5 / max %6 ms; frame p50 %7 / p99 %8 / max %9 ms")
                 .arg(keystrokes)
                 .arg(keyGapMs)
                 .arg(keyValidations)
                 .arg(paint.p50, 0, 'f', 2)
                 .arg(paint.p99, 0, 'f', 2)
                 .arg(paint.max, 0, 'f', 2)
                 .arg(frame.p50, 0, 'f', 2)
                 .arg(frame.p99, 0, 'f', 2)
                 .arg(frame.max, 0, 'f', 2));

    // ---------------------------------------------------------------- b. full revalidation
    const QString text = editor->text();
    std::vector<double> revalidate;
    for (int i = 0; i < revalidations; ++i) {
        const double t0 = nowMs();
        const Diagnostics d = checker->checkDocument(file, text);
        revalidate.push_back(nowMs() - t0);
        if (onLine(d, targetLine))
            fail(QStringLiteral("checkDocument reports the unedited target line: ") + describe(d));
    }
    const Stats reval = stats(revalidate);
    progress(QStringLiteral("b. checkDocument on the whole text, %1 runs: median %2 / max %3 / min %4 ms")
                 .arg(revalidations)
                 .arg(reval.median, 0, 'f', 2)
                 .arg(reval.max, 0, 'f', 2)
                 .arg(reval.min, 0, 'f', 2));

    // ---------------------------------------------------------------- c. edit -> diagnostics
    idle(300);
    std::vector<double> editSamples;
    std::vector<double> untilStart, running, delivering; // the phases of each edit
    int stale = 0;
    QString violation;
    QString current = validValue;
    for (int i = 0; i < edits; ++i) {
        const bool expectInvalid = i % 2 == 0;
        const QString next = expectInvalid ? invalidValue : validValue;
        const QTextBlock block = code->document()->findBlockByNumber(targetLine - 1);
        QTextCursor cursor(block);
        cursor.setPosition(block.position() + targetColumn - 1);
        cursor.setPosition(block.position() + targetColumn - 1 + int(current.size()), QTextCursor::KeepAnchor);
        code->setTextCursor(cursor); // the user selects the value…
        if (cursor.selectedText() != current)
            fail(QStringLiteral("edit %1: the target holds %2, expected %3").arg(i + 1).arg(cursor.selectedText(), current));
        bool matched = false;
        double matchedAt = 0;
        Diagnostics matchedDiagnostics;
        QMetaObject::Connection connection =
            QObject::connect(editor, &FileEditor::diagnosticsUpdated, editor, [&](const Diagnostics &d) {
                if (matched)
                    return;
                const bool ok = expectInvalid ? onLine(d, targetLine) : !onLine(d, targetLine);
                if (!ok) {
                    ++stale;
                    detail(QStringLiteral("edit %1: ignoring diagnostics (%2): %3").arg(i + 1).arg(d.size()).arg(describe(d)));
                    return;
                }
                matched = true;
                matchedAt = nowMs();
                matchedDiagnostics = d;
            });
        const double t0 = nowMs();
        cursor.insertText(next); // …and types over it, as one edit
        code->setTextCursor(cursor);
        const bool ok = spinUntil([&] { return matched; }, timeoutMs);
        QObject::disconnect(connection);
        if (!ok)
            fail(QStringLiteral("no matching diagnostics within %1 ms after edit %2 (%3); last: %4")
                     .arg(timeoutMs)
                     .arg(i + 1)
                     .arg(expectInvalid ? QStringLiteral("expecting the schema violation") : QStringLiteral("expecting none on the line"))
                     .arg(describe(lastDiagnostics)));
        editSamples.push_back(matchedAt - t0);
        if (validationStart->load() > t0) {
            untilStart.push_back(validationStart->load() - t0);
            running.push_back(validationEnd->load() - validationStart->load());
            delivering.push_back(matchedAt - validationEnd->load());
        }
        current = next;
        if (expectInvalid && violation.isEmpty()) {
            for (const Diagnostic &d : std::as_const(matchedDiagnostics)) {
                if (d.line == targetLine) {
                    violation = d.message;
                    break;
                }
            }
        }
        detail(QStringLiteral("edit %1 (%2): %3 ms (validation started after %4 ms, ran %5 ms, delivered %6 ms later)")
                   .arg(i + 1)
                   .arg(expectInvalid ? "invalid" : "valid")
                   .arg(editSamples.back(), 0, 'f', 1)
                   .arg(validationStart->load() - t0, 0, 'f', 1)
                   .arg(validationEnd->load() - validationStart->load(), 0, 'f', 1)
                   .arg(matchedAt - validationEnd->load(), 0, 'f', 1));
        idle(gapMs);
    }
    const Stats edit = stats(editSamples);
    progress(QStringLiteral("c. %1 edits: edit -> diagnostics median %2 / p99 %3 / min %4 / max %5 ms (stale ignored: %6); "
                            "violation: %7")
                 .arg(edits)
                 .arg(edit.median, 0, 'f', 2)
                 .arg(edit.p99, 0, 'f', 2)
                 .arg(edit.min, 0, 'f', 2)
                 .arg(edit.max, 0, 'f', 2)
                 .arg(stale)
                 .arg(violation));
    const Stats phaseStart = stats(untilStart);
    const Stats phaseRun = stats(running);
    const Stats phaseDeliver = stats(delivering);
    progress(QStringLiteral("   phases (median): edit -> validation starts %1 ms (debounce timer + copying the text), "
                            "checkDocument on the worker %2 ms, result -> diagnosticsUpdated %3 ms")
                 .arg(phaseStart.median, 0, 'f', 2)
                 .arg(phaseRun.median, 0, 'f', 2)
                 .arg(phaseDeliver.median, 0, 'f', 2));

    // Keys in this order: the fixed ones first, extra (informational) ones after "lines".
    QByteArray json = "{";
    auto add = [&json](const char *key, const QJsonValue &value) {
        if (json.size() > 1)
            json += ',';
        json += '"';
        json += key;
        json += "\":";
        QJsonArray wrapper{value};
        const QByteArray compact = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
        json += compact.mid(1, compact.size() - 2);
    };
    add("tool", QStringLiteral("deploy-studio"));
    add("keystrokeP50Ms", round2(frame.p50));
    add("keystrokeP99Ms", round2(frame.p99));
    add("revalidateMedianMs", round2(reval.median));
    add("editToDiagnosticsMedianMs", round2(edit.median));
    add("editToDiagnosticsP99Ms", round2(edit.p99));
    add("lines", lines);
    add("keystrokes", keystrokes);
    add("keystrokeMaxMs", round2(frame.max));
    add("keystrokePaintP50Ms", round2(paint.p50));
    add("keystrokePaintP99Ms", round2(paint.p99));
    add("keyGapMs", keyGapMs);
    add("keystrokeValidations", keyValidations);
    add("revalidations", revalidations);
    add("revalidateMaxMs", round2(reval.max));
    add("revalidateMinMs", round2(reval.min));
    add("edits", edits);
    add("editToDiagnosticsMinMs", round2(edit.min));
    add("editToDiagnosticsMaxMs", round2(edit.max));
    add("firstEditMs", round2(editSamples.front()));
    add("staleIgnored", stale);
    add("validationStartMedianMs", round2(phaseStart.median));
    add("validationRunMedianMs", round2(phaseRun.median));
    add("deliveryMedianMs", round2(phaseDeliver.median));
    add("openMs", round2(openMs));
    add("workspaceCheckMs", round2(workspaceCheckMs));
    add("violation", violation);
    json += "}\n";
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
    return 0;
}
