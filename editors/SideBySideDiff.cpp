// SPDX-License-Identifier: MIT
#include "SideBySideDiff.h"

#include "DiffPane.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QToolBar>
#include <QVBoxLayout>

namespace studio {

namespace {

/// A pane under a header with its title, marked − or + in the side's colour.
QWidget *paneColumn(DiffPane *pane, QLabel *title, QWidget *parent)
{
    const DiffColours colours = DiffColours::forPalette(parent->palette());
    const bool old = pane->side() == DiffPane::Side::Old;
    auto *marker = new QLabel(old ? QStringLiteral("−") : QStringLiteral("+"));
    marker->setAlignment(Qt::AlignCenter);
    marker->setFixedWidth(marker->fontMetrics().horizontalAdvance(u'M') * 2);
    marker->setStyleSheet(QStringLiteral("background-color: %1; font-weight: bold;")
                              .arg((old ? colours.deletedGutter : colours.insertedGutter).name()));

    title->setTextFormat(Qt::PlainText);
    title->setMinimumWidth(1); // long titles are cut, not widening the pane
    title->setContentsMargins(6, 3, 6, 3);

    auto *header = new QWidget;
    header->setAutoFillBackground(true);
    header->setBackgroundRole(QPalette::AlternateBase);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->setSpacing(0);
    headerLayout->addWidget(marker);
    headerLayout->addWidget(title, 1);

    auto *column = new QWidget(parent);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(pane, 1);
    return column;
}

} // namespace

SideBySideDiff::SideBySideDiff(QWidget *parent)
    : QWidget(parent)
    , m_oldPane(new DiffPane(DiffPane::Side::Old))
    , m_newPane(new DiffPane(DiffPane::Side::New))
    , m_oldTitle(new QLabel)
    , m_newTitle(new QLabel)
    , m_changeLabel(new QLabel)
{
    m_oldPane->setObjectName(QStringLiteral("oldPane"));
    m_newPane->setObjectName(QStringLiteral("newPane"));
    m_changeLabel->setObjectName(QStringLiteral("changeCountLabel"));

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(16, 16));
    m_previousAction = new QAction(style()->standardIcon(QStyle::SP_ArrowUp), tr("Previous"), this);
    m_previousAction->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_F7), QKeySequence(Qt::ALT | Qt::Key_Up)});
    m_previousAction->setToolTip(tr("Previous change (Shift+F7, Alt+Up)"));
    m_nextAction = new QAction(style()->standardIcon(QStyle::SP_ArrowDown), tr("Next"), this);
    m_nextAction->setShortcuts({QKeySequence(Qt::Key_F7), QKeySequence(Qt::ALT | Qt::Key_Down)});
    m_nextAction->setToolTip(tr("Next change (F7, Alt+Down)"));
    m_expandAllAction = new QAction(tr("Expand All"), this);
    m_expandAllAction->setToolTip(tr("Show the folded unchanged lines"));
    for (QAction *action : {m_previousAction, m_nextAction}) {
        // Active wherever the focus is inside the diff, not only on the toolbar.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_previousAction, &QAction::triggered, this, &SideBySideDiff::previousChange);
    connect(m_nextAction, &QAction::triggered, this, &SideBySideDiff::nextChange);
    connect(m_expandAllAction, &QAction::triggered, this, &SideBySideDiff::expandAll);
    toolBar->addAction(m_previousAction);
    toolBar->addAction(m_nextAction);
    toolBar->addSeparator();
    m_changeLabel->setContentsMargins(6, 0, 6, 0);
    // Wide enough for any count, so the toolbar does not shift while navigating.
    m_changeLabel->setMinimumWidth(m_changeLabel->fontMetrics().horizontalAdvance(tr("888 of 888 changes")) + 12);
    toolBar->addWidget(m_changeLabel);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_expandAllAction);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(paneColumn(m_oldPane, m_oldTitle, splitter));
    splitter->addWidget(paneColumn(m_newPane, m_newTitle, splitter));
    splitter->setSizes({1, 1});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(splitter, 1);

    // Both panes have one text line per row, so equal scroll values show the same rows.
    for (auto [from, to] : {std::pair{m_oldPane, m_newPane}, std::pair{m_newPane, m_oldPane}}) {
        connect(from->verticalScrollBar(), &QScrollBar::valueChanged, to->verticalScrollBar(), &QScrollBar::setValue);
        connect(from->horizontalScrollBar(), &QScrollBar::valueChanged, to->horizontalScrollBar(), &QScrollBar::setValue);
        connect(from->horizontalScrollBar(), &QScrollBar::rangeChanged, this, &SideBySideDiff::matchHorizontalScrollBars);
        connect(from, &DiffPane::foldClicked, this, &SideBySideDiff::expandFold);
        connect(from, &DiffPane::rowClicked, this, [this](int row) {
            if (row >= 0 && row < rows().size() && rows().at(row).change >= 0)
                setCurrent(rows().at(row).change);
        });
    }
    updateNavigation();
}

