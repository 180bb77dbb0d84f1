// SPDX-License-Identifier: MIT
// YamlPatch: minimal edits. Properties over generated documents and paths (the re-parsed tree is the
// expected one, key order kept, every byte outside the edit untouched) and golden files of real-world
// styles (tests/models/data/patch/<case>/input.yaml + edits.txt → expected.yaml).

#include "yaml/YamlDocument.h"
#include "yaml/YamlJson.h"
#include "yaml/YamlPatch.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace studio;
using namespace studio::yaml;

namespace {

/// An ordered value tree: what a document means, independent of how it is written.
struct Tree {
    enum class Kind { Scalar, Map, List } kind = Kind::Scalar;
    ScalarType type = ScalarType::Null;
    QString text;
    QList<QPair<QString, Tree>> map;
    QList<Tree> list;

    static Tree scalar(ScalarType t, const QString &s)
    {
        Tree tree;
        tree.type = t;
        tree.text = t == ScalarType::Null ? QString() : s;
        return tree;
    }
    static Tree fromYaml(const YamlNode *node)
    {
        node = node->resolved();
        Tree t;
        if (node->kind == NodeKind::Mapping) {
            t.kind = Kind::Map;
            for (const YamlPair &p : node->pairs)
                t.map.append({p.key->scalar(), fromYaml(p.value)});
        } else if (node->kind == NodeKind::Sequence) {
            t.kind = Kind::List;
            for (const YamlNode *item : node->items)
                t.list.append(fromYaml(item));
        } else {
            t = scalar(node->scalarType(), node->text);
        }
        return t;
    }
    QString canonical() const
    {
        switch (kind) {
        case Kind::Scalar:
            return QStringLiteral("%1:%2").arg(int(type)).arg(text);
        case Kind::Map: {
            QStringList parts;
            for (const auto &[k, v] : map)
                parts << k + u'=' + v.canonical();
            return u'{' + parts.join(u',') + u'}';
        }
        case Kind::List: {
            QStringList parts;
            for (const Tree &v : list)
                parts << v.canonical();
            return u'[' + parts.join(u',') + u']';
        }
        }
        return {};
    }
    Tree *child(const QString &segment)
    {
        if (kind == Kind::List && segment.startsWith(u'['))
            return &list[QStringView(segment).mid(1, segment.size() - 2).toInt()];
        for (auto &entry : map) {
            if (entry.first == segment)
                return &entry.second;
        }
        return nullptr;
    }
    void set(const QStringList &path, const Tree &value)
    {
        Tree *node = this;
        for (const QString &segment : path) {
            if (node->kind == Kind::Scalar) { // a null value becomes a mapping
                node->kind = Kind::Map;
                node->text.clear();
            }
            Tree *next = node->child(segment);
            if (!next) {
                node->map.append({segment, Tree::scalar(ScalarType::Null, {})});
                next = &node->map.last().second;
            }
            node = next;
        }
        *node = value;
    }
    void remove(const QStringList &path)
    {
        Tree *node = this;
        for (qsizetype i = 0; i + 1 < path.size(); ++i)
            node = node->child(path.at(i));
        const QString &last = path.back();
        if (node->kind == Kind::List) {
            node->list.removeAt(QStringView(last).mid(1, last.size() - 2).toInt());
        } else {
            for (qsizetype i = 0; i < node->map.size(); ++i) {
                if (node->map.at(i).first == last) {
                    node->map.removeAt(i);
                    break;
                }
            }
        }
        if (node->kind == Kind::Map && node->map.isEmpty())
            *node = Tree::scalar(ScalarType::Null, {}); // "key:" with nothing under it
    }
};

/// Writes random documents in varied but realistic styles.
class DocumentGenerator
{
public:
    explicit DocumentGenerator(quint32 seed) : m_random(seed) {}

