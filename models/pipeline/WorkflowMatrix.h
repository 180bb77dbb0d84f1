// SPDX-License-Identifier: MIT
#pragma once

#include "yaml/YamlNode.h"

#include <QList>
#include <QPair>
#include <QString>

namespace studio {

/// The jobs a `strategy.matrix` expands to, by GitHub's rules: the cartesian product of the vectors
/// in declaration order, `exclude` entries removed (partial match), then each `include` entry merged
/// into every combination whose original values it does not overwrite, or added as a new combination
/// when it fits none.
class WorkflowMatrix
{
public:
    /// One job's values: key → value as canonical JSON text, in declaration order.
    using Combination = QList<QPair<QString, QString>>;

    /// GitHub's limit of jobs one matrix may produce in a workflow run.
    static constexpr int kMaxJobs = 256;

    /// Expands `matrix` (the node under `strategy.matrix`, may be null).
    static WorkflowMatrix expand(const yaml::YamlNode *matrix);

    bool isDynamic() const { return m_dynamic; }
    /// Jobs it expands to (an over-large matrix is counted, not expanded: combinations() then holds one).
    int count() const { return m_tooLarge > 0 ? m_tooLarge : int(m_combinations.size()); }
    const QList<Combination> &combinations() const { return m_combinations; }
    /// Why the matrix is invalid (an empty vector, an entry of the wrong type), or empty.
    const QString &problem() const { return m_problem; }
    int problemLine() const { return m_problemLine; }

private:
    void fail(const yaml::YamlNode *at, const QString &message);

    bool m_dynamic = false;
    QList<Combination> m_combinations;
    QString m_problem;
    int m_problemLine = 0;
    int m_tooLarge = 0;
};

} // namespace studio
