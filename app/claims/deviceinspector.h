// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "blockdeviceresolver.h"
#include "deviceclaims.h"
#include "foreignsignature.h"

#include <QString>

#include <functional>

namespace Volmap {

/*
 * Looks at block devices as root sees them: resolves table references to
 * real block devices and lists what already uses them (mounts, swap, md)
 * and which of them are read-only.
 * Device-mapper's own users come from the MappingBackend instead.
 */
class DeviceInspector
{
public:
    virtual ~DeviceInspector() = default;
    virtual Result<ResolvedDevice, QString> resolve(const DeviceReference &reference) = 0;
    virtual QList<DeviceClaim> systemClaims() = 0;
    /* Whether `device` is `on` or is built on it, through any depth of stacking. */
    virtual bool dependsOn(DeviceNumber device, DeviceNumber on) = 0;
    /*
     * Foreign claims (DeviceClaim::Kind::Foreign) on the given whole disks:
     * for each disk and each of its partitions that carries a foreign
     * owner's signature, could not be probed, or is held by a dm device
     * Volume Mapper did not create, a claim over that device's whole extent.
     */
    virtual QList<DeviceClaim> foreignClaims(const QList<DeviceNumber> &disks) = 0;
};

/*
 * The real inspector: BlockDeviceResolver for references, /proc for mounts
 * and swap, sysfs for read-only flags, for md and other non-dm holders and for dm holders of
 * foreign devices, libblkid for foreign signatures. `root` prefixes every
 * path so tests can point it at a fake tree ("" on a real system); the
 * tests also swap the signature probe, which reads real devices, for
 * answers of their own.
 */
class SystemDeviceInspector final : public DeviceInspector
{
public:
    /* Probes device node `node` (already prefixed with root), expected to be `number`. */
    using SignatureProbe = std::function<ForeignSignature(const QString &node, DeviceNumber number)>;

    explicit SystemDeviceInspector(const QString &root = QString(), SignatureProbe probe = probeBlockDevice);

    Result<ResolvedDevice, QString> resolve(const DeviceReference &reference) override;
    QList<DeviceClaim> systemClaims() override;
    bool dependsOn(DeviceNumber device, DeviceNumber on) override;
    QList<DeviceClaim> foreignClaims(const QList<DeviceNumber> &disks) override;
    /* The devices `device` is built on directly, from its slaves/ folder in sysfs. */
    QList<DeviceNumber> dependenciesOf(DeviceNumber device) const;

private:
    void addClaim(QList<DeviceClaim> &claims, DeviceNumber number, const QString &description,
                  DeviceClaim::Kind kind = DeviceClaim::Kind::InUse);
    void addForeignClaims(QList<DeviceClaim> &claims, DeviceNumber number);
    ForeignSignature probeSignature(const QString &kernelName, DeviceNumber number);

    QString m_root;
    BlockDeviceResolver m_resolver;
    SignatureProbe m_probe;
};

} // namespace Volmap
