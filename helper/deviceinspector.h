#pragma once

#include "blockdeviceresolver.h"
#include "deviceclaims.h"

#include <QString>

#include <variant>

namespace Volmap {

/*
 * Looks at block devices as root sees them: resolves table references to
 * real block devices and lists what already uses them (mounts, swap, md).
 * Device-mapper's own users come from the MappingBackend instead.
 */
class DeviceInspector
{
public:
    virtual ~DeviceInspector() = default;
    virtual std::variant<ResolvedDevice, QString> resolve(const DeviceReference &reference) = 0;
    virtual QList<DeviceClaim> systemClaims() = 0;
    /* Whether `device` is `on` or is built on it, through any depth of stacking. */
    virtual bool dependsOn(DeviceNumber device, DeviceNumber on) = 0;
};

/*
 * The real inspector: BlockDeviceResolver for references, /proc for mounts
 * and swap, sysfs for md and other non-dm holders. `root` prefixes every
 * path so tests can point it at a fake tree ("" on a real system).
 */
class SystemDeviceInspector final : public DeviceInspector
{
public:
    explicit SystemDeviceInspector(const QString &root = QString());

    std::variant<ResolvedDevice, QString> resolve(const DeviceReference &reference) override;
    QList<DeviceClaim> systemClaims() override;
    bool dependsOn(DeviceNumber device, DeviceNumber on) override;

private:
    void addClaim(QList<DeviceClaim> &claims, DeviceNumber number, const QString &description);

    QString m_root;
    BlockDeviceResolver m_resolver;
};

} // namespace Volmap
