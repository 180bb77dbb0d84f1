// SPDX-License-Identifier: MIT
#include "SchemaForm.h"

#include "yaml/YamlJson.h"
#include "yaml/YamlPatch.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace studio {

namespace {

QString pathKey(const QStringList &path)
{
    return yaml::formatPath(path);
}

QString typeHint(const SettingField &f)
{
    switch (f.type) {
    case SettingField::Type::Integer: return QStringLiteral("integer");
    case SettingField::Type::Number: return QStringLiteral("number");
    case SettingField::Type::List: return QStringLiteral("list, e.g. [a, b]");
    case SettingField::Type::Map: return QStringLiteral("mapping, e.g. {key: value}");
    default: return QString();
    }
}

} // namespace

SchemaForm::SchemaForm(QTextDocument *document, ValuesFormContext context, QWidget *parent)
    : QScrollArea(parent)
    , m_document(document)
    , m_context(std::move(context))
    , m_content(new QWidget(this))
    , m_status(new QLabel(this))
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_status->setWordWrap(true);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(80);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SchemaForm::refresh);
    connect(m_document, &QTextDocument::contentsChanged, this, [this] {
        if (!m_applying)
            m_refreshTimer.start();
    });
    auto *layout = new QVBoxLayout(m_content);
    layout->addWidget(m_status);
    layout->addStretch();
    setWidget(m_content);
    refresh();
}

QString SchemaForm::statusText() const
{
    return m_status->text();
}

QString SchemaForm::fieldMessage(const QString &path) const
{
    const Row row = m_rows.value(path);
    return row.message ? row.message->text() : QString();
}

const SettingField *SchemaForm::field(const QString &path) const
{
    for (const SettingField &f : m_fields) {
        if (pathKey(f.path) == path)
            return &f;
    }
    return nullptr;
}

QWidget *SchemaForm::fieldEditor(const QString &path) const
{
    return m_rows.value(path).editor;
}

void SchemaForm::refresh()
{
    const yaml::YamlDocument own = yaml::YamlDocument::parse(m_document->toPlainText());
    if (own.hasErrors()) {
        // Never guess from broken text: the form waits for the YAML to be fixed.
        const Diagnostic &d = own.diagnostics().front();
        m_status->setText(QStringLiteral("<b>Fix the text first:</b> line %1: %2. The form shows the last valid "
                                         "state and cannot edit until then.")
                              .arg(d.line)
                              .arg(d.message.toHtmlEscaped()));
        m_editable = false;
        m_content->setEnabled(false);
        return;
    }
    QList<ValuesLayer> layers = m_context.baseLayers ? m_context.baseLayers() : QList<ValuesLayer>();
    layers << ValuesLayer{m_context.ownFile, own};
    const EffectiveValues values = EffectiveValues::merge(layers);
    QList<SettingField> fields = SettingsForm::build(m_context.schema, values.root(), m_context.ownFile);

    bool sameShape = fields.size() == m_fields.size();
    for (qsizetype i = 0; sameShape && i < fields.size(); ++i)
        sameShape = fields[i].path == m_fields[i].path && fields[i].type == m_fields[i].type;
    m_fields = std::move(fields);
    m_editable = true;
    m_content->setEnabled(true);
    m_status->setText(QStringLiteral("Values of <b>%1</b>: grey settings are inherited; editing one writes it into "
                                     "%2.")
                          .arg(m_context.environment.toHtmlEscaped(), QFileInfo(m_context.ownFile).fileName()));
    if (sameShape && m_grid)
        updateRows();
    else
        rebuild();
}

