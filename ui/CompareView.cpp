// SPDX-License-Identifier: MIT
#include "CompareView.h"

#include "EnvironmentPairPicker.h"
#include "SideBySideDiff.h"

#include "diff/LineDiff.h"
#include "diff/SemanticChangeModel.h"
#include "workspace/TextFile.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
    , m_pair(new EnvironmentPairPicker(QStringLiteral("Compare"), QStringLiteral("with"), this))
    , m_search(new QLineEdit(this))
    , m_model(new SemanticChangeModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_files(new SideBySideDiff(this))
    , m_status(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(SemanticChangeModel::PathColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(SemanticChangeModel::KindColumn, 110);
    m_tree->setColumnWidth(SemanticChangeModel::FromColumn, 180);
    m_tree->setColumnWidth(SemanticChangeModel::ToColumn, 180);
    m_search->setPlaceholderText(QStringLiteral("Search settings and values"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        m_tree->expandAll();
    });
    connect(m_pair, &EnvironmentPairPicker::pairChanged, this, &CompareView::compare);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showFiles(current); });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_filter->mapToSource(index);
        const QString file = source.data(SemanticChangeModel::ToFileRole).toString();
        if (!file.isEmpty())
            emit openRequested(file, source.data(SemanticChangeModel::ToLineRole).toInt(), 1);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_pair);
    top->addSpacing(16);
    top->addWidget(m_search, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_files);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const std::shared_ptr<Compared> done = m_watcher.result();
        const Result<QList<ComparisonSection>> *result = &done->sections;
        m_texts = done->texts;
        if (!*result) {
            m_model->setSections({}, QString(), QString());
            m_status->setText(result->errorMessage());
        } else {
            m_model->setSections(result->value(), m_pair->from(), m_pair->to());
            m_tree->expandAll();
            if (m_model->rowCount() > 0)
                m_tree->setCurrentIndex(m_filter->mapFromSource(m_model->index(0, 0, m_model->index(0, 0))));
            const int count = m_model->changeCount();
            m_status->setText(count == 0 ? QStringLiteral("%1 and %2 have the same effective configuration.")
                                               .arg(m_pair->from(), m_pair->to())
                                         : QStringLiteral("%1 differences between %2 and %3. Double-click one to open it.")
                                               .arg(count)
                                               .arg(m_pair->from(), m_pair->to()));
        }
        emit compared();
    });
}

CompareView::~CompareView()
{
    m_watcher.waitForFinished();
}

void CompareView::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    QStringList names;
    for (const Environment &env : workspace.environments)
        names << env.name;
    m_pair->setEnvironments(names);
    compare();
}

void CompareView::setEnvironments(const QString &from, const QString &to)
{
    m_pair->setPair(from, to);
    compare();
}

void CompareView::compare()
{
    const Environment *from = m_workspace.environment(m_pair->from());
    const Environment *to = m_workspace.environment(m_pair->to());
    if (!from || !to)
        return;
    m_status->setText(QStringLiteral("Comparing…"));
    m_watcher.setFuture(QtConcurrent::run([workspace = m_workspace, from = *from, to = *to] {
        auto result = std::make_shared<Compared>(Compared{EnvironmentComparison::compare(workspace, from, to), {}});
        if (result->sections) {
            for (const ComparisonSection &section : result->sections.value()) {
                for (const QString &file : section.fromFiles + section.toFiles) {
                    if (!result->texts.contains(file))
                        result->texts.insert(file, TextFile::read(workspace.absolutePath(file)).value_or(QString()));
                }
            }
        }
        return result;
    }));
}

void CompareView::showFiles(const QModelIndex &index)
{
    const QModelIndex source = m_filter->mapToSource(index);
    const QString fromFile = source.data(SemanticChangeModel::FromFileRole).toString();
    const QString toFile = source.data(SemanticChangeModel::ToFileRole).toString();
    if (fromFile.isEmpty() && toFile.isEmpty())
        return;
    m_files->setTexts(m_texts.value(fromFile), m_texts.value(toFile), QStringLiteral("%1: %2").arg(m_pair->from(), fromFile),
                      QStringLiteral("%1: %2").arg(m_pair->to(), toFile), toFile.isEmpty() ? fromFile : toFile);
    // Land on the selected change's line in the target file.
    const int line = source.data(SemanticChangeModel::ToLineRole).toInt();
    for (int change = 0; line > 0 && change < m_files->changeCount(); ++change) {
        const auto [first, last] = m_files->model().rowsOfChange(change);
        bool found = false;
        for (int row = first; row <= last && !found; ++row)
            found = m_files->rows().at(row).newLine >= line;
        if (found) {
            m_files->goToChange(change);
            break;
        }
    }
}


} // namespace studio
