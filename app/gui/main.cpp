// SPDX-License-Identifier: MIT
// deploy-studio [REPO] [--view NAME --screenshot FILE] [--startup-time] [--schema-location L]... [--offline]

#include "MainWindow.h"
#include "MonitoringView.h"
#include "PipelineView.h"
#include "pages/ClusterWizard.h"

#include "workspace/WorkspaceSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QTimer>

#include <cstdio>

using namespace studio;

namespace {

/// Reports the time from process start to the main window's first paint, then quits.
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(QElapsedTimer clock, QWidget *window) : QObject(window), m_clock(clock) {}

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::printf("first paint: %lld ms\n", static_cast<long long>(m_clock.elapsed()));
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return false;
    }

private:
    QElapsedTimer m_clock;
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("deploy-studio"));
    QApplication::setOrganizationName(QStringLiteral("deploy-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Deploy Studio"));
    QApplication::setApplicationVersion(QStringLiteral(STUDIO_VERSION));
    // The desktop entry's name (installer/linux/) lets Wayland compositors match windows to it; the icon comes
    // from the icon theme once installed, else from the copy compiled into the binary.
    QApplication::setDesktopFileName(QStringLiteral("example.deploy_studio.DeployStudio"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("deploy-studio"),
                                                 QIcon(QStringLiteral(":/icons/deploy-studio.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Deploy Studio: the studio for GitOps deployment repositories."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("REPO"), QStringLiteral("Repository folder to open."));
    const QCommandLineOption viewOption(QStringLiteral("view"),
                                        QStringLiteral("View to show: welcome, workspace, problems, explorer, matrix, form, promote, history, compare, git, monitoring, pipeline, wizard-aws, wizard-azure, wizard-gcp."),
                                        QStringLiteral("NAME"), QStringLiteral("workspace"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Render the view to a PNG file and exit."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption startupOption(QStringLiteral("startup-time"),
                                           QStringLiteral("Print the time to the first paint and exit."));
    const QCommandLineOption locationOption(QStringLiteral("schema-location"),
                                            QStringLiteral("Schema location (repeatable)."), QStringLiteral("L"));
    const QCommandLineOption offlineOption(QStringLiteral("offline"), QStringLiteral("Never download schemas."));
    parser.addOptions({viewOption, screenshotOption, startupOption, locationOption, offlineOption});
    parser.process(app);

    CheckOptions options;
    options.schemaLocations = parser.values(locationOption);
    options.offline = parser.isSet(offlineOption);
    MainWindow window(options);
    const QString repo = parser.positionalArguments().value(0);

    if (parser.isSet(startupOption))
        window.installEventFilter(new FirstPaintProbe(clock, &window));

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const QString view = parser.value(viewOption);
        auto capture = [&window, file, view] {
            if (!window.showView(view)) {
                std::fprintf(stderr, "deploy-studio: unknown view '%s' (or no repository for it); use welcome, "
                                     "workspace, problems, explorer, matrix, form, promote, history, compare, git, monitoring, pipeline or "
                                     "wizard-aws|azure|gcp\n",
                             qPrintable(view));
                QCoreApplication::exit(2);
                return;
            }
            auto grab = [&window, file, view] {
                // A wizard view is its own window: grab the wizard, not the main window behind it.
                QWidget *target = &window;
                if (auto *wizard = view.startsWith(u"wizard-") ? window.findChild<studio::cloud::ClusterWizard *>() : nullptr)
                    target = wizard;
                const bool saved = target->grab().save(file, "PNG");
                if (!saved)
                    std::fprintf(stderr, "deploy-studio: cannot write the screenshot to %s\n", qPrintable(file));
                QCoreApplication::exit(saved ? 0 : 2);
            };
            // The Monitoring view is grabbed once its queries have answered (or after 20 s).
            if (view == u"monitoring") {
                QObject::connect(window.showMonitoring(), &MonitoringView::refreshed, &window,
                                 [&window, grab] { QTimer::singleShot(500, &window, grab); }, Qt::SingleShotConnection);
                QTimer::singleShot(20000, &window, grab);
                return;
            }
            // The Pipeline view is grabbed once its workflows are read and laid out.
            if (view == u"pipeline") {
                QObject::connect(window.showPipeline(), &PipelineView::loaded, &window,
                                 [&window, grab] { QTimer::singleShot(200, &window, grab); }, Qt::SingleShotConnection);
                return;
            }
            // Let layouts settle before grabbing.
            QTimer::singleShot(200, &window, grab);
        };
        window.resize(1400, 900);
        if (repo.isEmpty() || view == u"welcome") {
            QTimer::singleShot(0, &window, capture);
        } else {
            QObject::connect(&window, &MainWindow::checkCompleted, &window, capture, Qt::SingleShotConnection);
            QObject::connect(window.session(), &WorkspaceSession::openFailed, &window, [](const QString &message) {
                std::fprintf(stderr, "deploy-studio: %s\n", qPrintable(message));
                QCoreApplication::exit(2);
            });
        }
    }
    window.show();
    if (!repo.isEmpty())
        window.openRepository(repo);
    return app.exec();
}
