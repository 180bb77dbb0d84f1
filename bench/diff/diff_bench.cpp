// SPDX-License-Identifier: MIT
// bench/diff: the studio side of the semantic diff benchmark. Run it through bench/diff/run.
//
//   diff_bench FROM TO                 one semantic diff, the way a command-line tool does it: read both files,
//                                      SemanticDiff::compareTexts (parses the documents whose text differs, on two
//                                      threads, and compares), print the dyff-like text to stdout; exit 0 (no
//                                      differences) or 1 (differences), 2 on errors. Like git, it leaves freeing
//                                      memory to the operating system at exit.
//   diff_bench FROM TO --repeat N      the same N times in one process; prints one JSON line with the median of
//                                      each stage (read, diff, render) and the change counts.
//   diff_bench FROM TO --parse-only    only read and parse both whole files (in parallel), then exit: the floor
//                                      of any semantic diff that parses everything with models/yaml.
//   diff_bench FROM TO --verify        checks that the fast path gives exactly the changes of parsing both whole
//                                      files and comparing them; exit 0 when it does, 2 when not.

#include "diff/SemanticDiff.h"
#include "yaml/YamlDocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace studio;

namespace {

struct Timings {
    double readMs = 0;
    double diffMs = 0; ///< SemanticDiff::compareTexts: cut into documents, parse the changed ones, compare
    double renderMs = 0;
    double totalMs() const { return readMs + diffMs + renderMs; }
};

bool readText(const QString &path, QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // Decoded straight from the page cache: no intermediate copy of the bytes.
    if (const qint64 size = file.size(); size > 0) {
        if (const uchar *bytes = file.map(0, size)) {
            text = QString::fromUtf8(reinterpret_cast<const char *>(bytes), size);
            file.unmap(const_cast<uchar *>(bytes));
            return true;
        }
    }
    text = QString::fromUtf8(file.readAll());
    return true;
}

double ms(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

struct Outcome {
    bool ok = false;
    QString error;
    QList<SemanticChange> changes;
    QString text;
};

Outcome runOnce(const QString &fromPath, const QString &toPath, Timings &t)
{
    Outcome o;
    QElapsedTimer timer;
    timer.start();
    QString fromText;
    QString toText;
    if (!readText(fromPath, fromText) || !readText(toPath, toText)) {
        o.error = QStringLiteral("cannot read %1 or %2").arg(fromPath, toPath);
        return o;
    }
    t.readMs = ms(timer.nsecsElapsed());

    timer.restart();
    Result<QList<SemanticChange>> changes = SemanticDiff::compareTexts(fromText, fromPath, toText, toPath);
    t.diffMs = ms(timer.nsecsElapsed());
    if (!changes) {
        o.error = changes.errorMessage();
        return o;
    }
    o.changes = std::move(changes).value();

    timer.restart();
    o.text = SemanticDiff::toText(o.changes);
    t.renderMs = ms(timer.nsecsElapsed());
    o.ok = true;
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    int repeat = 0;
    if (const qsizetype at = args.indexOf(QStringLiteral("--repeat")); at >= 0) {
        repeat = at + 1 < args.size() ? args.at(at + 1).toInt() : 0;
        if (repeat <= 0) {
            std::fprintf(stderr, "diff_bench: --repeat needs a positive number\n");
            return 2;
        }
        args.remove(at, 2);
    }
    const bool parseOnly = args.removeAll(QStringLiteral("--parse-only")) > 0;
    const bool verify = args.removeAll(QStringLiteral("--verify")) > 0;
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: diff_bench FROM TO [--repeat N | --parse-only | --verify]\n");
        return 2;
    }

    if (verify) {
        // The fast path (compareTexts) must give exactly what parsing both files and comparing them gives.
        QString fromText;
        QString toText;
        if (!readText(args.at(0), fromText) || !readText(args.at(1), toText))
            return 2;
        const Result<QList<SemanticChange>> fast = SemanticDiff::compareTexts(fromText, args.at(0), toText, args.at(1));
        const Result<QList<SemanticChange>> full = SemanticDiff::compare(yaml::YamlDocument::parse(fromText), args.at(0),
                                                                         yaml::YamlDocument::parse(toText), args.at(1));
        if (!fast || !full || SemanticDiff::toJson(fast.value()) != SemanticDiff::toJson(full.value())) {
            std::fprintf(stderr, "diff_bench: compareTexts and compare disagree\n");
            return 2;
        }
        std::printf("compareTexts and compare agree on %lld changes\n", static_cast<long long>(full->size()));
        return 0;
    }

    if (parseOnly) {
        // The floor any tool that parses both whole files with models/yaml pays: read and parse, nothing else.
        QString fromText;
        QString toText;
        if (!readText(args.at(0), fromText) || !readText(args.at(1), toText))
            return 2;
        QFuture<yaml::YamlDocument> parsing = QtConcurrent::run([&fromText] { return yaml::YamlDocument::parse(fromText); });
        const auto *to = new yaml::YamlDocument(yaml::YamlDocument::parse(toText));
        const auto *from = new yaml::YamlDocument(parsing.result());
        std::fflush(stdout);
        std::_Exit(from->hasErrors() || to->hasErrors() ? 2 : 0);
    }

    if (repeat == 0) {
        Timings t;
        const Outcome *o = new Outcome(runOnce(args.at(0), args.at(1), t)); // the process ends here
        if (!o->ok) {
            std::fprintf(stderr, "diff_bench: %s\n", qPrintable(o->error));
            return 2;
        }
        const QByteArray out = o->text.toUtf8();
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        std::fflush(stdout);
        std::_Exit(o->changes.isEmpty() ? 0 : 1);
    }

    std::vector<double> read, diff, render, total;
    qsizetype changes = 0;
    QJsonObject summary;
    for (int i = 0; i < repeat; ++i) {
        Timings t;
        const Outcome o = runOnce(args.at(0), args.at(1), t);
        if (!o.ok) {
            std::fprintf(stderr, "diff_bench: %s\n", qPrintable(o.error));
            return 2;
        }
        read.push_back(t.readMs);
        diff.push_back(t.diffMs);
        render.push_back(t.renderMs);
        total.push_back(t.totalMs());
        changes = o.changes.size();
        summary = SemanticDiff::toJson(o.changes).value(QLatin1String("summary")).toObject();
    }
    const QJsonObject result{{QLatin1String("runs"), repeat},
                             {QLatin1String("readMs"), median(read)},
                             {QLatin1String("diffMs"), median(diff)},
                             {QLatin1String("renderMs"), median(render)},
                             {QLatin1String("totalMs"), median(total)},
                             {QLatin1String("changes"), int(changes)},
                             {QLatin1String("summary"), summary}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
