// SPDX-License-Identifier: MIT
// deploy-studio-cli diff REPO --from A --to B [--format text|json]
//
// Semantic diff of two environments' effective configuration, in sections that each name their own files:
//   1. "helm-values": the effective Helm values (values.yaml merged with values-<env>.yaml, as Helm does);
//      locations point into whichever layer wrote each value;
//   2. "kustomize": when either environment has a Kustomize overlay, every YAML file of the overlays, paired by
//      their path inside the overlay (kustomization.yaml with kustomization.yaml, so `images:` newTag and
//      `replicas:` show up; patches with patches). A file only one overlay has is a whole document added or
//      removed; its missing side names the other overlay folder (empty when that environment has no overlay).
// Exit: 0 no differences, 1 differences, 2 usage or I/O error (unknown environment, unreadable or broken YAML).
//
// JSON (stable; object keys sorted):
//   { "from": "staging", "to": "prod",
//     "sections": [ { "source": "helm-values" | "kustomize", "fromFiles": [...], "toFiles": [...],
//                     "changes": [ SemanticDiff change objects, see models/diff/SemanticDiff.h ],
//                     "summary": {added, removed, changed, typeChanged, orderChanged, total} } … ],
//     "summary": { …the same counts over all sections… } }

#include "CliCommand.h"

#include "diff/EnvironmentComparison.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>

namespace studio::cli {

int runDiff(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("Environment to compare from."), QStringLiteral("A"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("Environment to compare to."), QStringLiteral("B"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("F"),
                                          QStringLiteral("text"));
    parser.addOptions({fromOption, toOption, formatOption});
    if (!parser.parse(QStringList{QStringLiteral("diff")} + arguments))
        return fail(io, parser.errorText());
    if (parser.positionalArguments().size() != 1 || !parser.isSet(fromOption) || !parser.isSet(toOption))
        return fail(io, QStringLiteral("usage: deploy-studio-cli diff REPO --from A --to B [--format text|json]"));
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"json")
        return fail(io, QStringLiteral("unknown --format '%1'; use text or json").arg(format));
    const QString repo = parser.positionalArguments().front();
    if (!QFileInfo(repo).isDir())
        return fail(io, QStringLiteral("'%1' is not a folder").arg(repo));

    const Workspace ws = Workspace::discover(repo);
    const Environment *from = ws.environment(parser.value(fromOption));
    const Environment *to = ws.environment(parser.value(toOption));
    for (const auto &[env, name] : {std::pair{from, parser.value(fromOption)}, std::pair{to, parser.value(toOption)}}) {
        if (!env)
            return fail(io, ws.unknownEnvironment(name));
    }

    const Result<QList<ComparisonSection>> compared = EnvironmentComparison::compare(ws, *from, *to);
    if (!compared)
        return fail(io, compared.errorMessage());
    const QList<ComparisonSection> &sections = compared.value();

    QList<SemanticChange> all;
    for (const ComparisonSection &s : sections)
        all << s.changes;

    if (format == u"json") {
        QJsonArray list;
        for (const ComparisonSection &s : sections) {
            QJsonObject object = SemanticDiff::toJson(s.changes);
            object.insert(QLatin1String("source"), s.source);
            object.insert(QLatin1String("fromFiles"), QJsonArray::fromStringList(s.fromFiles));
            object.insert(QLatin1String("toFiles"), QJsonArray::fromStringList(s.toFiles));
            list.append(object);
        }
        const QJsonObject root{{QLatin1String("from"), from->name},
                               {QLatin1String("to"), to->name},
                               {QLatin1String("sections"), list},
                               {QLatin1String("summary"), SemanticDiff::toJson(all).value(QLatin1String("summary"))}};
        io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else if (all.isEmpty()) {
        io.out << QStringLiteral("%1 and %2 have the same effective configuration\n").arg(from->name, to->name);
    } else {
        for (const ComparisonSection &s : sections) {
            if (s.changes.isEmpty())
                continue;
            io.out << "=== " << s.title() << "\n\n" << SemanticDiff::toText(s.changes) << '\n';
        }
        std::map<QString, qsizetype> bySource;
        for (const ComparisonSection &s : sections)
            bySource[s.source] += s.changes.size();
        QStringList counts;
        for (const auto &[source, count] : bySource) {
            if (count > 0)
                counts << QStringLiteral("%1 in %2").arg(count).arg(source);
        }
        io.out << QStringLiteral("%1 difference%2 between %3 and %4 (%5)\n")
                      .arg(all.size())
                      .arg(all.size() == 1 ? QString() : QStringLiteral("s"))
                      .arg(from->name, to->name, counts.join(QStringLiteral(", ")));
    }
    io.out.flush();
    return all.isEmpty() ? Success : Findings;
}

} // namespace studio::cli