    QString document(QList<QStringList> &scalarPaths, QList<QStringList> &mapPaths)
    {
        m_nl = m_random.bounded(5) == 0 ? QStringLiteral("\r\n") : QStringLiteral("\n");
        QString out;
        if (m_random.bounded(2))
            out += QStringLiteral("# generated document") + m_nl;
        mapPaths << QStringList{};
        blockMap(out, 0, {}, 0, scalarPaths, mapPaths);
        return out;
    }

private:
    QString word()
    {
        static const QStringList words{QStringLiteral("image"), QStringLiteral("tag"), QStringLiteral("replicas"),
                                       QStringLiteral("port"), QStringLiteral("enabled"), QStringLiteral("name"),
                                       QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("hosts"),
                                       QStringLiteral("config"), QStringLiteral("level"), QStringLiteral("mode")};
        return words.at(int(m_random.bounded(int(words.size()))));
    }
    QString scalarText()
    {
        switch (m_random.bounded(7)) {
        case 0: return QString::number(m_random.bounded(1000));
        case 1: return QStringLiteral("true");
        case 2: return QStringLiteral("\"quoted %1\"").arg(m_random.bounded(100));
        case 3: return QStringLiteral("'single'");
        case 4: return QStringLiteral("~");
        case 5: return QStringLiteral("1.%1.0").arg(m_random.bounded(10));
        default: return word() + QStringLiteral("-value");
        }
    }
    QString comment()
    {
        return m_random.bounded(4) == 0 ? QStringLiteral("  # note") : QString();
    }
    void blockMap(QString &out, int indent, const QStringList &path, int depth, QList<QStringList> &scalarPaths,
                  QList<QStringList> &mapPaths)
    {
        QStringList used;
        const int entries = 1 + int(m_random.bounded(4));
        for (int i = 0; i < entries; ++i) {
            QString key = word();
            while (used.contains(key))
                key += u'x';
            used << key;
            const QStringList childPath = path + QStringList{key};
            const QString pad(indent, u' ');
            if (m_random.bounded(6) == 0)
                out += pad + QStringLiteral("# about ") + key + m_nl;
            const int shape = depth < 3 ? int(m_random.bounded(6)) : 0;
            if (shape == 1 || shape == 2) {
                out += pad + key + u':' + comment() + m_nl;
                mapPaths << childPath;
                blockMap(out, indent + 2, childPath, depth + 1, scalarPaths, mapPaths);
            } else if (shape == 3) {
                out += pad + key + QStringLiteral(": {a: 1, b: two}") + comment() + m_nl;
                mapPaths << childPath;
                scalarPaths << childPath + QStringList{QStringLiteral("a")} << childPath + QStringList{QStringLiteral("b")};
            } else if (shape == 4) {
                out += pad + key + u':' + m_nl + pad + QStringLiteral("  - one") + m_nl + pad + QStringLiteral("  - 2") + m_nl;
                scalarPaths << childPath + QStringList{QStringLiteral("[0]")} << childPath + QStringList{QStringLiteral("[1]")};
            } else if (shape == 5) {
                out += pad + key + QStringLiteral(": |") + m_nl + pad + QStringLiteral("  line one") + m_nl + pad
                    + QStringLiteral("  line two") + m_nl;
                scalarPaths << childPath;
            } else {
                out += pad + key + QStringLiteral(": ") + scalarText() + comment() + m_nl;
                scalarPaths << childPath;
            }
        }
    }

    QRandomGenerator m_random;
    QString m_nl;
};

Tree parseTree(const QString &text)
{
    const YamlDocument doc = YamlDocument::parse(text);
    if (doc.documents().empty())
        return Tree::scalar(ScalarType::Null, {});
    return Tree::fromYaml(doc.documents().front());
}

void verifyUntouchedOutside(const QString &before, const QString &after, const TextEdit &edit)
{
    QCOMPARE(after.left(edit.offset), before.left(edit.offset));
    QCOMPARE(after.mid(edit.offset + edit.text.size()), before.mid(edit.offset + edit.length));
}

} // namespace

