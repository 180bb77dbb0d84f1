// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace studio::cloud {

/// An IPv4 network in CIDR notation ("10.0.0.0/16"): what the network pages of the wizards check
/// for syntax, containment and overlap.
struct Cidr {
    std::uint32_t address = 0; ///< network address, host bits zero
    int prefix = 0;

    /// Parses "a.b.c.d/n". Fails (nullopt, with the reason in `why`) on bad syntax and on host bits
    /// set, naming the network the user probably meant.
    static std::optional<Cidr> parse(const QString &text, QString *why = nullptr);
    static std::optional<std::uint32_t> parseAddress(const QString &text);

    std::uint32_t first() const { return address; }
    std::uint32_t last() const;
    std::uint64_t size() const { return std::uint64_t(1) << (32 - prefix); }
    bool contains(const Cidr &other) const;
    bool contains(std::uint32_t ip) const { return ip >= first() && ip <= last(); }
    bool overlaps(const Cidr &other) const;
    QString toString() const;
    static QString addressToString(std::uint32_t address);
};

} // namespace studio::cloud
