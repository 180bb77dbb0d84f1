// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>

namespace studio {

/// A read-only unified diff ("--- a/x", "+++ b/x", "@@ … @@", +/- lines) with added lines green and
/// removed lines red.
class UnifiedDiffView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit UnifiedDiffView(QWidget *parent = nullptr);
    /// Shows `diff`, or `emptyText` when it is empty.
    void setDiff(const QString &diff, const QString &emptyText = QStringLiteral("No differences."));
};

} // namespace studio
