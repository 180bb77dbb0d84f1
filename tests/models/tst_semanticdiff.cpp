// SPDX-License-Identifier: MIT
// SemanticDiff: golden files of real-world changes (tests/models/data/semanticdiff/<case>/from.yaml + to.yaml →
// expected.txt, the human rendering, and expected.json; regenerate with STUDIO_REGENERATE_GOLDEN=1 and review
// every file), properties of the typed comparison, both source locations, Secret masking, bad input, and the
// effective values of the demo workspace's staging and prod environments.

#include "TestFiles.h"

#include "diff/SemanticDiff.h"
#include "values/EffectiveValues.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/TextFile.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using Kind = SemanticChange::Kind;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QList<SemanticChange> diffTexts(const QString &from, const QString &to)
{
    const Result<QList<SemanticChange>> changes = SemanticDiff::compare(
        yaml::YamlDocument::parse(from), QStringLiteral("from.yaml"), yaml::YamlDocument::parse(to), QStringLiteral("to.yaml"));
    if (!changes) {
        qWarning("%s", qPrintable(changes.errorMessage()));
        return {};
    }
    return changes.value();
}

QString describe(const QList<SemanticChange> &changes)
{
    return changes.isEmpty() ? QStringLiteral("(no changes)") : SemanticDiff::toText(changes);
}

const SemanticChange *findChange(const QList<SemanticChange> &changes, const QString &path, const QString &document = QString())
{
    for (const SemanticChange &c : changes) {
        if (c.path == path && (document.isNull() || c.document == document))
            return &c;
    }
    return nullptr;
}

QList<ValuesLayer> layersOf(const Workspace &ws, const Environment &env)
{
    QList<ValuesLayer> layers;
    for (const QString &file : env.valuesFiles) {
        const Result<QString> text = TextFile::read(ws.absolutePath(file));
        if (text)
            layers << ValuesLayer{file, yaml::YamlDocument::parse(*text)};
    }
    return layers;
}

} // namespace

