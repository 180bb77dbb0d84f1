// SPDX-License-Identifier: MIT
// SchemaAssist: the cursor context read from indentation (valid and invalid YAML, sequences, block
// scalars, tabs, CRLF, several documents), completion and hover against the real Kubernetes and CRD
// schemas in ../shared/schemas and a hand-written Helm values schema, and which kind a document is.
//
// Texts mark the cursor with "‸" (U+2038); the marker is removed before the text is used.

#include "schema/SchemaAssist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace studio;

namespace {

const QString kKubernetes = QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes/v1.31.6-standalone-strict/");
const QString kCrds = QStringLiteral(STUDIO_SHARED_DIR "/schemas/crds/");

struct Cursor {
    QString text;
    int line = 0;
    int column = 0;
};

/// The text without its "‸" marker and the 1-based line and column of the marker.
Cursor cursorIn(const QString &marked)
{
    const qsizetype at = marked.indexOf(QChar(0x2038));
    Q_ASSERT(at >= 0);
    Cursor cursor;
    cursor.text = marked.left(at) + marked.mid(at + 1);
    const QString before = marked.left(at);
    cursor.line = int(before.count(u'\n')) + 1;
    cursor.column = int(at - before.lastIndexOf(u'\n'));
    return cursor;
}

CursorContext contextOf(const QString &marked)
{
    const Cursor cursor = cursorIn(marked);
    return SchemaAssist::contextAt(cursor.text, cursor.line, cursor.column);
}

QStringList labels(const QList<Completion> &completions)
{
    QStringList out;
    for (const Completion &completion : completions)
        out << completion.label;
    return out;
}

QStringList insertTexts(const QList<Completion> &completions)
{
    QStringList out;
    for (const Completion &completion : completions)
        out << completion.insertText;
    return out;
}

const Completion *find(const QList<Completion> &completions, const QString &label)
{
    for (const Completion &completion : completions) {
        if (completion.label == label)
            return &completion;
    }
    return nullptr;
}

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

/// A Helm-style values schema exercising what the Kubernetes schemas lack: enum strings that read as
/// numbers or booleans, defaults, booleans, $ref, oneOf/allOf branches, arrays of enums.
const char *const kValuesSchema = R"({
  "type": "object",
  "properties": {
    "version": {"type": "string", "enum": ["1.0", "2.0"], "description": "Application version."},
    "debug": {"type": "boolean", "default": false, "description": "Verbose logs."},
    "mode": {"type": "string", "enum": ["fast", "safe", "yes", "null"], "default": "safe",
             "title": "Mode", "description": "Speed < safety & more"},
    "replicaCount": {"type": "integer", "default": 1},
    "image": {"type": "object", "description": "Container image.",
              "properties": {"repository": {"type": "string"}, "tag": {"type": "string", "default": "latest"}}},
    "ingress": {"$ref": "#/definitions/ingress"},
    "backend": {"oneOf": [{"properties": {"url": {"type": "string"}}}, {"properties": {"socket": {"type": "string"}}}]},
    "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
    "on": {"type": "boolean"},
    "podAnnotations": {"type": "object", "additionalProperties": {"type": "string"}}
  },
  "allOf": [{"properties": {"extra": {"type": "string", "description": "From allOf."}}}],
  "definitions": {
    "ingress": {"type": "object", "description": "Ingress settings.",
                "properties": {"enabled": {"type": "boolean"},
                               "hosts": {"type": "array", "items": {"type": "object",
                                         "properties": {"host": {"type": "string"}}}}}}
  }
})";

// moc 6.4 silently drops the test class when a raw string literal inside it contains '#' (and the
// same happens for `schema#"` at namespace level), so the schemas with "$ref"s live out here.
const char *const kRefSchema = R"({"$ref": "#/definitions/x", "definitions": {"x": {"type": "number"}}})";
const char *const kSelfReference = R"({"$ref": "#", "properties": {"a": {"$ref": "#"}}})";
const char *const kRecursiveSchema = R"({
            "definitions": {"node": {"type": "object", "properties": {"child": {"$ref": "#/definitions/node"},
                                                                       "name": {"type": "string"}}}},
            "properties": {"tree": {"$ref": "#/definitions/node"},
                           "pairs": {"type": "array", "items": [{"type": "string"}, {"type": "integer"}]},
                           "env": {"patternProperties": {"^[A-Z_]+$": {"type": "string"}}}}
        })";

} // namespace

class TestSchemaAssist : public QObject
{
    Q_OBJECT

private:
    CompiledSchemaPtr m_deployment;
    CompiledSchemaPtr m_certificate;
    CompiledSchemaPtr m_serviceMonitor;
    CompiledSchemaPtr m_values;

