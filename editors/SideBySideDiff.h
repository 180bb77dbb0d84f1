// SPDX-License-Identifier: MIT
#pragma once

#include "diff/SideBySideRows.h"

#include <QWidget>

class QAction;
class QLabel;

namespace studio {

class DiffPane;

/// Two versions of a file side by side, as a diff tool shows them: aligned rows with filler rows
/// facing additions, removed lines red and added lines green with the changed words marked,
/// synchronised scrolling, folded unchanged regions that expand on click, and next/previous
/// change navigation (F7 / Shift+F7, Alt+Down / Alt+Up). The rows come from SideBySideRows.
class SideBySideDiff : public QWidget
{
    Q_OBJECT

public:
    explicit SideBySideDiff(QWidget *parent = nullptr);

    /// Shows the difference of two texts; `fileName` picks the syntax highlighting.
    void setTexts(const QString &oldText, const QString &newText, const QString &oldTitle, const QString &newTitle,
                  const QString &fileName);

    const SideBySideRows &model() const { return m_model; }
    /// The rows on screen, folded regions as one Folded row each.
    const QList<SideBySideRows::Row> &rows() const { return m_model.rows(); }
    DiffPane *oldPane() const { return m_oldPane; }
    DiffPane *newPane() const { return m_newPane; }

    int changeCount() const { return m_model.changeCount(); }
    /// The change last navigated to or clicked, -1 before that.
    int currentChange() const { return m_current; }
    /// Moves to the following / preceding change and scrolls it into view; false (and no move)
    /// at the last / first change.
    bool nextChange();
    bool previousChange();
    bool goToChange(int change);

    /// Expands the folded row at `row`, keeping the scroll position; false if it is not folded.
    bool expandFold(int row);
    void expandAll();

signals:
    void currentChangeChanged(int change);

private:
    void render();
    void setCurrent(int change);
    void updateNavigation();
    void matchHorizontalScrollBars();

    SideBySideRows m_model;
    QString m_fileName;
    int m_current = -1;
    DiffPane *m_oldPane;
    DiffPane *m_newPane;
    QLabel *m_oldTitle;
    QLabel *m_newTitle;
    QLabel *m_changeLabel;
    QAction *m_previousAction;
    QAction *m_nextAction;
    QAction *m_expandAllAction;
};

} // namespace studio
