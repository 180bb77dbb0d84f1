// SPDX-License-Identifier: MIT
#pragma once

#include "secrets/SecretRule.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace studio {

/// gitleaks' keyword prefilter, done in one pass: finds on which lines of a file each rule's
/// keywords occur, so a rule's regular expression runs only on those lines. A table of the
/// keywords' first two bytes rejects almost every position with one lookup.
class KeywordPrefilter
{
public:
    explicit KeywordPrefilter(const QList<SecretRule> &rules);

    /// For each rule (by index), the 0-based lines of `lowerContent` holding one of its keywords,
    /// ascending and unique. `lowerContent` must be ASCII-lowercased (QByteArray::toLower).
    std::vector<std::vector<int>> candidateLines(const QByteArray &lowerContent) const;

private:
    static int bigram(unsigned char a, unsigned char b) { return (a << 8) | b; }

    qsizetype m_ruleCount = 0;
    std::vector<QByteArray> m_keywords;
    std::vector<std::vector<int>> m_rulesOfKeyword;
    std::vector<int> m_offsets;    ///< per bigram: where its keyword ids start in m_keywordIds (CSR)
    std::vector<int> m_keywordIds;
};

} // namespace studio
