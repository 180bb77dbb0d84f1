// SPDX-License-Identifier: MIT
#include "CompareView.h"

#include "SideBySideDiff.h"

#include "diff/LineDiff.h"
#include "diff/SemanticChangeModel.h"
#include "workspace/TextFile.h"

#include <QComboBox>
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
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
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
    connect(m_from, &QComboBox::currentIndexChanged, this, &CompareView::compare);
    connect(m_to, &QComboBox::currentIndexChanged, this, &CompareView::compare);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showFiles(current); });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_filter->mapToSource(index);
        const QString file = source.data(SemanticChangeModel::ToFileRole).toString();
        if (!file.isEmpty())
            emit openRequested(file, source.data(SemanticChangeModel::ToLineRole).toInt(), 1);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(QStringLiteral("Compare"), this));
    top->addWidget(m_from);
    top->addWidget(new QLabel(QStringLiteral("with"), this));
    top->addWidget(m_to);
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
            m_model->setSections(result->value(), m_from->currentText(), m_to->currentText());
            m_tree->expandAll();
            if (m_model->rowCount() > 0)
                m_tree->setCurrentIndex(m_filter->mapFromSource(m_model->index(0, 0, m_model->index(0, 0))));
            const int count = m_model->changeCount();
            m_status->setText(count == 0 ? QStringLiteral("%1 and %2 have the same effective configuration.")
                                               .arg(m_from->currentText(), m_to->currentText())
                                         : QStringLiteral("%1 differences between %2 and %3. Double-click one to open it.")
                                               .arg(count)
                                               .arg(m_from->currentText(), m_to->currentText()));
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
    const QString from = m_from->currentText();
    const QString to = m_to->currentText();
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->clear();
        m_to->clear();
        m_from->addItems(names);
        m_to->addItems(names);
        m_from->setCurrentIndex(names.contains(from) ? names.indexOf(from) : qMax(0, int(names.size()) - 2));
        m_to->setCurrentIndex(names.contains(to) ? names.indexOf(to) : qMax(0, int(names.size()) - 1));
    }
    compare();
}

void CompareView::setEnvironments(const QString &from, const QString &to)
{
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setCurrentText(from);
        m_to->setCurrentText(to);
    }
    compare();
}

void CompareView::compare()
{
    const Environment *from = m_workspace.environment(m_from->currentText());
    const Environment *to = m_workspace.environment(m_to->currentText());
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
    m_files->setTexts(m_texts.value(fromFile), m_texts.value(toFile), QStringLiteral("%1: %2").arg(m_from->currentText(), fromFile),
                      QStringLiteral("%1: %2").arg(m_to->currentText(), toFile), toFile.isEmpty() ? fromFile : toFile);
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
