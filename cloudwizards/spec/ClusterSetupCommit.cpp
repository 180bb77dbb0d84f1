// SPDX-License-Identifier: MIT
#include "spec/ClusterSetupCommit.h"

#include "git/GitRepository.h"

namespace studio::cloud {

Result<ClusterSetupCommit> commitClusterSetup(const QString &repoRoot, const CloudSetup &setup)
{
    if (const Diagnostics problems = setup.validate(); !problems.isEmpty())
        return Error{Error::Code::Refused, QStringLiteral("the answers have %1 problem(s), first: %2").arg(problems.size()).arg(problems.front().message)};
    Result<GitRepository> repo = GitRepository::open(repoRoot);
    if (!repo)
        return repo.error();
    const QString branch = QStringLiteral("setup/%1-%2").arg(providerId(setup.provider()), setup.environment());
    if (Status created = repo.value().createBranch(branch); !created)
        return created.error();
    if (Status checkedOut = repo.value().checkoutBranch(branch); !checkedOut)
        return checkedOut.error();
    const GeneratedFiles files = setup.generate();
    if (Status written = writeGeneratedFiles(repoRoot, files); !written)
        return written.error();
    QStringList paths;
    for (const GeneratedFile &file : files)
        paths.append(file.path);
    if (Status staged = repo.value().stage(paths); !staged)
        return staged.error();
    const Result<QString> commit = repo.value().commit(
        QStringLiteral("setup(%1/%2): Terraform and cluster add-ons from the cloud wizard\n\n%3 and %4, %5 files.")
            .arg(providerId(setup.provider()), setup.environment(), setup.terraformDir(), setup.addonsDir())
            .arg(files.size()));
    if (!commit)
        return commit.error();
    return ClusterSetupCommit{branch, commit.value()};
}

} // namespace studio::cloud
