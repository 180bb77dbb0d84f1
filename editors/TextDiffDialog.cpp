// SPDX-License-Identifier: MIT
#include "TextDiffDialog.h"

#include "UnifiedDiffView.h"

#include "diff/LineDiff.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

namespace studio {


TextDiffDialog::TextDiffDialog(const QString &title, const QString &oldText, const QString &newText,
                               const QString &oldName, const QString &newName, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *view = new UnifiedDiffView(this);
    view->setDiff(LineDiff::unified(oldText, newText, oldName, newName), QStringLiteral("The texts are identical."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(view);
    layout->addWidget(buttons);
    resize(900, 600);
}

} // namespace studio
