// SPDX-License-Identifier: MIT
// Helm values layering: the merged result follows Helm's rules (maps merge, lists and scalars
// replace, null deletes), and every effective value remembers the file and line it was written on.

#include "TestFiles.h"

#include "values/EffectiveValues.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlJson.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace studio;
using studio::test::describe;
using studio::test::lineContaining;

namespace {

ValuesLayer layer(const QString &file, const char *text)
{
    return ValuesLayer{file, yaml::YamlDocument::parse(QString::fromUtf8(text))};
}

EffectiveValues merge(std::initializer_list<std::pair<const char *, const char *>> files)
{
    QList<ValuesLayer> layers;
    for (const auto &[name, text] : files)
        layers << layer(QString::fromLatin1(name), text);
    return EffectiveValues::merge(layers);
}

QJsonObject json(const EffectiveValues &values)
{
    return values.root().toJson().toObject();
}

/// Compact JSON of the merged result, for exact comparisons that keep key order out of it.
QJsonObject parseJson(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "parseJson", qPrintable(error.errorString()));
    return doc.object();
}

QStringList path(const char *dotted)
{
    return QString::fromLatin1(dotted).split(u'.');
}

QStringList keysInOrder(const ValueNode &map)
{
    QStringList keys;
    for (const auto &[key, value] : map.members)
        keys << key;
    return keys;
}

const char *const kBase = "# defaults\n"                 // 1
                          "replicaCount: 2\n"            // 2
                          "image:\n"                     // 3
                          "  repository: example/web\n"  // 4
                          "  tag: \"1.4.0\"\n"           // 5
                          "  pullPolicy: IfNotPresent\n" // 6
                          "resources:\n"                 // 7
                          "  limits:\n"                  // 8
                          "    cpu: 500m\n"              // 9
                          "    memory: 512Mi\n"          // 10
                          "args:\n"                      // 11
                          "  - --port=80\n"              // 12
                          "  - --verbose\n"              // 13
                          "nodeSelector:\n"              // 14
                          "  pool: general\n";           // 15

const char *const kProd = "replicaCount: 5\n"   // 1
                          "image:\n"            // 2
                          "  tag: \"1.5.0\"\n"  // 3
                          "resources:\n"        // 4
                          "  limits:\n"         // 5
                          "    cpu: \"2\"\n"    // 6
                          "args:\n"             // 7
                          "  - --port=8080\n"   // 8
                          "nodeSelector: ~\n";  // 9

} // namespace

class TestEffectiveValues : public QObject
{
    Q_OBJECT

private slots:
    void mapsMergeKeyByKey()
    {
        const EffectiveValues values = merge({{"values.yaml", kBase}, {"values-prod.yaml", kProd}});
        QVERIFY2(values.diagnostics().isEmpty(), qPrintable(describe(values.diagnostics())));
        const ValueNode *image = values.root().at(path("image"));
        QVERIFY(image);
        QCOMPARE(image->kind, ValueNode::Kind::Map);
        QCOMPARE(keysInOrder(*image), (QStringList{"repository", "tag", "pullPolicy"}));
        QCOMPARE(image->member(u"repository")->text, QStringLiteral("example/web"));
        QCOMPARE(image->member(u"tag")->text, QStringLiteral("1.5.0"));
        QCOMPARE(image->member(u"pullPolicy")->text, QStringLiteral("IfNotPresent"));
    }

    void theWholeResultIsHelms()
    {
        const EffectiveValues values = merge({{"values.yaml", kBase}, {"values-prod.yaml", kProd}});
        // What `helm template -f values.yaml -f values-prod.yaml` would see.
        QCOMPARE(json(values), parseJson(R"({
            "replicaCount": 5,
            "image": {"repository": "example/web", "tag": "1.5.0", "pullPolicy": "IfNotPresent"},
            "resources": {"limits": {"cpu": "2", "memory": "512Mi"}},
            "args": ["--port=8080"]
        })"));
        // Top-level keys keep the order they were first written in.
        QCOMPARE(keysInOrder(values.root()), (QStringList{"replicaCount", "image", "resources", "args"}));
    }

    void listsReplaceInsteadOfMerging()
    {
        const EffectiveValues values = merge({{"values.yaml", "hosts: [a.example, b.example, c.example]\n"
                                                              "tls:\n  - secretName: a\n    hosts: [a.example]\n"},
                                              {"values-dev.yaml", "hosts: [dev.example]\ntls: []\n"}});
        QCOMPARE(json(values), parseJson(R"({"hosts": ["dev.example"], "tls": []})"));
    }