void SchemaForm::rebuild()
{
    // A fresh content widget: the grid's rows depend on the schema and the values.
    auto *content = new QWidget;
    auto *outer = new QVBoxLayout(content);
    outer->addWidget(m_status);
    m_grid = new QGridLayout;
    m_grid->setColumnStretch(1, 1);
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(2);
    outer->addLayout(m_grid);
    outer->addStretch();
    m_rows.clear();
    int gridRow = 0;
    for (const SettingField &f : std::as_const(m_fields)) {
        const QString key = pathKey(f.path);
        auto *label = new QLabel(QString(f.depth * 4, QChar(0x00A0)) + f.key + (f.required ? QStringLiteral(" *") : QString()));
        label->setToolTip(f.description.isEmpty() ? key : QStringLiteral("%1\n\n%2").arg(key, f.description));
        Row row;
        if (f.type == SettingField::Type::Group) {
            QFont bold = label->font();
            bold.setBold(true);
            label->setFont(bold);
            m_grid->addWidget(label, gridRow++, 0, 1, 4);
            m_rows.insert(key, row);
            continue;
        }
        m_grid->addWidget(label, gridRow, 0);
        switch (f.type) {
        case SettingField::Type::Boolean: {
            auto *check = new QCheckBox;
            connect(check, &QCheckBox::clicked, this, [this, key](bool on) {
                setValue(key, on ? QStringLiteral("true") : QStringLiteral("false"));
            });
            row.editor = check;
            break;
        }
        case SettingField::Type::Enum: {
            auto *combo = new QComboBox;
            combo->addItem(QString());
            combo->addItems(f.enumValues);
            connect(combo, &QComboBox::activated, this, [this, key, combo] {
                if (!combo->currentText().isEmpty())
                    setValue(key, combo->currentText());
            });
            row.editor = combo;
            break;
        }
        default: {
            auto *edit = new QLineEdit;
            edit->setPlaceholderText(typeHint(f));
            connect(edit, &QLineEdit::editingFinished, this, [this, key, edit] {
                const SettingField *current = field(key);
                if (current && edit->isModified() && edit->text() != current->text)
                    setValue(key, edit->text());
                edit->setModified(false);
            });
            row.editor = edit;
            break;
        }
        }
        row.editor->setObjectName(key);
        row.editor->setToolTip(f.description);
        m_grid->addWidget(row.editor, gridRow, 1);
        row.origin = new QLabel;
        row.origin->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_grid->addWidget(row.origin, gridRow, 2);
        auto *action = new QPushButton;
        action->setFlat(true);
        connect(action, &QPushButton::clicked, this, [this, key] {
            const SettingField *current = field(key);
            if (!current)
                return;
            if (current->overridden)
                resetToInherited(key);
            else
                overrideHere(key);
        });
        row.action = action;
        m_grid->addWidget(action, gridRow, 3);
        ++gridRow;
        row.message = new QLabel;
        row.message->setWordWrap(true);
        QPalette red = row.message->palette();
        red.setColor(QPalette::WindowText, QColor(0xb3, 0x1d, 0x28));
        row.message->setPalette(red);
        m_grid->addWidget(row.message, gridRow++, 1, 1, 3);
        m_rows.insert(key, row);
    }
    // Keep the status label alive across rebuilds.
    m_status->setParent(nullptr);
    outer->insertWidget(0, m_status);
    setWidget(content); // deletes the previous content
    m_content = content;
    updateRows();
}

void SchemaForm::fillEditor(const SettingField &f, Row &row)
{
    if (!row.editor || row.editor->hasFocus())
        return;
    const QSignalBlocker block(row.editor);
    if (auto *check = qobject_cast<QCheckBox *>(row.editor)) {
        check->setChecked(f.text == u"true");
    } else if (auto *combo = qobject_cast<QComboBox *>(row.editor)) {
        const int index = combo->findText(f.text);
        if (index < 0 && !f.text.isEmpty())
            combo->addItem(f.text); // a value outside the enum: shown, and flagged by validation
        combo->setCurrentIndex(qMax(0, combo->findText(f.text)));
    } else if (auto *edit = qobject_cast<QLineEdit *>(row.editor)) {
        edit->setText(f.text);
        edit->setModified(false);
    }
    // Inherited values are grey; values written in this environment's file are normal text.
    QPalette palette = row.editor->palette();
    palette.setColor(QPalette::Text, f.overridden ? QColor(0x24, 0x29, 0x2e) : QColor(0x8a, 0x8f, 0x96));
    palette.setColor(QPalette::ButtonText, palette.color(QPalette::Text));
    row.editor->setPalette(palette);
}

