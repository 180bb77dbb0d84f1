// SPDX-License-Identifier: MIT
// YamlDocument: trees and spans, checked against yaml-cpp as the reference parser, plus the
// diagnostics a user sees for broken input.

#include "yaml/YamlDocument.h"

#include <QElapsedTimer>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace studio;
using namespace studio::yaml;

namespace {

QString canonical(const YamlNode *node)
{
    node = node->resolved();
    switch (node->kind) {
    case NodeKind::Scalar:
        return node->isNull() && node->style == ScalarStyle::Plain ? QStringLiteral("~")
                                                                   : u'"' + node->text + u'"';
    case NodeKind::Sequence: {
        QStringList parts;
        for (const YamlNode *item : node->items)
            parts << canonical(item);
        return u'[' + parts.join(u',') + u']';
    }
    case NodeKind::Mapping: {
        QStringList parts;
        for (const YamlPair &p : node->pairs)
            parts << canonical(p.key) + u':' + canonical(p.value);
        return u'{' + parts.join(u',') + u'}';
    }
    case NodeKind::Alias:
        break;
    }
    return {};
}

QString canonical(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return QStringLiteral("~");
    case YAML::NodeType::Scalar:
        if (node.Tag() == "?" && (node.Scalar() == "~" || node.Scalar() == "null" || node.Scalar() == "Null"
                                  || node.Scalar() == "NULL"))
            return QStringLiteral("~");
        return u'"' + QString::fromStdString(node.Scalar()) + u'"';
    case YAML::NodeType::Sequence: {
        QStringList parts;
        for (const auto &item : node)
            parts << canonical(item);
        return u'[' + parts.join(u',') + u']';
    }
    case YAML::NodeType::Map: {
        QStringList parts;
        for (const auto &p : node)
            parts << canonical(p.first) + u':' + canonical(p.second);
        return u'{' + parts.join(u',') + u'}';
    }
    case YAML::NodeType::Undefined:
        break;
    }
    return QStringLiteral("?");
}

QStringList canonicalDocuments(const QString &source)
{
    QStringList out;
    const YamlDocument doc = YamlDocument::parse(source);
    for (const YamlNode *root : doc.documents())
        out << canonical(root);
    return out;
}

QStringList referenceDocuments(const QString &source)
{
    QStringList out;
    for (const YAML::Node &node : YAML::LoadAll(source.toStdString()))
        out << canonical(node);
    return out;
}

const YamlNode *at(const YamlNode *node, const QStringList &path)
{
    for (const QString &segment : path) {
        bool isIndex = false;
        const int index = segment.toInt(&isIndex);
        if (isIndex && node->isSequence())
            node = node->resolved()->items.at(size_t(index));
        else
            node = node->value(segment);
        if (!node)
            return nullptr;
    }
    return node;
}

} // namespace