class TestYamlPatch : public QObject
{
    Q_OBJECT

private slots:
    void setExistingScalarsKeepsEverythingElse()
    {
        for (quint32 seed = 1; seed <= 300; ++seed) {
            DocumentGenerator generator(seed);
            QList<QStringList> scalars;
            QList<QStringList> maps;
            const QString source = generator.document(scalars, maps);
            const YamlDocument doc = YamlDocument::parse(source);
            QVERIFY2(!doc.hasErrors(), qPrintable(source));
            QRandomGenerator random(seed * 7);
            const QStringList path = scalars.at(int(random.bounded(int(scalars.size()))));
            static const QList<QPair<QString, ScalarType>> values{
                {QStringLiteral("42"), ScalarType::Int},        {QStringLiteral("1.20"), ScalarType::String},
                {QStringLiteral("true"), ScalarType::String},   {QStringLiteral("has: colon"), ScalarType::String},
                {QStringLiteral("it's"), ScalarType::String},   {QStringLiteral("false"), ScalarType::Bool},
                {QStringLiteral("# not a comment"), ScalarType::String}, {QStringLiteral("two\nlines\n"), ScalarType::String},
            };
            const auto &[value, type] = values.at(int(random.bounded(int(values.size()))));
            const Result<TextEdit> edit = YamlPatch::setScalar(doc, path, value, type);
            QVERIFY2(edit.ok(), qPrintable(edit.errorMessage() + u'\n' + source));
            const QString after = edit->applyTo(source);

            Tree expected = parseTree(source);
            expected.set(path, Tree::scalar(type, value));
            const YamlDocument reparsed = YamlDocument::parse(after);
            QVERIFY2(!reparsed.hasErrors(), qPrintable(QStringLiteral("seed %1\n%2").arg(seed).arg(after)));
            QCOMPARE(parseTree(after).canonical(), expected.canonical());
            verifyUntouchedOutside(source, after, edit.value());
            // Line endings stay as they were.
            QCOMPARE(after.contains(QStringLiteral("\r\n")), source.contains(QStringLiteral("\r\n")));
        }
    }

    void insertMissingKeysInTheSurroundingStyle()
    {
        for (quint32 seed = 1; seed <= 300; ++seed) {
            DocumentGenerator generator(seed);
            QList<QStringList> scalars;
            QList<QStringList> maps;
            const QString source = generator.document(scalars, maps);
            const YamlDocument doc = YamlDocument::parse(source);
            QRandomGenerator random(seed * 13);
            QStringList path = maps.at(int(random.bounded(int(maps.size()))));
            path << QStringLiteral("added%1").arg(seed);
            if (random.bounded(2))
                path << QStringLiteral("nested");
            const Result<TextEdit> edit = YamlPatch::setScalar(doc, path, QStringLiteral("v%1").arg(seed), ScalarType::String);
            QVERIFY2(edit.ok(), qPrintable(edit.errorMessage()));
            const QString after = edit->applyTo(source);
            Tree expected = parseTree(source);
            expected.set(path, Tree::scalar(ScalarType::String, QStringLiteral("v%1").arg(seed)));
            QVERIFY2(!YamlDocument::parse(after).hasErrors(), qPrintable(QStringLiteral("seed %1\n%2").arg(seed).arg(after)));
            QCOMPARE(parseTree(after).canonical(), expected.canonical());
            verifyUntouchedOutside(source, after, edit.value());
            QCOMPARE(after.contains(QStringLiteral("\r\n")), source.contains(QStringLiteral("\r\n")));
        }
    }

    void removeDeletesOnlyTheEntry()
    {
        for (quint32 seed = 1; seed <= 300; ++seed) {
            DocumentGenerator generator(seed);
            QList<QStringList> scalars;
            QList<QStringList> maps;
            const QString source = generator.document(scalars, maps);
            const YamlDocument doc = YamlDocument::parse(source);
            QRandomGenerator random(seed * 31);
            const QStringList path = scalars.at(int(random.bounded(int(scalars.size()))));
            const Result<TextEdit> edit = YamlPatch::remove(doc, path);
            QVERIFY2(edit.ok(), qPrintable(edit.errorMessage()));
            const QString after = edit->applyTo(source);
            Tree expected = parseTree(source);
            expected.remove(path);
            QVERIFY2(!YamlDocument::parse(after).hasErrors(), qPrintable(QStringLiteral("seed %1\n%2").arg(seed).arg(after)));
            QCOMPARE(parseTree(after).canonical(), expected.canonical());
            verifyUntouchedOutside(source, after, edit.value());
        }
    }

