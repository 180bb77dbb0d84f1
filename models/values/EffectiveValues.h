// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "values/ValueNode.h"
#include "yaml/YamlDocument.h"

#include <QList>

namespace studio {

/// One file of a values layering and its parsed text.
struct ValuesLayer {
    QString file; ///< relative to the workspace root
    yaml::YamlDocument document;
};

/// An environment's effective Helm values: values.yaml merged with values-<env>.yaml the way Helm
/// does it (maps merge, lists and scalars replace, null deletes), every value keeping the file and
/// line it was written on.
class EffectiveValues
{
public:
    static EffectiveValues merge(const QList<ValuesLayer> &layers);

    const ValueNode &root() const { return m_root; }
    /// Problems with the layers themselves (a values file that is not a mapping, …).
    const Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    ValueNode m_root;
    Diagnostics m_diagnostics;
};

} // namespace studio
