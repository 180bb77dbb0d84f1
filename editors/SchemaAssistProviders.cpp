// SPDX-License-Identifier: MIT
#include "SchemaAssistProviders.h"

#include "CodeEditor.h"

#include "checks/WorkspaceChecker.h"
#include "schema/SchemaAssist.h"

namespace studio {

void installSchemaAssist(CodeEditor *code, const std::shared_ptr<WorkspaceChecker> &checker, const QString &file)
{
    code->setCompletionProvider([checker, file, code](int line, int column) {
        QList<CodeEditor::Completion> result;
        const QString text = code->toPlainText();
        const CompiledSchemaPtr schema = checker->schemaAt(file, text, line);
        if (!schema)
            return result;
        const CursorContext context = SchemaAssist::contextAt(text, line, column);
        if (context.inFreeText)
            return result;
        for (const Completion &c : SchemaAssist::completions(*schema, context))
            result << CodeEditor::Completion{c.label, c.insertText, c.detail, context.prefixColumn};
        return result;
    });
    code->setHoverProvider([checker, file, code](int line, int column) {
        const QString text = code->toPlainText();
        const CompiledSchemaPtr schema = checker->schemaAt(file, text, line);
        if (!schema)
            return QString();
        const HoverInfo info = SchemaAssist::hoverAt(*schema, text, line, column);
        return info.valid() ? info.toHtml() : QString();
    });
}

} // namespace studio
