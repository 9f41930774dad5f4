// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clienterrortable.h"
#include "helperbusnames.h"
#include "helpererrornames.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

/*
 * Names shared by the helper and its clients: the D-Bus service, the
 * named errors, the polkit actions, the keys of every dictionary that
 * crosses the bus and the types they describe. Both sides build and read
 * those dictionaries here only, so a key is spelt once. The contract
 * itself is resources/dbus/org.volmap.Helper1.xml.
 */
namespace Volmap::HelperProtocol {

// Spelt in helperbusnames.h, as the options below that volmapctl's plain commands send.
inline QString serviceName()
{
    return QString::fromLatin1(HelperBusName::Service);
}
inline QString objectPath()
{
    return QString::fromLatin1(HelperBusName::ObjectPath);
}
inline QString interfaceName()
{
    return QString::fromLatin1(HelperBusName::Interface);
}

/* The project's own device-mapper target. */
inline constexpr QStringView BasicTargetName = u"basic_target";

namespace Error {
// Spelt in helpererrornames.h, which volmapctl's plain commands read without Qt.
inline QString notAuthorized()
{
    return QString::fromLatin1(HelperErrorName::NotAuthorized);
}
inline QString dismissed()
{
    return QString::fromLatin1(HelperErrorName::Dismissed);
}
inline QString noAuthenticationAgent()
{
    return QString::fromLatin1(HelperErrorName::NoAuthenticationAgent);
}
inline QString invalidArgument()
{
    return QString::fromLatin1(HelperErrorName::InvalidArgument);
}
inline QString notFound()
{
    return QString::fromLatin1(HelperErrorName::NotFound);
}
inline QString exists()
{
    return QString::fromLatin1(HelperErrorName::Exists);
}
inline QString busy()
{
    return QString::fromLatin1(HelperErrorName::Busy);
}
inline QString deviceInUse()
{
    return QString::fromLatin1(HelperErrorName::DeviceInUse);
}
inline QString readOnlyDevice()
{
    return QString::fromLatin1(HelperErrorName::ReadOnlyDevice);
}
inline QString overlap()
{
    return QString::fromLatin1(HelperErrorName::Overlap);
}
inline QString kernelUnsupported()
{
    return QString::fromLatin1(HelperErrorName::KernelUnsupported);
}
inline QString moduleUnavailable()
{
    return QString::fromLatin1(HelperErrorName::ModuleUnavailable);
}
inline QString failed()
{
    return QString::fromLatin1(HelperErrorName::Failed);
}
inline QString limitsExceeded()
{
    return QString::fromLatin1(HelperErrorName::LimitsExceeded);
}
inline QString noStableIdentity()
{
    return QString::fromLatin1(HelperErrorName::NoStableIdentity);
}

/* Every name above: the contract documents each (tests/tst_helperprotocol.cpp checks). */
inline QStringList all()
{
    QStringList names;
    for (const HelperErrorMeaning &error : helperErrors()) {
        names.append(QString::fromLatin1(error.name));
    }
    return names;
}
} // namespace Error

/* Keys of the ListMappings, GetStatus and ListSavedMappings entries. */
namespace Key {
inline QString name()
{
    return QStringLiteral("name");
}
inline QString uuid()
{
    return QStringLiteral("uuid");
}
// Not major()/minor(): glibc defines those as macros.
inline QString majorNumber()
{
    return QStringLiteral("major");
}
inline QString minorNumber()
{
    return QStringLiteral("minor");
}
inline QString openCount()
{
    return QStringLiteral("open-count");
}
inline QString suspended()
{
    return QStringLiteral("suspended");
}
inline QString readOnly()
{
    return QStringLiteral("read-only");
}
inline QString createdByVolmap()
{
    return QStringLiteral("created-by-volmap");
}
inline QString deferredRemove()
{
    return QStringLiteral("deferred-remove");
}
inline QString liveTable()
{
    return QStringLiteral("live-table");
}
inline QString targets()
{
    return QStringLiteral("targets");
}
inline QString segmentCount()
{
    return QStringLiteral("segment-count");
}
inline QString length()
{
    return QStringLiteral("length");
}
inline QString start()
{
    return QStringLiteral("start");
}
inline QString target()
{
    return QStringLiteral("target");
}
inline QString status()
{
    return QStringLiteral("status");
}
inline QString reads()
{
    return QStringLiteral("reads");
}
inline QString writes()
{
    return QStringLiteral("writes");
}
inline QString readSectors()
{
    return QStringLiteral("read-sectors");
}
inline QString writeSectors()
{
    return QStringLiteral("write-sectors");
}
inline QString flushes()
{
    return QStringLiteral("flushes");
}
inline QString discards()
{
    return QStringLiteral("discards");
}
inline QString errors()
{
    return QStringLiteral("errors");
}
inline QString state()
{
    return QStringLiteral("state");
}
inline QString reason()
{
    return QStringLiteral("reason");
}
} // namespace Key

/* Keys of GetCapabilities' dictionary. */
namespace Capability {
inline QString helperVersion()
{
    return QStringLiteral("helper-version");
}
inline QString kernelRelease()
{
    return QStringLiteral("kernel-release");
}
inline QString deviceMapper()
{
    return QStringLiteral("device-mapper");
}
inline QString driverVersion()
{
    return QStringLiteral("driver-version");
}
inline QString targets()
{
    return QStringLiteral("targets");
}
inline QString basicTargetLoaded()
{
    return QStringLiteral("basic-target-loaded");
}
inline QString basicTargetAvailable()
{
    return QStringLiteral("basic-target-available");
}
} // namespace Capability

/* Keys of the `options` every method takes. */
namespace Option {
inline QString interactive()
{
    return QString::fromLatin1(HelperOptionName::Interactive);
}
inline QString readOnly()
{
    return QString::fromLatin1(HelperOptionName::ReadOnly);
}
inline QString persistent()
{
    return QString::fromLatin1(HelperOptionName::Persistent);
}
inline QString deferred()
{
    return QString::fromLatin1(HelperOptionName::Deferred);
}
inline QString keepDefinition()
{
    return QString::fromLatin1(HelperOptionName::KeepDefinition);
}
/* CreateMapping and ReloadMapping: the table in a sealed memfd (h), the `table` argument empty. */
inline QString tableFd()
{
    return QStringLiteral("table-fd");
}
} // namespace Option

namespace Action {
inline QString create()
{
    return QStringLiteral("org.volmap.helper.create");
}
inline QString reload()
{
    return QStringLiteral("org.volmap.helper.reload");
}
inline QString remove()
{
    return QStringLiteral("org.volmap.helper.remove");
}
inline QString loadModule()
{
    return QStringLiteral("org.volmap.helper.load-module");
}
inline QString read()
{
    return QStringLiteral("org.volmap.helper.read");
}
inline QString resetCounters()
{
    return QStringLiteral("org.volmap.helper.reset-counters");
}
inline QString resetCountersOfOthers()
{
    return QStringLiteral("org.volmap.helper.reset-counters-other-user");
}
inline QString manageForeign()
{
    return QStringLiteral("org.volmap.helper.manage-foreign");
}
inline QString persist()
{
    return QStringLiteral("org.volmap.helper.persist");
}
} // namespace Action

} // namespace Volmap::HelperProtocol

