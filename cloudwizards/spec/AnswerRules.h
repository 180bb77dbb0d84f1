// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "spec/Cidr.h"
#include "spec/CloudProvider.h"
#include "spec/CommonAnswers.h"
#include "spec/NamingRules.h"

#include <QString>

#include <optional>

namespace studio::cloud {

/// Collects the rule violations of one answers model. Every finding is a Diagnostic whose jsonPath
/// is the field path ("network.vpcCidr"), whose rule is a stable id and whose message starts with
/// the field, so the CLI and the wizard pages can show it beside the field it is about.
class AnswerRules
{
public:
    explicit AnswerRules(QString file = {}) : m_file(std::move(file)) {}

    /// Records a violation of `rule` at `field` unless `holds`.
    void require(bool holds, const QString &field, const QString &rule, const QString &message);

    void name(const QString &field, const QString &value, NameKind kind);
    /// Checks the syntax of a CIDR block and returns it when valid.
    std::optional<Cidr> cidr(const QString &field, const QString &value);
    void range(const QString &field, int value, int min, int max, const QString &rule);
    void oneOf(const QString &field, const QString &value, const QStringList &allowed, const QString &rule);
    void kubernetesVersion(const QString &field, CloudProvider provider, const QString &version);
    /// At least `minimum` distinct zones.
    void zones(const QString &field, const QStringList &zones, int minimum, const QString &why);
    /// Names and min <= desired <= max for every pool; at least one pool.
    void nodePools(const QString &field, const QList<NodePoolAnswers> &pools, NameKind nameKind);
    /// Elasticsearch run by ECK: sizes, a full version, and 1 or at least 3 nodes (two cannot keep a quorum).
    void inClusterSearch(const QString &field, const InClusterSearchAnswers &search);
    void storage(const QString &field, const StorageAnswers &storage, NameKind bucketKind);
    void addons(const QString &field, const AddonAnswers &addons);
    void secretNames(const QString &field, const QStringList &names);

    /// Records an overlap between two named, already valid, networks.
    void noOverlap(const QString &fieldA, const std::optional<Cidr> &a, const QString &fieldB, const std::optional<Cidr> &b);
    /// Records `inner` not lying inside `outer`.
    void inside(const QString &innerField, const std::optional<Cidr> &inner, const QString &outerField,
                const std::optional<Cidr> &outer);

    const Diagnostics &problems() const { return m_problems; }

private:
    QString m_file;
    Diagnostics m_problems;
};

} // namespace studio::cloud
