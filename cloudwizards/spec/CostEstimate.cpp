// SPDX-License-Identifier: MIT
#include "spec/CostEstimate.h"

#include "yaml/YamlDocument.h"

#include <QFile>

namespace studio::cloud {

double CostEstimate::totalMonthlyUsd() const
{
    double total = 0;
    for (const CostLine &line : lines)
        total += line.monthlyUsd;
    return total;
}

bool CostEstimate::hasUnconfirmed() const
{
    for (const CostLine &line : lines)
        if (line.status == u"unconfirmed" || line.status == u"missing")
            return true;
    return false;
}

Result<PricingTable> PricingTable::parse(const QString &text, const QString &file)
{
    const yaml::YamlDocument doc = yaml::YamlDocument::parse(text);
    if (doc.hasErrors() || doc.documents().empty())
        return Result<PricingTable>::failure(Error::Code::Parse, QStringLiteral("%1 is not valid YAML").arg(file));
    const yaml::YamlNode *prices = doc.documents().front()->value(u"prices");
    if (!prices || !prices->isSequence())
        return Result<PricingTable>::failure(Error::Code::Parse, QStringLiteral("%1 has no 'prices' list").arg(file));
    PricingTable table;
    for (const yaml::YamlNode *entry : prices->resolved()->items) {
        const auto field = [entry](QStringView key) {
            const yaml::YamlNode *n = entry->isMapping() ? entry->value(key) : nullptr;
            return n && n->isScalar() ? n->resolved()->scalar() : QString();
        };
        bool ok = false;
        const double usd = field(u"usdPerHour").toDouble(&ok);
        const QString key = field(u"key");
        const QString status = field(u"status");
        if (key.isEmpty() || !ok || field(u"source").isEmpty() || field(u"date").isEmpty()
            || !QStringList{QStringLiteral("confirmed"), QStringLiteral("secondary"), QStringLiteral("derived"),
                            QStringLiteral("unconfirmed")}.contains(status))
            return Result<PricingTable>::failure(
                Error::Code::Parse,
                QStringLiteral("%1:%2: each price needs key, usdPerHour, source, date and a status "
                               "(confirmed, secondary, derived or unconfirmed)").arg(file).arg(entry->span.start.line));
        table.m_prices.insert(key, Price{usd, field(u"source"), field(u"date"), status});
    }
    return table;
}

const PricingTable &PricingTable::builtIn()
{
    static const PricingTable table = [] {
        QFile file(QStringLiteral(":/pricing/prices.yaml"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the built-in pricing table :/pricing/prices.yaml is missing from the program");
        auto parsed = parse(QString::fromUtf8(file.readAll()), QStringLiteral("resources/pricing/prices.yaml"));
        if (!parsed)
            qFatal("%s", qPrintable(parsed.errorMessage()));
        return std::move(parsed).value();
    }();
    return table;
}

const PricingTable::Price *PricingTable::find(const QString &key) const
{
    const auto it = m_prices.constFind(key);
    return it == m_prices.constEnd() ? nullptr : &it.value();
}

CostLine PricingTable::monthly(const QString &item, const QString &key, double quantity) const
{
    CostLine line;
    line.item = item;
    line.priceKey = key;
    const Price *price = find(key);
    if (!price) {
        line.status = QStringLiteral("missing");
        line.source = QStringLiteral("no price for %1 in resources/pricing/prices.yaml").arg(key);
        return line;
    }
    line.monthlyUsd = price->usdPerHour * kHoursPerMonth * quantity;
    line.source = price->source;
    line.date = price->date;
    line.status = price->status;
    return line;
}

} // namespace studio::cloud
