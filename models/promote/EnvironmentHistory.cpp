// SPDX-License-Identifier: MIT
#include "promote/EnvironmentHistory.h"

#include "git/GitRepository.h"
#include "workspace/Workspace.h"

#include <QRegularExpression>

namespace studio {

QStringList EnvironmentHistory::pathsOf(const Environment &environment)
{
    QStringList paths = environment.valuesFiles;
    if (!environment.kustomizeOverlay.isEmpty())
        paths << environment.kustomizeOverlay;
    if (!environment.argocdApplication.isEmpty())
        paths << environment.argocdApplication;
    paths.removeDuplicates();
    return paths;
}

Result<QList<HistoryEntry>> EnvironmentHistory::load(const Workspace &workspace, const QString &name, int maxCount)
{
    const Environment *environment = workspace.environment(name);
    if (!environment)
        return Error{Error::Code::Usage, workspace.unknownEnvironment(name)};
    Result<GitRepository> repo = GitRepository::open(workspace.root);
    if (!repo)
        return Error{Error::Code::Git, QStringLiteral("%1; history needs the workspace to be a Git repository").arg(repo.errorMessage())};
    // The shared values.yaml is not the environment's own: its changes concern every environment,
    // but they are part of what this environment runs, so they are listed too.
    Result<QList<GitCommitInfo>> commits = repo->history(pathsOf(*environment), maxCount);
    if (!commits)
        return commits.error();
    static const QRegularExpression trailer(QStringLiteral("^Promoted-From: (\\S+)$"), QRegularExpression::MultilineOption);
    static const QRegularExpression handMade(QStringLiteral("^Promote .* to (\\S+)$"));
    static const QRegularExpression studio(QStringLiteral("^promote\\((.+)→(.+)\\):"));
    QList<HistoryEntry> entries;
    for (const GitCommitInfo &commit : commits.value()) {
        HistoryEntry entry;
        entry.commit = commit;
        const auto viaStudio = studio.match(commit.summary);
        const auto byHand = handMade.match(commit.summary);
        entry.isPromotion = (viaStudio.hasMatch() && viaStudio.captured(2) == name)
            || (byHand.hasMatch() && byHand.captured(1) == name);
        const auto from = trailer.match(commit.message);
        if (from.hasMatch())
            entry.promotedFrom = from.captured(1);
        entries << entry;
    }
    return entries;
}

} // namespace studio
