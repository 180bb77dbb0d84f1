// SPDX-License-Identifier: MIT
#include "UserPrompts.h"

#include <QMessageBox>
#include <QPushButton>

namespace studio {

UserPrompts::UnsavedChoice UserPrompts::askUnsaved(QWidget *parent, const QStringList &files)
{
    QMessageBox box(QMessageBox::Warning, QStringLiteral("Unsaved Changes"),
                    files.size() == 1 ? QStringLiteral("Save the changes to %1?").arg(files.front())
                                      : QStringLiteral("Save the changes to %1 files?").arg(files.size()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setInformativeText(files.size() > 1 ? files.join(u'\n')
                                            : QStringLiteral("Your changes are lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return UnsavedChoice::Save;
    case QMessageBox::Discard:
        return UnsavedChoice::Discard;
    default:
        return UnsavedChoice::Cancel;
    }
}

bool UserPrompts::askRecover(QWidget *parent, const QStringList &files)
{
    QMessageBox box(QMessageBox::Question, QStringLiteral("Recover Unsaved Changes"),
                    QStringLiteral("Deploy Studio closed before these edits were saved. Restore them?"),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(files.join(u'\n'));
    QPushButton *restore = box.addButton(QStringLiteral("Restore"), QMessageBox::AcceptRole);
    box.addButton(QStringLiteral("Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() == static_cast<QAbstractButton *>(restore);
}

} // namespace studio
