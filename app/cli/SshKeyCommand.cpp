// SPDX-License-Identifier: MIT
// deploy-studio-cli ssh-key fingerprint FILE...
// deploy-studio-cli ssh-key allowed-signers PRINCIPAL=PUBLIC_KEY_FILE... [--output FILE]

#include "CliCommand.h"

#include "secrets/AllowedSignersFile.h"
#include "secrets/SshPublicKey.h"

#include <QCommandLineParser>
#include <QSaveFile>

namespace studio::cli {

namespace {

const char *const kSshKeyUsage = "usage: deploy-studio-cli ssh-key fingerprint FILE... | "
                                 "ssh-key allowed-signers PRINCIPAL=PUBLIC_KEY_FILE... [--output FILE]";

} // namespace

int runSshKey(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption outputOption(QStringLiteral("output"), QStringLiteral("Write the file here."), QStringLiteral("FILE"));
    parser.addOption(outputOption);
    if (!parser.parse(QStringList{QStringLiteral("ssh-key")} + arguments))
        return fail(io, parser.errorText());
    QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return fail(io, QString::fromLatin1(kSshKeyUsage));
    const QString action = positional.takeFirst();
    if (action == u"fingerprint") {
        for (const QString &file : std::as_const(positional)) {
            const Result<SshPublicKey> key = SshPublicKey::fromFile(file);
            if (!key)
                return fail(io, key.errorMessage());
            io.out << key->fingerprint() << ' ' << (key->comment.isEmpty() ? QStringLiteral("no comment") : key->comment)
                   << " (" << key->type << ") " << file << '\n';
        }
        io.out.flush();
        return Success;
    }
    if (action != u"allowed-signers")
        return fail(io, QStringLiteral("unknown ssh-key action '%1'; %2").arg(action, QLatin1String(kSshKeyUsage)));
    QList<AllowedSigner> signers;
    for (const QString &pair : std::as_const(positional)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0)
            return fail(io, QStringLiteral("'%1' is not PRINCIPAL=PUBLIC_KEY_FILE").arg(pair));
        const Result<SshPublicKey> key = SshPublicKey::fromFile(pair.mid(equals + 1));
        if (!key)
            return fail(io, key.errorMessage());
        signers.push_back({pair.left(equals), key.value()});
    }
    const Result<QString> text = AllowedSignersFile::render(signers);
    if (!text)
        return fail(io, text.errorMessage());
    if (!parser.isSet(outputOption)) {
        io.out << text.value();
        io.out.flush();
        return Success;
    }
    QSaveFile out(parser.value(outputOption));
    if (!out.open(QIODevice::WriteOnly) || out.write(text->toUtf8()) < 0 || !out.commit())
        return fail(io, QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    io.out << "wrote " << signers.size() << " signer(s) to " << out.fileName() << '\n';
    io.out.flush();
    return Success;
}

} // namespace studio::cli
