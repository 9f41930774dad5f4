#pragma once

#include "deviceclaims.h"
#include "tablevalidator.h"

#include <QString>

#include <variant>

namespace Volmap {

struct ResolvedDevice
{
    BlockDeviceGeometry geometry;
    DeviceNumber disk;        // the whole disk; == geometry.number for a disk
    quint64 startOnDisk = 0;  // a partition's first sector on its disk
};

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
};

/*
 * The real inspector: stat() for paths, sysfs for sizes and partitions,
 * /proc for mounts and swap. `root` prefixes /sys, /proc and /dev lookups
 * of names so tests can point it at a fake tree ("" on a real system).
 */
class SystemDeviceInspector final : public DeviceInspector
{
public:
    explicit SystemDeviceInspector(const QString &root = QString());

    std::variant<ResolvedDevice, QString> resolve(const DeviceReference &reference) override;
    QList<DeviceClaim> systemClaims() override;

private:
    std::variant<ResolvedDevice, QString> describe(DeviceNumber number, const QString &displayName);
    QString sysfsDir(DeviceNumber number) const;
    std::optional<ResolvedDevice> resolveQuietly(DeviceNumber number);
    void addClaim(QList<DeviceClaim> &claims, DeviceNumber number, const QString &description);

    QString m_root;
};

} // namespace Volmap
