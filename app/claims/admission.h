// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"
#include "helperbusnames.h"
#include "outcome.h"
#include "segment.h"

#include <QStringList>
#include <QVariantMap>

namespace Volmap {

/*
 * What the helper checks before it asks polkit: only what is cheap and
 * bounded in the size of the call, and touches nothing on the system. A
 * caller polkit will refuse can make the helper do no more than this.
 */
namespace Admission {

/* The largest table text accepted, in characters (a 100 000-segment table needs about 4 MiB). */
inline constexpr qsizetype MaxTableText = 8 * 1024 * 1024;
/*
 * The longest table text read before polkit is asked (about 1500 segments):
 * reading it costs a caller polkit refuses little. A longer table is read
 * only once polkit allows the caller the verb, off the event loop thread.
 */
inline constexpr qsizetype MaxTextReadBeforeAuthorization = qsizetype(HelperTableText::MaxInCall);
inline constexpr qsizetype MaxSegments = 100000;
/* Distinct device references one table may name: each is resolved before polkit is asked about them. */
inline constexpr qsizetype MaxDistinctDevices = 1024;
/* Fields of one line: "<start> <length> <target> <device> <offset>" has five. */
inline constexpr qsizetype MaxFieldsPerLine = 8;
/* Problems listed in one reply; the rest are counted. */
inline constexpr qsizetype MaxReportedIssues = 20;
/* The longest message the helper sends or logs. */
inline constexpr qsizetype MaxMessageLength = 4096;

} // namespace Admission

struct CallOptions
{
    bool interactive = true;
    bool readOnly = false;
    bool deferred = false;
};

/* A table that passed admission: syntax and grammar, devices not yet looked at. */
struct AdmittedTable
{
    MappingTable table;
    QList<DeviceReference> devices; // distinct, in order of first use
    bool usesBasicTarget = false;
};

/* `interactive` plus the `allowed` keys, each a boolean; anything else is InvalidArgument. */
Outcome<CallOptions> admitOptions(const QVariantMap &options, const QStringList &allowed);
Outcome<Done> admitName(const QString &name);
/* Size, segment count, syntax, grammar and the number of devices. */
Outcome<AdmittedTable> admitTable(QStringView text);

/* "invalid table: line 3: ...; line 9: ..." from at most MaxReportedIssues issues, at most MaxMessageLength
 * long. */
QString invalidTableMessage(const TableIssues &issues);
/* `message` cut to MaxMessageLength characters. */
QString boundedMessage(const QString &message);

} // namespace Volmap
