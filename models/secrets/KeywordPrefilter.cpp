// SPDX-License-Identifier: MIT
#include "secrets/KeywordPrefilter.h"

#include <cstring>
#include <map>

namespace studio {

KeywordPrefilter::KeywordPrefilter(const QList<SecretRule> &rules)
    : m_ruleCount(rules.size())
{
    std::map<QByteArray, int> ids;
    for (qsizetype r = 0; r < rules.size(); ++r) {
        for (const QString &keyword : rules.at(r).keywords) {
            const QByteArray bytes = keyword.toUtf8().toLower();
            if (bytes.size() < 2)
                continue; // rules keep keywords of at least two bytes
            auto [it, inserted] = ids.emplace(bytes, int(m_keywords.size()));
            if (inserted) {
                m_keywords.push_back(bytes);
                m_rulesOfKeyword.emplace_back();
            }
            m_rulesOfKeyword[size_t(it->second)].push_back(int(r));
        }
    }
    std::vector<std::vector<int>> byBigram(65536);
    for (size_t k = 0; k < m_keywords.size(); ++k)
        byBigram[size_t(bigram(uchar(m_keywords[k].at(0)), uchar(m_keywords[k].at(1))))].push_back(int(k));
    m_offsets.resize(65537);
    for (size_t b = 0; b < byBigram.size(); ++b) {
        m_offsets[b] = int(m_keywordIds.size());
        m_keywordIds.insert(m_keywordIds.end(), byBigram[b].begin(), byBigram[b].end());
    }
    m_offsets[65536] = int(m_keywordIds.size());
}

std::vector<std::vector<int>> KeywordPrefilter::candidateLines(const QByteArray &lowerContent) const
{
    std::vector<std::vector<int>> lines(static_cast<size_t>(m_ruleCount));
    const auto *data = reinterpret_cast<const unsigned char *>(lowerContent.constData());
    const qsizetype size = lowerContent.size();
    int line = 0;
    for (qsizetype i = 0; i + 1 < size; ++i) {
        if (data[i] == '\n') {
            ++line;
            continue;
        }
        const int b = bigram(data[i], data[i + 1]);
        for (int at = m_offsets[size_t(b)], end = m_offsets[size_t(b) + 1]; at < end; ++at) {
            const QByteArray &keyword = m_keywords[size_t(m_keywordIds[size_t(at)])];
            if (keyword.size() > size - i || std::memcmp(data + i, keyword.constData(), size_t(keyword.size())) != 0)
                continue;
            for (const int rule : m_rulesOfKeyword[size_t(m_keywordIds[size_t(at)])]) {
                std::vector<int> &ruleLines = lines[size_t(rule)];
                if (ruleLines.empty() || ruleLines.back() != line)
                    ruleLines.push_back(line);
            }
        }
    }
    return lines;
}

} // namespace studio
