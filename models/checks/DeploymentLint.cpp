// SPDX-License-Identifier: MIT
#include "checks/DeploymentLint.h"

namespace studio {

using yaml::YamlNode;

namespace {

Diagnostic latestTag(const QString &file, int line, int column, const QString &what, const QString &environment)
{
    Diagnostic d;
    d.file = file;
    d.line = line;
    d.column = column;
    d.severity = Severity::Warning;
    d.rule = QStringLiteral("latest-tag");
    d.environment = environment;
    d.message = QStringLiteral("%1: a moving tag deploys whatever was pushed last and cannot be rolled back; pin a "
                               "version")
                    .arg(what);
    return d;
}

void lintContainers(const YamlNode *podSpec, const QString &file, Diagnostics &out)
{
    if (!podSpec)
        return;
    for (const char *list : {"containers", "initContainers"}) {
        const YamlNode *containers = podSpec->value(QString::fromLatin1(list));
        if (!containers || !containers->isSequence())
            continue;
        for (const YamlNode *container : containers->resolved()->items) {
            const YamlNode *image = container->value(u"image");
            if (!image || !image->isScalar())
                continue;
            const QString ref = image->scalar();
            if (ref.contains(u'@'))
                continue; // pinned by digest
            const qsizetype slash = ref.lastIndexOf(u'/');
            const qsizetype colon = ref.lastIndexOf(u':');
            const QString tag = colon > slash ? ref.mid(colon + 1) : QString();
            if (tag.isEmpty() || tag == u"latest")
                out << latestTag(file, image->span.start.line, image->span.start.column,
                                 tag.isEmpty() ? QStringLiteral("image '%1' has no tag").arg(ref)
                                               : QStringLiteral("image '%1' uses the 'latest' tag").arg(ref),
                                 QString());
        }
    }
}

} // namespace

Diagnostics DeploymentLint::lintManifest(const YamlNode *root, const QString &file)
{
    Diagnostics out;
    const YamlNode *kind = root->value(u"kind");
    if (!kind)
        return out;
    const QString k = kind->scalar();
    const YamlNode *spec = root->value(u"spec");
    if (!spec)
        return out;
    if (k == u"Pod") {
        lintContainers(spec, file, out);
    } else if (k == u"Deployment" || k == u"StatefulSet" || k == u"DaemonSet" || k == u"Job"
               || k == u"ReplicaSet") {
        if (const YamlNode *tmpl = spec->value(u"template"))
            lintContainers(tmpl->value(u"spec"), file, out);
    } else if (k == u"CronJob") {
        if (const YamlNode *job = spec->value(u"jobTemplate"); job && job->value(u"spec")) {
            if (const YamlNode *tmpl = job->value(u"spec")->value(u"template"))
                lintContainers(tmpl->value(u"spec"), file, out);
        }
    }
    return out;
}

Diagnostics DeploymentLint::lintValues(const ValueNode &root, const QString &environment)
{
    Diagnostics out;
    const ValueNode *image = root.member(u"image");
    if (!image || image->kind != ValueNode::Kind::Map)
        return out;
    const ValueNode *tag = image->member(u"tag");
    if (tag && tag->kind == ValueNode::Kind::Scalar && tag->text == u"latest")
        out << latestTag(tag->origin.file, tag->origin.line, tag->origin.column,
                         QStringLiteral("image.tag is 'latest' in %1").arg(environment), environment);
    return out;
}

} // namespace studio
