// SPDX-License-Identifier: MIT
#include "SyntaxHighlighting.h"

#include "BuiltinHighlighter.h"

#ifdef STUDIO_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace studio {

QSyntaxHighlighter *attachHighlighter(QTextDocument *document, const QString &fileName)
{
#ifdef STUDIO_HAVE_KSYNTAXHIGHLIGHTING
    static KSyntaxHighlighting::Repository repository;
    const KSyntaxHighlighting::Definition definition = repository.definitionForFileName(fileName);
    if (definition.isValid()) {
        auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        highlighter->setTheme(repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme));
        highlighter->setDefinition(definition);
        return highlighter;
    }
#endif
    const BuiltinHighlighter::Language language = BuiltinHighlighter::languageFor(fileName);
    if (language == BuiltinHighlighter::Language::None)
        return nullptr;
    return new BuiltinHighlighter(language, document);
}

} // namespace studio