class TestSemanticDiff : public QObject
{
    Q_OBJECT

private slots:
    void goldenFiles_data()
    {
        QTest::addColumn<QString>("folder");
        const QDir root(QStringLiteral(STUDIO_TEST_DATA_DIR "/data/semanticdiff"));
        const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &name : cases)
            QTest::newRow(qPrintable(name)) << root.filePath(name);
        QVERIFY(cases.size() >= 10);
    }

    void goldenFiles()
    {
        QFETCH(QString, folder);
        const QString from = readText(folder + QStringLiteral("/from.yaml"));
        const QString to = readText(folder + QStringLiteral("/to.yaml"));
        QVERIFY(!from.isEmpty() && !to.isEmpty());
        const Result<QList<SemanticChange>> changes = SemanticDiff::compare(
            yaml::YamlDocument::parse(from), QStringLiteral("from.yaml"), yaml::YamlDocument::parse(to), QStringLiteral("to.yaml"));
        QVERIFY2(changes.ok(), qPrintable(changes.errorMessage()));
        const QString text = changes->isEmpty() ? QStringLiteral("(no changes)\n") : SemanticDiff::toText(changes.value());
        const QString json = QString::fromUtf8(QJsonDocument(SemanticDiff::toJson(changes.value())).toJson(QJsonDocument::Indented));

        const QString textPath = folder + QStringLiteral("/expected.txt");
        const QString jsonPath = folder + QStringLiteral("/expected.json");
        if (qEnvironmentVariableIsSet("STUDIO_REGENERATE_GOLDEN")) {
            QFile textOut(textPath);
            QFile jsonOut(jsonPath);
            QVERIFY(textOut.open(QIODevice::WriteOnly) && jsonOut.open(QIODevice::WriteOnly));
            textOut.write(text.toUtf8());
            jsonOut.write(json.toUtf8());
            QSKIP("regenerated; review the files");
        }
        QCOMPARE(text, readText(textPath));
        QCOMPARE(json, readText(jsonPath));

        // Every location points at the line that holds the path's last key (or the entry) on its side.
        for (const SemanticChange &c : changes.value()) {
            for (const auto &[loc, source] : {std::pair{c.from, from}, std::pair{c.to, to}}) {
                if (!loc.present || loc.line == 0)
                    continue;
                const QStringList lines = source.split(u'\n');
                QVERIFY2(loc.line <= lines.size(), qPrintable(c.path));
                QVERIFY2(loc.column >= 1 && loc.column <= lines.at(loc.line - 1).size(),
                         qPrintable(QStringLiteral("%1: column %2 on line %3").arg(c.path).arg(loc.column).arg(loc.line)));
            }
        }
    }

    /// compareTexts parses only the documents whose text differs between the files; the result must be the
    /// one of parsing everything.
    void textFastPathGivesTheSameChanges_data() { goldenFiles_data(); }

    void textFastPathGivesTheSameChanges()
    {
        QFETCH(QString, folder);
        const QString from = readText(folder + QStringLiteral("/from.yaml"));
        const QString to = readText(folder + QStringLiteral("/to.yaml"));
        const Result<QList<SemanticChange>> full = SemanticDiff::compare(
            yaml::YamlDocument::parse(from), QStringLiteral("from.yaml"), yaml::YamlDocument::parse(to), QStringLiteral("to.yaml"));
        const Result<QList<SemanticChange>> fast =
            SemanticDiff::compareTexts(from, QStringLiteral("from.yaml"), to, QStringLiteral("to.yaml"));
        QVERIFY(full.ok() && fast.ok());
        QCOMPARE(SemanticDiff::toText(fast.value()), SemanticDiff::toText(full.value()));
        QCOMPARE(SemanticDiff::toJson(fast.value()), SemanticDiff::toJson(full.value()));
    }

    void textFastPathOnLargeMultiDocumentFiles()
    {
        // Many documents (the two-thread path), some changed, one moved, one broken only in the second file.
        QString from;
        QString to;
        for (int i = 0; i < 120; ++i) {
            const QString doc = QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c%1\ndata:\n  n: \"%1\"\n").arg(i);
            from += QStringLiteral("---\n") + doc;
            to += QStringLiteral("---\n") + (i % 40 == 7 ? QString(doc).replace(QStringLiteral("n: \""), QStringLiteral("n: \"x")) : doc);
        }
        to += QStringLiteral("---\n# moved to the end\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n");
        const auto full = SemanticDiff::compare(yaml::YamlDocument::parse(from), QStringLiteral("a.yaml"),
                                                yaml::YamlDocument::parse(to), QStringLiteral("b.yaml"));
        const auto fast = SemanticDiff::compareTexts(from, QStringLiteral("a.yaml"), to, QStringLiteral("b.yaml"));
        QVERIFY(full.ok() && fast.ok());
        QCOMPARE(fast->size(), 4); // three values, one document added
        QCOMPARE(SemanticDiff::toText(fast.value()), SemanticDiff::toText(full.value()));
        const SemanticChange *changed = findChange(fast.value(), QStringLiteral("data.n"), QStringLiteral("v1/ConfigMap/c47"));
        QVERIFY(changed);
        QCOMPARE(changed->to.line, test::lineContaining(to.toUtf8(), "n: \"x47\""));
        QCOMPARE(changed->toDocument, 47);

        // A syntax error in a changed document names the line in the whole file.
        QString broken = to;
        const qsizetype at = broken.indexOf(QStringLiteral("name: c80"));
        broken.insert(at, QStringLiteral("bad: [1, 2\n  "));
        const int line = test::lineContaining(broken.toUtf8(), "bad: [1, 2");
        const auto failed = SemanticDiff::compareTexts(from, QStringLiteral("a.yaml"), broken, QStringLiteral("b.yaml"));
        QVERIFY(!failed.ok());
        QVERIFY2(failed.errorMessage().startsWith(QStringLiteral("b.yaml:%1:").arg(line))
                     || failed.errorMessage().startsWith(QStringLiteral("b.yaml:%1:").arg(line + 1)),
                 qPrintable(failed.errorMessage()));
    }

    void textFastPathFollowsUnusualLayouts_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        const QString a = QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: \"1\"\n");
        const QString b = QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: \"1\"\n");
        // Identities the text reading does not follow (or misreads): the parse decides.
        QTest::newRow("four-space metadata") << QStringLiteral("---\n") + a + QStringLiteral("---\n") + b
                                              << QStringLiteral("---\n") + b + QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n    name: a\ndata:\n  k: \"2\"\n");
        QTest::newRow("flow metadata") << QStringLiteral("---\n") + a + QStringLiteral("---\n") + b
                                       << QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: \"2\"\n---\n") + b;
        QTest::newRow("anchored name") << QStringLiteral("---\n") + a + QStringLiteral("---\n") + b
                                       << QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n a\ndata:\n  k: *n\n---\n") + b;
        QTest::newRow("quoted identity") << QStringLiteral("---\n") + a + QStringLiteral("---\n") + b
                                         << QStringLiteral("---\n\"apiVersion\": 'v1'\nkind: \"ConfigMap\"\nmetadata:\n  name: 'a'\ndata:\n  k: \"3\"\n---\n") + b;
        QTest::newRow("nested names") << QStringLiteral("---\n") + a + QStringLiteral("---\n") + b
                                      << QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    name: b\n  name: a\ndata:\n  k: \"4\"\n---\n") + b;
        QTest::newRow("directive") << QStringLiteral("%YAML 1.2\n---\n") + a + QStringLiteral("---\n") + b
                                   << QStringLiteral("---\n") + b + QStringLiteral("---\n") + QString(a).replace(QStringLiteral("\"1\""), QStringLiteral("\"5\""));
        QTest::newRow("end markers") << QStringLiteral("---\n") + a + QStringLiteral("...\n---\n") + b
                                     << QStringLiteral("---\n") + b + QStringLiteral("...\n---\n") + QString(a).replace(QStringLiteral("\"1\""), QStringLiteral("\"8\""));
        auto crlf = [](QString text) { return text.replace(QStringLiteral("\n"), QStringLiteral("\r\n")); };
        QTest::newRow("crlf") << crlf(QStringLiteral("---\n") + a + QStringLiteral("---\n") + b)
                              << crlf(QStringLiteral("---\n") + b + QStringLiteral("---\n")
                                      + QString(a).replace(QStringLiteral("\"1\""), QStringLiteral("\"6\"")));
        QTest::newRow("empty documents") << QStringLiteral("---\n---\n") + a + QStringLiteral("---\n")
                                         << QStringLiteral("# head\n---\n") + QString(a).replace(QStringLiteral("\"1\""), QStringLiteral("\"7\"")) + QStringLiteral("---\n---\n");
    }

    void textFastPathFollowsUnusualLayouts()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        const auto full = SemanticDiff::compare(yaml::YamlDocument::parse(from), QStringLiteral("a.yaml"),
                                                yaml::YamlDocument::parse(to), QStringLiteral("b.yaml"));
        const auto fast = SemanticDiff::compareTexts(from, QStringLiteral("a.yaml"), to, QStringLiteral("b.yaml"));
        QVERIFY2(full.ok(), qPrintable(full.errorMessage()));
        QVERIFY2(fast.ok(), qPrintable(fast.errorMessage()));
        QVERIFY(!full->isEmpty());
        QCOMPARE(SemanticDiff::toText(fast.value()), SemanticDiff::toText(full.value()));
        QCOMPARE(SemanticDiff::toJson(fast.value()), SemanticDiff::toJson(full.value()));
    }

    void containersMatchedByNameGiveOneChangeAndOneOrderChange()
    {
        const QString folder = QStringLiteral(STUDIO_TEST_DATA_DIR "/data/semanticdiff/containers-by-name");
        const QString from = readText(folder + QStringLiteral("/from.yaml"));
        const QString to = readText(folder + QStringLiteral("/to.yaml"));
        const QList<SemanticChange> changes = diffTexts(from, to);
        QCOMPARE(changes.size(), 2);

        const SemanticChange &order = changes.at(0);
        QCOMPARE(order.kind, Kind::OrderChanged);
        QCOMPARE(order.path, QStringLiteral("spec.template.spec.containers"));
        QCOMPARE(order.oldValue, QStringLiteral("web\nlog-shipper"));
        QCOMPARE(order.newValue, QStringLiteral("log-shipper\nweb"));

        const SemanticChange &image = changes.at(1);
        QCOMPARE(image.kind, Kind::Changed);
        QCOMPARE(image.path, QStringLiteral("spec.template.spec.containers[name=web].image"));
        // The machine paths follow each side's own index.
        QCOMPARE(image.fromPath, (QStringList{QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec"),
                                              QStringLiteral("containers"), QStringLiteral("[0]"), QStringLiteral("image")}));
        QCOMPARE(image.toPath.at(4), QStringLiteral("[1]"));
        QCOMPARE(image.oldValue, QStringLiteral("tunemantra/app:1.8.0"));
        QCOMPARE(image.newValue, QStringLiteral("tunemantra/app:1.9.0"));
        QCOMPARE(image.from.file, QStringLiteral("from.yaml"));
        QCOMPARE(image.to.file, QStringLiteral("to.yaml"));
        QCOMPARE(image.from.line, test::lineContaining(from.toUtf8(), "image: tunemantra/app:1.8.0"));
        QCOMPARE(image.to.line, test::lineContaining(to.toUtf8(), "image: tunemantra/app:1.9.0"));
        QCOMPARE(image.from.column, 11);

        // The machine paths find the values again.
        const yaml::YamlDocument fromDoc = yaml::YamlDocument::parse(from);
        const yaml::YamlDocument toDoc = yaml::YamlDocument::parse(to);
        QCOMPARE(yaml::nodeAtPath(fromDoc.documents().front(), image.fromPath)->scalar(), QStringLiteral("tunemantra/app:1.8.0"));
        QCOMPARE(yaml::nodeAtPath(toDoc.documents().front(), image.toPath)->scalar(), QStringLiteral("tunemantra/app:1.9.0"));
    }

    void documentsMatchByKubernetesIdentityAndPathsResolve()
    {
        const QString folder = QStringLiteral(STUDIO_TEST_DATA_DIR "/data/semanticdiff/kubernetes-documents");
        const yaml::YamlDocument from = yaml::YamlDocument::parse(readText(folder + QStringLiteral("/from.yaml")));
        const yaml::YamlDocument to = yaml::YamlDocument::parse(readText(folder + QStringLiteral("/to.yaml")));
        const Result<QList<SemanticChange>> changes = SemanticDiff::compare(from, QStringLiteral("from.yaml"), to, QStringLiteral("to.yaml"));
        QVERIFY(changes.ok());
        // The Deployment is the third document before and the first after: one value change, nothing else.
        const SemanticChange *replicas = findChange(changes.value(), QStringLiteral("spec.replicas"));
        QVERIFY(replicas);
        QCOMPARE(replicas->document, QStringLiteral("apps/v1/Deployment/tunemantra-staging/tunemantra"));
        QCOMPARE(replicas->fromDocument, 2);
        QCOMPARE(replicas->toDocument, 0);
        QCOMPARE(yaml::nodeAtPath(from.documents().at(size_t(replicas->fromDocument)), replicas->fromPath)->scalar(), QStringLiteral("2"));
        QCOMPARE(yaml::nodeAtPath(to.documents().at(size_t(replicas->toDocument)), replicas->toPath)->scalar(), QStringLiteral("3"));
        // The ConfigMap moved to the end unchanged: not reported.
        for (const SemanticChange &c : changes.value())
            QVERIFY2(!c.document.contains(QStringLiteral("ConfigMap")), qPrintable(c.document));
        int wholeDocuments = 0;
        for (const SemanticChange &c : changes.value()) {
            if (!c.path.isEmpty())
                continue;
            ++wholeDocuments;
            QCOMPARE(c.kind == Kind::Added ? c.fromDocument : c.toDocument, -1);
        }
        QCOMPARE(wholeDocuments, 2);
    }

    void typedComparison_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("kind"); // -1: no change
        QTest::newRow("single vs double quotes") << "a: 'x'" << "a: \"x\"" << -1;
        QTest::newRow("plain vs quoted string") << "a: x" << "a: 'x'" << -1;
        QTest::newRow("int vs quoted int") << "a: 80" << "a: \"80\"" << int(Kind::TypeChanged);
        QTest::newRow("float digits") << "a: 1.0" << "a: 1.00" << -1;
        QTest::newRow("float exponent") << "a: 1e3" << "a: 1000.0" << -1;
        QTest::newRow("int vs float") << "a: 1" << "a: 1.0" << int(Kind::TypeChanged);
        QTest::newRow("hex int") << "a: 0x10" << "a: 16" << -1;
        QTest::newRow("octal int") << "a: 0o10" << "a: 8" << -1;
        QTest::newRow("bool spelling") << "a: True" << "a: true" << -1;
        QTest::newRow("bool value") << "a: true" << "a: false" << int(Kind::Changed);
        QTest::newRow("null spellings") << "a: ~" << "a: null" << -1;
        QTest::newRow("empty is null") << "a:" << "a: ~" << -1;
        QTest::newRow("null vs empty string") << "a: ~" << "a: \"\"" << int(Kind::TypeChanged);
        QTest::newRow("explicit str tag") << "a: !!str 80" << "a: \"80\"" << -1;
        QTest::newRow("string value") << "a: x" << "a: y" << int(Kind::Changed);
        QTest::newRow("flow vs block map") << "a: {b: 1, c: 2}" << "a:\n  c: 2\n  b: 1" << -1;
        QTest::newRow("flow vs block list") << "a: [1, 2]" << "a:\n  - 1\n  - 2" << -1;
        QTest::newRow("scalar to map") << "a: x" << "a: {b: 1}" << int(Kind::TypeChanged);
        QTest::newRow("empty map to empty list") << "a: {}" << "a: []" << int(Kind::TypeChanged);
        QTest::newRow("literal vs quoted") << "a: |\n  x\n  y\n" << "a: \"x\\ny\\n\"" << -1;
        QTest::newRow("huge ints") << "a: 123456789012345678901234" << "a: 123456789012345678901234" << -1;
        QTest::newRow("huge ints differ") << "a: 123456789012345678901234" << "a: 123456789012345678901235"
                                          << int(Kind::Changed);
        QTest::newRow("nan") << "a: .nan" << "a: .NaN" << -1;
        QTest::newRow("crlf") << "a: 1\r\nb: x\r\n" << "a: 1\nb: x\n" << -1;
    }

    void typedComparison()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, kind);
        const QList<SemanticChange> changes = diffTexts(from, to);
        if (kind < 0) {
            QVERIFY2(changes.isEmpty(), qPrintable(describe(changes)));
        } else {
            QCOMPARE(changes.size(), 1);
            QCOMPARE(int(changes.front().kind), kind);
            QCOMPARE(changes.front().path, QStringLiteral("a"));
        }
    }

    void typeChangeNamesBothTypes()
    {
        const QList<SemanticChange> changes = diffTexts(QStringLiteral("port: 80\n"), QStringLiteral("port: \"80\"\n"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.front().oldType, QStringLiteral("int"));
        QCOMPARE(changes.front().newType, QStringLiteral("string"));
        QCOMPARE(changes.front().oldValue, QStringLiteral("80"));
        QCOMPARE(changes.front().newValue, QStringLiteral("\"80\"")); // quoted: it would read as an int otherwise
        QCOMPARE(changes.front().oldJson, QJsonValue(80));
        QCOMPARE(changes.front().newJson, QJsonValue(QStringLiteral("80")));
    }

    void addedAndRemovedPointAtTheParentOnTheMissingSide()
    {
        const QString from = QStringLiteral("a:\n  b: 1\n  gone: 2\n");
        const QString to = QStringLiteral("# header\na:\n  b: 1\n  new: 3\n");
        const QList<SemanticChange> changes = diffTexts(from, to);
        QCOMPARE(changes.size(), 2);
        const SemanticChange *removed = findChange(changes, QStringLiteral("a.gone"));
        const SemanticChange *added = findChange(changes, QStringLiteral("a.new"));
        QVERIFY(removed && added);
        QCOMPARE(removed->kind, Kind::Removed);
        QVERIFY(removed->from.present);
        QCOMPARE(removed->from.line, 3);
        QVERIFY(!removed->to.present);
        QCOMPARE(removed->to.line, 2); // "a:" in to.yaml
        QVERIFY(removed->toPath.isEmpty());
        QCOMPARE(added->kind, Kind::Added);
        QVERIFY(!added->from.present);
        QCOMPARE(added->from.line, 1);
        QCOMPARE(added->to.line, 4);
        QVERIFY(added->fromPath.isEmpty());
        QCOMPARE(added->toPath, (QStringList{QStringLiteral("a"), QStringLiteral("new")}));
    }

    void keysWithDotsAreQuotedInReadablePaths()
    {
        const QList<SemanticChange> changes =
            diffTexts(QStringLiteral("annotations:\n  example.com/owner: a\n"), QStringLiteral("annotations:\n  example.com/owner: b\n"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.front().path, QStringLiteral("annotations[\"example.com/owner\"]"));
        QCOMPARE(changes.front().toPath, (QStringList{QStringLiteral("annotations"), QStringLiteral("example.com/owner")}));
    }

    void secretValuesNeverAppear()
    {
        const QString folder = QStringLiteral(STUDIO_TEST_DATA_DIR "/data/semanticdiff/secret-masking");
        const QString from = readText(folder + QStringLiteral("/from.yaml"));
        const QString to = readText(folder + QStringLiteral("/to.yaml"));
        const QList<SemanticChange> changes = diffTexts(from, to);
        QVERIFY(!changes.isEmpty());
        const QString text = SemanticDiff::toText(changes);
        const QString json = QString::fromUtf8(QJsonDocument(SemanticDiff::toJson(changes)).toJson());
        for (const QString &secret : {QStringLiteral("c3VwZXItc2VjcmV0"), QStringLiteral("c2tfbGl2ZV9vbGQ"), QStringLiteral("b2xkLXRva2Vu"),
                                      QStringLiteral("hunter2"), QStringLiteral("correct-horse"), QStringLiteral("aHR0cHM6Ly9rZXlAc2VudHJ5"),
                                      QStringLiteral("redis-password-in-clear")}) {
            QVERIFY2(!text.contains(secret), qPrintable(secret));
            QVERIFY2(!json.contains(secret), qPrintable(secret));
        }
        // ... while the non-secret parts of the Secret and the ConfigMap's data are shown.
        const SemanticChange *label = findChange(changes, QStringLiteral("metadata.labels[\"app.kubernetes.io/part-of\"]"));
        QVERIFY2(label && !label->masked && label->newValue == u"tunemantra", qPrintable(describe(changes)));
        const SemanticChange *jwt = findChange(changes, QStringLiteral("data.JWT_SECRET"));
        QVERIFY(jwt && jwt->masked && jwt->kind == Kind::Changed);
        QVERIFY(jwt->oldJson.isNull() && jwt->newJson.isNull());
        QVERIFY(text.contains(QStringLiteral("(secret value changed)")));
        const SemanticChange *level = findChange(changes, QStringLiteral("data.LOG_LEVEL"));
        QVERIFY(level && !level->masked && level->newValue == u"debug");
    }

    void refusesBrokenYamlNamingFileAndLine()
    {
        const Result<QList<SemanticChange>> r = SemanticDiff::compare(
            yaml::YamlDocument::parse(QStringLiteral("a: 1\n")), QStringLiteral("good.yaml"),
            yaml::YamlDocument::parse(QStringLiteral("a: 1\nb: [1, 2\n")), QStringLiteral("bad.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().startsWith(QStringLiteral("bad.yaml:")), qPrintable(r.errorMessage()));
    }

    void refusesAliasBombs()
    {
        QString bomb = QStringLiteral("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; ++i)
            bomb += QStringLiteral("a%1: &a%1 [*a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2]\n").arg(i).arg(i - 1);
        const Result<QList<SemanticChange>> r = SemanticDiff::compare(yaml::YamlDocument::parse(bomb), QStringLiteral("bomb.yaml"),
                                                                      yaml::YamlDocument::parse(QStringLiteral("a0: 1\n")),
                                                                      QStringLiteral("small.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(QStringLiteral("billion laughs")), qPrintable(r.errorMessage()));

        // Moderate aliasing is fine and compared by meaning.
        const QList<SemanticChange> changes = diffTexts(QStringLiteral("x: &x {a: 1}\ny: *x\n"), QStringLiteral("x: {a: 1}\ny: {a: 2}\n"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.front().path, QStringLiteral("y.a"));
    }

    void emptyAndMissingDocuments()
    {
        // A file with no document against one with a document: the whole document is added.
        const QList<SemanticChange> changes = diffTexts(QStringLiteral("# nothing yet\n"), QStringLiteral("a: 1\n"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.front().kind, Kind::Added);
        QCOMPARE(changes.front().document, QStringLiteral("document #1"));
        QVERIFY(diffTexts(QString(), QStringLiteral("---\n")).isEmpty());
    }

    void jsonHasEveryFieldOnEveryChange()
    {
        const QList<SemanticChange> changes =
            diffTexts(QStringLiteral("a: 1\nb: [x, y]\nc: 1\n"), QStringLiteral("a: 2\nb: [y, x]\nd: 1\n"));
        const QJsonObject json = SemanticDiff::toJson(changes);
        const QJsonArray list = json.value(QLatin1String("changes")).toArray();
        QCOMPARE(list.size(), 4);
        for (const QJsonValue &v : list) {
            const QStringList fields = v.toObject().keys();
            QCOMPARE(fields, (QStringList{QStringLiteral("document"), QStringLiteral("from"), QStringLiteral("fromDocument"),
                                          QStringLiteral("fromPath"),
                                          QStringLiteral("kind"), QStringLiteral("masked"), QStringLiteral("new"),
                                          QStringLiteral("newType"), QStringLiteral("old"), QStringLiteral("oldType"),
                                          QStringLiteral("path"), QStringLiteral("to"), QStringLiteral("toDocument"),
                                          QStringLiteral("toPath")}));
        }
        const QJsonObject summary = json.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("total")).toInt(), 4);
        QCOMPARE(summary.value(QLatin1String("changed")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("orderChanged")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("added")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("removed")).toInt(), 1);
    }

    void effectiveValuesOfDemoStagingAgainstProd()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = tmp.path() + QStringLiteral("/demo");
        const Status created = DemoWorkspace::create(root);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        const Workspace ws = Workspace::discover(root);
        const Environment *staging = ws.environment(QStringLiteral("staging"));
        const Environment *prod = ws.environment(QStringLiteral("prod"));
        QVERIFY(staging && prod);

        const EffectiveValues from = EffectiveValues::merge(layersOf(ws, *staging));
        const EffectiveValues to = EffectiveValues::merge(layersOf(ws, *prod));
        QVERIFY(from.diagnostics().isEmpty() && to.diagnostics().isEmpty());
        const QList<SemanticChange> changes = SemanticDiff::compare(from.root(), to.root());
        const QString text = SemanticDiff::toText(changes);

        const QString stagingFile = QStringLiteral("charts/tunemantra/values-staging.yaml");
        const QString prodFile = QStringLiteral("charts/tunemantra/values-prod.yaml");
        auto lineIn = [&](const QString &file, const char *needle) {
            return test::lineContainingInFile(ws.absolutePath(file), needle);
        };
        auto verifyChange = [&](const QString &path, const QString &oldValue, const QString &newValue, const char *oldNeedle,
                                const char *newNeedle) {
            const SemanticChange *c = findChange(changes, path);
            QVERIFY2(c, qPrintable(path + u'\n' + text));
            QCOMPARE(c->kind, Kind::Changed);
            QCOMPARE(c->oldValue, oldValue);
            QCOMPARE(c->newValue, newValue);
            QCOMPARE(c->from.file, stagingFile);
            QCOMPARE(c->to.file, prodFile);
            QVERIFY(c->from.present && c->to.present);
            QCOMPARE(c->from.line, lineIn(stagingFile, oldNeedle));
            QCOMPARE(c->to.line, lineIn(prodFile, newNeedle));
            QVERIFY(c->from.line > 0 && c->to.line > 0);
        };
        verifyChange(QStringLiteral("image.tag"), QStringLiteral("1.8.0"), QStringLiteral("latest"), "tag: \"1.8.0\"", "tag: latest");
        verifyChange(QStringLiteral("resources.requests.cpu"), QStringLiteral("750m"), QStringLiteral("500m"), "cpu: 750m", "cpu: 500m");
        verifyChange(QStringLiteral("resources.requests.memory"), QStringLiteral("1536Mi"), QStringLiteral("1Gi"), "memory: 1536Mi",
                     "memory: 1Gi");
        verifyChange(QStringLiteral("resources.limits.cpu"), QStringLiteral("1500m"), QStringLiteral("1000m"), "cpu: 1500m", "cpu: 1000m");
        verifyChange(QStringLiteral("resources.limits.memory"), QStringLiteral("3Gi"), QStringLiteral("2Gi"), "memory: 3Gi", "memory: 2Gi");

        // Values only one side overrides point into values.yaml on the other side.
        const SemanticChange *replicas = findChange(changes, QStringLiteral("replicaCount"));
        QVERIFY(replicas);
        QCOMPARE(replicas->from.file, QStringLiteral("charts/tunemantra/values.yaml"));
        QCOMPARE(replicas->from.line, lineIn(QStringLiteral("charts/tunemantra/values.yaml"), "replicaCount:"));
        QCOMPARE(replicas->to.file, prodFile);
        // Settings the two environments share are not reported.
        QVERIFY(!findChange(changes, QStringLiteral("image.repository")));
        QVERIFY(!text.contains(QStringLiteral("probes")));
        // Identical inputs: nothing.
        QVERIFY(SemanticDiff::compare(from.root(), from.root()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSemanticDiff)
#include "tst_semanticdiff.moc"
