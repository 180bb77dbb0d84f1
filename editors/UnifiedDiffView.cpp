// SPDX-License-Identifier: MIT
#include "UnifiedDiffView.h"

#include <QFontDatabase>
#include <QSyntaxHighlighter>

namespace studio {

namespace {

class UnifiedDiffHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        QTextCharFormat format;
        if (text.startsWith(QStringLiteral("+++")) || text.startsWith(QStringLiteral("---"))) {
            format.setFontWeight(QFont::Bold);
        } else if (text.startsWith(u'+')) {
            format.setBackground(QColor(0xe6, 0xff, 0xec));
        } else if (text.startsWith(u'-')) {
            format.setBackground(QColor(0xff, 0xeb, 0xe9));
        } else if (text.startsWith(QStringLiteral("@@"))) {
            format.setForeground(QColor(0x6f, 0x42, 0xc1));
        } else {
            return;
        }
        setFormat(0, int(text.size()), format);
    }
};

} // namespace

UnifiedDiffView::UnifiedDiffView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new UnifiedDiffHighlighter(document());
}

void UnifiedDiffView::setDiff(const QString &diff, const QString &emptyText)
{
    setPlainText(diff.isEmpty() ? emptyText : diff);
}

} // namespace studio
