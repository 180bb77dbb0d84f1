// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

/// One step of a job, as far as a reader of the pipeline cares: what it is called and what it runs.
struct WorkflowStep {
    QString name;  ///< `name:`, or empty
    QString uses;  ///< an action reference, e.g. actions/checkout@v4
    QString run;   ///< shell script text
    int line = 0;

    /// What the step shows as: its name, else its action, else the first line of its script.
    QString title() const;
};

/// A GitHub Actions job after expansion: a reusable workflow's jobs appear as jobs of their caller's
/// workflow with the caller's id as prefix ("deploy / apply", id "ci:deploy/apply").
struct WorkflowJob {
    QString id;          ///< unique in the pipeline: "<workflow file stem>:<job key>[/<called job key>…]"
    QString key;         ///< the key under `jobs:` (the path of keys for expanded jobs, '/' separated)
    QString name;        ///< `name:` or the key, with " / " between caller and called job
    QString workflowFile;///< the file that defines the job, relative to the repository root
    int line = 0;        ///< line of the job key in workflowFile
    QString runsOn;      ///< `runs-on` as text (a list joined by ", ", a group as "group: x")
    QStringList needs;   ///< ids of the jobs this one needs, in the order written (keys as parsed)
    QString condition;   ///< job-level `if`, without a `${{ }}` wrapper
    QString environment; ///< `environment` name (string form or `name:`)
    QString environmentUrl;
    QList<WorkflowStep> steps;
    int matrixCount = 1;         ///< jobs the matrix expands to (1 without a matrix)
    bool matrixIsDynamic = false;///< the matrix comes from an expression (fromJSON…) known only at run time
    QString calls;       ///< the reusable workflow it calls (`uses:`); local ones are expanded into jobs
    int needsLine = 0;   ///< line of `needs` (0 when absent)

    bool hasMatrix() const { return matrixIsDynamic || matrixCount != 1; }
};

} // namespace studio
