// SPDX-License-Identifier: MIT
// deploy-studio-cli: every studio operation as a command, for CI jobs.

#include "CliCommand.h"

#include "git/GitRepository.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <thread>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sched.h>
#endif

using namespace studio::cli;

namespace {

const char *const kUsage =
    "usage: deploy-studio-cli COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  envs REPO [--format text|json]        environments in promotion order with their files\n"
    "  check REPO [--env E] [--schema-location L]... [--offline] [--format text|json|sarif]\n"
    "                                        schema validation and deployment checks\n"
    "  set REPO --env E PATH=VALUE... [--dry-run]\n"
    "                                        minimal edit of an environment's values file (comments and layout kept)\n"
    "  diff REPO --from A --to B [--format text|json]\n"
    "                                        semantic diff of two environments' effective configuration\n"
    "  promote REPO --from A --to B [--only PATH]... [--dry-run] [--commit] [--message M] [--sign-key F] [--push]\n"
    "          [--allow-secrets]\n"
    "                                        promote settings and image tags from one environment to the next\n"
    "  history REPO --env E [--format text|json]\n"
    "                                        the commits that changed an environment, promotions marked\n"
    "  rollback REPO COMMIT [--push] [--sign-key F] [--dry-run] [--allow-secrets]\n"
    "                                        revert a commit as a new commit\n"
    "  metrics --prometheus URL --query Q [--range 1h] [--step 15s] [--timeout 30s] [--format csv|json]\n"
    "                                        query a Prometheus (instant query without --range)\n"
    "  pipeline REPO [--format text|json|dot|svg]\n"
    "                                        the GitHub Actions jobs as a graph and the environment promotion flow\n"
    "  scan PATH... [--format text|json|sarif] [--list-rules]\n"
    "                                        find plaintext secrets (folders recursed, .git skipped)\n"
    "  seal (--cert FILE|URL | --env E [--repo R]) --namespace N --name S [--scope strict|namespace-wide|cluster-wide]\n"
    "          [--output FILE] (KEY=VALUE... | --from-secret FILE)\n"
    "                                        write a kubeseal-compatible SealedSecret manifest\n"
    "  ssh-key fingerprint FILE...           SHA256 fingerprints of SSH keys (as ssh-keygen -lf)\n"
    "  ssh-key allowed-signers PRINCIPAL=PUBFILE... [--output FILE]\n"
    "                                        an allowed_signers file for Git's SSH commit verification\n"
    "  wizard aws|azure|gcp --answers FILE --out DIR [--format text|json]\n"
    "                                        cluster setup: Terraform, Argo CD add-ons and a monthly cost estimate\n"
    "  wizard aws|azure|gcp --print-example [--preset dev|production]\n"
    "                                        print a complete, valid answers file\n"
    "  demo DIR                              create the TuneMantra demo workspace (Git repo + bare remote DIR.git)\n"
    "  --version                             print the version\n"
    "\n"
    "exit codes: 0 success / nothing found, 1 findings or refused, 2 usage or I/O error\n";

/// Whether the command will commit or read Git history. Such commands set libgit2 up at once, on a
/// worker thread: its set-up parses the system's CA certificates, which then overlaps with start-up,
/// discovery and planning.
bool usesGit(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const char *command = argv[1];
    if (std::strcmp(command, "history") == 0 || std::strcmp(command, "rollback") == 0)
        return true;
    if (std::strcmp(command, "promote") != 0)
        return false;
    bool commits = false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--dry-run") == 0)
            return false;
        commits = commits || std::strcmp(argv[i], "--commit") == 0 || std::strcmp(argv[i], "--push") == 0;
    }
    return commits;
}

/// Runs one command; its exit code.
int runCommand(const QString &command, const QStringList &arguments, CliStreams &io)
{
    if (command == u"--version") {
        io.out << "deploy-studio-cli " << STUDIO_VERSION << '\n';
        return Success;
    }
    if (command == u"check")
        return runCheck(arguments, io);
    if (command == u"envs")
        return runEnvs(arguments, io);
    if (command == u"promote")
        return runPromote(arguments, io);
    if (command == u"history")
        return runHistory(arguments, io);
    if (command == u"rollback")
        return runRollback(arguments, io);
    if (command == u"set")
        return runSet(arguments, io);
    if (command == u"diff")
        return runDiff(arguments, io);
    if (command == u"demo")
        return runDemo(arguments, io);
    if (command == u"wizard")
        return runWizard(arguments, io);
    if (command == u"scan")
        return runScan(arguments, io);
    if (command == u"seal")
        return runSeal(arguments, io);
    if (command == u"ssh-key")
        return runSshKey(arguments, io);
    if (command == u"metrics")
        return runMetrics(arguments, io);
    if (command == u"pipeline")
        return runPipeline(arguments, io);
    io.err << "deploy-studio-cli: unknown command '" << command << "'\n\n" << kUsage;
    return UsageOrIoError;
}

/// Sets libgit2 up on a worker thread for as long as it lives. Linux starts a new thread on its
/// creator's CPU, where it would wait until main yields (2-4 ms on a busy main thread, measured); the
/// worker is placed on the other CPUs instead, so the set-up really runs beside main's work.
class BackgroundGitSetUp
{
public:
    BackgroundGitSetUp()
        : m_thread(&studio::GitRepository::initialiseLibrary)
    {
#ifdef Q_OS_LINUX
        cpu_set_t others;
        const int here = sched_getcpu();
        if (here >= 0 && sched_getaffinity(0, sizeof others, &others) == 0 && CPU_COUNT(&others) > 1) {
            CPU_CLR(here, &others);
            pthread_setaffinity_np(m_thread.native_handle(), sizeof others, &others); // best effort
        }
#endif
    }
    ~BackgroundGitSetUp() { m_thread.join(); }
    BackgroundGitSetUp(const BackgroundGitSetUp &) = delete;
    BackgroundGitSetUp &operator=(const BackgroundGitSetUp &) = delete;

private:
    std::thread m_thread;
};

} // namespace

int main(int argc, char *argv[])
{
    std::optional<BackgroundGitSetUp> gitSetUp;
    if (usesGit(argc, argv))
        gitSetUp.emplace();

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("deploy-studio"));
    QCoreApplication::setOrganizationName(QStringLiteral("deploy-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STUDIO_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    CliStreams io{out, err};

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    if (arguments.isEmpty() || arguments.front() == u"--help" || arguments.front() == u"-h" || arguments.front() == u"help") {
        out << kUsage;
        return arguments.isEmpty() ? UsageOrIoError : Success;
    }
    const QString command = arguments.takeFirst();
    const int code = runCommand(command, arguments, io);
    // Like git and compilers, the command line leaves freeing its memory to the operating system: once
    // its output is flushed and the Git set-up thread joined, it exits without running destructors.
    out.flush();
    err.flush();
    std::fflush(nullptr);
    gitSetUp.reset();
    std::_Exit(code);
}
