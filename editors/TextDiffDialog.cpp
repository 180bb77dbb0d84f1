// SPDX-License-Identifier: MIT
#include "TextDiffDialog.h"

#include "diff/LineDiff.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QSyntaxHighlighter>
#include <QVBoxLayout>

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
        if (text.startsWith(u'+') && !text.startsWith(QStringLiteral("+++")))
            format.setBackground(QColor(0xe6, 0xff, 0xec));
        else if (text.startsWith(u'-') && !text.startsWith(QStringLiteral("---")))
            format.setBackground(QColor(0xff, 0xeb, 0xe9));
        else if (text.startsWith(QStringLiteral("@@")))
            format.setForeground(QColor(0x6f, 0x42, 0xc1));
        else
            return;
        setFormat(0, int(text.size()), format);
    }
};

} // namespace

TextDiffDialog::TextDiffDialog(const QString &title, const QString &oldText, const QString &newText,
                               const QString &oldName, const QString &newName, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *view = new QPlainTextEdit(this);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QString diff = LineDiff::unified(oldText, newText, oldName, newName);
    view->setPlainText(diff.isEmpty() ? QStringLiteral("The texts are identical.") : diff);
    new UnifiedDiffHighlighter(view->document());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(view);
    layout->addWidget(buttons);
    resize(900, 600);
}

} // namespace studio
