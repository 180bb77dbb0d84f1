// SPDX-License-Identifier: MIT
#include "spec/Cidr.h"

#include <QStringList>

namespace studio::cloud {

std::optional<std::uint32_t> Cidr::parseAddress(const QString &text)
{
    const QStringList parts = text.split(u'.');
    if (parts.size() != 4)
        return std::nullopt;
    std::uint32_t address = 0;
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
            return std::nullopt;
        bool ok = false;
        const uint octet = part.toUInt(&ok);
        if (!ok || octet > 255)
            return std::nullopt;
        address = (address << 8) | octet;
    }
    return address;
}

std::optional<Cidr> Cidr::parse(const QString &text, QString *why)
{
    const auto fail = [why](QString reason) -> std::optional<Cidr> {
        if (why)
            *why = std::move(reason);
        return std::nullopt;
    };
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return fail(QStringLiteral("'%1' is not a CIDR block; write it as address/prefix, e.g. 10.0.0.0/16").arg(text));
    const auto address = parseAddress(text.left(slash));
    if (!address)
        return fail(QStringLiteral("'%1' does not start with an IPv4 address (four numbers 0-255 separated by dots)").arg(text));
    bool ok = false;
    const QString prefixText = text.mid(slash + 1);
    const int prefix = prefixText.toInt(&ok);
    if (!ok || prefix < 0 || prefix > 32 || prefixText.startsWith(u'+'))
        return fail(QStringLiteral("'%1' has no prefix length between 0 and 32 after the '/'").arg(text));
    Cidr cidr;
    cidr.prefix = prefix;
    const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t(0) << (32 - prefix);
    cidr.address = *address & mask;
    if (cidr.address != *address)
        return fail(QStringLiteral("'%1' has host bits set; the network is %2").arg(text, cidr.toString()));
    return cidr;
}

std::uint32_t Cidr::last() const
{
    return std::uint32_t(address + (size() - 1));
}

bool Cidr::contains(const Cidr &other) const
{
    return other.prefix >= prefix && contains(other.first()) && contains(other.last());
}

bool Cidr::overlaps(const Cidr &other) const
{
    return first() <= other.last() && other.first() <= last();
}

QString Cidr::addressToString(std::uint32_t a)
{
    return QStringLiteral("%1.%2.%3.%4").arg(a >> 24).arg((a >> 16) & 0xff).arg((a >> 8) & 0xff).arg(a & 0xff);
}

QString Cidr::toString() const
{
    return QStringLiteral("%1/%2").arg(addressToString(address)).arg(prefix);
}

} // namespace studio::cloud
