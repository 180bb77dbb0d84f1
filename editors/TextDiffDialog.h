// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

namespace studio {

/// Shows the line differences between two versions of a text (e.g. the file on disk and the
/// editor's unsaved buffer) as a coloured unified diff.
class TextDiffDialog : public QDialog
{
    Q_OBJECT

public:
    TextDiffDialog(const QString &title, const QString &oldText, const QString &newText, const QString &oldName,
                   const QString &newName, QWidget *parent = nullptr);
};

} // namespace studio
