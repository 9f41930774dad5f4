// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "mappingbackend.h"

namespace Volmap {

/*
 * MappingBackend on libdevmapper ioctls. With udev running, node changes
 * are synchronised through udev cookies; without udev (containers, the
 * test VM) libdevmapper creates and removes /dev/mapper nodes itself.
 */
class LibDevmapperBackend final : public MappingBackend
{
public:
    LibDevmapperBackend();

    Outcome<QString> driverVersion() override;
    Outcome<QMap<QString, QString>> targetVersions() override;
    Outcome<QStringList> mappingNames() override;
    Outcome<MappingState> info(const QString &name) override;
    Outcome<MappingState> mapping(const QString &name) override;
    Outcome<QList<KernelSegment>> status(const QString &name) override;
    Outcome<QString> create(const QString &name, const QString &uuid, const MappingTable &table,
                            bool readOnly) override;
    Outcome<Done> reload(const QString &name, const MappingTable &table) override;
    Outcome<Done> remove(const QString &name, bool deferred) override;
    Outcome<Done> sendMessage(const QString &name, quint64 sector, const QString &message) override;
};

} // namespace Volmap
