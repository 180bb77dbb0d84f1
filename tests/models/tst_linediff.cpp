// SPDX-License-Identifier: MIT
// LineDiff: the edit script rebuilds both texts and is as short as possible (checked against a plain
// LCS table on random texts), unified output matches git's hunk format, and huge differences stay
// within memory.

#include "diff/LineDiff.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace studio;

namespace {

int lcsLength(const QStringList &a, const QStringList &b)
{
    std::vector<std::vector<int>> t(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1), 0));
    for (qsizetype i = a.size() - 1; i >= 0; --i)
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            t[size_t(i)][size_t(j)] = a[i] == b[j] ? t[size_t(i + 1)][size_t(j + 1)] + 1
                                                   : std::max(t[size_t(i + 1)][size_t(j)], t[size_t(i)][size_t(j + 1)]);
    return t[0][0];
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private slots:
    void editScriptIsMinimalAndRebuildsBothTexts()
    {
        QRandomGenerator random(7);
        for (int round = 0; round < 300; ++round) {
            QStringList a;
            QStringList b;
            const int n = int(random.bounded(30));
            const int m = int(random.bounded(30));
            for (int i = 0; i < n; ++i)
                a << QString(QChar(u'a' + random.bounded(5)));
            for (int i = 0; i < m; ++i)
                b << QString(QChar(u'a' + random.bounded(5)));
            const QList<LineDiff::Line> lines = LineDiff::compute(a, b);
            QStringList oldSide;
            QStringList newSide;
            int equal = 0;
            for (const LineDiff::Line &line : lines) {
                if (line.op != LineDiff::Op::Insert)
                    oldSide << line.text;
                if (line.op != LineDiff::Op::Delete)
                    newSide << line.text;
                equal += line.op == LineDiff::Op::Equal;
            }
            QCOMPARE(oldSide, a);
            QCOMPARE(newSide, b);
            QCOMPARE(equal, lcsLength(a, b));
        }
    }

    void unifiedLooksLikeGit()
    {
        const QString before = QStringLiteral("a\nb\nc\nd\ne\nf\ng\nh\n");
        const QString after = QStringLiteral("a\nb\nc\nD\ne\nf\ng\nh\n");
        QCOMPARE(LineDiff::unified(before, after, QStringLiteral("a/x"), QStringLiteral("b/x")),
                 QStringLiteral("--- a/x\n+++ b/x\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"));
        QCOMPARE(LineDiff::stat(before, after), qMakePair(1, 1));
        QCOMPARE(LineDiff::unified(before, before, QStringLiteral("a"), QStringLiteral("b")), QString());
    }

    void completelyDifferentLargeTextsStayBounded()
    {
        QStringList a;
        QStringList b;
        for (int i = 0; i < 60000; ++i) {
            a << QStringLiteral("old %1").arg(i);
            b << QStringLiteral("new %1").arg(i);
        }
        const QList<LineDiff::Line> lines = LineDiff::compute(a, b);
        QCOMPARE(lines.size(), 120000);
        QCOMPARE(LineDiff::stat(a.join(u'\n'), b.join(u'\n')), qMakePair(60000, 60000));
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
