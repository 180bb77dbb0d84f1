// SPDX-License-Identifier: MIT
// Every item model of the studio under QAbstractItemModelTester, with the data a user sees.

#include "checks/ProblemFilterModel.h"
#include "checks/ProblemListModel.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/EnvironmentTreeModel.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

Diagnostic finding(const QString &file, int line, Severity severity, const QString &message, const QString &env = {})
{
    Diagnostic d;
    d.file = file;
    d.line = line;
    d.column = 1;
    d.severity = severity;
    d.rule = QStringLiteral("schema");
    d.message = message;
    d.environment = env;
    return d;
}

} // namespace

class TestItemModels : public QObject
{
    Q_OBJECT

private slots:
    void environmentTreeListsEnvironmentsAndTheirFiles()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("demo"));
        QVERIFY(DemoWorkspace::create(repo).ok());
        const Workspace ws = Workspace::discover(repo);

        EnvironmentTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(&ws);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(EnvironmentTreeModel::EnvironmentRole).toString(), QStringLiteral("dev"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("prod  (protected)"));
        const QModelIndex prod = model.index(2, 0);
        QStringList files;
        for (int row = 0; row < model.rowCount(prod); ++row)
            files << model.index(row, 0, prod).data(EnvironmentTreeModel::PathRole).toString();
        QCOMPARE(files, (QStringList{QStringLiteral("charts/tunemantra/values.yaml"),
                                     QStringLiteral("charts/tunemantra/values-prod.yaml"),
                                     QStringLiteral("deploy/overlays/prod/kustomization.yaml"),
                                     QStringLiteral("argocd/tunemantra-prod.yaml")}));
        QCOMPARE(model.parent(model.index(1, 0, prod)), prod);
        model.setWorkspace(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void problemListSortsAndFilters()
    {
        ProblemListModel list;
        ProblemFilterModel filter;
        filter.setSourceModel(&list);
        QAbstractItemModelTester listTester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setDiagnostics({
            finding(QStringLiteral("b.yaml"), 7, Severity::Warning, QStringLiteral("latest tag"), QStringLiteral("prod")),
            finding(QStringLiteral("a.yaml"), 12, Severity::Error, QStringLiteral("unknown field"), QStringLiteral("dev, staging")),
            finding(QStringLiteral("base/service.yaml"), 3, Severity::Error, QStringLiteral("wrong type")),
        });
        QCOMPARE(filter.rowCount(), 3);
        QCOMPARE(list.index(1, ProblemListModel::LineColumn).data().toInt(), 12);
        QCOMPARE(list.index(0, ProblemListModel::SeverityColumn).data().toString(), QStringLiteral("warning"));

        filter.sort(ProblemListModel::FileColumn, Qt::AscendingOrder);
        QCOMPARE(filter.index(0, ProblemListModel::FileColumn).data().toString(), QStringLiteral("a.yaml"));
        filter.sort(ProblemListModel::SeverityColumn, Qt::AscendingOrder);
        QCOMPARE(filter.index(2, ProblemListModel::SeverityColumn).data().toString(), QStringLiteral("warning"));

        filter.setSeverityVisible(Severity::Warning, false);
        QCOMPARE(filter.rowCount(), 2);
        filter.setSeverityVisible(Severity::Warning, true);

        // A finding shared by dev and staging shows for each; one without environment shows everywhere.
        filter.setEnvironment(QStringLiteral("staging"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setEnvironment(QStringLiteral("prod"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setEnvironment(QString());

        filter.setText(QStringLiteral("SERVICE"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, ProblemListModel::MessageColumn).data().toString(), QStringLiteral("wrong type"));
        filter.setText(QStringLiteral("latest"));
        QCOMPARE(filter.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
