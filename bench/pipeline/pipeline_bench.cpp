// SPDX-License-Identifier: MIT
// bench/pipeline: the studio side of the pipeline benchmark. Run it through bench/pipeline/run.
//
//   pipeline_bench --generate JOBS REPO    writes a repository whose .github/workflows/ci.yml has JOBS jobs: a
//                                          deterministic random DAG (each job needs 1-3 of the 25 jobs before it),
//                                          some with a matrix, an environment or a condition, like a large monorepo
//   pipeline_bench REPO [--repeat N] [--dot FILE]
//                                          discovers REPO, reads its workflows (Pipeline::load) and lays the graph
//                                          out (PipelineLayout::compute) N times (default 15); prints one JSON line
//                                          with the medians and the graph's size; --dot also writes the DOT text
//                                          the CLI prints, for the Graphviz reference in `run`.

#include "pipeline/Pipeline.h"
#include "pipeline/PipelineDot.h"
#include "pipeline/PipelineLayout.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace studio;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    const QByteArray bytes = text.toUtf8();
    return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly)
        && file.write(bytes) == bytes.size();
}

QString generateWorkflow(int jobs)
{
    QRandomGenerator random(20261126);
    const QStringList environments{QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")};
    QString yaml = QStringLiteral("name: monorepo\non:\n  push:\n    branches: [main]\njobs:\n");
    for (int i = 0; i < jobs; ++i) {
        yaml += QStringLiteral("  job-%1:\n    name: Job %1\n    runs-on: ubuntu-latest\n").arg(i);
        if (i > 0) {
            QStringList needs;
            const int count = 1 + int(random.bounded(3));
            for (int n = 0; n < count; ++n)
                needs << QStringLiteral("job-%1").arg(i - 1 - int(random.bounded(std::min(i, 25))));
            needs.removeDuplicates();
            yaml += QStringLiteral("    needs: [%1]\n").arg(needs.join(QStringLiteral(", ")));
        }
        if (i % 7 == 3)
            yaml += QStringLiteral("    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n"
                                   "        node: [18, 20, 22]\n");
        if (i % 11 == 5)
            yaml += QStringLiteral("    environment: %1\n").arg(environments[(i / 11) % 3]);
        if (i % 5 == 2)
            yaml += QStringLiteral("    if: github.ref == 'refs/heads/main'\n");
        yaml += QStringLiteral("    steps:\n      - uses: actions/checkout@v4\n      - run: make target-%1\n").arg(i);
    }
    return yaml;
}

int generate(const QStringList &args)
{
    bool ok = false;
    const int jobs = args.value(1).toInt(&ok);
    if (!ok || jobs <= 0 || args.size() != 3) {
        std::fprintf(stderr, "usage: pipeline_bench --generate JOBS REPO\n");
        return 2;
    }
    if (!writeText(args[2] + QStringLiteral("/.github/workflows/ci.yml"), generateWorkflow(jobs))) {
        std::fprintf(stderr, "pipeline_bench: cannot write %s\n", qPrintable(args[2]));
        return 2;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (!args.isEmpty() && args.front() == u"--generate")
        return generate(args);

    int repeat = 15;
    QString dotFile;
    QString repo;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--repeat" && i + 1 < args.size())
            repeat = std::max(1, args[++i].toInt());
        else if (args[i] == u"--dot" && i + 1 < args.size())
            dotFile = args[++i];
        else
            repo = args[i];
    }
    if (repo.isEmpty() || !QFileInfo(repo).isDir()) {
        std::fprintf(stderr, "usage: pipeline_bench REPO [--repeat N] [--dot FILE]\n");
        return 2;
    }

    const Workspace workspace = Workspace::discover(repo);
    std::vector<double> loadMs;
    std::vector<double> layoutMs;
    Pipeline pipeline;
    PipelineLayout layout;
    for (int run = 0; run < repeat; ++run) {
        QElapsedTimer timer;
        timer.start();
        pipeline = Pipeline::load(workspace);
        loadMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        layout = PipelineLayout::compute(pipeline);
        layoutMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    if (!dotFile.isEmpty() && !writeText(dotFile, PipelineDot::toDot(pipeline))) {
        std::fprintf(stderr, "pipeline_bench: cannot write %s\n", qPrintable(dotFile));
        return 2;
    }
    const QJsonObject result{
        {QStringLiteral("jobs"), int(pipeline.jobs().size())},
        {QStringLiteral("edges"), int(pipeline.edges.size())},
        {QStringLiteral("diagnostics"), int(pipeline.diagnostics.size())},
        {QStringLiteral("crossings"), layout.crossings()},
        {QStringLiteral("width"), layout.size().width()},
        {QStringLiteral("height"), layout.size().height()},
        {QStringLiteral("runs"), repeat},
        {QStringLiteral("loadMs"), median(loadMs)},
        {QStringLiteral("layoutMs"), median(layoutMs)},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