    void goldenFiles_data()
    {
        QTest::addColumn<QString>("folder");
        const QDir root(QStringLiteral(STUDIO_TEST_DATA_DIR "/data/patch"));
        for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QTest::newRow(qPrintable(name)) << root.filePath(name);
        QVERIFY(root.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() >= 5);
    }

    void goldenFiles()
    {
        QFETCH(QString, folder);
        auto read = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        QString text = read(folder + QStringLiteral("/input.yaml"));
        QVERIFY(!text.isEmpty());
        // edits.txt: one "set PATH TYPE VALUE" or "remove PATH" per line (VALUE may use \n).
        for (const QString &line : read(folder + QStringLiteral("/edits.txt")).split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList parts = line.split(u' ');
            const YamlDocument doc = YamlDocument::parse(text);
            QStringList path;
            for (const QString &segment : parts.at(1).split(u'.')) {
                const qsizetype bracket = segment.indexOf(u'[');
                if (bracket > 0) {
                    path << segment.left(bracket) << segment.mid(bracket);
                } else {
                    path << segment;
                }
            }
            Result<TextEdit> edit = Error{};
            if (parts.front() == u"set") {
                static const QHash<QString, ScalarType> types{{QStringLiteral("string"), ScalarType::String},
                                                              {QStringLiteral("int"), ScalarType::Int},
                                                              {QStringLiteral("bool"), ScalarType::Bool}};
                QString value = parts.mid(3).join(u' ');
                value.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
                edit = YamlPatch::setScalar(doc, path, value, types.value(parts.at(2)));
            } else {
                edit = YamlPatch::remove(doc, path);
            }
            QVERIFY2(edit.ok(), qPrintable(line + QStringLiteral(": ") + edit.errorMessage()));
            text = edit->applyTo(text);
        }
        const QString expectedPath = folder + QStringLiteral("/expected.yaml");
        if (qEnvironmentVariableIsSet("STUDIO_REGENERATE_GOLDEN")) {
            QFile out(expectedPath);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(text.toUtf8());
            QSKIP("regenerated; review the file");
        }
        QCOMPARE(text, read(expectedPath));
        QVERIFY(!YamlDocument::parse(text).hasErrors());
    }