class TestYamlDocument : public QObject
{
    Q_OBJECT

private slots:
    void matchesReferenceParser_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("block mapping") << QStringLiteral("a: 1\nb: two\nc:\n  d: x\n");
        QTest::newRow("sequence under key, same indent") << QStringLiteral("list:\n- a\n- b\nnext: 1\n");
        QTest::newRow("sequence of mappings") << QStringLiteral("- name: a\n  value: 1\n- name: b\n  value: 2\n");
        QTest::newRow("nested sequences") << QStringLiteral("- - a\n  - b\n- - c\n");
        QTest::newRow("empty values") << QStringLiteral("a:\nb: ~\nc: null\nd: ''\n");
        QTest::newRow("flow collections") << QStringLiteral("a: [1, 2, {x: y, z: [q]}]\nb: {}\nc: []\n");
        QTest::newRow("multi-line flow") << QStringLiteral("args: [\n  --a,\n  --b=c,\n]\n");
        QTest::newRow("quoted") << QStringLiteral("a: \"x\\ty\\u00e9\"\nb: 'it''s'\nc: \"multi\n  line\"\n");
        QTest::newRow("plain multi-line") << QStringLiteral("desc: this is\n  a long\n\n  text\nnext: 1\n");
        QTest::newRow("colon inside plain") << QStringLiteral("image: repo/app:1.2\nurl: http://x:80/p\n");
        QTest::newRow("comments") << QStringLiteral("# head\na: 1 # trailing\n# between\nb: x#notcomment\n");
        QTest::newRow("literal") << QStringLiteral("s: |\n  line1\n    indented\n  line3\nt: 1\n");
        QTest::newRow("literal strip") << QStringLiteral("s: |-\n  a\n  b\n\nt: 1\n");
        QTest::newRow("literal keep") << QStringLiteral("s: |+\n  a\n\n\nt: 1\n");
        QTest::newRow("folded") << QStringLiteral("s: >\n  a\n  b\n\n  c\n    d\n  e\nt: 1\n");
        QTest::newRow("folded strip") << QStringLiteral("s: >-\n  one\n  two\n");
        QTest::newRow("explicit indent") << QStringLiteral("s: |2\n    leading\n  base\n");
        QTest::newRow("anchors") << QStringLiteral("base: &b\n  x: 1\nuse: *b\nlist: [&i item, *i]\n");
        QTest::newRow("tags") << QStringLiteral("a: !!str 123\nb: !custom\n  k: v\n");
        QTest::newRow("multi document") << QStringLiteral("a: 1\n---\nb: 2\n---\n- x\n...\n---\nc: 3\n");
        QTest::newRow("document start with content") << QStringLiteral("--- text\n");
        QTest::newRow("explicit keys") << QStringLiteral("? a\n: 1\n? b\n");
        QTest::newRow("crlf") << QStringLiteral("a: 1\r\nb:\r\n  - x\r\n");
        QTest::newRow("kubernetes") << QStringLiteral(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n"
            "  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n"
            "          image: \"nginx:1.27\"\n          args: [\"--port\", \"80\"]\n"
            "          env:\n            - name: A\n              value: \"1\"\n");
        QTest::newRow("root scalar") << QStringLiteral("just text\n");
        QTest::newRow("flow pair in list") << QStringLiteral("- [a: 1, b]\n");
        QTest::newRow("indented root mapping") << QStringLiteral("  a: 1\n  b: 2\n");
    }

    void matchesReferenceParser()
    {
        QFETCH(QString, source);
        const YamlDocument doc = YamlDocument::parse(source);
        QVERIFY2(doc.diagnostics().isEmpty(), qPrintable(doc.diagnostics().value(0).message));
        QCOMPARE(canonicalDocuments(source), referenceDocuments(source));
    }

    void spansPointAtTheWrittenText()
    {
        const QString source = QStringLiteral("metadata:\n  name: web # the name\nspec:\n  replicas: 3\n"
                                              "  ports:\n    - 80\n    - \"443\"\n  empty:\n");
        const YamlDocument doc = YamlDocument::parse(source);
        QCOMPARE(doc.documents().size(), size_t(1));
        const YamlNode *root = doc.documents().front();

        const YamlNode *name = at(root, {QStringLiteral("metadata"), QStringLiteral("name")});
        QVERIFY(name);
        QCOMPARE(name->span.start.line, 2);
        QCOMPARE(name->span.start.column, 9);
        QCOMPARE(name->span.end.column, 12);
        QCOMPARE(source.mid(name->span.start.offset, name->span.end.offset - name->span.start.offset),
                 QStringLiteral("web"));

        const YamlNode *port = at(root, {QStringLiteral("spec"), QStringLiteral("ports"), QStringLiteral("1")});
        QVERIFY(port);
        QCOMPARE(port->span.start.line, 7);
        QCOMPARE(port->span.start.column, 7);
        QCOMPARE(port->span.end.column, 12);
        QCOMPARE(port->scalarType(), ScalarType::String);

        const YamlNode *spec = root->value(u"spec");
        QCOMPARE(spec->span.start.line, 4);
        QCOMPARE(spec->span.end.line, 8);

        const YamlNode *empty = at(root, {QStringLiteral("spec"), QStringLiteral("empty")});
        QVERIFY(empty);
        QVERIFY(empty->isNull());
        QCOMPARE(empty->span.start, empty->span.end);
        QCOMPARE(empty->span.start.line, 8);
    }

    void blockScalarSpanCoversItsLines()
    {
        const QString source = QStringLiteral("data:\n  script: |\n    echo a\n    echo b\n\n  next: 1\n");
        const YamlDocument doc = YamlDocument::parse(source);
        const YamlNode *script = at(doc.documents().front(), {QStringLiteral("data"), QStringLiteral("script")});
        QCOMPARE(script->text, QStringLiteral("echo a\necho b\n"));
        QCOMPARE(script->span.start.line, 2);
        QCOMPARE(script->span.end.line, 4);
        QCOMPARE(at(doc.documents().front(), {QStringLiteral("data"), QStringLiteral("next")})->span.start.line, 6);
    }

    void scalarTypesFollowTheCoreSchema_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("type");
        QTest::newRow("int") << QStringLiteral("42") << int(ScalarType::Int);
        QTest::newRow("negative") << QStringLiteral("-7") << int(ScalarType::Int);
        QTest::newRow("hex") << QStringLiteral("0x1F") << int(ScalarType::Int);
        QTest::newRow("float") << QStringLiteral("1.5e3") << int(ScalarType::Float);
        QTest::newRow("inf") << QStringLiteral(".inf") << int(ScalarType::Float);
        QTest::newRow("bool") << QStringLiteral("true") << int(ScalarType::Bool);
        QTest::newRow("null") << QStringLiteral("~") << int(ScalarType::Null);
        QTest::newRow("quoted number") << QStringLiteral("\"80\"") << int(ScalarType::String);
        QTest::newRow("tagged") << QStringLiteral("!!str 80") << int(ScalarType::String);
        QTest::newRow("version") << QStringLiteral("1.2.3") << int(ScalarType::String);
        QTest::newRow("yes is text in 1.2") << QStringLiteral("yes") << int(ScalarType::String);
        QTest::newRow("memory") << QStringLiteral("512Mi") << int(ScalarType::String);
    }

    void scalarTypesFollowTheCoreSchema()
    {
        QFETCH(QString, value);
        QFETCH(int, type);
        const YamlDocument doc = YamlDocument::parse(QStringLiteral("v: ") + value + u'\n');
        QVERIFY(doc.diagnostics().isEmpty());
        QCOMPARE(int(doc.documents().front()->value(u"v")->scalarType()), type);
    }

    void mergeKeysAreApplied()
    {
        const YamlDocument doc = YamlDocument::parse(
            QStringLiteral("defaults: &d\n  cpu: 100m\n  memory: 1Gi\nprod:\n  <<: *d\n  memory: 4Gi\n"));
        QVERIFY(doc.diagnostics().isEmpty());
        const YamlNode *prod = doc.documents().front()->value(u"prod");
        QCOMPARE(prod->value(u"cpu")->scalar(), QStringLiteral("100m"));
        QCOMPARE(prod->value(u"memory")->scalar(), QStringLiteral("4Gi"));
        const auto pairs = prod->effectivePairs();
        QCOMPARE(pairs.size(), size_t(2));
        QCOMPARE(pairs[0].key->scalar(), QStringLiteral("memory"));
        QCOMPARE(pairs[1].key->scalar(), QStringLiteral("cpu"));
    }

    void syntaxErrorsNameTheLine_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("over-indented key") << QStringLiteral("a: 1\n   b: 2\n") << 2 << 4 << QStringLiteral("yaml-syntax")
                                           << QStringLiteral("indent");
        QTest::newRow("key inside text") << QStringLiteral("a: b\n  c: d\n") << 2 << 3 << QStringLiteral("yaml-syntax")
                                         << QStringLiteral("indentation");
        QTest::newRow("tab indentation") << QStringLiteral("a:\n\tb: 1\n") << 2 << 1 << QStringLiteral("yaml-tab")
                                         << QStringLiteral("tab");
        QTest::newRow("unclosed quote") << QStringLiteral("a: \"open\nb: 1\n") << 1 << 4
                                        << QStringLiteral("yaml-syntax") << QStringLiteral("never closed");
        QTest::newRow("unclosed flow") << QStringLiteral("a: [1, 2\n") << 1 << 4 << QStringLiteral("yaml-syntax")
                                       << QStringLiteral("never closed");
        QTest::newRow("unknown alias") << QStringLiteral("a: *nope\n") << 1 << 4 << QStringLiteral("yaml-syntax")
                                       << QStringLiteral("not defined");
        QTest::newRow("missing colon") << QStringLiteral("a: 1\nb\nc: 2\n") << 2 << 1 << QStringLiteral("yaml-syntax")
                                       << QStringLiteral("':'");
        QTest::newRow("list where key expected") << QStringLiteral("a: 1\n- b\n") << 2 << 1
                                                 << QStringLiteral("yaml-syntax") << QStringLiteral("list entry");
        QTest::newRow("duplicate key") << QStringLiteral("a: 1\nb: 2\na: 3\n") << 3 << 1
                                       << QStringLiteral("yaml-duplicate-key") << QStringLiteral("line 1");
        QTest::newRow("bad escape") << QStringLiteral("a: \"\\q\"\n") << 1 << 5 << QStringLiteral("yaml-syntax")
                                    << QStringLiteral("escape");
    }

    void syntaxErrorsNameTheLine()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, rule);
        QFETCH(QString, messagePart);
        const YamlDocument doc = YamlDocument::parse(source);
        QCOMPARE(doc.diagnostics().size(), 1);
        const Diagnostic &d = doc.diagnostics().front();
        QCOMPARE(d.rule, rule);
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
        QVERIFY2(d.message.contains(messagePart), qPrintable(d.message));
        QVERIFY(doc.hasErrors());
        // The reference parser agrees that the text is not valid YAML (except duplicate keys and
        // a quote left open at the end of the file, which yaml-cpp silently accepts).
        if (rule != QStringLiteral("yaml-duplicate-key") && !messagePart.contains(QStringLiteral("never closed"))) {
            bool referenceFailed = false;
            try {
                YAML::LoadAll(source.toStdString());
            } catch (const YAML::Exception &) {
                referenceFailed = true;
            }
            QVERIFY(referenceFailed);
        }
    }

    void anErrorOnlyEndsItsOwnDocument()
    {
        const YamlDocument doc = YamlDocument::parse(
            QStringLiteral("a: 1\n---\nb: [unclosed\n---\nc: 3\n"));
        QCOMPARE(doc.diagnostics().size(), 1);
        QCOMPARE(doc.diagnostics().front().line, 3);
        QCOMPARE(doc.documents().size(), size_t(2));
        QCOMPARE(doc.documents().back()->value(u"c")->scalar(), QStringLiteral("3"));
    }

    void emptyInputHasNoDocuments()
    {
        QCOMPARE(YamlDocument::parse(QString()).documents().size(), size_t(0));
        QCOMPARE(YamlDocument::parse(QStringLiteral("# only a comment\n\n")).documents().size(), size_t(0));
        QCOMPARE(YamlDocument::parse(QStringLiteral("---\n")).documents().size(), size_t(1));
    }

    void deepNestingIsRefusedWithoutCrashing_data()
    {
        QTest::addColumn<QString>("source");
        const int depth = 10000;
        QTest::newRow("flow") << QString(depth, u'[') + QString(depth, u']');
        QString block; // indentation grows with depth, so fewer levels keep the file small
        for (int i = 0; i < 3000; ++i)
            block += QString(i, u' ') + QStringLiteral("k:\n");
        QTest::newRow("block") << block;
        QString seq;
        for (int i = 0; i < depth; ++i)
            seq += QStringLiteral("- ");
        QTest::newRow("sequences") << seq + QStringLiteral("x\n");
    }

    void deepNestingIsRefusedWithoutCrashing()
    {
        QFETCH(QString, source);
        QElapsedTimer timer;
        timer.start();
        const YamlDocument doc = YamlDocument::parse(source);
        QCOMPARE(doc.diagnostics().size(), 1);
        QCOMPARE(doc.diagnostics().front().rule, QStringLiteral("yaml-too-deep"));
        QVERIFY(doc.diagnostics().front().message.contains(QStringLiteral("deeper than")));
    }

    void oversizedSourceIsRefused()
    {
        ParseLimits limits;
        limits.maxSourceSize = 1024;
        const YamlDocument doc = YamlDocument::parse(QString(2048, u'a'), limits);
        QCOMPARE(doc.diagnostics().size(), 1);
        QCOMPARE(doc.diagnostics().front().rule, QStringLiteral("yaml-too-large"));
        QVERIFY(doc.documents().empty());
    }
};

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "tst_yamldocument.moc"