void SchemaForm::updateRows()
{
    for (const SettingField &f : std::as_const(m_fields)) {
        auto it = m_rows.find(pathKey(f.path));
        if (it == m_rows.end() || !it->editor)
            continue;
        Row &row = it.value();
        fillEditor(f, row);
        const QString file = QFileInfo(f.origin.file).fileName();
        if (!f.isSet)
            row.origin->setText(f.defaultText.isEmpty() ? QStringLiteral("<i>not set</i>")
                                                        : QStringLiteral("<i>not set (chart default %1)</i>")
                                                              .arg(f.defaultText.toHtmlEscaped()));
        else if (f.overridden)
            row.origin->setText(QStringLiteral("<b>set here</b>, line %1").arg(f.origin.line));
        else
            row.origin->setText(QStringLiteral("<span style='color:#8a8f96'>inherited from %1:%2</span>")
                                    .arg(file.toHtmlEscaped())
                                    .arg(f.origin.line));
        row.origin->setToolTip(f.origin.file.isEmpty() ? QString()
                                                       : QStringLiteral("%1:%2").arg(f.origin.file).arg(f.origin.line));
        auto *action = static_cast<QPushButton *>(row.action);
        action->setText(f.overridden ? QStringLiteral("Reset to inherited") : QStringLiteral("Override here"));
        action->setToolTip(f.overridden ? QStringLiteral("Remove the setting from %1").arg(file)
                                        : QStringLiteral("Copy the inherited value into this environment's file"));
        action->setEnabled(f.overridden || f.isSet);
        QStringList messages;
        for (const Diagnostic &d : std::as_const(m_diagnostics)) {
            if (d.jsonPath == pathKey(f.path))
                messages << d.message;
        }
        row.message->setText(messages.join(u'\n'));
        row.message->setVisible(!messages.isEmpty());
    }
}

void SchemaForm::setDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    if (m_grid)
        updateRows();
}

bool SchemaForm::applyValue(const SettingField &f, const QString &text)
{
    const yaml::YamlDocument doc = yaml::YamlDocument::parse(m_document->toPlainText());
    const bool collection = f.type == SettingField::Type::List || f.type == SettingField::Type::Map;
    const Result<yaml::TextEdit> edit = collection ? yaml::YamlPatch::setFlow(doc, f.path, text)
                                                   : yaml::YamlPatch::setScalar(doc, f.path, text, f.scalarType());
    if (!edit) {
        m_status->setText(QStringLiteral("<b>Not applied:</b> %1").arg(edit.errorMessage().toHtmlEscaped()));
        return false;
    }
    applyEdit(edit.value());
    emit edited(pathKey(f.path));
    refresh();
    return true;
}

void SchemaForm::applyEdit(const yaml::TextEdit &edit)
{
    // One edit block: one step on the undo stack the text editor shares.
    m_applying = true;
    QTextCursor cursor(m_document);
    cursor.beginEditBlock();
    cursor.setPosition(int(edit.offset));
    cursor.setPosition(int(edit.offset + edit.length), QTextCursor::KeepAnchor);
    cursor.insertText(edit.text);
    cursor.endEditBlock();
    m_applying = false;
}

bool SchemaForm::setValue(const QString &path, const QString &text)
{
    const SettingField *f = field(path);
    if (!f || !m_editable || f->type == SettingField::Type::Group)
        return false;
    const SettingField copy = *f; // refresh() replaces m_fields
    return applyValue(copy, text);
}

bool SchemaForm::overrideHere(const QString &path)
{
    const SettingField *f = field(path);
    if (!f || !f->isSet || f->overridden || !m_editable)
        return false;
    const SettingField copy = *f;
    return applyValue(copy, copy.text);
}

bool SchemaForm::resetToInherited(const QString &path)
{
    const SettingField *f = field(path);
    if (!f || !f->overridden || !m_editable)
        return false;
    const yaml::YamlDocument doc = yaml::YamlDocument::parse(m_document->toPlainText());
    const Result<yaml::TextEdit> edit = yaml::YamlPatch::remove(doc, f->path);
    if (!edit) {
        m_status->setText(QStringLiteral("<b>Not applied:</b> %1").arg(edit.errorMessage().toHtmlEscaped()));
        return false;
    }
    applyEdit(edit.value());
    emit edited(path);
    refresh();
    return true;
}

} // namespace studio