    void nullDeletesAKey_data()
    {
        QTest::addColumn<QString>("spelling");
        QTest::newRow("null") << QStringLiteral("null");
        QTest::newRow("tilde") << QStringLiteral("~");
        QTest::newRow("empty") << QString();
        QTest::newRow("Null") << QStringLiteral("Null");
    }

    void nullDeletesAKey()
    {
        QFETCH(QString, spelling);
        const QByteArray overlay = "resources:\n  limits:\n    memory: " + spelling.toUtf8() + "\nnodeSelector: "
            + spelling.toUtf8() + "\nunknown: " + spelling.toUtf8() + "\n";
        const EffectiveValues values = merge({{"values.yaml", kBase}, {"values-prod.yaml", overlay.constData()}});
        QVERIFY(!values.root().at(path("nodeSelector")));
        QVERIFY(!values.root().at(path("resources.limits.memory")));
        QVERIFY(!values.root().at(path("unknown"))); // deleting what is not there adds nothing
        QCOMPARE(values.root().at(path("resources.limits.cpu"))->text, QStringLiteral("500m"));
    }

    void quotedNullIsText()
    {
        const EffectiveValues values = merge({{"values.yaml", kBase}, {"values-prod.yaml", "nodeSelector: \"null\"\n"}});
        const ValueNode *selector = values.root().at(path("nodeSelector"));
        QVERIFY(selector);
        QCOMPARE(selector->kind, ValueNode::Kind::Scalar);
        QCOMPARE(selector->toJson(), QJsonValue(QStringLiteral("null")));
    }

    void scalarsReplaceAndKeepTheirType()
    {
        const EffectiveValues values = merge({{"values.yaml", "a: 1\nb: text\nc: true\nd: 1.5\ne: {x: 1}\nf: 3\n"},
                                              {"values-x.yaml", "a: \"1\"\nb: 2\nc: false\nd: 7\ne: flat\nf: {y: 2}\n"}});
        QCOMPARE(json(values), parseJson(R"({"a": "1", "b": 2, "c": false, "d": 7, "e": "flat", "f": {"y": 2}})"));
        QCOMPARE(values.root().at(path("a"))->scalarType, yaml::ScalarType::String);
        QCOMPARE(values.root().at(path("b"))->scalarType, yaml::ScalarType::Int);
    }

