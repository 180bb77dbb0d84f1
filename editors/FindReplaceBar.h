// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace studio {

/// Find and replace in one editor: next/previous (wrapping), case sensitivity, replace, replace all.
class FindReplaceBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindReplaceBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    /// Shows the bar with the editor's selection as the search text; `replace` also shows the replace row.
    void activate(bool replace);
    bool findNext(bool backwards = false);
    /// Replaces the current match (if it is selected) and moves to the next one.
    void replaceCurrent();
    /// Replaces every match in one undoable step; returns how many.
    int replaceAll();

    void setFindText(const QString &text);
    void setReplaceText(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool selectionMatches() const;

    QPlainTextEdit *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_caseSensitive;
    QLabel *m_status;
    QWidget *m_replaceRow;
};

} // namespace studio
