// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"

#include <QPlainTextEdit>

namespace studio {

/// A read-only source view with line numbers, syntax highlighting and the file's diagnostics
/// underlined (error red, warning amber) with their message as tooltip.
class CodeView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeView(QWidget *parent = nullptr);

    /// Shows `text` as the content of `fileName` (used to pick the highlighter).
    void setSource(const QString &fileName, const QString &text);
    QString fileName() const { return m_fileName; }
    void setDiagnostics(const Diagnostics &diagnostics);
    /// Moves the cursor to a 1-based line/column and centres it.
    void goTo(int line, int column = 1);

    int lineNumberAreaWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateExtraSelections();

    QWidget *m_lineNumbers;
    QString m_fileName;
    Diagnostics m_diagnostics;
};

} // namespace studio
