// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QWidget;

namespace studio {

/// The questions the main window asks the user. The default asks with message boxes; tests install
/// scripted answers.
class UserPrompts
{
public:
    enum class UnsavedChoice { Save, Discard, Cancel };

    virtual ~UserPrompts() = default;
    /// Files with unsaved changes are about to be closed.
    virtual UnsavedChoice askUnsaved(QWidget *parent, const QStringList &files);
    /// Unsaved edits of these files were recovered from a previous session: restore them?
    virtual bool askRecover(QWidget *parent, const QStringList &files);
};

} // namespace studio
