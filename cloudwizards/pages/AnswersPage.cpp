// SPDX-License-Identifier: MIT
#include "pages/AnswersPage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace studio::cloud {

namespace {

QString fieldLabel(const QString &path)
{
    QString key = path.section(u'.', -1);
    QString out;
    for (const QChar c : key)
        out += (c.isUpper() && !out.isEmpty()) ? QString(u' ') + c.toLower() : (out.isEmpty() ? QString(c.toUpper()) : QString(c));
    return out;
}

/// A table of entries with buttons to add a row (a copy of the last) and remove the selected one.
QWidget *tableEditor(QTableWidget *table)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(QObject::tr("Add"));
    auto *remove = new QPushButton(QObject::tr("Remove"));
    add->setObjectName(table->objectName() + QStringLiteral("#add"));
    remove->setObjectName(table->objectName() + QStringLiteral("#remove"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    QObject::connect(add, &QPushButton::clicked, table, [table] {
        const int row = table->rowCount();
        table->insertRow(row);
        for (int c = 0; c < table->columnCount(); ++c)
            if (const QTableWidgetItem *above = row > 0 ? table->item(row - 1, c) : nullptr)
                table->setItem(row, c, above->clone());
        if (auto *first = table->item(row, 0))
            first->setText(first->text() + QString::number(row + 1));
    });
    QObject::connect(remove, &QPushButton::clicked, table, [table] {
        if (table->currentRow() >= 0)
            table->removeRow(table->currentRow());
    });
    return box;
}

} // namespace

AnswersPage::AnswersPage(const QString &title, const QString &subtitle, QList<const FieldEditor *> fields, QWidget *parent)
    : QWizardPage(parent), m_fields(std::move(fields)), m_layout(new QVBoxLayout(this)), m_status(new QLabel)
{
    setTitle(title);
    setSubTitle(subtitle);
    auto *form = new QFormLayout;
    for (const FieldEditor *field : m_fields) {
        auto *table = qobject_cast<QTableWidget *>(field->editor);
        if (table) {
            form->addRow(tableEditor(table));
        } else {
            form->addRow(fieldLabel(field->path), field->editor);
        }
        form->addRow(QString(), field->problems);
    }
    m_layout->addLayout(form);
    m_layout->addStretch();
    m_status->setObjectName(QStringLiteral("pageStatus"));
    m_status->setWordWrap(true);
    m_layout->addWidget(m_status);
}

void AnswersPage::addHeader(QWidget *widget)
{
    m_layout->insertWidget(0, widget);
}

void AnswersPage::showProblems(const Diagnostics &problems, const AnswerForm &form)
{
    QHash<const FieldEditor *, QStringList> messages;
    for (const Diagnostic &d : problems)
        if (const FieldEditor *field = form.fieldFor(d.jsonPath); field && m_fields.contains(field))
            messages[field].append(d.message);
    m_problemCount = 0;
    for (const FieldEditor *field : m_fields) {
        const QStringList list = messages.value(field);
        m_problemCount += int(list.size());
        field->problems->setText(list.join(u'\n'));
        field->problems->setVisible(!list.isEmpty());
    }
    m_status->setText(m_problemCount == 0 ? QString()
                                          : tr("Next is disabled: %n problem(s) on this page, shown in red beside the fields.", nullptr,
                                               m_problemCount));
    emit completeChanged();
}

bool AnswersPage::isComplete() const
{
    return m_problemCount == 0;
}

} // namespace studio::cloud
