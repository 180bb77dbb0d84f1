// SPDX-License-Identifier: MIT
#include "diff/SemanticDiff.h"

#include "diff/SemanticDiffTree_p.h"
#include "diff/SemanticDiffWalker_p.h"
#include "values/ValueNode.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlNode.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>
#include <unordered_map>
#include <vector>

namespace studio {

using namespace semanticdiff_detail;

namespace {

/// Files with at least this many documents (both sides together) are compared on two threads.
constexpr size_t kParallelDocuments = 64;

Status checkSyntax(const yaml::YamlDocument &document, const QString &file, int lineOffset = 0)
{
    for (const Diagnostic &d : document.diagnostics()) {
        if (d.severity == Severity::Error)
            return Status::failure(Error::Code::Parse, QStringLiteral("%1:%2:%3: %4")
                                                           .arg(file)
                                                           .arg(d.line + lineOffset)
                                                           .arg(d.column)
                                                           .arg(d.message));
    }
    return success();
}

/// Refuses a document whose aliases would expand beyond reason ("billion laughs"): the walk follows aliases.
Status checkAliases(const yaml::YamlNode *root, QStringView source, const QString &file)
{
    const QStringView text = source.mid(root->span.start.offset, root->span.end.offset - root->span.start.offset);
    if (!text.contains(u'*'))
        return success(); // no alias: the common case, decided without converting the document
    Tree tree;
    return checkExpansion(tree, buildFromYaml(tree, file, root), file);
}

/// One document of a file as the comparison sees it: parsed already (compare(YamlDocument…)), or only its text,
/// parsed when the walk reaches it (compareTexts).
struct DocumentRef {
    const yaml::YamlNode *root = nullptr; ///< null: parse `text` when needed
    int index = 0;          ///< among the file's documents (YamlDocument::documents())
    int lineOffset = 0;     ///< added to the lines of a document parsed on its own
    QStringView source;     ///< the text the root's spans index
    QStringView text;       ///< the document's text: documents with the same text are the same
    bool hasContent = true; ///< false for an empty document ("---" alone)
    bool identityKnown = false;
    QString identity;       ///< Kubernetes identity, when known without the root
    qsizetype weight = 0;   ///< size of the text, to share the walk between threads
};

std::vector<DocumentRef> documentsOf(const yaml::YamlDocument &document)
{
    std::vector<DocumentRef> refs;
    const QStringView source(document.source());
    const auto &all = document.documents();
    for (size_t i = 0; i < all.size(); ++i) {
        const yaml::YamlNode *root = all[i];
        DocumentRef ref;
        ref.root = root;
        ref.index = int(i);
        ref.source = source;
        ref.hasContent = !(root->isScalar() && root->isNull());
        ref.weight = root->span.end.offset - root->span.start.offset;
        // The root's own tag is written before its span; block text means the same only from the same column.
        if (root->tag.isEmpty() && root->span.start.column == 1)
            ref.text = source.mid(root->span.start.offset, ref.weight);
        refs.push_back(ref);
    }
    return refs;
}

/// A document parsed for the time it is needed (the walk of one pair), then released: memory is reused from one
/// document to the next instead of holding whole files. A document parsed here is checked as a whole file
/// would be (syntax, aliases) and its Kubernetes identity checked against the one it was matched by.
class LoadedDocument
{
public:
    LoadedDocument(const DocumentRef *ref, const QString &file) : m_ref(ref ? *ref : DocumentRef())
    {
        if (!ref || ref->root || ref->text.isNull())
            return;
        // The text is the caller's and outlives this: the parser may use it in place.
        m_document = yaml::YamlDocument::parse(QString::fromRawData(ref->text.data(), ref->text.size()));
        if (m_document.documents().size() != 1) {
            m_unexpected = true; // not one document as the cut expected: the caller parses the whole files
            return;
        }
        const yaml::YamlNode *root = m_document.documents().front();
        if (Status ok = checkSyntax(m_document, file, ref->lineOffset); !ok) {
            m_status = ok;
            return;
        }
        m_mayAlias = QStringView(m_document.source()).contains(u'*');
        if (m_mayAlias) {
            if (Status ok = checkAliases(root, m_document.source(), file); !ok) {
                m_status = ok;
                return;
            }
        }
        if (ref->identityKnown && Walker<YamlSide>::kubernetesIdentityOf(YamlSide({}, file), root) != ref->identity) {
            m_unexpected = true; // matched by an identity read from the text that the parse does not confirm
            return;
        }
        m_ref.root = root;
        m_ref.source = m_document.source();
    }
    const DocumentRef &ref() const { return m_ref; }
    /// False when the document's text has no '*', so no alias: equal texts need no further look.
    bool mayAlias() const { return m_mayAlias; }
    bool usable() const { return m_status.ok() && !m_unexpected; }
    bool unexpected() const { return m_unexpected; }
    const Status &status() const { return m_status; }

private:
    DocumentRef m_ref;
    yaml::YamlDocument m_document;
    Status m_status = success();
    bool m_unexpected = false;
    bool m_mayAlias = true;
};

/// What compareDocuments found: the changes, or the first error (in file order), or that the documents were not
/// what the text fast path expected (`retry`: parse the whole files instead).
struct DocumentsOutcome {
    QList<SemanticChange> changes;
    Status status = success();
    bool retry = false;
    std::pair<int, int> errorAt{INT_MAX, INT_MAX}; ///< (side, line) of `status`, to keep the first error

