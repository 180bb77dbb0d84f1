// SPDX-License-Identifier: MIT
// The environment matrix: every setting × every environment with its effective Helm value, where that
// value is written, whether it overrides values.yaml, and which settings differ — on the demo workspace
// and on a small hand-made chart where null deletes settings. Then the filter and the view.

#include "EnvironmentMatrixView.h"

#include "values/EnvironmentMatrix.h"
#include "values/EnvironmentMatrixModel.h"
#include "values/MatrixFilterModel.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using Model = EnvironmentMatrixModel;

namespace {

const QString kChart = QStringLiteral("charts/tunemantra");

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/// Where a key is written: 1-based line and column of the first line matching `pattern`'s group 1.
struct Place {
    int line = 0;
    int column = 0;
};

Place find(const QString &root, const QString &file, const QString &pattern)
{
    const QStringList lines = readFile(QDir(root).filePath(file)).split(u'\n');
    const QRegularExpression re(pattern);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch match = re.match(lines.at(i));
        if (match.hasMatch())
            return Place{int(i) + 1, int(match.capturedStart(1)) + 1};
    }
    return {};
}

bool writeFile(const QString &path, const char *text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == qint64(qstrlen(text));
}

QStringList settingPaths(const QAbstractItemModel &model)
{
    QStringList paths;
    for (int row = 0; row < model.rowCount(); ++row)
        paths << model.index(row, Model::SettingColumn).data().toString();
    return paths;
}

/// A chart whose prod values delete settings with null, for the cases the demo does not have.
QString createNullChart(const QTemporaryDir &dir)
{
    const QString root = dir.filePath(QStringLiteral("nulls"));
    const bool ok = writeFile(root + QStringLiteral("/charts/app/Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n")
                    && writeFile(root + QStringLiteral("/charts/app/values.yaml"),
                                 "image:\n"
                                 "  repository: example/app\n"
                                 "  tag: \"1.0\"\n"
                                 "debug:\n"
                                 "  enabled: false\n"
                                 "  level: info\n"
                                 "podAnnotations: {}\n"
                                 "extraArgs: [--a, --b]\n")
                    && writeFile(root + QStringLiteral("/charts/app/values-dev.yaml"),
                                 "image:\n"
                                 "  tag: \"1.1\"\n")
                    && writeFile(root + QStringLiteral("/charts/app/values-prod.yaml"),
                                 "# prod drops what it does not use\n"
                                 "image:\n"
                                 "  repository: null\n"
                                 "debug: ~\n"
                                 "extraArgs:\n"
                                 "  - --a\n"
                                 "  - --b\n"
                                 "prodOnly: 1\n");
    return ok ? root : QString();
}

} // namespace

class TestEnvironmentMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo"));
        QVERIFY(DemoWorkspace::create(m_demo).ok());
        m_workspace = Workspace::discover(m_demo);
        QCOMPARE(m_workspace.environments.size(), 3);
    }

    void demoHasEveryEnvironmentAsAColumn()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMatrix(EnvironmentMatrix::load(m_workspace));
        QVERIFY2(model.matrix().diagnostics.isEmpty(), qPrintable(model.matrix().diagnostics.value(0).message));
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Setting"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("dev"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("staging"));
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("prod"));
        QVERIFY(model.headerData(3, Qt::Horizontal, Qt::ToolTipRole).toString().contains(u"values-prod.yaml"));

        // values.yaml sets the order; a key only prod adds follows its parent.
        const QStringList paths = settingPaths(model);
        QCOMPARE(paths.mid(0, 5), (QStringList{QStringLiteral("replicaCount"), QStringLiteral("image.repository"),
                                               QStringLiteral("image.tag"), QStringLiteral("image.pullPolicy"),
                                               QStringLiteral("imagePullSecrets")}));
        const qsizetype nodeSelector = paths.indexOf(QStringLiteral("nodeSelector"));
        QVERIFY(nodeSelector > 0);
        QCOMPARE(paths.value(nodeSelector + 1), QStringLiteral("nodeSelector.node\\.tunemantra\\.com/pool"));
        QStringList unique = paths;
        QCOMPARE(unique.removeDuplicates(), 0);
    }

    void demoImageTagIsOverriddenEverywhere()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMatrix(EnvironmentMatrix::load(m_workspace));

        const Place byDefault = find(m_demo, kChart + QStringLiteral("/values.yaml"), QStringLiteral("^\\s+(tag):"));
        QVERIFY(byDefault.line > 0);
        const struct {
            const char *env;
            const char *value;
        } expected[] = {{"dev", "1.9.0-rc.2"}, {"staging", "1.8.0"}, {"prod", "latest"}};
        for (const auto &[env, value] : expected) {
            const QString name = QString::fromLatin1(env);
            const QString file = QStringLiteral("%1/values-%2.yaml").arg(kChart, name);
            const Place place = find(m_demo, file, QStringLiteral("^\\s+(tag):"));
            QVERIFY2(place.line > 0, env);
            const QModelIndex cell = model.cellIndex(QStringLiteral("image.tag"), name);
            QVERIFY2(cell.isValid(), env);
            QCOMPARE(cell.data().toString(), QString::fromLatin1(value));
            QCOMPARE(cell.data(Model::IsSetRole).toBool(), true);
            QCOMPARE(cell.data(Model::EnvironmentRole).toString(), name);
            QCOMPARE(cell.data(Model::OriginFileRole).toString(), file);
            QCOMPARE(cell.data(Model::OriginLineRole).toInt(), place.line);
            QCOMPARE(cell.data(Model::OriginColumnRole).toInt(), place.column);
            QCOMPARE(cell.data(Model::IsOverriddenRole).toBool(), true);
            QCOMPARE(cell.data(Model::DiffersRole).toBool(), true);
            QCOMPARE(cell.data(Model::ValueRole).toJsonValue(), QJsonValue(QString::fromLatin1(value)));
            QCOMPARE(cell.data(Qt::ToolTipRole).toString(),
                     QStringLiteral("%1 — from %2:%3 (overrides 1.7.2 in values.yaml:%4)")
                         .arg(QString::fromLatin1(value), file)
                         .arg(place.line)
                         .arg(byDefault.line));
        }
        // Every environment pins another tag: each column differs from the one before it.
        QCOMPARE(model.cellIndex(QStringLiteral("image.tag"), QStringLiteral("dev")).data(Model::DiffersFromPreviousRole).toBool(), false);
        QCOMPARE(model.cellIndex(QStringLiteral("image.tag"), QStringLiteral("staging")).data(Model::DiffersFromPreviousRole).toBool(), true);
        QCOMPARE(model.cellIndex(QStringLiteral("image.tag"), QStringLiteral("prod")).data(Model::DiffersFromPreviousRole).toBool(), true);
        QCOMPARE(model.cellIndex(QStringLiteral("image.tag")).data(Model::DiffersRole).toBool(), true);
    }

    void demoInheritedSettingIsTheSameEverywhere()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMatrix(EnvironmentMatrix::load(m_workspace));

        const QString file = kChart + QStringLiteral("/values.yaml");
        const Place place = find(m_demo, file, QStringLiteral("^\\s+(repository):"));
        QVERIFY(place.line > 0);
        for (const QString &env : {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}) {
            const QModelIndex cell = model.cellIndex(QStringLiteral("image.repository"), env);
            QVERIFY(cell.isValid());
            QCOMPARE(cell.data().toString(), QStringLiteral("tunemantra/app"));
            QCOMPARE(cell.data(Model::IsOverriddenRole).toBool(), false);
            QCOMPARE(cell.data(Model::OriginFileRole).toString(), file);
            QCOMPARE(cell.data(Model::OriginLineRole).toInt(), place.line);
            QCOMPARE(cell.data(Model::DiffersRole).toBool(), false);
            QCOMPARE(cell.data(Model::DiffersFromPreviousRole).toBool(), false);
            QCOMPARE(cell.data(Qt::ToolTipRole).toString(),
                     QStringLiteral("tunemantra/app — inherited from %1:%2").arg(file).arg(place.line));
        }
        // The setting column leads to the default.
        const QModelIndex setting = model.cellIndex(QStringLiteral("image.repository"));
        QCOMPARE(setting.data(Model::OriginFileRole).toString(), file);
        QCOMPARE(setting.data(Model::OriginLineRole).toInt(), place.line);
    }

    void demoListsAndMapsAreOneSettingEach()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMatrix(EnvironmentMatrix::load(m_workspace));
        const QStringList paths = settingPaths(model);

        // Helm replaces a list as a whole: ingress.hosts is one setting, shown in flow style.
        QVERIFY(paths.contains(QStringLiteral("ingress.hosts")));
        QVERIFY(!paths.contains(QStringLiteral("ingress.hosts.host")));
        QCOMPARE(model.cellIndex(QStringLiteral("ingress.hosts"), QStringLiteral("dev")).data().toString(),
                 QStringLiteral("[{host: dev.tunemantra.com, paths: [{path: /, pathType: Prefix}]}]"));
        QCOMPARE(model.cellIndex(QStringLiteral("ingress.hosts"), QStringLiteral("prod")).data(Model::IsOverriddenRole).toBool(), false);
        QCOMPARE(model.cellIndex(QStringLiteral("securityContext.capabilities.drop"), QStringLiteral("prod")).data().toString(),
                 QStringLiteral("[ALL]"));
        QCOMPARE(model.cellIndex(QStringLiteral("imagePullSecrets"), QStringLiteral("dev")).data().toString(), QStringLiteral("[]"));

        // Quotes only where the bare text would read as another type.
        QCOMPARE(model.cellIndex(QStringLiteral("ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/proxy-read-timeout"),
                                 QStringLiteral("dev")).data().toString(),
                 QStringLiteral("\"120\""));
        QCOMPARE(model.cellIndex(QStringLiteral("nameOverride"), QStringLiteral("dev")).data().toString(), QStringLiteral("\"\""));

        // affinity is an empty map by default, prod fills it: both the map and prod's leaf are rows.
        QCOMPARE(model.cellIndex(QStringLiteral("affinity"), QStringLiteral("staging")).data().toString(), QStringLiteral("{}"));
        QVERIFY(model.cellIndex(QStringLiteral("affinity"), QStringLiteral("prod")).data().toString().startsWith(u"{podAntiAffinity: {"));
        const QModelIndex antiAffinity = model.cellIndex(
            QStringLiteral("affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution"), QStringLiteral("dev"));
        QVERIFY(antiAffinity.isValid());
        QCOMPARE(antiAffinity.data(Model::IsSetRole).toBool(), false);
        QCOMPARE(antiAffinity.data().toString(), QString());
        QCOMPARE(antiAffinity.data(Qt::ToolTipRole).toString(), QStringLiteral("not set in dev"));
        QCOMPARE(antiAffinity.data(Model::DiffersRole).toBool(), true);

        // A map merges key by key: staging overrides only two of config's keys.
        QCOMPARE(model.cellIndex(QStringLiteral("config.logLevel"), QStringLiteral("staging")).data(Model::IsOverriddenRole).toBool(), false);
        QCOMPARE(model.cellIndex(QStringLiteral("config.storageBucket"), QStringLiteral("staging")).data(Model::IsOverriddenRole).toBool(), true);
        // Same value in prod and staging although written in different files: no difference.
        const QModelIndex flag = model.cellIndex(QStringLiteral("config.featureFlags.bulkDistribution"), QStringLiteral("prod"));
        QCOMPARE(flag.data(Model::DiffersRole).toBool(), false);
    }

    void nullDeletesASettingInOneEnvironment()
    {
        QTemporaryDir dir;
        const QString root = createNullChart(dir);
        QVERIFY(!root.isEmpty());
        const Workspace ws = Workspace::discover(root);
        QCOMPARE(ws.environments.size(), 2);

        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMatrix(EnvironmentMatrix::load(ws));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("dev"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("prod"));
        QCOMPARE(settingPaths(model),
                 (QStringList{QStringLiteral("image.repository"), QStringLiteral("image.tag"), QStringLiteral("debug.enabled"),
                              QStringLiteral("debug.level"), QStringLiteral("podAnnotations"), QStringLiteral("extraArgs"),
                              QStringLiteral("prodOnly")}));

        const QString prodFile = QStringLiteral("charts/app/values-prod.yaml");
        // The setting itself set to null.
        const QModelIndex devRepository = model.cellIndex(QStringLiteral("image.repository"), QStringLiteral("dev"));
        const QModelIndex prodRepository = model.cellIndex(QStringLiteral("image.repository"), QStringLiteral("prod"));
        QCOMPARE(devRepository.data().toString(), QStringLiteral("example/app"));
        QCOMPARE(devRepository.data(Model::IsSetRole).toBool(), true);
        QCOMPARE(prodRepository.data().toString(), QString());
        QCOMPARE(prodRepository.data(Model::IsSetRole).toBool(), false);
        QCOMPARE(prodRepository.data(Model::IsOverriddenRole).toBool(), false);
        QCOMPARE(prodRepository.data(Model::DiffersRole).toBool(), true);
        QCOMPARE(prodRepository.data(Model::DiffersFromPreviousRole).toBool(), true);
        const Place repositoryNull = find(root, prodFile, QStringLiteral("^\\s+(repository): null"));
        QCOMPARE(prodRepository.data(Model::OriginFileRole).toString(), prodFile);
        QCOMPARE(prodRepository.data(Model::OriginLineRole).toInt(), repositoryNull.line);
        QCOMPARE(prodRepository.data(Model::OriginColumnRole).toInt(), repositoryNull.column);
        QCOMPARE(prodRepository.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("not set in prod — deleted with null at %1:%2 (overrides example/app in values.yaml:2)")
                     .arg(prodFile)
                     .arg(repositoryNull.line));

        // A parent set to null deletes every setting under it.
        const Place debugNull = find(root, prodFile, QStringLiteral("^(debug): ~"));
        for (const QString &path : {QStringLiteral("debug.enabled"), QStringLiteral("debug.level")}) {
            QCOMPARE(model.cellIndex(path, QStringLiteral("dev")).data(Model::IsSetRole).toBool(), true);
            const QModelIndex prod = model.cellIndex(path, QStringLiteral("prod"));
            QCOMPARE(prod.data(Model::IsSetRole).toBool(), false);
            QCOMPARE(prod.data(Model::OriginLineRole).toInt(), debugNull.line);
        }

        // Quoted numbers keep their quotes; dev's override is not prod's inheritance.
        QCOMPARE(model.cellIndex(QStringLiteral("image.tag"), QStringLiteral("dev")).data().toString(), QStringLiteral("\"1.1\""));
        QCOMPARE(model.cellIndex(QStringLiteral("image.tag"), QStringLiteral("prod")).data().toString(), QStringLiteral("\"1.0\""));
        QCOMPARE(model.cellIndex(QStringLiteral("image.tag"), QStringLiteral("prod")).data(Model::IsOverriddenRole).toBool(), false);

        // The same list written again in prod is an override without a difference.
        const QModelIndex args = model.cellIndex(QStringLiteral("extraArgs"), QStringLiteral("prod"));
        QCOMPARE(args.data().toString(), QStringLiteral("[--a, --b]"));
        QCOMPARE(args.data(Model::IsOverriddenRole).toBool(), true);
        QCOMPARE(args.data(Model::DiffersRole).toBool(), false);
        QCOMPARE(model.cellIndex(QStringLiteral("podAnnotations"), QStringLiteral("prod")).data().toString(), QStringLiteral("{}"));

        // A setting values.yaml does not have.
        const QModelIndex prodOnly = model.cellIndex(QStringLiteral("prodOnly"), QStringLiteral("prod"));
        QCOMPARE(prodOnly.data().toString(), QStringLiteral("1"));
        QCOMPARE(prodOnly.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("1 — from %1:%2 (not in values.yaml)").arg(prodFile).arg(find(root, prodFile, QStringLiteral("^(prodOnly):")).line));
        const QModelIndex devMissing = model.cellIndex(QStringLiteral("prodOnly"), QStringLiteral("dev"));
        QCOMPARE(devMissing.data(Model::IsSetRole).toBool(), false);
        QCOMPARE(devMissing.data(Model::OriginFileRole).toString(), QString());
        QCOMPARE(devMissing.data(Model::EnvironmentFileRole).toString(), QStringLiteral("charts/app/values-dev.yaml"));
    }

    void unreadableAndBrokenValuesAreReported()
    {
        QTemporaryDir dir;
        const QString root = createNullChart(dir);
        QVERIFY(!root.isEmpty());
        QVERIFY(writeFile(root + QStringLiteral("/charts/app/values-dev.yaml"), "- just\n- a list\n"));
        const Workspace ws = Workspace::discover(root);
        const EnvironmentMatrix matrix = EnvironmentMatrix::load(ws);
        QCOMPARE(matrix.diagnostics.size(), 1);
        QCOMPARE(matrix.diagnostics.front().file, QStringLiteral("charts/app/values-dev.yaml"));
        QCOMPARE(matrix.diagnostics.front().rule, QStringLiteral("values-not-a-mapping"));
        // dev still shows what values.yaml gives it.
        QCOMPARE(matrix.settings.at(matrix.settingIndex(QStringLiteral("image.tag"))).cells.at(0).text, QStringLiteral("\"1.0\""));
    }

    void filterByKeyAndDifferences()
    {
        Model model;
        MatrixFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMatrix(EnvironmentMatrix::load(m_workspace));
        const int total = model.rowCount();
        QCOMPARE(filter.rowCount(), total);

        filter.setKeyFilter(QStringLiteral("IMAGE."));
        QCOMPARE(settingPaths(filter), (QStringList{QStringLiteral("image.repository"), QStringLiteral("image.tag"),
                                                    QStringLiteral("image.pullPolicy")}));
        filter.setOnlyDifferences(true);
        QCOMPARE(settingPaths(filter), QStringList{QStringLiteral("image.tag")});

        filter.setKeyFilter(QString());
        int differing = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            differing += model.index(row, 0).data(Model::DiffersRole).toBool() ? 1 : 0;
        QVERIFY(differing > 0 && differing < total);
        QCOMPARE(filter.rowCount(), differing);
        for (int row = 0; row < filter.rowCount(); ++row)
            QVERIFY(filter.index(row, 2).data(Model::DiffersRole).toBool());
        QVERIFY(!settingPaths(filter).contains(QStringLiteral("image.repository")));

        filter.setOnlyDifferences(false);
        // A plain dot finds a key that contains one ("cert-manager.io/cluster-issuer").
        filter.setKeyFilter(QStringLiteral("cert-manager.io"));
        QCOMPARE(settingPaths(filter), QStringList{QStringLiteral("ingress.annotations.cert-manager\\.io/cluster-issuer")});
        filter.setKeyFilter(QStringLiteral("no-such-setting"));
        QCOMPARE(filter.rowCount(), 0);
        filter.setKeyFilter(QString());
        QCOMPARE(filter.rowCount(), total);
    }

    void viewLoadsOffTheGuiThreadAndOpensCells()
    {
        EnvironmentMatrixView view;
        QAbstractItemModelTester tester(view.view()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QSignalSpy changed(&view, &EnvironmentMatrixView::matrixChanged);
        view.loadWorkspace(m_workspace);
        QVERIFY(changed.size() == 1 || changed.wait(10000));
        QCOMPARE(view.model()->columnCount(), 4);

        // The filter box and the checkbox drive the proxy.
        auto *keyFilter = view.findChild<QLineEdit *>(QStringLiteral("matrixKeyFilter"));
        auto *onlyDifferences = view.findChild<QCheckBox *>(QStringLiteral("matrixOnlyDifferences"));
        QVERIFY(keyFilter && onlyDifferences);
        QTest::keyClicks(keyFilter, QStringLiteral("image."));
        QCOMPARE(view.view()->model()->rowCount(), 3);
        onlyDifferences->setChecked(true);
        QCOMPARE(view.view()->model()->rowCount(), 1);
        onlyDifferences->setChecked(false);

        // Double-clicking prod's image.tag asks to open values-prod.yaml where the tag is written.
        const QString prodFile = kChart + QStringLiteral("/values-prod.yaml");
        const Place tag = find(m_demo, prodFile, QStringLiteral("^\\s+(tag):"));
        QSignalSpy open(&view, &EnvironmentMatrixView::openRequested);
        const QModelIndex source = view.model()->cellIndex(QStringLiteral("image.tag"), QStringLiteral("prod"));
        const QModelIndex cell = view.filter()->mapFromSource(source);
        QVERIFY(cell.isValid());
        view.view()->scrollTo(cell);
        const QPoint center = view.view()->visualRect(cell).center();
        // A real double-click is a click followed by a double-click event; the click alone only selects.
        QTest::mouseClick(view.view()->viewport(), Qt::LeftButton, {}, center);
        QCOMPARE(open.size(), 0);
        QCOMPARE(view.view()->currentIndex(), cell);
        QTest::mouseDClick(view.view()->viewport(), Qt::LeftButton, {}, center);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), prodFile);
        QCOMPARE(open.at(0).at(1).toInt(), tag.line);
        QCOMPARE(open.at(0).at(2).toInt(), tag.column);

        // An inherited value opens values.yaml; a value an environment lacks opens its own file.
        emit view.view()->activated(view.filter()->mapFromSource(view.model()->cellIndex(QStringLiteral("image.repository"),
                                                                                          QStringLiteral("dev"))));
        QCOMPARE(open.size(), 2);
        QCOMPARE(open.at(1).at(0).toString(), kChart + QStringLiteral("/values.yaml"));
        keyFilter->clear();
        emit view.view()->activated(view.filter()->mapFromSource(
            view.model()->cellIndex(QStringLiteral("affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution"),
                                    QStringLiteral("staging"))));
        QCOMPARE(open.size(), 3);
        QCOMPARE(open.at(2).at(0).toString(), kChart + QStringLiteral("/values-staging.yaml"));
        QCOMPARE(open.at(2).at(1).toInt(), 0);
    }

    void newerLoadSupersedesARunningOne()
    {
        QTemporaryDir dir;
        const QString root = createNullChart(dir);
        QVERIFY(!root.isEmpty());
        const Workspace nulls = Workspace::discover(root);

        EnvironmentMatrixView view;
        QSignalSpy changed(&view, &EnvironmentMatrixView::matrixChanged);
        view.loadWorkspace(m_workspace);
        view.loadWorkspace(nulls);
        QVERIFY(changed.wait(10000));
        QTest::qWait(100); // the superseded load must not arrive late
        QCOMPARE(changed.size(), 1);
        QCOMPARE(view.model()->columnCount(), 3);
        QCOMPARE(view.model()->headerData(2, Qt::Horizontal).toString(), QStringLiteral("prod"));

        view.clear();
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(view.model()->columnCount(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_demo;
    Workspace m_workspace;
};

QTEST_MAIN(TestEnvironmentMatrix)
#include "tst_environmentmatrix.moc"
