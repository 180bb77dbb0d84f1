// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>
#include <vector>

namespace studio::cloud {

/// The inside of an HCL quoted template for a literal text: backslashes, quotes and control
/// characters escaped, and "${" / "%{" doubled so no user text can open an interpolation or a
/// directive. Everything user-typed passes through here; nothing else reaches the output raw.
QString hclEscape(const QString &literal);
/// hclEscape() in double quotes: a string literal.
QString hclQuoted(const QString &literal);

/// A value on the right of an HCL attribute.
class HclValue
{
public:
    static HclValue string(const QString &text);
    static HclValue number(qint64 value);
    static HclValue boolean(bool value);
    /// Code the generator writes itself (references, function calls, for expressions). Never pass
    /// user text here: quote it with hclQuoted() when it is part of an expression.
    static HclValue expression(const QString &code);
    static HclValue list(QList<HclValue> items);
    static HclValue stringList(const QStringList &items);
    static HclValue object(QList<std::pair<QString, HclValue>> entries);
    /// `{ for ... : key => { body } }`: `clause` is the generator's "for k, v in X : k =>" part.
    static HclValue forObject(const QString &clause, HclValue body);

    bool isMultiline() const;
    /// The value as it follows "name = ", continuation lines indented by `indent` spaces.
    QString render(int indent) const;

private:
    enum class Kind { Scalar, List, Object, For };
    Kind m_kind = Kind::Scalar;
    QString m_code;
    QList<HclValue> m_items;
    QList<std::pair<QString, HclValue>> m_entries;
};

/// The body of an HCL file or block, rendered as `terraform fmt` would: two-space indentation,
/// the "=" of consecutive single-line attributes aligned, one blank line between top-level blocks.
class HclBody
{
public:
    HclBody();
    ~HclBody();
    HclBody(HclBody &&) noexcept;
    HclBody &operator=(HclBody &&) noexcept;

    HclBody &attribute(const QString &name, HclValue value);
    /// Appends a nested block and returns its body to fill.
    HclBody &block(const QString &type, const QStringList &labels = {});
    HclBody &blankLine();
    HclBody &comment(const QString &text);

    bool isEmpty() const { return m_items.empty(); }
    /// The whole file (indent 0) or a block's inside.
    QString render(int indent = 0) const;

private:
    struct Item;
    std::vector<Item> m_items;
};

/// Renders `entries` as aligned "name = value" lines (terraform.tfvars, object bodies).
QString renderAlignedAttributes(const QList<std::pair<QString, HclValue>> &entries, int indent);

} // namespace studio::cloud