    void deepNestingMergesAtEveryLevel()
    {
        const EffectiveValues values = merge({{"values.yaml", "a:\n"
                                                              "  b:\n"
                                                              "    c:\n"
                                                              "      d:\n"
                                                              "        e:\n"
                                                              "          f: base\n"
                                                              "          g: base\n"
                                                              "        h: base\n"},
                                              {"values-1.yaml", "a:\n  b:\n    c:\n      d:\n        e:\n"
                                                                "          f: one\n"},
                                              {"values-2.yaml", "a: {b: {c: {d: {e: {g: two}, i: two}}}}\n"}});
        QCOMPARE(json(values), parseJson(R"({"a": {"b": {"c": {"d": {"e": {"f": "one", "g": "two"},
                                                                      "h": "base", "i": "two"}}}}})"));
        QCOMPARE(values.root().at(path("a.b.c.d.e.f"))->origin, (ValueOrigin{QStringLiteral("values-1.yaml"), 6, 11}));
        QCOMPARE(values.root().at(path("a.b.c.d.e.g"))->origin.file, QStringLiteral("values-2.yaml"));
        QCOMPARE(values.root().at(path("a.b.c.d.h"))->origin, (ValueOrigin{QStringLiteral("values.yaml"), 8, 9}));
    }

    void laterLayersWin()
    {
        const EffectiveValues values = merge({{"values.yaml", "tag: a\n"}, {"values-1.yaml", "tag: b\n"},
                                              {"values-2.yaml", "other: 1\n"}, {"values-3.yaml", "tag: d\n"}});
        QCOMPARE(values.root().at(path("tag"))->text, QStringLiteral("d"));
        QCOMPARE(values.root().at(path("tag"))->origin.file, QStringLiteral("values-3.yaml"));
    }

    void provenanceNamesTheLineOfEachValue_data()
    {
        QTest::addColumn<QString>("valuePath");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("overridden scalar") << "replicaCount" << "values-prod.yaml" << 1 << 1;
        QTest::newRow("overridden nested scalar") << "image.tag" << "values-prod.yaml" << 3 << 3;
        QTest::newRow("inherited next to an override") << "image.repository" << "values.yaml" << 4 << 3;
        QTest::newRow("inherited") << "image.pullPolicy" << "values.yaml" << 6 << 3;
        QTest::newRow("overridden deep") << "resources.limits.cpu" << "values-prod.yaml" << 6 << 5;
        QTest::newRow("inherited deep") << "resources.limits.memory" << "values.yaml" << 10 << 5;
        QTest::newRow("replaced list") << "args" << "values-prod.yaml" << 7 << 1;
        QTest::newRow("entry of a replaced list") << "args.[0]" << "values-prod.yaml" << 8 << 5;
    }

    void provenanceNamesTheLineOfEachValue()
    {
        QFETCH(QString, valuePath);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        const EffectiveValues values = merge({{"values.yaml", kBase}, {"values-prod.yaml", kProd}});
        const ValueNode *node = values.root().at(valuePath.split(u'.'));
        QVERIFY(node);
        QCOMPARE(node->origin.file, file);
        QCOMPARE(node->origin.line, line);
        QCOMPARE(node->origin.column, column);
    }

    void provenanceOfEveryDemoValue_data()
    {
        QTest::addColumn<QString>("environment");
        for (const char *env : {"dev", "staging", "prod"})
            QTest::newRow(env) << QString::fromLatin1(env);
    }

    // Every leaf of each demo environment's effective values: the origin line is where its key is
    // written, in values-<env>.yaml when that file writes it and in values.yaml otherwise.
    void provenanceOfEveryDemoValue()
    {
        QFETCH(QString, environment);
        const QString chart = QStringLiteral(STUDIO_TEST_DATA_DIR "/../../resources/demo/workspace/charts/tunemantra");
        const QString baseName = QStringLiteral("values.yaml");
        const QString envName = QStringLiteral("values-%1.yaml").arg(environment);
        QHash<QString, QStringList> lines;
        QList<ValuesLayer> layers;
        for (const QString &name : {baseName, envName}) {
            QFile file(chart + u'/' + name);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QString text = QString::fromUtf8(file.readAll());
            lines.insert(name, text.split(u'\n'));
            layers << ValuesLayer{name, yaml::YamlDocument::parse(text)};
            QVERIFY(layers.back().document.diagnostics().isEmpty());
        }
        const yaml::YamlNode *envRoot = layers.back().document.documents().front();
        const EffectiveValues values = EffectiveValues::merge(layers);
        QVERIFY(values.diagnostics().isEmpty());

        int leaves = 0;
        int fromEnvironment = 0;
        std::function<void(const ValueNode &, QStringList)> visit = [&](const ValueNode &node, QStringList at) {
            if (node.kind == ValueNode::Kind::Map && !node.members.empty()) {
                for (const auto &[key, child] : node.members)
                    visit(child, at + QStringList{key});
                return;
            }
            if (at.isEmpty())
                return;
            ++leaves;
            const QString expectedFile = yaml::nodeAtPath(envRoot, at) ? envName : baseName;
            if (expectedFile == envName)
                ++fromEnvironment;
            const QString where = yaml::formatPath(at);
            QVERIFY2(node.origin.file == expectedFile,
                     qPrintable(QStringLiteral("%1 comes from %2, expected %3").arg(where, node.origin.file, expectedFile)));
            const QString line = lines.value(node.origin.file).value(node.origin.line - 1);
            const QString key = at.back();
            const QString written = line.mid(node.origin.column - 1);
            QVERIFY2(written.startsWith(key) || written.startsWith(u'"' + key + u'"')
                         || written.startsWith(u'\'' + key + u'\''),
                     qPrintable(QStringLiteral("%1: %2:%3:%4 is '%5'")
                                    .arg(where, node.origin.file)
                                    .arg(node.origin.line)
                                    .arg(node.origin.column)
                                    .arg(line)));
        };
        visit(values.root(), {});
        QVERIFY2(leaves > 30, qPrintable(QString::number(leaves)));
        QVERIFY(fromEnvironment > 3);
        QVERIFY(leaves - fromEnvironment > 10);
    }

    void aValuesFileThatIsAListIsReported()
    {
        const EffectiveValues values = merge({{"values.yaml", "replicaCount: 2\n"},
                                              {"values-dev.yaml", "# wrong: a list\n- replicaCount: 1\n- debug: true\n"}});
        QCOMPARE(values.diagnostics().size(), 1);
        const Diagnostic &d = values.diagnostics().front();
        QCOMPARE(d.rule, QStringLiteral("values-not-a-mapping"));
        QCOMPARE(d.file, QStringLiteral("values-dev.yaml"));
        QCOMPARE(d.line, 2);
        QCOMPARE(d.severity, Severity::Error);
        QVERIFY2(d.message.contains(QStringLiteral("list")), qPrintable(d.message));
        // The list is ignored; the other layers still count.
        QCOMPARE(json(values), parseJson(R"({"replicaCount": 2})"));
    }

    void aValuesFileThatIsAScalarIsReported()
    {
        const EffectiveValues values = merge({{"values.yaml", "just some text\n"}});
        QCOMPARE(values.diagnostics().size(), 1);
        QCOMPARE(values.diagnostics().front().rule, QStringLiteral("values-not-a-mapping"));
        QVERIFY(values.diagnostics().front().message.contains(QStringLiteral("single value")));
    }

    void anEmptyValuesFileChangesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("comments only") << QStringLiteral("# nothing differs in this environment\n\n");
        QTest::newRow("null document") << QStringLiteral("---\n");
        QTest::newRow("empty mapping") << QStringLiteral("{}\n");
    }

    void anEmptyValuesFileChangesNothing()
    {
        QFETCH(QString, text);
        const EffectiveValues alone = merge({{"values.yaml", kBase}});
        QList<ValuesLayer> layers{layer(QStringLiteral("values.yaml"), kBase),
                                  ValuesLayer{QStringLiteral("values-dev.yaml"), yaml::YamlDocument::parse(text)}};
        const EffectiveValues values = EffectiveValues::merge(layers);
        QVERIFY2(values.diagnostics().isEmpty(), qPrintable(describe(values.diagnostics())));
        QCOMPARE(json(values), json(alone));
        QCOMPARE(values.root().at(path("image.tag"))->origin.file, QStringLiteral("values.yaml"));
    }

    void anchorsAndMergeKeysResolve()
    {
        const char *text = "defaults: &defaults\n" // 1
                           "  cpu: 100m\n"         // 2
                           "  memory: 1Gi\n"       // 3
                           "web:\n"                // 4
                           "  <<: *defaults\n"     // 5
                           "  memory: 4Gi\n"       // 6
                           "worker: *defaults\n"   // 7
                           "tags: &tags [a, b]\n"  // 8
                           "more: *tags\n";        // 9
        const EffectiveValues values = merge({{"values.yaml", text}});
        QVERIFY(values.diagnostics().isEmpty());
        QCOMPARE(json(values), parseJson(R"({
            "defaults": {"cpu": "100m", "memory": "1Gi"},
            "web": {"memory": "4Gi", "cpu": "100m"},
            "worker": {"cpu": "100m", "memory": "1Gi"},
            "tags": ["a", "b"],
            "more": ["a", "b"]
        })"));
        QVERIFY(!values.root().at(path("web.<<")));
        // The explicit key is where it is written; the merged one is where the anchor wrote it.
        QCOMPARE(values.root().at(path("web.memory"))->origin.line, 6);
        QCOMPARE(values.root().at(path("web.cpu"))->origin.line, 2);
        QCOMPARE(values.root().at(path("worker"))->origin.line, 7);
    }

    void anchorsAcrossLayersMerge()
    {
        // An override written with merge keys merges into the base like any mapping.
        const EffectiveValues values = merge({{"values.yaml", "resources:\n  limits: {cpu: 1, memory: 1Gi}\n"},
                                              {"values-prod.yaml", "big: &big {cpu: 4}\nresources:\n  limits:\n"
                                                                   "    <<: *big\n"}});
        QCOMPARE(values.root().at(path("resources.limits.cpu"))->text, QStringLiteral("4"));
        QCOMPARE(values.root().at(path("resources.limits.memory"))->text, QStringLiteral("1Gi"));
        QCOMPARE(values.root().at(path("resources.limits.cpu"))->origin.file, QStringLiteral("values-prod.yaml"));
        QCOMPARE(values.root().at(path("resources.limits.cpu"))->origin.line, 1);
    }

    void noLayersGiveAnEmptyMapping()
    {
        const EffectiveValues values = EffectiveValues::merge({});
        QVERIFY(values.diagnostics().isEmpty());
        QCOMPARE(values.root().kind, ValueNode::Kind::Map);
        QCOMPARE(values.root().toJson(), QJsonValue(QJsonObject()));
    }

    void lineHelperAgreesWithTheFixture()
    {
        // The line numbers in the tables above are the fixture's real lines.
        QCOMPARE(lineContaining(kBase, "pullPolicy"), 6);
        QCOMPARE(lineContaining(kBase, "memory: 512Mi"), 10);
        QCOMPARE(lineContaining(kProd, "cpu: \"2\""), 6);
        QCOMPARE(lineContaining(kProd, "--port=8080"), 8);
    }
};

QTEST_GUILESS_MAIN(TestEffectiveValues)
#include "tst_effectivevalues.moc"