    QList<Completion> complete(const CompiledSchemaPtr &schema, const QString &marked)
    {
        return SchemaAssist::completions(*schema, contextOf(marked));
    }
    HoverInfo hover(const CompiledSchemaPtr &schema, const QString &marked)
    {
        const Cursor cursor = cursorIn(marked);
        return SchemaAssist::hoverAt(*schema, cursor.text, cursor.line, cursor.column);
    }

private slots:
    void initTestCase()
    {
        const auto load = [](const QString &path) {
            auto result = CompiledSchema::load(path);
            if (!result)
                qFatal("%s", qPrintable(result.errorMessage()));
            return result.value();
        };
        m_deployment = load(kKubernetes + QStringLiteral("deployment-apps-v1.json"));
        m_certificate = load(kCrds + QStringLiteral("cert-manager.io/certificate_v1.json"));
        m_serviceMonitor = load(kCrds + QStringLiteral("monitoring.coreos.com/servicemonitor_v1.json"));
        auto values = CompiledSchema::compile(kValuesSchema, QStringLiteral("values.schema.json"));
        QVERIFY2(values.ok(), qPrintable(values.errorMessage()));
        m_values = values.value();
    }

    void contextAt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("mappingPath");
        QTest::addColumn<QString>("currentKey");
        QTest::addColumn<bool>("inValue");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QStringList>("siblingKeys");
        QTest::addColumn<bool>("inFreeText");
        QTest::addColumn<QStringList>("path"); // pathAt

