// SPDX-License-Identifier: GPL-2.0-or-later
#include "admission.h"

#include "devicerangereader.h"
#include "helperprotocol.h"
#include "mappingname.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QSet>

namespace Volmap {

namespace {

TableLimits admissionLimits()
{
    TableLimits limits;
    limits.maxSegments = Admission::MaxSegments;
    limits.maxTextLength = Admission::MaxTableText;
    limits.maxIssues = Admission::MaxReportedIssues;
    limits.maxFieldsPerLine = Admission::MaxFieldsPerLine;
    return limits;
}

} // namespace

QString boundedMessage(const QString &message)
{
    if (message.size() <= Admission::MaxMessageLength) {
        return message;
    }
    return message.first(Admission::MaxMessageLength - 3) + QStringLiteral("...");
}

QString invalidTableMessage(const TableIssues &issues)
{
    QStringList lines;
    for (qsizetype i = 0; i < issues.size() && i <= Admission::MaxReportedIssues; ++i) {
        lines.append(issues[i].toString());
    }
    return boundedMessage(QStringLiteral("invalid table: ") + lines.join(QStringLiteral("; ")));
}

Outcome<CallOptions> admitOptions(const QVariantMap &options, const QStringList &allowed)
{
    CallOptions parsed;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const QString &key = it.key();
        if (key != HelperProtocol::Option::interactive() && !allowed.contains(key)) {
            return fail(invalidArgument(QStringLiteral("unknown option %1").arg(quotedInput(key))));
        }
        if (it.value().metaType().id() != QMetaType::Bool) {
            return fail(invalidArgument(QStringLiteral("option '%1' must be a boolean").arg(key)));
        }
        const bool value = it.value().toBool();
        if (key == HelperProtocol::Option::interactive()) {
            parsed.interactive = value;
        } else if (key == HelperProtocol::Option::readOnly()) {
            parsed.readOnly = value;
        } else if (key == HelperProtocol::Option::deferred()) {
            parsed.deferred = value;
        }
    }
    return parsed;
}

Outcome<Done> admitName(const QString &name)
{
    if (const auto checked = checkMappingName(name); !checked) {
        return fail(invalidArgument(checked.error()));
    }
    return Done{};
}

Outcome<AdmittedTable> admitTable(QStringView text)
{
    const TableLimits limits = admissionLimits();
    if (text.size() > limits.maxTextLength) {
        return fail(invalidArgument(
            QStringLiteral("invalid table: the text is %1 characters long; at most %2 are allowed")
                .arg(text.size())
                .arg(limits.maxTextLength)));
    }
    ParsedTable parsed = parseTable(text, limits);
    if (!parsed.ok()) {
        return fail(invalidArgument(invalidTableMessage(parsed.issues)));
    }
    // Grammar and layout only: no resolver, so nothing is looked up.
    if (const TableIssues issues = validateTable(parsed.table, {}, limits); !issues.isEmpty()) {
        return fail(invalidArgument(invalidTableMessage(issues)));
    }
    AdmittedTable admitted;
    DeviceRangeReader ranges;
    QSet<QString> seen;
    QString lastDevice; // as written: a run of segments on one device costs one lookup
    for (const Segment &segment : std::as_const(parsed.table.segments)) {
        admitted.usesBasicTarget |= segment.target == HelperProtocol::BasicTargetName;
        // The grammar passed: a segment with arguments maps the device in the first.
        if (!lastDevice.isNull() && !segment.args.isEmpty() && segment.args[0] == lastDevice) {
            continue;
        }
        const auto range = ranges.rangeOf(segment);
        if (!range) {
            continue;
        }
        lastDevice = segment.args[0];
        const QString key = range->device.toString();
        if (seen.contains(key)) {
            continue;
        }
        if (seen.size() == Admission::MaxDistinctDevices) {
            return fail(
                invalidArgument(QStringLiteral("invalid table: it names more than %1 different devices")
                                    .arg(Admission::MaxDistinctDevices)));
        }
        seen.insert(key);
        admitted.devices.append(range->device);
    }
    admitted.table = std::move(parsed.table);
    return admitted;
}

} // namespace Volmap