    void fail(const LoadedDocument &d, int side)
    {
        if (d.unexpected()) {
            retry = true;
        } else if (const std::pair<int, int> at{side, d.ref().lineOffset}; at < errorAt) {
            errorAt = at;
            status = d.status();
        }
    }
    void merge(DocumentsOutcome &&other)
    {
        retry = retry || other.retry;
        if (other.errorAt < errorAt) {
            errorAt = other.errorAt;
            status = other.status;
        }
        changes.append(std::move(other.changes));
    }
};

/// Compares two files' documents. Documents with the same text are paired first: they cannot differ. A file
/// pair with one document each is compared directly; otherwise the rest match by Kubernetes identity (duplicates
/// in order) and the documents without one by their order among themselves. Large files use two threads:
/// identities per side, then the walk in two halves joined in order.
DocumentsOutcome compareDocuments(const std::vector<DocumentRef> &fromAll, const QString &fromFile,
                                  const std::vector<DocumentRef> &toAll, const QString &toFile)
{
    std::vector<const DocumentRef *> fromDocs;
    std::vector<const DocumentRef *> toDocs;
    for (const DocumentRef &d : fromAll) {
        if (d.hasContent)
            fromDocs.push_back(&d);
    }
    for (const DocumentRef &d : toAll) {
        if (d.hasContent)
            toDocs.push_back(&d);
    }
    auto labelOf = [](const QString &identity, int index) {
        return identity.isEmpty() ? QStringLiteral("document #%1").arg(index + 1) : identity;
    };

    DocumentsOutcome outcome;
    if (fromDocs.size() == 1 && toDocs.size() == 1) {
        if (!fromDocs.front()->text.isNull() && fromDocs.front()->text == toDocs.front()->text)
            return outcome;
        const LoadedDocument a(fromDocs.front(), fromFile);
        const LoadedDocument b(toDocs.front(), toFile);
        if (!a.usable() || !b.usable()) {
            outcome.fail(a, 0);
            outcome.fail(b, 1);
            return outcome;
        }
        YamlSide fromSide(a.ref().source, fromFile, a.ref().lineOffset);
        YamlSide toSide(b.ref().source, toFile, b.ref().lineOffset);
        Walker<YamlSide>(fromSide, toSide, outcome.changes)
            .compareDocument(a.ref().root, a.ref().index, b.ref().root, b.ref().index, QString());
        return outcome;
    }

    // Same text first.
    std::vector<bool> fromDone(fromDocs.size(), false);
    std::vector<bool> toDone(toDocs.size(), false);
    {
        QHash<QStringView, QList<int>> toByText;
        for (size_t j = 0; j < toDocs.size(); ++j) {
            if (!toDocs[j]->text.isNull())
                toByText[toDocs[j]->text] << int(j);
        }
        for (size_t i = 0; i < fromDocs.size() && !toByText.isEmpty(); ++i) {
            if (fromDocs[i]->text.isNull())
                continue;
            auto it = toByText.find(fromDocs[i]->text);
            if (it == toByText.end() || it->isEmpty())
                continue;
            fromDone[i] = true;
            toDone[size_t(it->takeFirst())] = true;
        }
    }

    const bool parallel = fromDocs.size() + toDocs.size() >= kParallelDocuments;
    auto identities = [](const std::vector<const DocumentRef *> &docs, const std::vector<bool> &done, const QString &file) {
        YamlSide side({}, file);
        std::vector<QString> ids(docs.size());
        for (size_t k = 0; k < docs.size(); ++k) {
            if (done[k])
                continue;
            ids[k] = docs[k]->identityKnown ? docs[k]->identity : Walker<YamlSide>::kubernetesIdentityOf(side, docs[k]->root);
        }
        return ids;
    };
    std::vector<QString> fromIds;
    std::vector<QString> toIds;
    if (parallel) {
        QFuture<std::vector<QString>> fromWork = QtConcurrent::run([&] { return identities(fromDocs, fromDone, fromFile); });
        toIds = identities(toDocs, toDone, toFile);
        fromIds = fromWork.result();
    } else {
        fromIds = identities(fromDocs, fromDone, fromFile);
        toIds = identities(toDocs, toDone, toFile);
    }

    struct Work {
        int from = -1; ///< index into fromDocs, -1 for an added document
        int to = -1;   ///< index into toDocs, -1 for a removed one
        qsizetype weight = 0;
    };
    std::vector<Work> work;
    QHash<QString, QList<int>> toByIdentity;
    QList<int> toAnonymous;
    for (size_t j = 0; j < toDocs.size(); ++j) {
        if (toDone[j])
            continue;
        if (toIds[j].isEmpty())
            toAnonymous << int(j);
        else
            toByIdentity[toIds[j]] << int(j);
    }
    for (size_t i = 0; i < fromDocs.size(); ++i) {
        if (fromDone[i])
            continue;
        QList<int> *candidates = nullptr;
        if (fromIds[i].isEmpty()) {
            candidates = &toAnonymous;
        } else if (auto it = toByIdentity.find(fromIds[i]); it != toByIdentity.end()) {
            candidates = &it.value();
        }
        const int j = candidates && !candidates->isEmpty() ? candidates->takeFirst() : -1;
        if (j >= 0)
            toDone[size_t(j)] = true;
        work.push_back(Work{int(i), j, fromDocs[i]->weight + (j >= 0 ? toDocs[size_t(j)]->weight : 0)});
    }
    for (size_t j = 0; j < toDocs.size(); ++j) {
        if (!toDone[j])
            work.push_back(Work{-1, int(j), toDocs[j]->weight});
    }

    // Each thread has its own sides: they keep the values they materialize.
    auto walk = [&](size_t begin, size_t end, DocumentsOutcome &out) {
        YamlSide fromSide({}, fromFile);
        YamlSide toSide({}, toFile);
        Walker<YamlSide> walker(fromSide, toSide, out.changes);
        for (size_t k = begin; k < end; ++k) {
            const Work &w = work[k];
            const LoadedDocument a(w.from >= 0 ? fromDocs[size_t(w.from)] : nullptr, fromFile);
            const LoadedDocument b(w.to >= 0 ? toDocs[size_t(w.to)] : nullptr, toFile);
            if (!a.usable() || !b.usable()) {
                out.fail(a, 0);
                out.fail(b, 1);
                continue;
            }
            fromSide.setDocument(a.ref().source, a.ref().lineOffset, a.mayAlias());
            toSide.setDocument(b.ref().source, b.ref().lineOffset, b.mayAlias());
            if (w.from >= 0 && w.to >= 0)
                walker.compareDocument(a.ref().root, a.ref().index, b.ref().root, b.ref().index,
                                       labelOf(toIds[size_t(w.to)], b.ref().index));
            else if (w.from >= 0)
                walker.wholeDocument(SemanticChange::Kind::Removed, a.ref().root, a.ref().index,
                                     labelOf(fromIds[size_t(w.from)], a.ref().index), toFile);
            else
                walker.wholeDocument(SemanticChange::Kind::Added, b.ref().root, b.ref().index,
                                     labelOf(toIds[size_t(w.to)], b.ref().index), fromFile);
        }
    };
    if (!parallel) {
        walk(0, work.size(), outcome);
        return outcome;
    }
    // Two halves of about the same amount of text.
    qsizetype total = 0;
    for (const Work &w : work)
        total += w.weight;
    size_t middle = 0;
    for (qsizetype sum = 0; middle < work.size() && sum < total / 2; ++middle)
        sum += work[middle].weight;
    DocumentsOutcome secondHalf;
    QFuture<void> first = QtConcurrent::run([&] { walk(0, middle, outcome); });
    walk(middle, work.size(), secondHalf);
    first.waitForFinished();
    outcome.merge(std::move(secondHalf));
    return outcome;
}

// --- the text fast path --------------------------------------------------------------------------------------------

/// One document's text in a YAML stream, cut at "---" lines.
struct Chunk {
    QStringView text;
    int firstLine = 1;     ///< 1-based line of the chunk's first line in the file
    bool marker = false;   ///< starts with a "---" line
    bool hasContent = false;
};

bool isMarkerLine(QStringView line, QStringView marker)
{
    return line.startsWith(marker) && (line.size() == 3 || line.at(3) == u' ' || line.at(3) == u'\t' || line.at(3) == u'\r');
}

/// Cuts a stream into documents, or returns false when it uses what the cut cannot follow: directives ("%") or
/// document end markers ("..."). A "---" line always starts a document, inside a block scalar too, as in the
/// parser.
bool cutDocuments(QStringView source, std::vector<Chunk> &chunks)
{
    chunks.clear();
    Chunk current;
    qsizetype chunkStart = 0;
    int line = 1;
    qsizetype pos = 0;
    const qsizetype n = source.size();
    while (pos < n) {
        qsizetype end = source.indexOf(u'\n', pos);
        if (end < 0)
            end = n;
        const QStringView text = source.mid(pos, end - pos);
        if (text.startsWith(u'%') || isMarkerLine(text, u"..."))
            return false;
        if (isMarkerLine(text, u"---")) {
            if (pos > chunkStart || current.marker) {
                current.text = source.mid(chunkStart, pos - chunkStart);
                chunks.push_back(current);
            }
            current = Chunk{};
            current.firstLine = line;
            current.marker = true;
            chunkStart = pos;
            const QStringView rest = text.mid(3).trimmed();
            current.hasContent = !rest.isEmpty() && !rest.startsWith(u'#');
        } else if (!current.hasContent) {
            const QStringView trimmed = text.trimmed();
            current.hasContent = !trimmed.isEmpty() && !trimmed.startsWith(u'#');
        }
        pos = end + 1;
        ++line;
    }
    if (n > chunkStart || current.marker) {
        current.text = source.mid(chunkStart, n - chunkStart);
        chunks.push_back(current);
    }
    return true;
}

/// The Kubernetes identity of a document read from its text: top-level `apiVersion:` and `kind:`, and
/// `name:`/`namespace:` two spaces in under `metadata:`, as plain or simply quoted one-line values. False when the
/// text is written in a way this reading does not follow (flow style, anchors, tags, multi-line values, a root
/// that is not a block mapping…); the parse confirms every identity read here before it is relied on.
bool identityFromText(QStringView text, QString &identity)
{
    QStringView apiVersion, kind, name, ns;
    bool inMetadata = false;
    auto valueOf = [](QStringView rest, QStringView &value) {
        // rest: what follows "key:"; a comment after a space ends the value.
        if (!rest.isEmpty() && rest.front() != u' ' && rest.front() != u'\t' && rest.front() != u'\r')
            return false;
        qsizetype hash = rest.indexOf(QStringLiteral(" #"));
        value = (hash >= 0 ? rest.left(hash) : rest).trimmed();
        if (value.isEmpty())
            return true;
        const QChar q = value.front();
        if (q == u'"' || q == u'\'') {
            if (value.size() < 2 || value.back() != q || value.mid(1, value.size() - 2).contains(q) || value.contains(u'\\'))
                return false;
            value = value.mid(1, value.size() - 2);
            return !value.isEmpty(); // a quoted empty string is a string; keep it simple: not followed
        }
        static constexpr QStringView special = u"&*!{[|>%@`";
        if (special.contains(q) || q == u'#')
            return false;
        return yaml::resolvePlainScalar(value) == yaml::ScalarType::String;
    };
    qsizetype pos = 0;
    bool first = true;
    while (pos < text.size()) {
        qsizetype end = text.indexOf(u'\n', pos);
        if (end < 0)
            end = text.size();
        const QStringView line = text.mid(pos, end - pos);
        pos = end + 1;
        if (first && isMarkerLine(line, u"---")) {
            first = false;
            if (!line.mid(3).trimmed().isEmpty() && !line.mid(3).trimmed().startsWith(u'#'))
                return false; // content on the marker line
            continue;
        }
        first = false;
        // Most lines are indented content outside metadata: decided by their first character.
        const bool indented = !line.isEmpty() && (line.front() == u' ' || line.front() == u'\t');
        if (indented && !inMetadata)
            continue;
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        if (!indented) {
            // A top-level entry: "key: value" with a plain key.
            const qsizetype colon = line.indexOf(u':');
            if (colon <= 0)
                return false;
            const QStringView key = line.left(colon);
            for (const QChar c : key) {
                if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.' || c == u'/'))
                    return false;
            }
            QStringView value;
            if (!valueOf(line.mid(colon + 1), value) && (key == u"apiVersion" || key == u"kind" || key == u"metadata"))
                return false;
            inMetadata = key == u"metadata";
            if (inMetadata && !value.isEmpty())
                return false; // metadata written inline
            if (key == u"apiVersion")
                apiVersion = value;
            else if (key == u"kind")
                kind = value;
            continue;
        }
        if (inMetadata && line.startsWith(u"  ") && line.size() > 2 && line.at(2) != u' ' && line.at(2) != u'\t') {
            const qsizetype colon = line.indexOf(u':');
            const QStringView key = colon > 2 ? line.mid(2, colon - 2) : QStringView();
            if (key == u"name" || key == u"namespace") {
                QStringView value;
                if (!valueOf(line.mid(colon + 1), value))
                    return false;
                (key == u"name" ? name : ns) = value;
            }
        }
    }
    identity.clear();
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty())
        return true; // no identity
    identity.reserve(apiVersion.size() + kind.size() + ns.size() + name.size() + 3);
    identity += apiVersion;
    identity += u'/';
    identity += kind;
    identity += u'/';
    if (!ns.isEmpty()) {
        identity += ns;
        identity += u'/';
    }
    identity += name;
    return true;
}

/// The documents of a stream as references to their text, with the identity read from it. The chunks with
/// `skip` set have the same text on the other side and are never parsed. False when an identity cannot be read.
bool chunkedDocuments(const std::vector<Chunk> &chunks, const std::vector<bool> &skip, std::vector<DocumentRef> &documents)
{
    documents.clear();
    documents.reserve(chunks.size());
    int index = 0; // the parser counts a leading chunk without "---" only when it has content
    for (size_t k = 0; k < chunks.size(); ++k) {
        const Chunk &c = chunks[k];
        if (!c.marker && !c.hasContent)
            continue;
        DocumentRef ref;
        ref.index = index++;
        ref.lineOffset = c.firstLine - 1;
        ref.text = c.text;
        ref.hasContent = c.hasContent;
        ref.weight = c.text.size();
        if (!skip[k] && c.hasContent) {
            if (!identityFromText(c.text, ref.identity))
                return false;
            ref.identityKnown = true;
        }
        documents.push_back(ref);
    }
    return true;
}

} // namespace

