// SPDX-License-Identifier: MIT
// The Pipeline view (offscreen) on the demo repository: a card for every job without overlaps, a click
// on a card shows its steps, condition, environment and needs, zoom keys work, and the export writes
// a PNG and an SVG that Qt's own readers accept.

#include "MainWindow.h"
#include "PipelineGraphView.h"
#include "PipelineJobCard.h"
#include "PipelineScene.h"
#include "PipelineView.h"

#include "workspace/DemoWorkspace.h"

#include <QDir>
#include <QFile>
#include <QApplication>
#include <QImage>
#include <QWheelEvent>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace studio;

class TestPipelineView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repo;
    std::unique_ptr<PipelineView> m_view;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_repo = m_dir.filePath(QStringLiteral("tunemantra"));
        const Status created = DemoWorkspace::create(m_repo);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        m_view = std::make_unique<PipelineView>();
        m_view->resize(1400, 800);
        m_view->show();
        QSignalSpy loaded(m_view.get(), &PipelineView::loaded);
        m_view->setWorkspace(Workspace::discover(m_repo));
        QVERIFY(loaded.wait(20000));
    }

    void everyJobHasACardAndNoneOverlap()
    {
        QStringList ids;
        const QList<PipelineJobCard *> cards = m_view->scene()->cards();
        for (const PipelineJobCard *card : cards)
            ids << card->jobId();
        ids.sort();
        QCOMPARE(ids, (QStringList{"ci-cd:build", "ci-cd:deploy-dev", "ci-cd:deploy-prod", "ci-cd:deploy-staging", "ci-cd:test"}));
        for (qsizetype i = 0; i < cards.size(); ++i) {
            for (qsizetype j = i + 1; j < cards.size(); ++j)
                QVERIFY(!cards[i]->sceneBoundingRect().adjusted(2, 2, -2, -2).intersects(cards[j]->sceneBoundingRect().adjusted(2, 2, -2, -2)));
        }
        // Left to right along needs.
        const auto x = [this](const char *id) { return m_view->scene()->card(QLatin1String(id))->scenePos().x(); };
        QVERIFY(x("ci-cd:test") < x("ci-cd:build"));
        QVERIFY(x("ci-cd:build") < x("ci-cd:deploy-dev"));
        QVERIFY(x("ci-cd:deploy-staging") < x("ci-cd:deploy-prod"));
        QCOMPARE(m_view->statusText(), QStringLiteral("1 workflow, 5 jobs, 3 environments"));
    }

    void clickingACardShowsItsDetails()
    {
        QVERIFY(m_view->detailsText().startsWith(QLatin1String("TuneMantra CI/CD"))); // the overview
        PipelineGraphView *graph = m_view->graphView();
        PipelineJobCard *card = m_view->scene()->card(QStringLiteral("ci-cd:deploy-prod"));
        QVERIFY(card);
        graph->ensureVisible(card);
        const QPoint at = graph->mapFromScene(card->sceneBoundingRect().center());
        QVERIFY(graph->viewport()->rect().contains(at));
        QTest::mouseClick(graph->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QVERIFY(card->isSelected());
        const QString details = m_view->detailsText();
        for (const char *expected : {"deploy-prod", ".github/workflows/ci-cd.yml:", "ubuntu-latest", "production",
                                     "deploys prod", "manual sync", "github.ref == 'refs/heads/main'", "deploy-staging",
                                     "Steps", "actions/checkout@v3", "Update kustomization.yaml", "cd deploy/overlays/prod"})
            QVERIFY2(details.contains(QLatin1String(expected)), qPrintable(QStringLiteral("missing '%1' in:\n%2").arg(QLatin1String(expected), details)));
        // Clicking the empty background clears the selection; the panel shows the overview again.
        const QPoint empty = graph->mapFromScene(m_view->scene()->sceneRect().topLeft() + QPointF(4, 4));
        QTest::mouseClick(graph->viewport(), Qt::LeftButton, Qt::NoModifier, empty);
        QVERIFY(!card->isSelected());
        QVERIFY(m_view->detailsText().startsWith(QLatin1String("TuneMantra CI/CD")));
        QVERIFY(m_view->detailsText().contains(QStringLiteral("on push, pull_request · 5 jobs")));
    }

    void zoomKeysAndFit()
    {
        PipelineGraphView *graph = m_view->graphView();
        graph->fitAll();
        const qreal fitted = graph->zoom();
        QTest::keyClick(graph, Qt::Key_Plus);
        QVERIFY(graph->zoom() > fitted);
        QTest::keyClick(graph, Qt::Key_Minus);
        QTest::keyClick(graph, Qt::Key_Minus);
        QVERIFY(graph->zoom() < fitted);
        for (int i = 0; i < 40; ++i)
            QTest::keyClick(graph, Qt::Key_Minus);
        QCOMPARE(graph->zoom(), PipelineGraphView::kMinZoom);
        QTest::keyClick(graph, Qt::Key_0);
        QCOMPARE(graph->zoom(), fitted);

        // Ctrl+wheel zooms; the wheel alone scrolls and leaves the zoom alone.
        const auto wheel = [graph](Qt::KeyboardModifiers modifiers) {
            const QPointF at(100, 100);
            QWheelEvent event(at, graph->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, modifiers,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(graph->viewport(), &event);
        };
        wheel(Qt::ControlModifier);
        QVERIFY(graph->zoom() > fitted);
        const qreal zoomed = graph->zoom();
        wheel(Qt::NoModifier);
        QCOMPARE(graph->zoom(), zoomed);
    }

    void exportsPngAndSvg()
    {
        const QString png = m_dir.filePath(QStringLiteral("pipeline.png"));
        const Status wrotePng = m_view->exportTo(png);
        QVERIFY2(wrotePng.ok(), qPrintable(wrotePng.errorMessage()));
        const QImage image(png);
        QVERIFY(!image.isNull());
        const QSizeF scene = m_view->scene()->sceneRect().size();
        QCOMPARE(image.size(), (scene * 2).toSize());
        // Something is drawn: the card borders are darker than the background.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4)
                dark += qGray(image.pixel(x, y)) < 128;
        }
        QVERIFY(dark > 100);

        const QString svg = m_dir.filePath(QStringLiteral("pipeline.svg"));
        const Status wroteSvg = m_view->exportTo(svg);
        QVERIFY2(wroteSvg.ok(), qPrintable(wroteSvg.errorMessage()));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QXmlStreamReader reader(content);
        while (!reader.atEnd())
            reader.readNext();
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QVERIFY(content.contains("deploy-staging"));
        QVERIFY(content.contains("Promotion flow"));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());

        const Status refused = m_view->exportTo(QStringLiteral("/nonexistent/folder/pipeline.png"));
        QVERIFY(!refused.ok());
        QVERIFY(refused.errorMessage().contains(QLatin1String("/nonexistent/folder/pipeline.png")));
    }

    void mainWindowOpensItFromTheViewMenu()
    {
        CheckOptions options;
        options.schemaLocations = {QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes")};
        options.offline = true;
        MainWindow window(options);
        window.show();
        QSignalSpy checked(&window, &MainWindow::checkCompleted);
        window.openRepository(m_repo);
        QVERIFY(checked.wait(60000));
        QAction *pipeline = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text() == u"&View") {
                for (QAction *action : menu->menu()->actions()) {
                    if (action->text() == u"&Pipeline")
                        pipeline = action;
                }
            }
        }
        QVERIFY(pipeline);
        QCOMPARE(pipeline->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+L")));
        pipeline->trigger();
        auto *view = window.findChild<PipelineView *>();
        QVERIFY(view);
        QVERIFY(view->isVisible());
        QSignalSpy loaded(view, &PipelineView::loaded);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(view->scene()->cards().size(), 5);
        // Asking again shows the same tab.
        QCOMPARE(window.showPipeline(), view);
    }

    void brokenWorkflowsShowProblemsNotACrash()
    {
        const QString repo = m_dir.filePath(QStringLiteral("broken"));
        QDir().mkpath(repo + QStringLiteral("/.github/workflows"));
        QFile file(repo + QStringLiteral("/.github/workflows/ci.yml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("on: push\njobs:\n  a: {runs-on: x, needs: b, steps: [{run: a}]}\n  b: {runs-on: x, needs: [a, zz], steps: [{run: b}]}\n");
        file.close();
        PipelineView view;
        QSignalSpy loaded(&view, &PipelineView::loaded);
        view.setWorkspace(Workspace::discover(repo));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(view.scene()->cards().size(), 2);
        QCOMPARE(view.problemCount(), 2); // the unknown job and the cycle
    }
};

QTEST_MAIN(TestPipelineView)
#include "tst_pipelineview.moc"
