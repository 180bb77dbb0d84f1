// SPDX-License-Identifier: MIT
#include "pages/AnswerForm.h"

#include <QRegularExpression>

namespace studio::cloud {

QString AnswerForm::pageSubtitle(const QString &page) const
{
    const auto it = m_titles.find(page);
    return it == m_titles.end() ? QString() : it->second;
}

QString AnswerForm::label(const char *key)
{
    // "backupRetentionDays" → "Backup retention days"
    QString out;
    for (const char *c = key; *c; ++c) {
        const QChar ch = QLatin1Char(*c);
        if (ch.isUpper() && !out.isEmpty())
            out += u' ' + ch.toLower();
        else
            out += out.isEmpty() ? ch.toUpper() : ch;
    }
    return out;
}

FieldEditor *AnswerForm::find(const QString &path)
{
    for (FieldEditor &field : m_fields)
        if (field.path == path)
            return &field;
    return nullptr;
}

const FieldEditor *AnswerForm::fieldFor(const QString &problemPath) const
{
    // Longest field path that the problem path starts with, ignoring list indexes.
    QString path = problemPath;
    path.remove(QRegularExpression(QStringLiteral("\\[[0-9]+\\]")));
    const FieldEditor *best = nullptr;
    for (const FieldEditor &field : m_fields)
        if ((path == field.path || path.startsWith(field.path + u'.')) && (!best || field.path.size() > best->path.size()))
            best = &field;
    return best;
}

void AnswerForm::add(const QString &path, const QString &page, const QString &title, QWidget *editor, const char *help)
{
    editor->setObjectName(path);
    editor->setToolTip(QString::fromUtf8(help));
    auto *problems = new QLabel;
    problems->setObjectName(path + QStringLiteral("#problems"));
    problems->setWordWrap(true);
    problems->setStyleSheet(QStringLiteral("color: #c62828;"));
    problems->hide();
    m_fields.append(FieldEditor{path, page, title, editor, problems});
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        connect(line, &QLineEdit::textEdited, this, &AnswerForm::edited);
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        connect(spin, &QSpinBox::valueChanged, this, &AnswerForm::edited);
    else if (auto *check = qobject_cast<QCheckBox *>(editor))
        connect(check, &QCheckBox::toggled, this, &AnswerForm::edited);
    else if (auto *table = qobject_cast<QTableWidget *>(editor)) {
        connect(table, &QTableWidget::itemChanged, this, &AnswerForm::edited);
        connect(table->model(), &QAbstractItemModel::rowsInserted, this, &AnswerForm::edited);
        connect(table->model(), &QAbstractItemModel::rowsRemoved, this, &AnswerForm::edited);
    }
}

void AnswerForm::Sync::text(const char *key, QString &value, const char *)
{
    auto *edit = qobject_cast<QLineEdit *>(form.find(join(prefix, key))->editor);
    if (toWidgets)
        edit->setText(value);
    else
        value = edit->text();
}

void AnswerForm::Sync::texts(const char *key, QStringList &values, const char *)
{
    auto *edit = qobject_cast<QLineEdit *>(form.find(join(prefix, key))->editor);
    if (toWidgets) {
        edit->setText(values.join(QStringLiteral(", ")));
        return;
    }
    values.clear();
    for (const QString &part : edit->text().split(u','))
        if (!part.trimmed().isEmpty())
            values.append(part.trimmed());
}

void AnswerForm::Sync::flag(const char *key, bool &value, const char *)
{
    auto *check = qobject_cast<QCheckBox *>(form.find(join(prefix, key))->editor);
    if (toWidgets) {
        const QSignalBlocker block(check);
        check->setChecked(value);
    } else {
        value = check->isChecked();
    }
}

void AnswerForm::Sync::number(const char *key, int &value, const char *)
{
    auto *spin = qobject_cast<QSpinBox *>(form.find(join(prefix, key))->editor);
    if (toWidgets) {
        const QSignalBlocker block(spin);
        spin->setValue(value);
    } else {
        value = spin->value();
    }
}

QTableWidgetItem *AnswerForm::Row::cell()
{
    QTableWidgetItem *item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        table->setItem(row, column, item);
    }
    ++column;
    return item;
}

void AnswerForm::Row::text(const char *, QString &value, const char *)
{
    QTableWidgetItem *item = cell();
    if (toWidgets)
        item->setText(value);
    else
        value = item->text().trimmed();
}

void AnswerForm::Row::number(const char *, int &value, const char *)
{
    QTableWidgetItem *item = cell();
    if (toWidgets) {
        item->setText(QString::number(value));
        return;
    }
    bool ok = false;
    value = item->text().trimmed().toInt(&ok);
    if (!ok)
        value = INT_MIN; // not a number: the range and order rules report the field
}

void AnswerForm::Row::flag(const char *, bool &value, const char *)
{
    QTableWidgetItem *item = cell();
    if (toWidgets) {
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(value ? Qt::Checked : Qt::Unchecked);
    } else {
        value = item->checkState() == Qt::Checked;
    }
}

void AnswerForm::Row::texts(const char *, QStringList &values, const char *)
{
    QTableWidgetItem *item = cell();
    if (toWidgets) {
        item->setText(values.join(QStringLiteral(", ")));
        return;
    }
    values.clear();
    for (const QString &part : item->text().split(u','))
        if (!part.trimmed().isEmpty())
            values.append(part.trimmed());
}

} // namespace studio::cloud
