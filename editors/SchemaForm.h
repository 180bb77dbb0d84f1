// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "values/EffectiveValues.h"
#include "values/SettingsForm.h"
#include "yaml/YamlPatch.h"

#include <QJsonObject>
#include <QScrollArea>
#include <QTimer>

#include <functional>

class QGridLayout;
class QLabel;
class QTextDocument;

namespace studio {

/// What a values form needs besides the text it edits.
struct ValuesFormContext {
    QJsonObject schema;  ///< the chart's values.schema.json
    QString environment;
    QString ownFile;     ///< workspace-relative path of the file the form edits (the environment's last layer)
    /// The layers before the own file (values.yaml first), with their current text.
    std::function<QList<ValuesLayer>()> baseLayers;
};

/// A form generated from values.schema.json for one environment. Every setting shows its effective
/// value, whether it is inherited (grey, with file and line) or set in this environment's file, the
/// schema's description and any validation message. Edits go through YamlPatch into the same
/// QTextDocument the text editor shows, so both views stay in step and share one undo stack.
class SchemaForm : public QScrollArea
{
    Q_OBJECT

public:
    SchemaForm(QTextDocument *document, ValuesFormContext context, QWidget *parent = nullptr);

    /// Rebuilds the form from the document's current text (also done automatically after edits).
    void refresh();
    void setDiagnostics(const Diagnostics &diagnostics);

    const QList<SettingField> &fields() const { return m_fields; }
    /// The editor widget of a setting ("image.tag"), or nullptr.
    QWidget *fieldEditor(const QString &path) const;
    /// Writes `text` as the setting's value, as editing the field does; false when refused.
    bool setValue(const QString &path, const QString &text);
    /// Copies the inherited value into the environment's file.
    bool overrideHere(const QString &path);
    /// Deletes the setting from the environment's file, so the inherited value applies.
    bool resetToInherited(const QString &path);
    /// The form's status line ("fix the YAML first", the last refused edit…).
    QString statusText() const;
    /// The validation message shown beside a setting (empty when none).
    QString fieldMessage(const QString &path) const;
    bool isEditable() const { return m_editable; }

signals:
    /// The form changed the document (one undoable edit).
    void edited(const QString &path);

private:
    struct Row {
        QWidget *editor = nullptr;
        QLabel *origin = nullptr;
        QLabel *message = nullptr;
        QWidget *action = nullptr;
    };
    void rebuild();
    void updateRows();
    void fillEditor(const SettingField &field, Row &row);
    bool applyValue(const SettingField &field, const QString &text);
    void applyEdit(const yaml::TextEdit &edit);
    const SettingField *field(const QString &path) const;

    QTextDocument *m_document;
    ValuesFormContext m_context;
    QWidget *m_content;
    QGridLayout *m_grid = nullptr;
    QLabel *m_status;
    QList<SettingField> m_fields;
    QHash<QString, Row> m_rows;
    Diagnostics m_diagnostics;
    QTimer m_refreshTimer;
    bool m_editable = true;
    bool m_applying = false;
};

} // namespace studio