QString SemanticChange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Added: return QStringLiteral("added");
    case Kind::Removed: return QStringLiteral("removed");
    case Kind::Changed: return QStringLiteral("changed");
    case Kind::TypeChanged: return QStringLiteral("typeChanged");
    case Kind::OrderChanged: return QStringLiteral("orderChanged");
    }
    return {};
}

Result<QList<SemanticChange>> SemanticDiff::compare(const yaml::YamlDocument &from, const QString &fromFile,
                                                    const yaml::YamlDocument &to, const QString &toFile)
{
    for (const auto &[document, file] : {std::pair{&from, &fromFile}, std::pair{&to, &toFile}}) {
        if (Status ok = checkSyntax(*document, *file); !ok)
            return ok.error();
        for (const yaml::YamlNode *root : document->documents()) {
            if (Status ok = checkAliases(root, document->source(), *file); !ok)
                return ok.error();
        }
    }
    return compareDocuments(documentsOf(from), fromFile, documentsOf(to), toFile).changes; // parsed: cannot fail
}

Result<QList<SemanticChange>> SemanticDiff::compare(const yaml::YamlNode *from, const QString &fromFile,
                                                    const yaml::YamlNode *to, const QString &toFile)
{
    if (!from || !to)
        return Result<QList<SemanticChange>>::failure(Error::Code::Internal, QStringLiteral("no YAML node to compare"));
    for (const auto &[node, file] : {std::pair{from, &fromFile}, std::pair{to, &toFile}}) {
        Tree tree;
        if (Status ok = checkExpansion(tree, buildFromYaml(tree, *file, node), *file); !ok)
            return ok.error();
    }
    const YamlSide fromSide({}, fromFile); // without the source text: no text shortcut
    const YamlSide toSide({}, toFile);
    QList<SemanticChange> changes;
    Walker<YamlSide>(fromSide, toSide, changes).compareDocument(from, 0, to, 0, QString());
    return changes;
}

