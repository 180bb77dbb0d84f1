// SPDX-License-Identifier: MIT
#include "secrets/AllowedSignersFile.h"

#include <QRegularExpression>

#include <algorithm>

namespace studio {

Result<QString> AllowedSignersFile::render(QList<AllowedSigner> signers)
{
    static const QRegularExpression principal(QStringLiteral("^[^\\s,\"]+$"));
    std::stable_sort(signers.begin(), signers.end(),
                     [](const AllowedSigner &a, const AllowedSigner &b) { return a.principal < b.principal; });
    QString out;
    for (const AllowedSigner &signer : std::as_const(signers)) {
        if (!principal.match(signer.principal).hasMatch())
            return Error{Error::Code::Usage, QStringLiteral("'%1' cannot be a principal in allowed_signers (no spaces, "
                                                            "commas or quotes; use the committer's e-mail)")
                                                 .arg(signer.principal)};
        out += QStringLiteral("%1 namespaces=\"git\" %2").arg(signer.principal, signer.key.line());
        if (!signer.key.comment.isEmpty())
            out += u' ' + signer.key.comment;
        out += u'\n';
    }
    return out;
}

} // namespace studio
