// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QSyntaxHighlighter;
class QTextDocument;

namespace studio {

/// Attaches the best available highlighter for `fileName` to `document`: KSyntaxHighlighting when
/// the build found KF6SyntaxHighlighting, otherwise the built-in YAML/JSON/HCL highlighter.
/// Returns nullptr for files without highlighting. The highlighter is owned by the document.
QSyntaxHighlighter *attachHighlighter(QTextDocument *document, const QString &fileName);

} // namespace studio
