// SPDX-License-Identifier: MIT
#include "pipeline/WorkflowMatrix.h"

#include "yaml/YamlJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace studio {

using yaml::YamlNode;

namespace {

bool isExpression(const YamlNode *node)
{
    return node && node->isScalar() && node->scalar().contains(QLatin1String("${{"));
}

/// Values compare as JSON so `3` and `"3"` differ as they do in GitHub's expression engine.
QString canonical(const YamlNode *node)
{
    const Result<QJsonValue> json = yaml::toJson(node, 100'000);
    if (!json)
        return node->scalar();
    const QJsonValue &value = json.value();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // Wrap scalars in an array to get their JSON spelling, then strip the brackets.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

const QString *find(const WorkflowMatrix::Combination &combination, const QString &key)
{
    for (const auto &entry : combination) {
        if (entry.first == key)
            return &entry.second;
    }
    return nullptr;
}

void assign(WorkflowMatrix::Combination &combination, const QString &key, const QString &value)
{
    for (auto &entry : combination) {
        if (entry.first == key) {
            entry.second = value;
            return;
        }
    }
    combination.append({key, value});
}

} // namespace

void WorkflowMatrix::fail(const YamlNode *at, const QString &message)
{
    if (m_problem.isEmpty()) {
        m_problem = message;
        m_problemLine = at ? at->span.start.line : 0;
    }
}

WorkflowMatrix WorkflowMatrix::expand(const YamlNode *matrix)
{
    WorkflowMatrix result;
    if (!matrix || matrix->isNull()) {
        result.m_combinations.append(Combination{});
        return result;
    }
    matrix = matrix->resolved();
    if (isExpression(matrix)) {
        result.m_dynamic = true;
        result.m_combinations.append(Combination{});
        return result;
    }
    if (!matrix->isMapping()) {
        result.fail(matrix, QStringLiteral("strategy.matrix must be a mapping of vectors"));
        result.m_combinations.append(Combination{});
        return result;
    }

    const YamlNode *include = nullptr;
    const YamlNode *exclude = nullptr;
    QStringList originalKeys;
    // A product far past GitHub's limit is refused before it is built: it could exhaust memory.
    qint64 productSize = 1;
    for (const yaml::YamlPair &pair : matrix->effectivePairs()) {
        const QString key = pair.key->scalar();
        const YamlNode *vector = pair.value ? pair.value->resolved() : nullptr;
        if (key != u"include" && key != u"exclude" && vector && vector->isSequence())
            productSize = std::min<qint64>(productSize * qint64(std::max<size_t>(1, vector->items.size())), qint64(1) << 40);
    }
    if (productSize > 64 * kMaxJobs) {
        result.fail(matrix, QStringLiteral("strategy.matrix produces %1 jobs; GitHub allows at most %2").arg(productSize).arg(kMaxJobs));
        result.m_combinations.append(Combination{});
        result.m_tooLarge = int(std::min<qint64>(productSize, std::numeric_limits<int>::max()));
        return result;
    }
    // Cartesian product in declaration order: the first vector varies slowest.
    QList<Combination> combinations;
    bool anyVector = false;
    for (const yaml::YamlPair &pair : matrix->effectivePairs()) {
        const QString key = pair.key->scalar();
        if (key == u"include") {
            include = pair.value;
            continue;
        }
        if (key == u"exclude") {
            exclude = pair.value;
            continue;
        }
        const YamlNode *vector = pair.value ? pair.value->resolved() : nullptr;
        if (isExpression(vector)) {
            result.m_dynamic = true;
            continue;
        }
        if (!vector || !vector->isSequence() || vector->items.empty()) {
            result.fail(pair.key, QStringLiteral("Matrix vector '%1' does not contain any values").arg(key));
            continue;
        }
        originalKeys << key;
        QList<Combination> next;
        const QList<Combination> base = anyVector ? combinations : QList<Combination>{Combination{}};
        for (const Combination &partial : base) {
            for (const YamlNode *item : vector->items) {
                Combination extended = partial;
                extended.append({key, canonical(item)});
                next.append(std::move(extended));
            }
        }
        combinations = std::move(next);
        anyVector = true;
    }

    auto entriesOf = [&result](const YamlNode *list, const char *what) {
        QList<Combination> entries;
        if (!list || list->isNull())
            return entries;
        list = list->resolved();
        if (isExpression(list)) {
            result.m_dynamic = true;
            return entries;
        }
        if (!list->isSequence()) {
            result.fail(list, QStringLiteral("strategy.matrix.%1 must be a list of mappings").arg(QLatin1String(what)));
            return entries;
        }
        for (const YamlNode *item : list->items) {
            if (!item->isMapping()) {
                result.fail(item, QStringLiteral("each strategy.matrix.%1 entry must be a mapping").arg(QLatin1String(what)));
                continue;
            }
            Combination entry;
            for (const yaml::YamlPair &pair : item->resolved()->effectivePairs())
                entry.append({pair.key->scalar(), pair.value ? canonical(pair.value) : QStringLiteral("null")});
            entries.append(entry);
        }
        return entries;
    };

    // exclude matches partially: every key it names must have its value.
    for (const Combination &rule : entriesOf(exclude, "exclude")) {
        combinations.removeIf([&rule](const Combination &combination) {
            for (const auto &[key, value] : rule) {
                const QString *have = find(combination, key);
                if (!have || *have != value)
                    return false;
            }
            return true;
        });
    }

    // include runs after exclude; an entry merges where it overwrites no original value.
    const qsizetype originalCount = combinations.size();
    for (const Combination &entry : entriesOf(include, "include")) {
        bool merged = false;
        for (qsizetype i = 0; i < originalCount; ++i) {
            Combination &combination = combinations[i];
            bool fits = true;
            for (const auto &[key, value] : entry) {
                if (originalKeys.contains(key) && *find(combination, key) != value) {
                    fits = false;
                    break;
                }
            }
            if (!fits)
                continue;
            for (const auto &[key, value] : entry)
                assign(combination, key, value);
            merged = true;
        }
        if (!merged)
            combinations.append(entry);
    }

    if (combinations.isEmpty() && !result.m_dynamic && result.m_problem.isEmpty())
        result.fail(matrix, QStringLiteral("strategy.matrix produces no jobs (every combination is excluded)"));
    else if (combinations.size() > kMaxJobs)
        result.fail(matrix, QStringLiteral("strategy.matrix produces %1 jobs; GitHub allows at most %2")
                                .arg(combinations.size()).arg(kMaxJobs));
    result.m_combinations = std::move(combinations);
    if (result.m_dynamic && result.m_combinations.isEmpty())
        result.m_combinations.append(Combination{});
    return result;
}

} // namespace studio
