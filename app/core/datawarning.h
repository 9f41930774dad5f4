// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "deviceuse.h"
#include "rangesignature.h"
#include "rangesignatureprobe.h"

#include <QList>
#include <QStringList>

namespace Volmap {

/* One backing range of a table and what it holds now. */
struct RangeData
{
    DeviceUse use;
    RangeSignature signature;
};

/* Where each backing range of `table` is, for probing; nullopt for a range whose device does not resolve. */
QList<std::optional<ProbeTarget>> probeTargetsOf(const QString &root, const MappingTable &table);

/* Pairs each backing range with its probe result (same order as deviceUsesOf()). */
QList<RangeData> rangeDataOf(const MappingTable &table, const QList<RangeSignature> &signatures);

/*
 * Probes every backing range of `table` at once, blocking: for volmapctl,
 * which has no window to keep responsive. The app uses RangeSignatureProbe.
 */
QList<RangeData> probeTableRanges(const QString &root, const MappingTable &table);

/*
 * The same through `probe`, off the calling thread: `done` runs (on the
 * probe's thread) once every range has an answer or `timeoutMs` passed
 * (see RangeSignatureProbe::probeAll()), unless `context` is gone.
 */
void probeTableRangesAsync(RangeSignatureProbe *probe, const QString &root, const MappingTable &table,
                           QObject *context, std::function<void(const QList<RangeData> &)> done,
                           int timeoutMs = 10000);

/* The ranges of `data` not inside a range `old` uses on the same device: a reload's new ranges. */
QList<RangeData> rangesNewTo(const QList<RangeData> &data, const MappingTable &old);

/* True when a range holds somebody's data: creating over it needs explicit consent. */
bool anyHoldsData(const QList<RangeData> &data);

/* One line per range: "/dev/sdb: 1 GiB from 0 B (sectors 0–2097151), linear: ext4 filesystem …". */
QStringList describeRangeData(const QList<RangeData> &data);

} // namespace Volmap
