// SPDX-License-Identifier: MIT
#include "values/ValuesEditor.h"

#include "schema/CompiledSchema.h"
#include "schema/SchemaValidator.h"
#include "values/EffectiveValues.h"
#include "workspace/TextFile.h"
#include "yaml/YamlJson.h"
#include "yaml/YamlPatch.h"

#include <QJsonArray>
#include <QSaveFile>

namespace studio {

using yaml::ScalarType;
using yaml::YamlDocument;

QStringList parseValuePath(const QString &text)
{
    QStringList segments;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\\' && i + 1 < text.size() && text[i + 1] == u'.') {
            current += u'.';
            ++i;
        } else if (c == u'.') {
            if (!current.isEmpty())
                segments << current;
            current.clear();
        } else if (c == u'[') {
            if (!current.isEmpty())
                segments << current;
            const qsizetype close = text.indexOf(u']', i);
            if (close < 0)
                return {};
            segments << text.mid(i, close - i + 1);
            current.clear();
            i = close;
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        segments << current;
    return segments;
}

Result<ValueAssignment> ValueAssignment::parse(const QString &text)
{
    const qsizetype equals = text.indexOf(u'=');
    if (equals <= 0)
        return Error{Error::Code::Usage, QStringLiteral("'%1' is not PATH=VALUE (e.g. image.tag=1.8.0)").arg(text)};
    ValueAssignment a;
    a.path = parseValuePath(text.left(equals));
    a.value = text.mid(equals + 1);
    if (a.path.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("'%1' has no valid path before '='").arg(text)};
    return a;
}

namespace {

/// The YAML type a value must have at `path`, from the schema; the plain-scalar reading otherwise.
Result<ScalarType> typeFor(const CompiledSchema *schema, const ValueAssignment &a)
{
    const ScalarType plain = yaml::resolvePlainScalar(a.value);
    if (!schema)
        return plain;
    QStringList types;
    const QJsonValue type = schema->subschema(a.path).value(QLatin1String("type"));
    if (type.isString())
        types << type.toString();
    for (const QJsonValue &t : type.toArray())
        types << t.toString();
    if (types.isEmpty())
        return plain;
    const QString path = yaml::formatPath(a.path);
    if (types.contains(u"string"))
        return ScalarType::String;
    if (types.contains(u"integer") && plain == ScalarType::Int)
        return ScalarType::Int;
    if (types.contains(u"number") && (plain == ScalarType::Int || plain == ScalarType::Float))
        return plain;
    if (types.contains(u"boolean") && plain == ScalarType::Bool)
        return ScalarType::Bool;
    if (types.contains(u"null") && plain == ScalarType::Null)
        return ScalarType::Null;
    return Error{Error::Code::Refused, QStringLiteral("'%1' must be %2 by the chart's schema; '%3' is not")
                                           .arg(path, types.join(QStringLiteral(" or ")), a.value)};
}

} // namespace

Result<FileChange> ValuesEditor::plan(const Workspace &workspace, const Environment &environment,
                                      const QList<ValueAssignment> &assignments)
{
    if (environment.valuesFiles.isEmpty())
        return Error{Error::Code::Refused,
                     QStringLiteral("environment '%1' has no Helm values files to edit").arg(environment.name)};
    FileChange change;
    change.file = environment.valuesFiles.back();
    Result<QString> text = TextFile::read(workspace.absolutePath(change.file));
    if (!text)
        return Error{Error::Code::Io, QStringLiteral("%1: %2").arg(change.file, text.errorMessage())};
    change.before = text.value();

    CompiledSchemaPtr schema;
    const QString schemaFile = (environment.chart.isEmpty() ? QString() : environment.chart + u'/')
        + QStringLiteral("values.schema.json");
    if (workspace.file(schemaFile)) {
        Result<CompiledSchemaPtr> loaded = CompiledSchema::load(workspace.absolutePath(schemaFile));
        if (!loaded)
            return loaded.error();
        schema = loaded.value();
    }

    QString current = change.before;
    for (const ValueAssignment &a : assignments) {
        const Result<ScalarType> type = typeFor(schema.get(), a);
        if (!type)
            return type.error();
        const YamlDocument doc = YamlDocument::parse(current);
        if (doc.hasErrors()) {
            const Diagnostic &d = doc.diagnostics().front();
            return Error{Error::Code::Refused, QStringLiteral("%1:%2: %3; fix the file before setting values")
                                                   .arg(change.file).arg(d.line).arg(d.message)};
        }
        const Result<yaml::TextEdit> edit = yaml::YamlPatch::setScalar(doc, a.path, a.value, type.value());
        if (!edit)
            return Error{edit.error().code, QStringLiteral("%1: %2").arg(change.file, edit.errorMessage())};
        current = edit->applyTo(current);
    }
    change.after = current;

    if (schema) {
        // Validate the environment as it would be, and refuse what the schema rejects at the edited paths.
        QList<ValuesLayer> layers;
        for (const QString &file : environment.valuesFiles) {
            if (file == change.file) {
                layers << ValuesLayer{file, YamlDocument::parse(change.after)};
            } else if (Result<QString> other = TextFile::read(workspace.absolutePath(file))) {
                layers << ValuesLayer{file, YamlDocument::parse(other.value())};
            }
        }
        const EffectiveValues values = EffectiveValues::merge(layers);
        for (const SchemaViolation &v : SchemaValidator::validate(*schema, values.root().toJson())) {
            for (const ValueAssignment &a : assignments) {
                const QStringList violationPath = v.kind == SchemaViolation::Kind::UnknownField
                    ? v.path + QStringList{v.property}
                    : v.path;
                if (violationPath.mid(0, a.path.size()) == a.path || a.path.mid(0, violationPath.size()) == violationPath)
                    return Error{Error::Code::Refused,
                                 QStringLiteral("refused: %1 (schema %2); nothing was written").arg(v.message, schemaFile)};
            }
        }
    }
    return change;
}

Status ValuesEditor::write(const Workspace &workspace, const FileChange &change)
{
    const QString path = workspace.absolutePath(change.file);
    Result<QString> now = TextFile::read(path);
    if (!now || now.value() != change.before)
        return Status::failure(Error::Code::Refused,
                               QStringLiteral("%1 changed on disk while the edit was prepared; nothing was written")
                                   .arg(change.file));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(Error::Code::Io, QStringLiteral("cannot write %1 (%2)").arg(change.file, file.errorString()));
    const QByteArray bytes = change.after.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(Error::Code::Io, QStringLiteral("cannot write %1 (%2)").arg(change.file, file.errorString()));
    return success();
}

} // namespace studio
