// SPDX-License-Identifier: MIT
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace studio {

/// One secret detection rule, modelled on gitleaks': a rule runs only on text that contains one of
/// its keywords (lowercase), then its regular expression picks the secret, which must be more random
/// than `entropy` (Shannon bits per character) and must not match an allowlist.
///
/// Patterns are written in the subset PCRE2 and JavaScript share (no inline flags, no possessive
/// quantifiers) so the benchmark's Node.js peer runs exactly the same expressions.
struct SecretRule {
    QString id;                     ///< stable, e.g. "aws-access-key-id"
    QString description;            ///< one line for people, e.g. "AWS access key ID"
    QStringList keywords;           ///< lowercase; the rule runs only on lines containing one
    QString pattern;                ///< the regular expression
    bool caseInsensitive = false;
    bool multiline = false;         ///< the match may span lines (private key blocks)
    int secretGroup = 1;            ///< capture group holding the secret (0 = the whole match)
    double entropy = 0;             ///< the secret's Shannon entropy must be strictly greater
    QStringList allowedSecrets;     ///< regexes: a secret matching one is not reported
    QString allowedKeyPattern;      ///< regex on capture group `keyGroup` (e.g. "secretName" is a name)
    int keyGroup = 0;               ///< capture group holding the key of an assignment (0 = none)
    QStringList stopwords;          ///< lowercase substrings that mark a secret as a placeholder

    QRegularExpression regex;       ///< compiled from pattern (JIT-optimised on first use)
    QList<QRegularExpression> allowedSecretRegexes;
    QRegularExpression allowedKeyRegex;
};

} // namespace studio
