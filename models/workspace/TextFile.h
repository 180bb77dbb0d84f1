// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QString>

namespace studio {

/// Reads workspace files as text, refusing what is not: unreadable files, binary content,
/// invalid UTF-8 and files too large to check. The error says which and what to do.
class TextFile
{
public:
    static constexpr qint64 kDefaultMaxBytes = 16 * 1024 * 1024;

    static Result<QString> read(const QString &path, qint64 maxBytes = kDefaultMaxBytes);
};

} // namespace studio