        using L = QStringList;
        const QString none;
        // (a) blank lines: the collection whose entries are at the cursor's column
        QTest::newRow("blank line under image: at indent 2")
            << u8("image:\n  repository: nginx\n  ‸\n") << L{"image"} << none << false << none << L{"repository"}
            << false << L{"image"};
        QTest::newRow("blank line back at the root")
            << u8("image:\n  tag: x\n‸") << L{} << none << false << none << L{"image"} << false << L{};
        QTest::newRow("siblings below the cursor too")
            << u8("image:\n  ‸\n  tag: x\n  pullPolicy: y\nother: 1\n") << L{"image"} << none << false << none
            << L{"tag", "pullPolicy"} << false << L{"image"};
        QTest::newRow("blank line after a block scalar, at its key's column")
            << u8("job:\n  script: |\n    echo hi\n  ‸\n") << L{"job"} << none << false << none << L{"script"}
            << false << L{"job"};
        QTest::newRow("cursor in a line's indentation")
            << u8("image:\n  tag: x\n ‸ pullPolicy: y\n") << L{"image"} << none << false << none << L{} << false
            << L{"image"};
        QTest::newRow("blank line under an anchored key with a comment")
            << u8("base: &base # shared\n  ‸\n") << L{"base"} << none << false << none << L{} << false << L{"base"};
        QTest::newRow("blank line under a tagged key")
            << u8("data: !!map\n  ‸\n") << L{"data"} << none << false << none << L{} << false << L{"data"};
        QTest::newRow("quoted key") << u8("\"my key\":\n  ‸\n") << L{"my key"} << none << false << none << L{}
                                    << false << L{"my key"};
        // a word without a colon yet: a key being typed
        QTest::newRow("  ta|") << u8("image:\n  repository: nginx\n  ta‸\n") << L{"image"} << none << false
                               << u8("ta") << L{"repository"} << false << L{"image"};
        QTest::newRow("root key being typed")
            << u8("apiVersion: v1\nki‸\nmetadata:\n  name: x\n") << L{} << none << false << u8("ki")
            << L{"apiVersion", "metadata"} << false << L{};
        // (b) values
        QTest::newRow("  tag: |") << u8("image:\n  repository: nginx\n  tag: ‸\n") << L{"image"} << u8("tag") << true
                                  << none << L{"repository"} << false << L{"image", "tag"};
        QTest::newRow("value prefix") << u8("image:\n  tag: la‸test\n") << L{"image"} << u8("tag") << true
                                      << u8("la") << L{} << false << L{"image", "tag"};
        QTest::newRow("quoted value prefix") << u8("image:\n  tag: \"1.‸\n") << L{"image"} << u8("tag") << true
                                             << u8("1.") << L{} << false << L{"image", "tag"};
        QTest::newRow("value after an anchor") << u8("a: &x fa‸\n") << L{} << u8("a") << true << u8("fa") << L{}
                                               << false << L{"a"};
        // (c) key names
        QTest::newRow("inside a key name") << u8("image:\n  repo‸sitory: nginx\n  tag: x\n") << L{"image"}
                                           << u8("repository") << false << u8("repo") << L{"tag"} << false
                                           << L{"image"};
        QTest::newRow("end of a key name") << u8("image:\n  tag‸: x\n") << L{"image"} << u8("tag") << false
                                           << u8("tag") << L{} << false << L{"image"};
        // sequences
        QTest::newRow("first list item") << u8("hosts:\n  - host: a\n    pa‸\n") << L{"hosts", "[0]"} << none
                                         << false << u8("pa") << L{"host"} << false << L{"hosts", "[0]"};
        QTest::newRow("second list item")
            << u8("hosts:\n  - host: a\n    path: /\n  - host: b\n    pa‸\n") << L{"hosts", "[1]"} << none << false
            << u8("pa") << L{"host"} << false << L{"hosts", "[1]"};
        QTest::newRow("compact sequence at its key's indentation")
            << u8("hosts:\n- host: a\n- host: b\n  pa‸\n") << L{"hosts", "[1]"} << none << false << u8("pa")
            << L{"host"} << false << L{"hosts", "[1]"};
        QTest::newRow("key on the item's line")
            << u8("hosts:\n  - host: a\n  - ho‸st: b\n    path: /\n") << L{"hosts", "[1]"} << u8("host") << false
            << u8("ho") << L{"path"} << false << L{"hosts", "[1]"};
        QTest::newRow("value on the item's line")
            << u8("hosts:\n  - host: a\n  - host: b‸\n") << L{"hosts", "[1]"} << u8("host") << true << u8("b")
            << L{} << false << L{"hosts", "[1]", "host"};
        QTest::newRow("after a dash") << u8("args:\n  - --verbose\n  - ‸\n") << L{"args", "[1]"} << none << false
                                      << none << L{} << false << L{"args", "[1]"};
        QTest::newRow("scalar item being typed")
            << u8("usages:\n  - digital signature\n  - ke‸\n") << L{"usages", "[1]"} << none << false << u8("ke")
            << L{} << false << L{"usages", "[1]"};
        QTest::newRow("nested sequences") << u8("matrix:\n  - - a\n    - b‸\n") << L{"matrix", "[0]", "[1]"} << none
                                          << false << u8("b") << L{} << false << L{"matrix", "[0]", "[1]"};
        QTest::newRow("compact sequences two levels down")
            << u8("spec:\n  containers:\n  - name: app\n    ports:\n    - containerPort: 80\n      pro‸\n")
            << L{"spec", "containers", "[0]", "ports", "[0]"} << none << false << u8("pro") << L{"containerPort"}
            << false << L{"spec", "containers", "[0]", "ports", "[0]"};
        QTest::newRow("blank line at a sequence's column")
            << u8("hosts:\n  - host: a\n  ‸\n") << L{"hosts"} << none << false << none << L{} << false << L{"hosts"};
        // block scalars and other text: the path of the scalar's key, nothing to complete
        QTest::newRow("block scalar body")
            << u8("data:\n  config.yaml: |\n    server:\n      port: 80\n      ho‸\n") << L{"data"} << u8("config.yaml")
            << true << none << L{} << true << L{"data", "config.yaml"};
        QTest::newRow("blank line in a block scalar")
            << u8("script: |-\n  echo a\n\n  ‸\nother: 1\n") << L{} << u8("script") << true << none << L{} << true
            << L{"script"};
        QTest::newRow("block scalar of an item") << u8("args:\n  - |\n    some text‸\n") << L{"args", "[0]"} << none
                                                 << true << none << L{} << true << L{"args", "[0]"};
        QTest::newRow("continuation of a plain scalar")
            << u8("description: a long\n  text‸\n") << L{} << u8("description") << true << none << L{} << true
            << L{"description"};
        QTest::newRow("deeper blank line under a scalar value")
            << u8("image:\n  tag: x\n    ‸\n") << L{"image"} << u8("tag") << true << none << L{} << true
            << L{"image", "tag"};
        QTest::newRow("multi-line flow mapping") << u8("resources: {\n  limits‸\n") << L{} << u8("resources") << true
                                                 << none << L{} << true << L{"resources"};
        QTest::newRow("comment after a key") << u8("image: # the image‸\n") << L{} << u8("image") << true << none
                                             << L{} << true << L{"image"};
        QTest::newRow("comment line") << u8("image:\n  # a comment‸\n  tag: x\n") << L{"image"} << none << false
                                      << none << L{"tag"} << true << L{"image"};
        // invalid YAML elsewhere does not matter
        QTest::newRow("unclosed quote on another branch")
            << u8("image:\n  repository: \"nginx\n  tag: latest\nresources:\n  li‸\n") << L{"resources"} << none
            << false << u8("li") << L{} << false << L{"resources"};
        QTest::newRow("unclosed quote on a sibling") << u8("image:\n  repository: \"nginx\n  ta‸\n") << L{"image"}
                                                     << none << false << u8("ta") << L{"repository"} << false
                                                     << L{"image"};
        QTest::newRow("missing colon above") << u8("image:\n  repository nginx\n  tag: ‸\n") << L{"image"}
                                             << u8("tag") << true << none << L{} << false << L{"image", "tag"};
        QTest::newRow("bad indentation in an earlier branch")
            << u8("a:\n    b: 1\n   c: 2\nd:\n  e‸\n") << L{"d"} << none << false << u8("e") << L{} << false << L{"d"};
        // tabs, CRLF, documents
        QTest::newRow("tab indentation") << u8("image:\n\trepository: nginx\n\tta‸\n") << L{"image"} << none << false
                                         << u8("ta") << L{"repository"} << false << L{"image"};
        QTest::newRow("tab after the colon") << u8("image:\n  tag:\tla‸\n") << L{"image"} << u8("tag") << true
                                             << u8("la") << L{} << false << L{"image", "tag"};
        QTest::newRow("CRLF") << u8("image:\r\n  repository: nginx\r\n  tag: la‸\r\n  pullPolicy: x\r\n")
                              << L{"image"} << u8("tag") << true << u8("la") << L{"repository", "pullPolicy"} << false
                              << L{"image", "tag"};
        QTest::newRow("CRLF blank line") << u8("image:\r\n  tag: x\r\n  ‸\r\n") << L{"image"} << none << false << none
                                         << L{"tag"} << false << L{"image"};
        QTest::newRow("second document") << u8("a:\n  b: 1\n---\nspec:\n  ‸\n") << L{"spec"} << none << false << none
                                         << L{} << false << L{"spec"};
        QTest::newRow("root of a new document") << u8("spec:\n  x: 1\n---\n‸\nkind: A\n---\nother: 1\n") << L{}
                                                << none << false << none << L{"kind"} << false << L{};
        QTest::newRow("document marker line") << u8("a: 1\n---‸\n") << L{} << none << false << none << L{} << true
                                              << L{};
    }

    void contextAt()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, mappingPath);
        QFETCH(QString, currentKey);
        QFETCH(bool, inValue);
        QFETCH(QString, prefix);
        QFETCH(QStringList, siblingKeys);
        QFETCH(bool, inFreeText);
        QFETCH(QStringList, path);

        const CursorContext context = contextOf(text);
        QCOMPARE(context.mappingPath, mappingPath);
        QCOMPARE(context.currentKey, currentKey);
        QCOMPARE(context.inValue, inValue);
        QCOMPARE(context.prefix, prefix);
        QCOMPARE(context.siblingKeys, siblingKeys);
        QCOMPARE(context.inFreeText, inFreeText);
        QCOMPARE(context.valuePath(), path);
        const Cursor cursor = cursorIn(text);
        QCOMPARE(SchemaAssist::pathAt(cursor.text, cursor.line, cursor.column), path);
    }

    void prefixColumn()
    {
        // The editor replaces from prefixColumn to the cursor: the opening quote goes too.
        QCOMPARE(contextOf(u8("image:\n  tag: \"1.‸\n")).prefixColumn, 8);
        QCOMPARE(contextOf(u8("image:\n  tag: la‸\n")).prefixColumn, 8);
        QCOMPARE(contextOf(u8("image:\n  ta‸\n")).prefixColumn, 3);
        QCOMPARE(contextOf(u8("image:\n  tag: ‸\n")).prefixColumn, 8);
        QCOMPARE(contextOf(u8("  - ‸")).prefixColumn, 5);
    }

    void outOfRangePositions()
    {
        QCOMPARE(SchemaAssist::contextAt(QString(), 1, 1).mappingPath, QStringList());
        QCOMPARE(SchemaAssist::contextAt(QStringLiteral("a:\n  b: 1"), 9, 1).mappingPath, QStringList());
        // A column past the end of the line is the end of the line.
        QCOMPARE(SchemaAssist::contextAt(QStringLiteral("a:\n  b: 1"), 2, 99).currentKey, QStringLiteral("b"));
        // A column before the line is its first column: indentation 0, the root.
        QCOMPARE(SchemaAssist::contextAt(QStringLiteral("a:\n  b: 1"), 2, -5).mappingPath, QStringList());
        QCOMPARE(SchemaAssist::contextAt(QStringLiteral("a:\n  b: 1"), 2, -5).siblingKeys, QStringList{"a"});
    }

    void largeFile()
    {
        // 40,000 lines; the context at the end must come from the enclosing block, not the whole file.
        QString text = QStringLiteral("top:\n");
        for (int i = 0; i < 10000; ++i)
            text += QStringLiteral("  key%1:\n    - name: a\n      value: |\n        text\n").arg(i);
        text += QStringLiteral("  last:\n    - name: x\n      va");
        const int lines = int(text.count(u'\n')) + 1;
        const CursorContext context = SchemaAssist::contextAt(text, lines, 9);
        QCOMPARE(context.mappingPath, (QStringList{"top", "last", "[0]"}));
        QCOMPARE(context.prefix, QStringLiteral("va"));
        QCOMPARE(context.siblingKeys, QStringList{"name"});
        const CursorContext root = SchemaAssist::contextAt(text, lines - 2, 3);
        QCOMPARE(root.mappingPath, QStringList{"top"});
        QCOMPARE(root.siblingKeys.size(), 10000);
    }

    // --- completion against the real Deployment schema

    void deploymentKeysAtSpec()
    {
        const QList<Completion> completions =
            complete(m_deployment, u8("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
                                      "  replicas: 2\n  ‸\n  template:\n    spec: {}\n"));
        const QStringList names = labels(completions);
        QCOMPARE(names, (QStringList{"minReadySeconds", "paused", "progressDeadlineSeconds", "revisionHistoryLimit",
                                     "selector", "strategy"}));
        const Completion *strategy = find(completions, QStringLiteral("strategy"));
        QVERIFY(strategy);
        QCOMPARE(strategy->kind, Completion::Key);
        QCOMPARE(strategy->insertText, QStringLiteral("strategy: "));
        QCOMPARE(strategy->detail, QStringLiteral("object"));
        QVERIFY(strategy->documentation.contains(QStringLiteral("how to replace existing pods")));
        QCOMPARE(find(completions, QStringLiteral("minReadySeconds"))->detail, QStringLiteral("integer"));
        QCOMPARE(find(completions, QStringLiteral("paused"))->detail, QStringLiteral("boolean"));
        QCOMPARE(find(completions, QStringLiteral("selector"))->detail, QStringLiteral("object"));
        for (const Completion &completion : completions)
            QVERIFY2(!completion.documentation.isEmpty(), qPrintable(completion.label));
    }

    void deploymentKeysFilteredByPrefix()
    {
        // Prefix matches first, then the names that only contain the prefix.
        QCOMPARE(labels(complete(m_deployment, u8("spec:\n  re‸\n"))),
                 (QStringList{"replicas", "revisionHistoryLimit", "minReadySeconds", "progressDeadlineSeconds"}));
        QCOMPARE(labels(complete(m_deployment, u8("spec:\n  RE‸\n"))).first(), QStringLiteral("replicas"));
        QCOMPARE(labels(complete(m_deployment, u8("‸"))),
                 (QStringList{"apiVersion", "kind", "metadata", "spec", "status"}));
        QVERIFY(complete(m_deployment, u8("spec:\n  zz‸\n")).isEmpty());
    }

    void deploymentContainerKeys()
    {
        const QList<Completion> completions = complete(
            m_deployment, u8("spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          ima‸\n"));
        QCOMPARE(labels(completions).mid(0, 2), (QStringList{"image", "imagePullPolicy"}));
        QVERIFY(!labels(completions).contains(QStringLiteral("name")));
        QCOMPARE(completions.first().detail, QStringLiteral("string"));
        const QList<Completion> afterDash =
            complete(m_deployment, u8("spec:\n  template:\n    spec:\n      containers:\n        - ‸\n"));
        QVERIFY(labels(afterDash).contains(QStringLiteral("name")));
        QVERIFY(labels(afterDash).contains(QStringLiteral("livenessProbe")));
        QCOMPARE(find(afterDash, QStringLiteral("ports"))->detail, QStringLiteral("array of object"));
    }

    void deploymentValues()
    {
        const QList<Completion> kind = complete(m_deployment, u8("apiVersion: apps/v1\nkind: ‸\n"));
        QCOMPARE(labels(kind), QStringList{"Deployment"});
        QCOMPARE(kind.first().kind, Completion::Value);
        QCOMPARE(kind.first().insertText, QStringLiteral("Deployment"));
        QCOMPARE(insertTexts(complete(m_deployment, u8("apiVersion: ‸\n"))), QStringList{"apps/v1"});
        QCOMPARE(labels(complete(m_deployment, u8("spec:\n  paused: ‸\n"))), (QStringList{"true", "false"}));
        QCOMPARE(labels(complete(m_deployment, u8("spec:\n  paused: f‸\n"))), QStringList{"false"});

        // The Kubernetes 1.31 schemas have no enum for spec.strategy.type (only the description names
        // the values), so there is nothing to offer; the CRD enums below cover enum values.
        const QJsonObject type = m_deployment->subschema({"spec", "strategy", "type"});
        QVERIFY(!type.isEmpty());
        QVERIFY(!type.contains(QStringLiteral("enum")));
        QVERIFY(complete(m_deployment, u8("spec:\n  strategy:\n    type: ‸\n")).isEmpty());
        // Free text gets nothing.
        QVERIFY(complete(m_deployment, u8("spec:\n  template: |\n    re‸\n")).isEmpty());
        QVERIFY(complete(m_deployment, u8("spec: # re‸\n")).isEmpty());
    }

    void crdEnumValues()
    {
        QCOMPARE(labels(complete(m_certificate, u8("apiVersion: cert-manager.io/v1\nkind: Certificate\nspec:\n"
                                                   "  privateKey:\n    algorithm: ‸\n"))),
                 (QStringList{"RSA", "ECDSA", "Ed25519"}));
        QCOMPARE(labels(complete(m_certificate, u8("spec:\n  privateKey:\n    algorithm: e‸\n"))),
                 (QStringList{"ECDSA", "Ed25519"}));
        // Items of an array of enum strings.
        const QList<Completion> usages =
            complete(m_certificate, u8("spec:\n  usages:\n    - digital signature\n    - ser‸\n"));
        QCOMPARE(labels(usages).first(), QStringLiteral("server auth"));
        QCOMPARE(usages.first().kind, Completion::Value);
        QCOMPARE(usages.first().insertText, QStringLiteral("server auth"));

        // The default comes first, and only once.
        const QList<Completion> action = complete(
            m_serviceMonitor, u8("spec:\n  endpoints:\n    - port: web\n      relabelings:\n        - action: ‸\n"));
        QCOMPARE(action.size(), 22);
        QCOMPARE(action.first().label, QStringLiteral("replace"));
        QCOMPARE(action.first().detail, QStringLiteral("default"));
        QCOMPARE(action.at(1).label, QStringLiteral("Replace"));
        QCOMPARE(action.at(1).detail, QStringLiteral("allowed value"));
        QVERIFY(action.first().documentation.contains(QStringLiteral("action to perform")));
    }

    // --- completion against a hand-written values schema

    void valuesKeys()
    {
        const QList<Completion> root = complete(m_values, u8("debug: true\n‸\n"));
        QCOMPARE(labels(root), (QStringList{"backend", "extra", "image", "ingress", "mode", "on", "podAnnotations",
                                            "replicaCount", "tags", "version"}));
        QCOMPARE(find(root, QStringLiteral("extra"))->documentation, QStringLiteral("From allOf."));
        QCOMPARE(find(root, QStringLiteral("ingress"))->detail, QStringLiteral("object"));
        QCOMPARE(find(root, QStringLiteral("ingress"))->documentation, QStringLiteral("Ingress settings."));
        QCOMPARE(find(root, QStringLiteral("tags"))->detail, QStringLiteral("array of string"));
        QCOMPARE(find(root, QStringLiteral("on"))->insertText, QStringLiteral("\"on\": "));
        QCOMPARE(find(root, QStringLiteral("version"))->insertText, QStringLiteral("version: "));

        QCOMPARE(labels(complete(m_values, u8("image:\n  ‸\n"))), (QStringList{"repository", "tag"}));
        QCOMPARE(labels(complete(m_values, u8("backend:\n  ‸\n"))), (QStringList{"socket", "url"}));
        QCOMPARE(labels(complete(m_values, u8("ingress:\n  enabled: true\n  ‸\n"))), QStringList{"hosts"});
        QCOMPARE(labels(complete(m_values, u8("ingress:\n  hosts:\n    - ‸\n"))), QStringList{"host"});
        QCOMPARE(labels(complete(m_values, u8("MO‸"))), QStringList{"mode"});
        QVERIFY(complete(m_values, u8("podAnnotations:\n  ‸\n")).isEmpty());
        QVERIFY(complete(m_values, u8("unknown:\n  ‸\n")).isEmpty());
    }

    void valuesValues()
    {
        const QList<Completion> version = complete(m_values, u8("version: ‸\n"));
        QCOMPARE(labels(version), (QStringList{"1.0", "2.0"}));
        QCOMPARE(insertTexts(version), (QStringList{"\"1.0\"", "\"2.0\""}));
        QCOMPARE(version.first().documentation, QStringLiteral("Application version."));
        QCOMPARE(insertTexts(complete(m_values, u8("version: \"2‸\n"))), QStringList{"\"2.0\""});

        const QList<Completion> debug = complete(m_values, u8("debug: ‸\n"));
        QCOMPARE(labels(debug), (QStringList{"false", "true"}));
        QCOMPARE(debug.first().detail, QStringLiteral("default"));
        QCOMPARE(debug.last().detail, QStringLiteral("boolean"));

        const QList<Completion> mode = complete(m_values, u8("mode: ‸\n"));
        QCOMPARE(labels(mode), (QStringList{"safe", "fast", "yes", "null"}));
        QCOMPARE(insertTexts(mode), (QStringList{"safe", "fast", "\"yes\"", "\"null\""}));
        QCOMPARE(mode.first().detail, QStringLiteral("default"));

        QCOMPARE(insertTexts(complete(m_values, u8("replicaCount: ‸\n"))), QStringList{"1"});
        QCOMPARE(insertTexts(complete(m_values, u8("image:\n  tag: ‸\n"))), QStringList{"latest"});
        QCOMPARE(insertTexts(complete(m_values, u8("tags:\n  - ‸\n"))), (QStringList{"a", "b"}));
        QVERIFY(complete(m_values, u8("image: ‸\n")).isEmpty()); // an object: nothing to type on this line
    }

    // --- hover

    void hoverDeployment()
    {
        for (const QString &marked : {u8("apiVersion: apps/v1\nkind: Deployment\nspec:\n  ‸replicas: 3\n"),
                                      u8("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replic‸as: 3\n"),
                                      u8("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas‸: 3\n"),
                                      u8("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: ‸3\n")}) {
            const HoverInfo info = hover(m_deployment, marked);
            QVERIFY2(info.valid(), qPrintable(marked));
            QCOMPARE(info.path, (QStringList{"spec", "replicas"}));
            QCOMPARE(info.type, QStringLiteral("integer"));
            QVERIFY(info.description.startsWith(QStringLiteral("Number of desired pods.")));
            const QString html = info.toHtml();
            QVERIFY2(html.startsWith(QStringLiteral("<b>spec.replicas</b> <i>integer</i>")), qPrintable(html));
            QVERIFY(html.contains(QStringLiteral("Number of desired pods.")));
        }
        const HoverInfo kind = hover(m_deployment, u8("apiVersion: apps/v1\nki‸nd: Deployment\n"));
        QCOMPARE(kind.allowedValues, QStringList{"Deployment"});
        QVERIFY(kind.toHtml().contains(QStringLiteral("Allowed values: <code>Deployment</code>")));

        const HoverInfo image = hover(
            m_deployment, u8("spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          im‸age: x\n"));
        QCOMPARE(image.path, (QStringList{"spec", "template", "spec", "containers", "[0]", "image"}));
        QCOMPARE(image.type, QStringLiteral("string"));
        QVERIFY(image.toHtml().contains(QStringLiteral("<b>spec.template.spec.containers[0].image</b>")));

        const HoverInfo surge =
            hover(m_deployment, u8("spec:\n  strategy:\n    rollingUpdate:\n      maxSu‸rge: 25%\n"));
        QCOMPARE(surge.type, QStringLiteral("string or integer"));

        // Nothing to say: indentation, blank lines, comments, past the end, unknown keys.
        QVERIFY(!hover(m_deployment, u8("spec:\n ‸ replicas: 3\n")).valid());
        QVERIFY(!hover(m_deployment, u8("spec:\n  replicas: 3 # ‸note\n")).valid());
        QVERIFY(!hover(m_deployment, u8("spec:\n‸\n")).valid());
        QVERIFY(!hover(m_deployment, u8("spec:\n  replicas: 3‸\n")).valid());
        const HoverInfo unknown = hover(m_deployment, u8("spec:\n  replica‸z: 3\n"));
        QCOMPARE(unknown.path, (QStringList{"spec", "replicaz"}));
        QVERIFY(!unknown.valid());
    }

    void hoverValues()
    {
        const HoverInfo mode = hover(m_values, u8("mo‸de: fast\n"));
        QVERIFY(mode.valid());
        QCOMPARE(mode.title, QStringLiteral("Mode"));
        QCOMPARE(mode.defaultValue, QStringLiteral("safe"));
        QCOMPARE(mode.allowedValues, (QStringList{"fast", "safe", "\"yes\"", "\"null\""}));
        const QString html = mode.toHtml();
        QVERIFY2(html.contains(QStringLiteral("Speed &lt; safety &amp; more")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("&quot;yes&quot;")));
        QVERIFY(html.contains(QStringLiteral("Default: <code>safe</code>")));
        QVERIFY(!html.contains(QStringLiteral("< safety")));

        QCOMPARE(hover(m_values, u8("debug‸: true\n")).defaultValue, QStringLiteral("false"));
        QCOMPARE(hover(m_values, u8("ingress:\n  hosts:\n    - ho‸st: a\n")).path,
                 (QStringList{"ingress", "hosts", "[0]", "host"}));
        const HoverInfo tag = hover(m_values, u8("tags:\n  - ‸a\n"));
        QCOMPARE(tag.path, (QStringList{"tags", "[0]"}));
        QCOMPARE(tag.allowedValues, (QStringList{"a", "b"}));
    }

    // --- which schema applies

    void resourceTypeAt()
    {
        const QString text = u8("# header comment\n"           // 1
                                "apiVersion: v1\n"             // 2
                                "kind: Service\n"              // 3
                                "metadata:\n"                  // 4
                                "  name: web\n"                // 5
                                "---\n"                        // 6
                                "apiVersion: \"apps/v1\"  # quoted\n" // 7
                                "spec:\n"                      // 8
                                "  template:\n"                // 9
                                "    kind: Nested\n"           // 10
                                "    metadata: {labels: {app: \"web}\n" // 11 (broken)
                                "kind: Deployment # comment\n" // 12
                                "--- # third\n"                // 13
                                "kind: ConfigMap\n"            // 14
                                "data:\n"                      // 15
                                "  apiVersion: v2\n"           // 16
                                "---\n"                        // 17
                                "apiVersion: {{ .Values.api }}\n" // 18
                                "kind: Deployment\n");         // 19
        const auto at = [&](int line) { return SchemaAssist::resourceTypeAt(text, line); };
        for (int line : {1, 2, 3, 5}) {
            QVERIFY(at(line));
            QCOMPARE(at(line)->apiVersion, QStringLiteral("v1"));
            QCOMPARE(at(line)->kind, QStringLiteral("Service"));
        }
        for (int line : {6, 7, 10, 11, 12}) {
            QVERIFY2(at(line), qPrintable(QString::number(line)));
            QCOMPARE(at(line)->apiVersion, QStringLiteral("apps/v1"));
            QCOMPARE(at(line)->kind, QStringLiteral("Deployment"));
        }
        QVERIFY(!at(13)); // no top-level apiVersion in the third document
        QVERIFY(!at(15));
        QVERIFY(!at(19)); // a Helm template expression is no apiVersion
        QVERIFY(!at(0));
        QVERIFY(!at(99));
        QVERIFY(!SchemaAssist::resourceTypeAt(QString(), 1));
        const auto single =
            SchemaAssist::resourceTypeAt(QStringLiteral("kind: 'Deployment'\r\napiVersion: apps/v1\r\n"), 1);
        QVERIFY(single);
        QCOMPARE(single->kind, QStringLiteral("Deployment"));
        QCOMPARE(single->apiVersion, QStringLiteral("apps/v1"));
    }

    // --- helpers

    void toYamlScalar_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("yaml");
        QTest::newRow("word") << QJsonValue(QStringLiteral("nginx")) << QStringLiteral("nginx");
        QTest::newRow("words") << QJsonValue(QStringLiteral("digital signature"))
                               << QStringLiteral("digital signature");
        QTest::newRow("version") << QJsonValue(QStringLiteral("1.0")) << QStringLiteral("\"1.0\"");
        QTest::newRow("int text") << QJsonValue(QStringLiteral("8080")) << QStringLiteral("\"8080\"");
        QTest::newRow("date") << QJsonValue(QStringLiteral("2024-01-01")) << QStringLiteral("\"2024-01-01\"");
        QTest::newRow("hex") << QJsonValue(QStringLiteral("0x1F")) << QStringLiteral("\"0x1F\"");
        QTest::newRow("true text") << QJsonValue(QStringLiteral("true")) << QStringLiteral("\"true\"");
        QTest::newRow("yaml 1.1 yes") << QJsonValue(QStringLiteral("Yes")) << QStringLiteral("\"Yes\"");
        QTest::newRow("yaml 1.1 off") << QJsonValue(QStringLiteral("off")) << QStringLiteral("\"off\"");
        QTest::newRow("null text") << QJsonValue(QStringLiteral("null")) << QStringLiteral("\"null\"");
        QTest::newRow("tilde") << QJsonValue(QStringLiteral("~")) << QStringLiteral("\"~\"");
        QTest::newRow("empty") << QJsonValue(QString()) << QStringLiteral("\"\"");
        QTest::newRow("colon space") << QJsonValue(QStringLiteral("a: b")) << QStringLiteral("\"a: b\"");
        QTest::newRow("hash") << QJsonValue(QStringLiteral("a #b")) << QStringLiteral("\"a #b\"");
        QTest::newRow("indicator") << QJsonValue(QStringLiteral("*")) << QStringLiteral("\"*\"");
        QTest::newRow("leading space") << QJsonValue(QStringLiteral(" a")) << QStringLiteral("\" a\"");
        QTest::newRow("newline") << QJsonValue(QStringLiteral("a\nb")) << QStringLiteral("\"a\\nb\"");
        QTest::newRow("quote inside") << QJsonValue(QStringLiteral("1\"2")) << QStringLiteral("\"1\\\"2\"");
        QTest::newRow("flag") << QJsonValue(QStringLiteral("--verbose")) << QStringLiteral("--verbose");
        QTest::newRow("negative") << QJsonValue(QStringLiteral("-1")) << QStringLiteral("\"-1\"");
        QTest::newRow("url") << QJsonValue(QStringLiteral("http://x:80/a")) << QStringLiteral("http://x:80/a");
        QTest::newRow("int") << QJsonValue(8080) << QStringLiteral("8080");
        QTest::newRow("double") << QJsonValue(1.5) << QStringLiteral("1.5");
        QTest::newRow("bool") << QJsonValue(true) << QStringLiteral("true");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QStringLiteral("null");
        QTest::newRow("object") << QJsonValue(QJsonObject{{"a", 1}}) << QStringLiteral("{\"a\":1}");
        QTest::newRow("array") << QJsonValue(QJsonArray{QJsonValue(QStringLiteral("x")), QJsonValue(2)})
                               << QStringLiteral("[\"x\",2]");
    }

    void toYamlScalar()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, yaml);
        QCOMPARE(SchemaAssist::toYamlScalar(value), yaml);
    }

    void typeName_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QString>("type");
        QTest::newRow("nullable") << QByteArray(R"({"type": ["integer", "null"]})") << QStringLiteral("integer");
        QTest::newRow("only null") << QByteArray(R"({"type": "null"})") << QStringLiteral("null");
        QTest::newRow("three") << QByteArray(R"({"type": ["string", "integer", "boolean"]})")
                               << QStringLiteral("string, integer or boolean");
        QTest::newRow("oneOf")
            << QByteArray(R"({"oneOf": [{"type": ["string", "null"]}, {"type": ["integer", "null"]}]})")
                               << QStringLiteral("string or integer");
        QTest::newRow("int-or-string") << QByteArray(R"({"x-kubernetes-int-or-string": true})")
                                       << QStringLiteral("integer or string");
        QTest::newRow("array of") << QByteArray(R"({"type": "array", "items": {"type": "string"}})")
                                  << QStringLiteral("array of string");
        QTest::newRow("implicit object") << QByteArray(R"({"properties": {"a": {}}})") << QStringLiteral("object");
        QTest::newRow("from enum") << QByteArray(R"({"enum": ["a", "b"]})") << QStringLiteral("string");
        QTest::newRow("ref") << QByteArray(kRefSchema)
                             << QStringLiteral("number");
        QTest::newRow("unknown") << QByteArray("{}") << QString();
    }

    void typeName()
    {
        QFETCH(QByteArray, schema);
        QFETCH(QString, type);
        QCOMPARE(SchemaAssist::typeName(QJsonDocument::fromJson(schema).object()), type);
    }

    void schemasAtFollowsRefsAndPatterns()
    {
        const QJsonObject root = QJsonDocument::fromJson(kRecursiveSchema).object();
        const QJsonObject node =
            root.value(QStringLiteral("definitions")).toObject().value(QStringLiteral("node")).toObject();
        QCOMPARE(SchemaAssist::typeName(node), QStringLiteral("object"));
        const QList<QJsonObject> deep = SchemaAssist::schemasAt(root, {"tree", "child", "child", "child", "name"});
        QVERIFY(!deep.isEmpty());
        QCOMPARE(deep.first().value(QStringLiteral("type")).toString(), QStringLiteral("string"));
        QCOMPARE(SchemaAssist::schemasAt(root, {"pairs", "[1]"}).first().value(QStringLiteral("type")).toString(),
                 QStringLiteral("integer"));
        QVERIFY(SchemaAssist::schemasAt(root, {"pairs", "[2]"}).isEmpty());
        QCOMPARE(SchemaAssist::schemasAt(root, {"env", "HOME_DIR"}).size(), 1);
        QVERIFY(SchemaAssist::schemasAt(root, {"env", "lower"}).isEmpty());
        // A schema that refers to itself ends.
        const QJsonObject loop = QJsonDocument::fromJson(kSelfReference).object();
        QVERIFY(!SchemaAssist::schemasAt(loop, {"a", "a", "a"}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSchemaAssist)
#include "tst_schemaassist.moc"
