// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "devicereference.h"
#include "helperprotocol.h"
#include "outcome.h"
#include "segment.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace Volmap {

/* What the kernel reports for one segment: table or status parameters. */
struct KernelSegment
{
    quint64 start = 0;
    quint64 length = 0;
    QString target;
    QString parameters;
};

/* A mapping as the backend reads it: its info (as ListMappings sends it) and, if read, its table. */
struct MappingState : MappingInfo
{
    QList<KernelSegment> table;       // live table, devices as major:minor
    QList<DeviceNumber> dependencies; // devices the live table uses
};

/*
 * The device-mapper operations the helper performs. The real one speaks
 * libdevmapper to the kernel; tests use a fake. Tables arrive validated,
 * with every device already written as major:minor.
 */
class MappingBackend
{
public:
    virtual ~MappingBackend() = default;

    /* The ioctl interface version; KernelUnsupported without device-mapper. */
    virtual Outcome<QString> driverVersion() = 0;
    virtual Outcome<QMap<QString, QString>> targetVersions() = 0;
    virtual Outcome<QStringList> mappingNames() = 0;
    /* Name, uuid, numbers and flags only: no table is read. NotFound when there is no such mapping. */
    virtual Outcome<MappingState> info(const QString &name) = 0;
    /* info() plus the live table (secrets replaced, see tablesecrets.h) and dependencies. */
    virtual Outcome<MappingState> mapping(const QString &name) = 0;
    virtual Outcome<QList<KernelSegment>> status(const QString &name) = 0;

    /* Exists, or the mapping live; on failure nothing is left behind. */
    virtual Outcome<QString> create(const QString &name, const QString &uuid, const MappingTable &table,
                                    bool readOnly) = 0;
    /* The new table live, or the old one still (or again) live. */
    virtual Outcome<Done> reload(const QString &name, const MappingTable &table) = 0;
    /* DeviceInUse while open unless deferred. */
    virtual Outcome<Done> remove(const QString &name, bool deferred) = 0;
    virtual Outcome<Done> sendMessage(const QString &name, quint64 sector, const QString &message) = 0;
};

} // namespace Volmap
