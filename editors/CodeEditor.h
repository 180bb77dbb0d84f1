// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"

#include <QPlainTextEdit>

#include <functional>

class QCompleter;
class QStringListModel;

namespace studio {

/// A source editor for YAML, JSON and HCL: line numbers, current line, indentation guides, syntax
/// highlighting, diagnostics (squiggles, gutter markers, tooltips), YAML-aware indentation, toggle
/// comment, folding of indented blocks, go to line, and schema completion/hover through providers.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    /// One completion proposal.
    struct Completion {
        QString label;
        QString insertText;
        QString detail;
        int replaceFromColumn = 0; ///< 1-based column where the replaced text starts; 0 = the current word
    };
    /// (line, column) → proposals; (line, column) → tooltip HTML. Both 1-based.
    using CompletionProvider = std::function<QList<Completion>(int line, int column)>;
    using HoverProvider = std::function<QString(int line, int column)>;

    explicit CodeEditor(QWidget *parent = nullptr);

    /// Replaces the text (not undoable) and picks highlighting and comment syntax from `fileName`.
    void setSource(const QString &fileName, const QString &text);
    QString fileName() const { return m_fileName; }

    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    void setCompletionProvider(CompletionProvider provider) { m_completions = std::move(provider); }
    void setHoverProvider(HoverProvider provider) { m_hover = std::move(provider); }

    /// Moves the cursor to a 1-based line/column and centres it (unfolding as needed).
    void goTo(int line, int column = 1);
    void askGoToLine();
    void toggleComment();
    void showCompletions();
    /// The proposals for the cursor position (empty without a provider).
    QList<Completion> completionsAtCursor() const;
    /// Tooltip HTML of the hover provider at a 1-based position (empty without one).
    QString hoverText(int line, int column) const { return m_hover ? m_hover(line, column) : QString(); }
    /// Folds or unfolds the indented block under `line` (1-based).
    void toggleFold(int line);
    bool isFolded(int line) const;
    void unfoldAll();

    int lineNumberAreaWidth() const;
    int indentStep() const { return m_indentStep; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    friend class EditorGutter;
    void paintGutter(QPaintEvent *event);
    void gutterClicked(int y);
    void updateExtraSelections();
    void insertNewlineWithIndent();
    void indentSelection(bool outdent);
    bool canFold(const QTextBlock &block) const;
    void insertCompletion(const QString &text);

    QWidget *m_gutter;
    QString m_fileName;
    QString m_commentPrefix;
    int m_indentStep = 2;
    Diagnostics m_diagnostics;
    CompletionProvider m_completions;
    HoverProvider m_hover;
    QCompleter *m_completer;
    QStringListModel *m_completionModel;
    QList<Completion> m_currentCompletions;
};

} // namespace studio
