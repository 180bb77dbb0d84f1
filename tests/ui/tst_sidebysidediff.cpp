// SPDX-License-Identifier: MIT
// The side-by-side diff (offscreen): how SideBySideRows aligns modified, inserted, deleted and
// moved lines and marks the changed words, folding of unchanged regions, next/previous change
// navigation, synchronised scrolling, and a rendered screenshot of a Helm values diff.
// Golden files: data/sidebyside/NAME.old.EXT and NAME.new.EXT are aligned and compared with
// NAME.rows; run with STUDIO_UPDATE_GOLDEN=1 to rewrite the .rows files, then read every change.
// Set STUDIO_SCREENSHOT_DIR to keep the screenshot (sidebyside.png) for a look.

#include "DiffPane.h"
#include "SideBySideDiff.h"

#include "diff/SideBySideRows.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace studio;

using Kind = SideBySideRows::Kind;
using Row = SideBySideRows::Row;
using Segment = SideBySideRows::Segment;
using Segments = SideBySideRows::Segments;

namespace {

/// One string per row: kind, old line | new line ("-" for a filler side), e.g. "~ 2|2".
QStringList describe(const QList<Row> &rows)
{
    QStringList out;
    for (const Row &row : rows) {
        const char *kind = row.kind == Kind::Equal ? "="
                           : row.kind == Kind::Deleted ? "-"
                           : row.kind == Kind::Inserted ? "+"
                           : row.kind == Kind::Changed ? "~"
                                                       : "fold";
        const QString oldLine = row.hasOld() || row.kind == Kind::Folded ? QString::number(row.oldLine) : QStringLiteral("-");
        const QString newLine = row.hasNew() || row.kind == Kind::Folded ? QString::number(row.newLine) : QStringLiteral("-");
        QString text = QStringLiteral("%1 %2|%3").arg(QLatin1String(kind), oldLine, newLine);
        if (row.kind == Kind::Folded)
            text += QStringLiteral(" x%1").arg(row.foldedLines);
        out << text;
    }
    return out;
}

QStringList paneLines(const DiffPane *pane)
{
    QStringList lines;
    for (QTextBlock block = pane->document()->begin(); block.isValid(); block = block.next())
        lines << block.text();
    return lines;
}

QList<int> gutterNumbers(const DiffPane *pane)
{
    QList<int> numbers;
    for (int row = 0; row < pane->rows().size(); ++row)
        numbers << pane->lineNumber(row);
    return numbers;
}

int countKind(const QList<Row> &rows, Kind kind)
{
    return int(std::count_if(rows.begin(), rows.end(), [kind](const Row &row) { return row.kind == kind; }));
}

/// 2,000 numbered lines with line 500 and line 1500 changed in the new version.
QPair<QString, QString> largeFile()
{
    QString oldText;
    QString newText;
    for (int i = 1; i <= 2000; ++i) {
        const QString line = QStringLiteral("key%1: value %1\n").arg(i);
        oldText += line;
        newText += i == 500 || i == 1500 ? QStringLiteral("key%1: changed %1\n").arg(i) : line;
    }
    return {oldText, newText};
}

/// Whether `row` is within the rows `pane` shows.
bool rowVisible(const DiffPane *pane, int row)
{
    const int top = pane->verticalScrollBar()->value();
    return row >= top && row < top + pane->visibleRowCount();
}

QString readData(const QString &name)
{
    QFile file(QStringLiteral(STUDIO_TEST_DATA_DIR "/data/sidebyside/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// `text` with the segments marked [-like this-] (old side) or {+like this+} (new side).
QString marked(const QString &text, const Segments &segments, bool old)
{
    QString out = text;
    for (qsizetype i = segments.size() - 1; i >= 0; --i) {
        const Segment &segment = segments.at(i);
        out.insert(segment.start + segment.length, old ? QStringLiteral("-]") : QStringLiteral("+}"));
        out.insert(segment.start, old ? QStringLiteral("[-") : QStringLiteral("{+"));
    }
    return out;
}

/// The rows as the golden files hold them: kind, old and new line numbers, then the text; a
/// changed row shows both sides with the differing parts marked.
QString goldenText(const QList<Row> &rows)
{
    QString out;
    for (const Row &row : rows) {
        const QString oldLine = row.hasOld() || row.kind == Kind::Folded ? QString::number(row.oldLine) : QString();
        const QString newLine = row.hasNew() || row.kind == Kind::Folded ? QString::number(row.newLine) : QString();
        const QString numbers = QStringLiteral("%1 %2 ").arg(oldLine, 4).arg(newLine, 4);
        switch (row.kind) {
        case Kind::Equal:
            out += numbers + QStringLiteral("  ") + row.oldText;
            break;
        case Kind::Deleted:
            out += numbers + QStringLiteral("- ") + row.oldText;
            break;
        case Kind::Inserted:
            out += numbers + QStringLiteral("+ ") + row.newText;
            break;
        case Kind::Changed:
            out += numbers + QStringLiteral("~ ") + marked(row.oldText, row.oldSegments, true) + u'\n'
                + QString(numbers.size(), u' ') + QStringLiteral("~ ") + marked(row.newText, row.newSegments, false);
            break;
        case Kind::Folded:
            out += numbers + QStringLiteral("⋯ %1 unchanged lines").arg(row.foldedLines);
            break;
        }
        out += u'\n';
    }
    return out;
}

} // namespace

class TestSideBySideDiff : public QObject
{
    Q_OBJECT

private slots:
    void modifiedLine();
    void insertedBlock();
    void deletedBlock();
    void movedLine();
    void similarLinesPairedAcrossOthers();
    void goldenRows_data();
    void goldenRows();
    void intraLineSegmentsMarkExactlyTheChangedCharacters();
    void intraLineSegmentsWholeWords();
    void lineBreakCharactersInsideALineKeepRowsAligned();
    void emptyTexts();
    void identicalTextsHaveNoChanges();
    void largeFileFoldsAndExpandsAll();
    void clickingAFoldExpandsIt();
    void nextAndPreviousVisitChangesInOrder();
    void keyboardShortcutsNavigate();
    void panesScrollTogether();
    void screenshotOfHelmValuesDiff();
};

void TestSideBySideDiff::modifiedLine()
{
    const SideBySideRows rows(QStringLiteral("a\nb\nc\n"), QStringLiteral("a\nB\nc\n"));
    QCOMPARE(describe(rows.rows()), QStringList({"= 1|1", "~ 2|2", "= 3|3"}));
    QCOMPARE(rows.rows().at(1).oldText, QStringLiteral("b"));
    QCOMPARE(rows.rows().at(1).newText, QStringLiteral("B"));
    QCOMPARE(rows.rows().at(1).change, 0);
    QCOMPARE(rows.changeCount(), 1);
    QCOMPARE(rows.rowsOfChange(0), qMakePair(1, 1));
}

void TestSideBySideDiff::insertedBlock()
{
    SideBySideDiff diff;
    diff.setTexts(QStringLiteral("a\nd\n"), QStringLiteral("a\nb\nc\nd\n"), QStringLiteral("old"), QStringLiteral("new"),
                  QStringLiteral("x.txt"));
    QCOMPARE(describe(diff.rows()), QStringList({"= 1|1", "+ -|2", "+ -|3", "= 2|4"}));
    QCOMPARE(diff.changeCount(), 1);
    // The old side shows filler rows opposite the insertion, numbered only where it has lines.
    QCOMPARE(paneLines(diff.oldPane()), QStringList({"a", "", "", "d"}));
    QCOMPARE(paneLines(diff.newPane()), QStringList({"a", "b", "c", "d"}));
    QCOMPARE(gutterNumbers(diff.oldPane()), QList<int>({1, 0, 0, 2}));
    QCOMPARE(gutterNumbers(diff.newPane()), QList<int>({1, 2, 3, 4}));
}

void TestSideBySideDiff::deletedBlock()
{
    SideBySideDiff diff;
    diff.setTexts(QStringLiteral("a\nb\nc\nd\n"), QStringLiteral("a\nd\n"), QStringLiteral("old"), QStringLiteral("new"),
                  QStringLiteral("x.txt"));
    QCOMPARE(describe(diff.rows()), QStringList({"= 1|1", "- 2|-", "- 3|-", "= 4|2"}));
    QCOMPARE(paneLines(diff.oldPane()), QStringList({"a", "b", "c", "d"}));
    QCOMPARE(paneLines(diff.newPane()), QStringList({"a", "", "", "d"}));
    QCOMPARE(gutterNumbers(diff.newPane()), QList<int>({1, 0, 0, 2}));
}

void TestSideBySideDiff::movedLine()
{
    // "b" moves below "d": a deletion and an insertion, two changes, each facing a filler row.
    const SideBySideRows rows(QStringLiteral("a\nb\nc\nd\ne\n"), QStringLiteral("a\nc\nd\nb\ne\n"));
    QCOMPARE(describe(rows.rows()), QStringList({"= 1|1", "- 2|-", "= 3|2", "= 4|3", "+ -|4", "= 5|5"}));
    QCOMPARE(rows.changeCount(), 2);
    QCOMPARE(rows.rows().at(1).oldText, QStringLiteral("b"));
    QCOMPARE(rows.rows().at(4).newText, QStringLiteral("b"));
}

void TestSideBySideDiff::similarLinesPairedAcrossOthers()
{
    // A changed line is paired with its new version, not with an unrelated line before it.
    const SideBySideRows rows(QStringLiteral("replicas: 2\nname: api\nport: 80\n"), QStringLiteral("name: web\n"));
    QCOMPARE(describe(rows.rows()), QStringList({"- 1|-", "~ 2|1", "- 3|-"}));
    QCOMPARE(rows.changeCount(), 1);
    QCOMPARE(rows.rowsOfChange(0), qMakePair(0, 2));
    // Unrelated lines between two paired ones still face each other.
    // Between about equally alike lines, the one at the same position wins.
    const SideBySideRows resources(QStringLiteral("cpu: 500m\nmemory: 512Mi\nlimits:\ncpu: \"1\"\n"),
                                   QStringLiteral("cpu: 750m\n"));
    QCOMPARE(describe(resources.rows()), QStringList({"~ 1|1", "- 2|-", "- 3|-", "- 4|-"}));
    const SideBySideRows replaced(QStringLiteral("x: 1\nfoo\ny: 1\n"), QStringLiteral("x: 2\nbar\ny: 2\n"));
    QCOMPARE(describe(replaced.rows()), QStringList({"~ 1|1", "~ 2|2", "~ 3|3"}));
}

void TestSideBySideDiff::goldenRows_data()
{
    QTest::addColumn<QString>("oldFile");
    QTest::addColumn<QString>("newFile");
    QTest::addColumn<QString>("rowsFile");
    const QDir dir(QStringLiteral(STUDIO_TEST_DATA_DIR "/data/sidebyside"));
    const QStringList olds = dir.entryList({QStringLiteral("*.old.*")}, QDir::Files, QDir::Name);
    QVERIFY(!olds.isEmpty());
    for (const QString &oldFile : olds) {
        const QString name = oldFile.section(u'.', 0, 0);
        QTest::newRow(qPrintable(name)) << oldFile << QString(oldFile).replace(QStringLiteral(".old."), QStringLiteral(".new."))
                                        << name + QStringLiteral(".rows");
    }
}

void TestSideBySideDiff::goldenRows()
{
    QFETCH(QString, oldFile);
    QFETCH(QString, newFile);
    QFETCH(QString, rowsFile);
    const SideBySideRows rows(readData(oldFile), readData(newFile));
    const QString actual = goldenText(rows.rows());
    if (qEnvironmentVariableIsSet("STUDIO_UPDATE_GOLDEN")) {
        QFile file(QStringLiteral(STUDIO_TEST_DATA_DIR "/data/sidebyside/") + rowsFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(actual.toUtf8());
    }
    QCOMPARE(actual, readData(rowsFile));
    // Expanded, every line of both texts appears once, in order.
    SideBySideRows expanded = rows;
    expanded.expandAll();
    QStringList oldLines;
    QStringList newLines;
    for (const Row &row : expanded.rows()) {
        if (row.hasOld())
            oldLines << row.oldText;
        if (row.hasNew())
            newLines << row.newText;
    }
    QCOMPARE(oldLines.join(u'\n') + u'\n', readData(oldFile));
    QCOMPARE(newLines.join(u'\n') + u'\n', readData(newFile));
}

void TestSideBySideDiff::intraLineSegmentsMarkExactlyTheChangedCharacters()
{
    const QString oldLine = QStringLiteral("tag: 1.7.2");
    const QString newLine = QStringLiteral("tag: 1.8.0");
    const auto [oldSegments, newSegments] = SideBySideRows::intraLineSegments(oldLine, newLine);
    QCOMPARE(oldSegments, Segments({Segment{7, 1}, Segment{9, 1}}));
    QCOMPARE(newSegments, Segments({Segment{7, 1}, Segment{9, 1}}));
    QCOMPARE(oldLine.mid(7, 1) + oldLine.mid(9, 1), QStringLiteral("72"));
    QCOMPARE(newLine.mid(7, 1) + newLine.mid(9, 1), QStringLiteral("80"));

    // The same through the rows of a file.
    const SideBySideRows rows(QStringLiteral("image:\n  tag: 1.7.2\n"), QStringLiteral("image:\n  tag: 1.8.0\n"));
    const Row &changed = rows.rows().at(1);
    QCOMPARE(changed.kind, Kind::Changed);
    QCOMPARE(changed.oldSegments, Segments({Segment{9, 1}, Segment{11, 1}}));
    QCOMPARE(changed.newSegments, Segments({Segment{9, 1}, Segment{11, 1}}));
}

void TestSideBySideDiff::intraLineSegmentsWholeWords()
{
    // Words are compared whole: "512Mi" → "1Gi" is one change, not a scatter of characters.
    auto [oldSegments, newSegments] = SideBySideRows::intraLineSegments(QStringLiteral("    memory: 512Mi"),
                                                                        QStringLiteral("    memory: 1Gi"));
    QCOMPARE(oldSegments, Segments({Segment{12, 5}}));
    QCOMPARE(newSegments, Segments({Segment{12, 3}}));
    // An insertion marks only the new side.
    std::tie(oldSegments, newSegments) = SideBySideRows::intraLineSegments(QStringLiteral("args: [a]"),
                                                                           QStringLiteral("args: [a, b]"));
    QCOMPARE(oldSegments, Segments());
    QCOMPARE(newSegments, Segments({Segment{8, 3}}));
    // Changed words separated only by blanks are one segment.
    std::tie(oldSegments, newSegments) = SideBySideRows::intraLineSegments(QStringLiteral("say hello world!"),
                                                                           QStringLiteral("say goodbye moon!"));
    QCOMPARE(oldSegments, Segments({Segment{4, 11}}));
    QCOMPARE(newSegments, Segments({Segment{4, 12}}));
}

void TestSideBySideDiff::lineBreakCharactersInsideALineKeepRowsAligned()
{
    SideBySideDiff diff;
    diff.setTexts(QStringLiteral("a\rb\nc\n"), QStringLiteral("a\rB\nc\u2028d\n"), QStringLiteral("old"),
                  QStringLiteral("new"), QStringLiteral("x.txt"));
    QCOMPARE(describe(diff.rows()), QStringList({"~ 1|1", "~ 2|2"}));
    QCOMPARE(paneLines(diff.oldPane()), QStringList({"a\u240Db", "c"}));
    QCOMPARE(paneLines(diff.newPane()), QStringList({"a\u240DB", "c\u2424d"}));
}

void TestSideBySideDiff::emptyTexts()
{
    SideBySideDiff diff;
    diff.setTexts(QString(), QString(), QStringLiteral("old"), QStringLiteral("new"), QStringLiteral("x.yaml"));
    QCOMPARE(diff.rows().size(), 0);
    QCOMPARE(diff.changeCount(), 0);
    diff.setTexts(QString(), QStringLiteral("a: 1\n"), QStringLiteral("old"), QStringLiteral("new"), QStringLiteral("x.yaml"));
    QCOMPARE(describe(diff.rows()), QStringList({"+ -|1"}));
    QVERIFY(diff.nextChange());
    QVERIFY(!diff.nextChange());
}

void TestSideBySideDiff::identicalTextsHaveNoChanges()
{
    SideBySideDiff diff;
    const QString text = largeFile().first;
    diff.setTexts(text, text, QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("values.yaml"));
    QCOMPARE(diff.changeCount(), 0);
    QCOMPARE(diff.rows().size(), 2000); // nothing to give context to, so nothing is folded
    QVERIFY(!diff.nextChange());
    QVERIFY(!diff.previousChange());
    QCOMPARE(diff.currentChange(), -1);
    QCOMPARE(diff.findChild<QLabel *>(QStringLiteral("changeCountLabel"))->text(), QStringLiteral("No changes"));
}

void TestSideBySideDiff::largeFileFoldsAndExpandsAll()
{
    SideBySideDiff diff;
    const auto [oldText, newText] = largeFile();
    diff.setTexts(oldText, newText, QStringLiteral("HEAD"), QStringLiteral("working tree"), QStringLiteral("values.yaml"));
    QCOMPARE(diff.changeCount(), 2);
    // Fold, 3 lines of context, the change, 3 lines, fold, 3 lines, the change, 3 lines, fold.
    QCOMPARE(describe(diff.rows()),
             QStringList({"fold 1|1 x496", "= 497|497", "= 498|498", "= 499|499", "~ 500|500", "= 501|501", "= 502|502",
                          "= 503|503", "fold 504|504 x993", "= 1497|1497", "= 1498|1498", "= 1499|1499",
                          "~ 1500|1500", "= 1501|1501", "= 1502|1502", "= 1503|1503", "fold 1504|1504 x497"}));
    QCOMPARE(diff.oldPane()->document()->blockCount(), 17);
    QCOMPARE(diff.newPane()->document()->blockCount(), 17);
    QCOMPARE(gutterNumbers(diff.newPane()).mid(3, 3), QList<int>({499, 500, 501}));
    QCOMPARE(diff.findChild<QLabel *>(QStringLiteral("changeCountLabel"))->text(), QStringLiteral("2 changes"));

    diff.expandAll();
    QCOMPARE(diff.rows().size(), 2000);
    QCOMPARE(countKind(diff.rows(), Kind::Folded), 0);
    QCOMPARE(countKind(diff.rows(), Kind::Changed), 2);
    QCOMPARE(diff.oldPane()->document()->blockCount(), 2000);
    QCOMPARE(paneLines(diff.newPane()).at(499), QStringLiteral("key500: changed 500"));
    QCOMPARE(gutterNumbers(diff.oldPane()).last(), 2000);
    QCOMPARE(diff.model().rowsOfChange(1), qMakePair(1499, 1499));
}

void TestSideBySideDiff::clickingAFoldExpandsIt()
{
    SideBySideDiff diff;
    const auto [oldText, newText] = largeFile();
    diff.setTexts(oldText, newText, QStringLiteral("HEAD"), QStringLiteral("working tree"), QStringLiteral("values.yaml"));
    diff.resize(1000, 600);
    diff.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diff));

    // The middle fold (row 8), clicked in the new pane.
    DiffPane *pane = diff.newPane();
    const QRect rect = pane->cursorRect(QTextCursor(pane->document()->findBlockByNumber(8)));
    QCOMPARE(pane->rowAt(rect.center()), 8);
    QTest::mouseClick(pane->viewport(), Qt::LeftButton, {}, QPoint(pane->viewport()->width() / 2, rect.center().y()));
    QCOMPARE(diff.rows().size(), 17 - 1 + 993);
    QCOMPARE(countKind(diff.rows(), Kind::Folded), 2);
    QCOMPARE(describe(diff.rows()).mid(7, 3), QStringList({"= 503|503", "= 504|504", "= 505|505"}));
    QCOMPARE(diff.oldPane()->document()->blockCount(), diff.rows().size());
    QCOMPARE(diff.model().rowsOfChange(1), qMakePair(1004, 1004));
    QVERIFY(!diff.expandFold(9)); // no longer a fold
}

void TestSideBySideDiff::nextAndPreviousVisitChangesInOrder()
{
    SideBySideDiff diff;
    const auto [oldText, newText] = largeFile();
    diff.setTexts(oldText, newText, QStringLiteral("HEAD"), QStringLiteral("working tree"), QStringLiteral("values.yaml"));
    diff.expandAll(); // so that going to a change has to scroll
    diff.resize(1000, 500);
    diff.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diff));
    QSignalSpy spy(&diff, &SideBySideDiff::currentChangeChanged);
    auto *label = diff.findChild<QLabel *>(QStringLiteral("changeCountLabel"));

