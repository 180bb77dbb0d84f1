// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace studio {

/// A secret found in a file. It never holds the secret itself: `excerpt` is the line with the secret
/// masked, safe to print in a terminal, a CI log or a commit refusal.
struct SecretFinding {
    QString file;        ///< as given to the scanner ('/' separated)
    int line = 0;        ///< 1-based
    int column = 0;      ///< 1-based, in characters, where the secret starts
    QString rule;        ///< rule id, e.g. "aws-access-key-id"
    QString description; ///< the rule's description
    QString excerpt;     ///< the line, trimmed, with the secret masked

    friend bool operator==(const SecretFinding &, const SecretFinding &) = default;
};

using SecretFindings = QList<SecretFinding>;

} // namespace studio