    void setFlowReplacesWholeCollections_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("flow");
        QTest::addColumn<QString>("expected");
        QTest::newRow("block list") << QStringLiteral("a:\n  hosts: # the hosts\n    - x\n    - y\n  b: 1\n")
                                    << QStringLiteral("a.hosts") << QStringLiteral("[p, q]")
                                    << QStringLiteral("a:\n  hosts: [p, q] # the hosts\n  b: 1\n");
        QTest::newRow("flow map") << QStringLiteral("labels: {a: 1}\nx: 2\n") << QStringLiteral("labels")
                                  << QStringLiteral("{b: 2, c: 3}") << QStringLiteral("labels: {b: 2, c: 3}\nx: 2\n");
        QTest::newRow("scalar to list") << QStringLiteral("tolerations: ~\n") << QStringLiteral("tolerations")
                                        << QStringLiteral("[]") << QStringLiteral("tolerations: []\n");
        QTest::newRow("new key") << QStringLiteral("a: 1\n") << QStringLiteral("b.c") << QStringLiteral("[1, 2]")
                                 << QStringLiteral("a: 1\nb:\n  c: [1, 2]\n");
        QTest::newRow("block map") << QStringLiteral("m:\n  k: v\n  l: w\nn: 1\n") << QStringLiteral("m")
                                   << QStringLiteral("{}") << QStringLiteral("m: {}\nn: 1\n");
    }

    void setFlowReplacesWholeCollections()
    {
        QFETCH(QString, source);
        QFETCH(QString, path);
        QFETCH(QString, flow);
        QFETCH(QString, expected);
        const Result<TextEdit> edit = YamlPatch::setFlow(YamlDocument::parse(source), path.split(u'.'), flow);
        QVERIFY2(edit.ok(), qPrintable(edit.errorMessage()));
        QCOMPARE(edit->applyTo(source), expected);
        QVERIFY(!YamlPatch::setFlow(YamlDocument::parse(source), path.split(u'.'), QStringLiteral("[unclosed")).ok());
    }

    void refusesWhatItCannotDoSafely()
    {
        const YamlDocument broken = YamlDocument::parse(QStringLiteral("a: [1, 2\n"));
        Result<TextEdit> edit = YamlPatch::setScalar(broken, {QStringLiteral("a")}, QStringLiteral("x"), ScalarType::String);
        QVERIFY(!edit.ok());
        QVERIFY(edit.errorMessage().contains(QStringLiteral("fix the text first")));

        const YamlDocument aliased = YamlDocument::parse(QStringLiteral("base: &b\n  x: 1\nuse: *b\n"));
        edit = YamlPatch::setScalar(aliased, {QStringLiteral("use"), QStringLiteral("x")}, QStringLiteral("2"), ScalarType::Int);
        QVERIFY(!edit.ok());
        QVERIFY(edit.errorMessage().contains(QStringLiteral("&b")));

        const YamlDocument scalarParent = YamlDocument::parse(QStringLiteral("a: text\n"));
        edit = YamlPatch::setScalar(scalarParent, {QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("x"), ScalarType::String);
        QVERIFY(!edit.ok());
        QVERIFY(edit.errorMessage().contains(QStringLiteral("single value")));
    }

    void renderScalarQuotesWhatPlainWouldMisread_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("rendered");
        QTest::newRow("version") << QStringLiteral("1.8.0") << int(ScalarType::String) << QStringLiteral("1.8.0");
        QTest::newRow("number as text") << QStringLiteral("1.20") << int(ScalarType::String) << QStringLiteral("\"1.20\"");
        QTest::newRow("bool as text") << QStringLiteral("true") << int(ScalarType::String) << QStringLiteral("\"true\"");
        QTest::newRow("colon space") << QStringLiteral("a: b") << int(ScalarType::String) << QStringLiteral("\"a: b\"");
        QTest::newRow("empty") << QString() << int(ScalarType::String) << QStringLiteral("\"\"");
        QTest::newRow("int") << QStringLiteral("8080") << int(ScalarType::Int) << QStringLiteral("8080");
        QTest::newRow("bool") << QStringLiteral("TRUE") << int(ScalarType::Bool) << QStringLiteral("true");
        QTest::newRow("url") << QStringLiteral("http://x:80/p") << int(ScalarType::String) << QStringLiteral("http://x:80/p");
        QTest::newRow("star") << QStringLiteral("*.example.com") << int(ScalarType::String) << QStringLiteral("\"*.example.com\"");
    }

    void renderScalarQuotesWhatPlainWouldMisread()
    {
        QFETCH(QString, value);
        QFETCH(int, type);
        QFETCH(QString, rendered);
        QCOMPARE(YamlPatch::renderScalar(value, ScalarType(type)), rendered);
        const YamlDocument doc = YamlDocument::parse(QStringLiteral("v: ") + rendered + u'\n');
        QCOMPARE(doc.documents().front()->value(u"v")->scalar(), ScalarType(type) == ScalarType::Bool ? value.toLower() : value);
        QCOMPARE(int(doc.documents().front()->value(u"v")->scalarType()), type);
    }
};

QTEST_GUILESS_MAIN(TestYamlPatch)
#include "tst_yamlpatch.moc"