Result<QList<SemanticChange>> SemanticDiff::compareTexts(const QString &fromText, const QString &fromFile,
                                                         const QString &toText, const QString &toFile)
{
    // Documents whose text is the same in both files cannot differ and are never parsed. The others are matched
    // by the identity read from their text, then parsed one pair at a time while they are compared (and the
    // identity confirmed), so memory stays at a few documents whatever the size of the files. Anything unusual
    // sends the comparison down the ordinary path: parse both files, compare.
    std::vector<Chunk> fromChunks;
    std::vector<Chunk> toChunks;
    if (cutDocuments(fromText, fromChunks) && cutDocuments(toText, toChunks)) {
        std::vector<bool> fromSkip(fromChunks.size(), false);
        std::vector<bool> toSkip(toChunks.size(), false);
        QHash<QStringView, QList<int>> toByText;
        toByText.reserve(qsizetype(toChunks.size()));
        for (size_t j = 0; j < toChunks.size(); ++j)
            toByText[toChunks[j].text] << int(j);
        for (size_t i = 0; i < fromChunks.size(); ++i) {
            auto it = toByText.find(fromChunks[i].text);
            if (it == toByText.end() || it->isEmpty())
                continue;
            fromSkip[i] = true;
            toSkip[size_t(it->takeFirst())] = true;
        }
        std::vector<DocumentRef> fromDocs;
        std::vector<DocumentRef> toDocs;
        if (chunkedDocuments(fromChunks, fromSkip, fromDocs) && chunkedDocuments(toChunks, toSkip, toDocs)) {
            DocumentsOutcome outcome = compareDocuments(fromDocs, fromFile, toDocs, toFile);
            if (!outcome.retry) {
                if (!outcome.status)
                    return outcome.status.error();
                return std::move(outcome.changes);
            }
        }
    }
    QFuture<yaml::YamlDocument> parsing = QtConcurrent::run([&fromText] { return yaml::YamlDocument::parse(fromText); });
    const yaml::YamlDocument to = yaml::YamlDocument::parse(toText);
    return compare(parsing.result(), fromFile, to, toFile);
}

QList<SemanticChange> SemanticDiff::compare(const ValueNode &from, const ValueNode &to)
{
    Tree fromTree;
    Tree toTree;
    const Node *a = buildFromValues(fromTree, from);
    const Node *b = buildFromValues(toTree, to);
    const NodeSide fromSide(fromTree);
    const NodeSide toSide(toTree);
    QList<SemanticChange> changes;
    Walker<NodeSide>(fromSide, toSide, changes).compareDocument(a, 0, b, 0, QString());
    return changes;
}

} // namespace studio
