// SPDX-License-Identifier: MIT
#include "EnvironmentPairPicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace studio {

EnvironmentPairPicker::EnvironmentPairPicker(const QString &fromLabel, const QString &toLabel, QWidget *parent)
    : QWidget(parent)
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
{
    m_from->setObjectName(QStringLiteral("fromEnvironment"));
    m_to->setObjectName(QStringLiteral("toEnvironment"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(fromLabel, this));
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(toLabel, this));
    layout->addWidget(m_to);
    connect(m_from, &QComboBox::currentIndexChanged, this, &EnvironmentPairPicker::pairChanged);
    connect(m_to, &QComboBox::currentIndexChanged, this, &EnvironmentPairPicker::pairChanged);
}

void EnvironmentPairPicker::setEnvironments(const QStringList &names)
{
    const QString from = m_from->currentText();
    const QString to = m_to->currentText();
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->clear();
    m_to->clear();
    m_from->addItems(names);
    m_to->addItems(names);
    m_from->setCurrentIndex(names.contains(from) ? int(names.indexOf(from)) : qMax(0, int(names.size()) - 2));
    m_to->setCurrentIndex(names.contains(to) ? int(names.indexOf(to)) : qMax(0, int(names.size()) - 1));
}

void EnvironmentPairPicker::setPair(const QString &from, const QString &to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setCurrentText(from);
    m_to->setCurrentText(to);
}

QString EnvironmentPairPicker::from() const
{
    return m_from->currentText();
}

QString EnvironmentPairPicker::to() const
{
    return m_to->currentText();
}

} // namespace studio
