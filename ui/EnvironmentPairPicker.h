// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;

namespace studio {

/// "<from> → <to>" environment choosers, defaulting to the last step of the promotion order
/// (staging → prod) and keeping the choice when the environments are listed again.
class EnvironmentPairPicker : public QWidget
{
    Q_OBJECT

public:
    EnvironmentPairPicker(const QString &fromLabel, const QString &toLabel, QWidget *parent = nullptr);

    /// Lists `names` (in promotion order) without emitting pairChanged.
    void setEnvironments(const QStringList &names);
    /// Chooses a pair without emitting pairChanged.
    void setPair(const QString &from, const QString &to);
    QString from() const;
    QString to() const;

signals:
    void pairChanged();

private:
    QComboBox *m_from;
    QComboBox *m_to;
};

} // namespace studio