void SideBySideDiff::setTexts(const QString &oldText, const QString &newText, const QString &oldTitle,
                              const QString &newTitle, const QString &fileName)
{
    m_model = SideBySideRows(oldText, newText);
    m_fileName = fileName;
    m_current = -1;
    m_oldTitle->setText(oldTitle);
    m_oldTitle->setToolTip(oldTitle);
    m_newTitle->setText(newTitle);
    m_newTitle->setToolTip(newTitle);
    render();
    m_oldPane->verticalScrollBar()->setValue(0);
    m_oldPane->horizontalScrollBar()->setValue(0);
    updateNavigation();
    emit currentChangeChanged(m_current);
}

void SideBySideDiff::render()
{
    const int vertical = m_oldPane->verticalScrollBar()->value();
    const int horizontal = m_oldPane->horizontalScrollBar()->value();
    m_oldPane->showRows(m_model.rows(), m_fileName);
    m_newPane->showRows(m_model.rows(), m_fileName);
    const int width = qMax(m_oldPane->naturalWidth(), m_newPane->naturalWidth());
    m_oldPane->setMinimumDocumentWidth(width);
    m_newPane->setMinimumDocumentWidth(width);
    const auto [first, last] = m_model.rowsOfChange(m_current);
    m_oldPane->setCurrentRows(first, last);
    m_newPane->setCurrentRows(first, last);
    m_oldPane->verticalScrollBar()->setValue(vertical);
    m_oldPane->horizontalScrollBar()->setValue(horizontal);
}

bool SideBySideDiff::nextChange()
{
    return m_current + 1 < changeCount() && goToChange(m_current + 1);
}

bool SideBySideDiff::previousChange()
{
    return m_current > 0 && goToChange(m_current - 1);
}

bool SideBySideDiff::goToChange(int change)
{
    if (change < 0 || change >= changeCount())
        return false;
    setCurrent(change);
    const auto [first, last] = m_model.rowsOfChange(change);
    // The change a third down the view, so the lines before it give context.
    const int visible = m_newPane->visibleRowCount();
    const int rowsInChange = last - first + 1;
    const int top = rowsInChange >= visible ? first : qMax(0, first - qMin(visible / 3, visible - rowsInChange));
    for (DiffPane *pane : {m_oldPane, m_newPane}) {
        QTextCursor cursor(pane->document()->findBlockByNumber(first));
        pane->setTextCursor(cursor);
    }
    m_newPane->verticalScrollBar()->setValue(top);
    m_newPane->horizontalScrollBar()->setValue(0);
    return true;
}

void SideBySideDiff::setCurrent(int change)
{
    if (change == m_current)
        return;
    m_current = change;
    const auto [first, last] = m_model.rowsOfChange(change);
    m_oldPane->setCurrentRows(first, last);
    m_newPane->setCurrentRows(first, last);
    updateNavigation();
    emit currentChangeChanged(change);
}

bool SideBySideDiff::expandFold(int row)
{
    if (!m_model.expand(row))
        return false;
    render();
    updateNavigation();
    return true;
}

void SideBySideDiff::expandAll()
{
    if (!m_model.hasFolds())
        return;
    m_model.expandAll();
    render();
    updateNavigation();
}

void SideBySideDiff::updateNavigation()
{
    const int count = changeCount();
    m_previousAction->setEnabled(m_current > 0);
    m_nextAction->setEnabled(m_current + 1 < count);
    m_expandAllAction->setEnabled(m_model.hasFolds());
    if (count == 0)
        m_changeLabel->setText(tr("No changes"));
    else if (m_current < 0)
        m_changeLabel->setText(count == 1 ? tr("1 change") : tr("%1 changes").arg(count));
    else
        m_changeLabel->setText(count == 1 ? tr("1 of 1 change") : tr("%1 of %2 changes").arg(m_current + 1).arg(count));
}

void SideBySideDiff::matchHorizontalScrollBars()
{
    // A horizontal scroll bar takes height from the viewport; when only one pane had one, the
    // vertical ranges would differ by a row and the panes would drift apart at the bottom.
    const bool needed = m_oldPane->horizontalScrollBar()->maximum() > 0 || m_newPane->horizontalScrollBar()->maximum() > 0;
    const Qt::ScrollBarPolicy policy = needed ? Qt::ScrollBarAlwaysOn : Qt::ScrollBarAsNeeded;
    m_oldPane->setHorizontalScrollBarPolicy(policy);
    m_newPane->setHorizontalScrollBarPolicy(policy);
}

} // namespace studio
