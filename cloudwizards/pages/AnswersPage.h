// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "pages/AnswerForm.h"

#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace studio::cloud {

/// One page of a cluster wizard: the editors of its fields, each with its problems beside it as the
/// user types, and Next disabled (with the reason shown) while any field on the page is invalid.
class AnswersPage : public QWizardPage
{
    Q_OBJECT

public:
    AnswersPage(const QString &title, const QString &subtitle, QList<const FieldEditor *> fields, QWidget *parent = nullptr);

    /// Puts a widget above the fields (the preset choice on the first page).
    void addHeader(QWidget *widget);
    /// Shows the problems of this page's fields beside them.
    void showProblems(const Diagnostics &problems, const AnswerForm &form);
    bool isComplete() const override;
    int problemCount() const { return m_problemCount; }

private:
    QList<const FieldEditor *> m_fields;
    QVBoxLayout *m_layout;
    QLabel *m_status;
    int m_problemCount = 0;
};

} // namespace studio::cloud