namespace Volmap {

/*
 * What the kernel says of a mapping without reading its table: the part
 * the helper's backend state (MappingState) and a ListMappings entry share.
 */
struct MappingInfo
{
    QString name;
    QString uuid;
    quint32 major = 0;
    quint32 minor = 0;
    int openCount = 0;
    bool suspended = false;
    bool readOnly = false;
    bool deferredRemove = false;
    bool liveTable = false;

    bool operator==(const MappingInfo &) const = default;
};

/* One entry of ListMappings: the info plus what the helper makes of the table. */
struct MappingSummary : MappingInfo
{
    bool createdByVolmap = false;
    QStringList targets;
    quint32 segmentCount = 0;
    quint64 length = 0; // sectors

    static MappingSummary fromMap(const QVariantMap &map);
    QVariantMap toMap() const;
    bool operator==(const MappingSummary &) const = default;
};

/* One segment of GetStatus; counters only for basic_target. */
struct SegmentStatus
{
    quint64 start = 0;
    quint64 length = 0;
    QString target;
    QString status;
    bool hasCounters = false;
    quint64 reads = 0;
    quint64 writes = 0;
    quint64 readSectors = 0;
    quint64 writeSectors = 0;
    quint64 flushes = 0;
    quint64 discards = 0;
    std::optional<quint64> errors; // basic_target 1.1 and later

    static SegmentStatus fromMap(const QVariantMap &map);
    QVariantMap toMap() const;
    bool operator==(const SegmentStatus &) const = default;
};

/* One entry of ListSavedMappings: a saved definition and what became of it. */
struct SavedMappingState
{
    QString name;
    QString state; // assembled, waiting or refused
    QString reason;

    static SavedMappingState fromMap(const QVariantMap &map);
    QVariantMap toMap() const;
    bool operator==(const SavedMappingState &) const = default;
};

} // namespace Volmap
