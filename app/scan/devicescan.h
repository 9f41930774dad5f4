// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The block device scan in plain C++, without Qt: `volmapctl devices`
// runs it without loading Qt Core (whose start-up alone cost more than
// lsblk's whole listing). BlockDeviceScanner (app/core) is the app's Qt
// face of it. Text is UTF-8 as the kernel and udev give it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Volmap {

enum class DeviceKind { Disk, Partition, Loop, DeviceMapper, Md, Rom, Ram, Zram };

/* "disk", "part", "loop", "dm", "md", "rom", "ram", "zram" */
const char *deviceKindText(DeviceKind kind);

/* One block device as the scan found it; BlockDeviceInfo has the meanings. */
struct ScannedDevice
{
    std::string kernelName;
    std::string node;
    std::uint32_t major = 0;
    std::uint32_t minor = 0;
    DeviceKind kind = DeviceKind::Disk;
    std::string parent;
    std::uint64_t sizeInSectors = 0;
    std::uint32_t logicalBlockSize = 512;
    std::uint32_t physicalBlockSize = 512;
    std::uint64_t partitionStart = 0;
    std::string model;
    std::string serial;
    bool readOnly = false;
    bool removable = false;
    std::string fsType;
    std::string fsLabel;
    std::string fsUuid;
    std::string partUuid;
    std::string partTableType;
    bool filesystemProbed = false;
    std::vector<std::string> mountPoints;
    bool swap = false;
    std::vector<std::string> holders;
    std::vector<std::string> slaves;
    std::string dmName;
    std::string dmUuid;
    std::string loopBackingFile;

    std::uint64_t sizeInBytes() const { return sizeInSectors * 512; }
    /* "8:1" */
    std::string numberText() const;
    bool operator==(const ScannedDevice &) const = default;
};

/* Why a new mapping should not use the device, in English (volmapctl's words), or empty. */
std::string inUseReasonText(const ScannedDevice &device);

/*
 * Every device with a size, disks before their partitions, from sysfs,
 * /proc, udev's database and libblkid, unprivileged. `root` prefixes
 * /sys, /proc, /run and /dev for tests ("" on a real system).
 */
std::vector<ScannedDevice> scanBlockDevices(const std::string &root);
/* One device by kernel name (for hotplug updates); nullopt if gone. */
std::optional<ScannedDevice> scanBlockDevice(const std::string &root, const std::string &kernelName);

} // namespace Volmap