    QCOMPARE(diff.currentChange(), -1);
    QVERIFY(!diff.previousChange());
    QVERIFY(diff.nextChange());
    QCOMPARE(diff.currentChange(), 0);
    QVERIFY(rowVisible(diff.newPane(), 499));
    QVERIFY(rowVisible(diff.oldPane(), 499));
    QCOMPARE(label->text(), QStringLiteral("1 of 2 changes"));
    QVERIFY(diff.nextChange());
    QCOMPARE(diff.currentChange(), 1);
    QVERIFY(rowVisible(diff.newPane(), 1499));
    QVERIFY(!rowVisible(diff.newPane(), 499));
    QVERIFY(!diff.nextChange()); // the last change: stays
    QCOMPARE(diff.currentChange(), 1);
    QVERIFY(diff.previousChange());
    QCOMPARE(diff.currentChange(), 0);
    QVERIFY(rowVisible(diff.oldPane(), 499));
    QVERIFY(!diff.previousChange()); // the first change: stays
    QCOMPARE(diff.currentChange(), 0);
    QCOMPARE(label->text(), QStringLiteral("1 of 2 changes"));
    QCOMPARE(spy.size(), 3);
    QCOMPARE(spy.at(2).at(0).toInt(), 0);
}

void TestSideBySideDiff::keyboardShortcutsNavigate()
{
    SideBySideDiff diff;
    const auto [oldText, newText] = largeFile();
    diff.setTexts(oldText, newText, QStringLiteral("HEAD"), QStringLiteral("working tree"), QStringLiteral("values.yaml"));
    diff.resize(1000, 500);
    diff.show();
    diff.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&diff));
    diff.newPane()->setFocus();

    QTest::keyClick(diff.newPane(), Qt::Key_F7);
    QCOMPARE(diff.currentChange(), 0);
    QTest::keyClick(diff.newPane(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(diff.currentChange(), 1);
    QTest::keyClick(diff.oldPane(), Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(diff.currentChange(), 0);
    QTest::keyClick(diff.oldPane(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(diff.currentChange(), 0);
}

void TestSideBySideDiff::panesScrollTogether()
{
    SideBySideDiff diff;
    auto [oldText, newText] = largeFile();
    // One long line on the old side only: both panes still scroll horizontally over one range.
    oldText.replace(QStringLiteral("key10: value 10\n"), QStringLiteral("key10: %1\n").arg(QString(400, u'x')));
    diff.setTexts(oldText, newText, QStringLiteral("HEAD"), QStringLiteral("working tree"), QStringLiteral("values.yaml"));
    diff.expandAll();
    diff.resize(900, 400);
    diff.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diff));
    QScrollBar *oldVertical = diff.oldPane()->verticalScrollBar();
    QScrollBar *newVertical = diff.newPane()->verticalScrollBar();
    QCOMPARE(oldVertical->maximum(), newVertical->maximum());

    oldVertical->setValue(300);
    QCOMPARE(newVertical->value(), 300);
    newVertical->setValue(1200);
    QCOMPARE(oldVertical->value(), 1200);
    QCOMPARE(diff.oldPane()->rowAt(QPoint(2, 2)), 1200);
    QCOMPARE(diff.newPane()->rowAt(QPoint(2, 2)), 1200);

    QScrollBar *oldHorizontal = diff.oldPane()->horizontalScrollBar();
    QScrollBar *newHorizontal = diff.newPane()->horizontalScrollBar();
    QVERIFY(oldHorizontal->maximum() > 200);
    QCOMPARE(newHorizontal->maximum(), oldHorizontal->maximum());
    newHorizontal->setValue(200);
    QCOMPARE(oldHorizontal->value(), 200);
    oldHorizontal->setValue(oldHorizontal->maximum());
    QCOMPARE(newHorizontal->value(), newHorizontal->maximum());
    QCOMPARE(diff.oldPane()->viewport()->height(), diff.newPane()->viewport()->height());
}

void TestSideBySideDiff::screenshotOfHelmValuesDiff()
{
    SideBySideDiff diff;
    diff.setTexts(readData(QStringLiteral("values-prod.old.yaml")), readData(QStringLiteral("values-prod.new.yaml")), QStringLiteral("charts/tunemantra/values-prod.yaml — main (a1c9e04)"),
                  QStringLiteral("charts/tunemantra/values-prod.yaml — working tree"), QStringLiteral("values-prod.yaml"));
    diff.resize(1200, 640);
    diff.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diff));
    QVERIFY(diff.nextChange());
    QCOMPARE(diff.changeCount(), 3); // the tag, the requests, the limits
    QCOMPARE(countKind(diff.rows(), Kind::Folded), 2);

    // The tag row: soft red and green line tints, the changed characters in stronger ones.
    const int tagRow = diff.model().rowsOfChange(0).first;
    QCOMPARE(diff.rows().at(tagRow).oldText, QStringLiteral("  tag: 1.7.2"));
    const DiffColours colours = DiffColours::forPalette(diff.palette());
    QTextCursor oldCursor(diff.oldPane()->document()->findBlockByNumber(tagRow));
    oldCursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 10); // after "  tag: 1.7"
    QCOMPARE(oldCursor.charFormat().background().color(), colours.deletedWord);
    oldCursor.movePosition(QTextCursor::Left); // after "  tag: 1."
    QCOMPARE(oldCursor.charFormat().background().style(), Qt::NoBrush); // unchanged: no highlight

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sidebyside.png"));
    const QPixmap shot = diff.grab();
    QVERIFY(shot.save(path));
    const QString keep = qEnvironmentVariable("STUDIO_SCREENSHOT_DIR");
    if (!keep.isEmpty())
        QVERIFY(shot.save(QDir(keep).filePath(QStringLiteral("sidebyside.png"))));

    const QImage image(path);
    QVERIFY(!image.isNull());
    const auto pixelRight = [&](DiffPane *pane, int row) {
        const QRect rect = pane->cursorRect(QTextCursor(pane->document()->findBlockByNumber(row)));
        const QPoint inPane(pane->viewport()->width() - 4, rect.center().y());
        return image.pixelColor(pane->viewport()->mapTo(&diff, inPane) * shot.devicePixelRatio());
    };
    QCOMPARE(pixelRight(diff.oldPane(), tagRow), colours.deletedLine);
    QCOMPARE(pixelRight(diff.newPane(), tagRow), colours.insertedLine);
    QCOMPARE(pixelRight(diff.newPane(), 0), diff.newPane()->palette().color(QPalette::Base));

    // A template diff with a removed block and long lines, for a look.
    diff.setTexts(readData(QStringLiteral("deployment.old.yaml")), readData(QStringLiteral("deployment.new.yaml")),
                  QStringLiteral("templates/deployment.yaml — main"), QStringLiteral("templates/deployment.yaml — working tree"),
                  QStringLiteral("deployment.yaml"));
    const QPixmap templateShot = diff.grab();
    QVERIFY(templateShot.save(dir.filePath(QStringLiteral("sidebyside-deployment.png"))));
    if (!keep.isEmpty())
        QVERIFY(templateShot.save(QDir(keep).filePath(QStringLiteral("sidebyside-deployment.png"))));
}

QTEST_MAIN(TestSideBySideDiff)
#include "tst_sidebysidediff.moc"
