// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace studio::cloud {

/// One line of a monthly estimate: what is billed, how the figure was reached, and how sure it is.
struct CostLine {
    QString item;          ///< "EKS control plane", "node pool general (3 × m6i.large)"
    QString priceKey;      ///< the pricing table entry, e.g. "aws/ec2/m6i.large"
    double monthlyUsd = 0;
    QString source;
    QString date;
    QString status;        ///< confirmed, secondary, derived, unconfirmed, or missing (no price in the table)
};

struct CostEstimate {
    QList<CostLine> lines;
    double totalMonthlyUsd() const;
    bool hasUnconfirmed() const; ///< whether any line is unconfirmed or missing
};

/// The pricing table of resources/pricing/prices.yaml: on-demand prices, each with source, date and status.
class PricingTable
{
public:
    static constexpr double kHoursPerMonth = 730.0;

    struct Price {
        double usdPerHour = 0;
        QString source;
        QString date;
        QString status;
    };

    /// The table compiled into the program.
    static const PricingTable &builtIn();
    /// Parses a prices YAML text; `file` names it in errors.
    static Result<PricingTable> parse(const QString &yaml, const QString &file);

    const Price *find(const QString &key) const;
    /// A line for `quantity` units running all month at the price of `key`; status "missing" with
    /// no figure when the table has no price for it.
    CostLine monthly(const QString &item, const QString &key, double quantity = 1) const;

private:
    QHash<QString, Price> m_prices;
};

} // namespace studio::cloud
