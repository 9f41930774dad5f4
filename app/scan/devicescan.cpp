// SPDX-License-Identifier: GPL-2.0-or-later
#include "devicescan.h"

#include "scanfiles.h"
#include "tablegrammar.h"

#include <algorithm>
#include <blkid/blkid.h>
#include <climits>
#include <fcntl.h>
#include <limits>
#include <map>
#include <memory>
#include <tuple>

namespace Volmap {

using namespace Scan;

namespace {

struct SystemState
{
    std::map<std::string, std::vector<std::string>, std::less<>> mountPoints; // "maj:min" -> mount points
    std::vector<std::pair<std::uint32_t, std::uint32_t>> swaps;
    Fd classBlock; // /sys/class/block: each device's files are looked up from here
    Fd udevData;   // /run/udev/data

    explicit SystemState(const std::string &root)
        : mountPoints(readMountTable(root))
        , swaps(readSwapNumbers(root))
        , classBlock(openDirectory(AT_FDCWD, root + "/sys/class/block"))
        , udevData(openDirectory(AT_FDCWD, root + "/run/udev/data"))
    {}
};

std::optional<int> hexDigit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return std::nullopt;
}

// udev's *_ENC values write unsafe bytes as \xNN.
std::string decodeUdevString(std::string_view text)
{
    std::string bytes;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 3 < text.size() && text[i + 1] == 'x') {
            const auto high = hexDigit(text[i + 2]);
            const auto low = hexDigit(text[i + 3]);
            if (high && low) {
                bytes += char(*high * 16 + *low);
                i += 3;
                continue;
            }
        }
        bytes += text[i];
    }
    return bytes;
}

// What a device's uevent file says: its number and whether it is a
// partition, so the separate `dev` and `partition` lookups are only needed
// where uevent lacks them (two fewer path walks per device).
struct Uevent
{
    std::optional<std::pair<std::uint32_t, std::uint32_t>> number;
    std::string devName;
    std::string devType; // "disk" or "partition"; empty if not given
};

std::optional<std::pair<std::uint32_t, std::uint32_t>> deviceNumber(std::optional<std::uint64_t> major,
                                                                    std::optional<std::uint64_t> minor)
{
    if (major && minor && *major <= std::numeric_limits<std::uint32_t>::max()
        && *minor <= std::numeric_limits<std::uint32_t>::max()) {
        return std::pair{std::uint32_t(*major), std::uint32_t(*minor)};
    }
    return std::nullopt;
}

Uevent readUevent(int dir)
{
    Uevent uevent;
    std::optional<std::uint64_t> major;
    std::optional<std::uint64_t> minor;
    const std::string text = readSmallFile(dir, "uevent");
    for (const std::string_view line : splitLines(text)) {
        if (startsWith(line, "DEVNAME=")) {
            uevent.devName = line.substr(8);
        } else if (startsWith(line, "DEVTYPE=")) {
            uevent.devType = line.substr(8);
        } else if (startsWith(line, "MAJOR=")) {
            major = parseDecimal(line.substr(6));
        } else if (startsWith(line, "MINOR=")) {
            minor = parseDecimal(line.substr(6));
        }
    }
    uevent.number = deviceNumber(major, minor);
    return uevent;
}

/* The `dev` attribute, "major:major" within the kernel's ranges. */
std::optional<std::pair<std::uint32_t, std::uint32_t>> readDevAttribute(int dir)
{
    const std::string text = readAttribute(dir, "dev");
    const std::size_t colon = text.find(':');
    if (colon == 0 || colon == std::string::npos) {
        return std::nullopt;
    }
    const auto major = parseDecimal(std::string_view(text).substr(0, colon));
    const auto minor = parseDecimal(std::string_view(text).substr(colon + 1));
    if (!major || !minor || *major > Grammar::MaxDeviceMajor || *minor > Grammar::MaxDeviceMinor) {
        return std::nullopt;
    }
    return deviceNumber(major, minor);
}

std::uint32_t blockSize(int dir, const char *name)
{
    const auto value = parseDecimal(readAttribute(dir, name));
    return value && *value >= 512 && *value <= std::numeric_limits<std::uint32_t>::max()
               ? std::uint32_t(*value)
               : 512;
}

struct ProbeDeleter
{
    void operator()(blkid_probe probe) const { blkid_free_probe(probe); }
};
using Probe = std::unique_ptr<std::remove_pointer_t<blkid_probe>, ProbeDeleter>;

// Copies the value at once: the pointer dies with the probe.
std::string probeValue(blkid_probe probe, const char *name)
{
    const char *value = nullptr;
    if (blkid_probe_lookup_value(probe, name, &value, nullptr) != 0 || !value) {
        return std::string();
    }
    return value;
}

void probeWithBlkid(const std::string &root, ScannedDevice &device)
{
    Probe probe(blkid_new_probe_from_filename((root + device.node).c_str()));
    if (!probe) {
        return; // unreadable and unknown to udev: sysfs facts only
    }
    blkid_probe_enable_superblocks(probe.get(), 1);
    blkid_probe_set_superblocks_flags(probe.get(),
                                      BLKID_SUBLKS_LABEL | BLKID_SUBLKS_UUID | BLKID_SUBLKS_TYPE);
    blkid_probe_enable_partitions(probe.get(), 1);
    blkid_probe_set_partitions_flags(probe.get(), BLKID_PARTS_ENTRY_DETAILS);
    if (blkid_do_safeprobe(probe.get()) >= 0) {
        device.filesystemProbed = true;
        device.fsType = probeValue(probe.get(), "TYPE");
        device.fsLabel = probeValue(probe.get(), "LABEL");
        device.fsUuid = probeValue(probe.get(), "UUID");
        device.partTableType = probeValue(
            probe.get(), device.kind == DeviceKind::Partition ? "PART_ENTRY_SCHEME" : "PTTYPE");
        device.partUuid = probeValue(probe.get(), "PART_ENTRY_UUID");
    }
}

void probeFilesystem(const std::string &root, ScannedDevice &device, int udevData)
{
    // udev has probed every device already when it runs: reading its
    // database is far cheaper than opening each device, and works for
    // everyone. libblkid is for systems without udev (and root).
    const std::string name = "b" + device.numberText();
    const std::optional<std::string> database = udevData < 0 ? std::nullopt
                                                             : readWholeFile(udevData, name.c_str());
    if (!database) {
        probeWithBlkid(root, device);
        return;
    }
    for (const std::string_view line : splitLines(*database)) {
        // "E:KEY=value"
        const auto take = [line](std::string_view key, std::string &into) {
            if (startsWith(line, "E:") && startsWith(line.substr(2), key) && line.size() > 2 + key.size()
                && line[2 + key.size()] == '=') {
                into = line.substr(3 + key.size());
            }
        };
        take("ID_FS_TYPE", device.fsType);
        take("ID_FS_LABEL_ENC", device.fsLabel);
        take("ID_FS_UUID", device.fsUuid);
        take("ID_PART_ENTRY_UUID", device.partUuid);
        take(device.kind == DeviceKind::Partition ? "ID_PART_ENTRY_SCHEME" : "ID_PART_TABLE_TYPE",
             device.partTableType);
        if (device.model.empty()) {
            take("ID_MODEL", device.model);
        }
        if (device.serial.empty()) {
            take("ID_SERIAL_SHORT", device.serial);
        }
    }
    device.fsLabel = decodeUdevString(device.fsLabel);
}

/* A partition's disk: the directory its sysfs directory is in. */
std::string canonicalParent(const std::string &root, const std::string &kernelName)
{
    char resolved[PATH_MAX];
    if (!::realpath((root + "/sys/class/block/" + kernelName).c_str(), resolved)) {
        return std::string();
    }
    std::string path = resolved;
    path.resize(std::min(path.size(), path.rfind('/')));
    return path;
}

DeviceKind kindByName(const std::string &name, int dir)
{
    if (startsWith(name, "loop")) {
        return DeviceKind::Loop;
    }
    if (startsWith(name, "dm-")) {
        return DeviceKind::DeviceMapper;
    }
    if (startsWith(name, "md")) {
        return DeviceKind::Md;
    }
    if (startsWith(name, "ram")) {
        return DeviceKind::Ram;
    }
    if (startsWith(name, "zram")) {
        return DeviceKind::Zram;
    }
    if (startsWith(name, "sr") || readAttribute(dir, "device/type") == "5") {
        return DeviceKind::Rom;
    }
    return DeviceKind::Disk;
}

void readKindFacts(const std::string &root, ScannedDevice &device, int dir, std::optional<Fd> &parentDir)
{
    if (device.kind == DeviceKind::Partition) {
        const std::string parentPath = canonicalParent(root, device.kernelName);
        device.parent = parentPath.substr(std::min(parentPath.size(), parentPath.rfind('/') + 1));
        device.partitionStart = parseDecimal(readAttribute(dir, "start")).value_or(0);
        parentDir.emplace(openDirectory(AT_FDCWD, parentPath));
    } else if (device.kind == DeviceKind::Loop) {
        device.loopBackingFile = readAttribute(dir, "loop/backing_file");
    } else if (device.kind == DeviceKind::DeviceMapper) {
        device.dmName = readAttribute(dir, "dm/name");
        device.dmUuid = readAttribute(dir, "dm/uuid");
    }
}

std::optional<ScannedDevice> scanOne(const std::string &root, const std::string &kernelName,
                                     const SystemState &state)
{
    const Fd dir(openDirectory(state.classBlock.get(), kernelName));
    const Uevent uevent = readUevent(dir.get());
    const auto number = uevent.number ? uevent.number : readDevAttribute(dir.get());
    const auto size = parseDecimal(readAttribute(dir.get(), "size"));
    if (!number || !size || *size == 0) {
        return std::nullopt; // gone, or empty (an unattached loop device)
    }
    ScannedDevice device;
    device.kernelName = kernelName;
    std::tie(device.major, device.minor) = *number;
    device.sizeInSectors = *size;
    device.node = "/dev/" + (uevent.devName.empty() ? kernelName : uevent.devName);

    // A partition's queue and device are its disk's.
    const bool isPartition = uevent.devType.empty() ? exists(dir.get(), "partition")
                                                    : uevent.devType == "partition";
    device.kind = isPartition ? DeviceKind::Partition : kindByName(kernelName, dir.get());
    std::optional<Fd> parentDir;
    readKindFacts(root, device, dir.get(), parentDir);
    const int owner = parentDir ? parentDir->get() : dir.get();
    device.logicalBlockSize = blockSize(owner, "queue/logical_block_size");
    device.physicalBlockSize = blockSize(owner, "queue/physical_block_size");
    device.readOnly = readAttribute(dir.get(), "ro") == "1";
    device.removable = readAttribute(dir.get(), "removable") == "1";
    if (device.kind != DeviceKind::Partition) {
        // Virtual devices (ram, loop, dm, zram) have no device link: one
        // lookup instead of two that fail, for each of 200 ramdisks.
        if (exists(dir.get(), "device")) {
            device.model = readAttribute(dir.get(), "device/model");
            device.serial = readAttribute(dir.get(), "device/serial");
        }
        if (device.serial.empty()) {
            device.serial = readAttribute(dir.get(), "serial");
        }
    }
    if (const auto mounts = state.mountPoints.find(device.numberText()); mounts != state.mountPoints.end()) {
        device.mountPoints = mounts->second;
    }
    device.swap = std::find(state.swaps.begin(), state.swaps.end(), *number) != state.swaps.end();
    device.holders = directoryEntries(dir.get(), "holders");
    device.slaves = directoryEntries(dir.get(), "slaves");
    probeFilesystem(root, device, state.udevData.get());
    return device;
}

std::string joined(const std::vector<std::string> &texts)
{
    std::string result;
    for (const std::string &text : texts) {
        result += result.empty() ? text : ", " + text;
    }
    return result;
}

} // namespace

const char *deviceKindText(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Disk:
        return "disk";
    case DeviceKind::Partition:
        return "part";
    case DeviceKind::Loop:
        return "loop";
    case DeviceKind::DeviceMapper:
        return "dm";
    case DeviceKind::Md:
        return "md";
    case DeviceKind::Rom:
        return "rom";
    case DeviceKind::Ram:
        return "ram";
    case DeviceKind::Zram:
        return "zram";
    }
    return "";
}

std::string ScannedDevice::numberText() const
{
    return std::to_string(major) + ':' + std::to_string(minor);
}

std::string inUseReasonText(const ScannedDevice &device)
{
    if (!device.mountPoints.empty()) {
        return "mounted at " + joined(device.mountPoints);
    }
    if (device.swap) {
        return "used as swap";
    }
    if (!device.holders.empty()) {
        return "held by " + joined(device.holders);
    }
    return std::string();
}

std::vector<ScannedDevice> scanBlockDevices(const std::string &root)
{
    const SystemState state(root);
    std::vector<ScannedDevice> devices;
    std::vector<ScannedDevice> partitions;
    for (const std::string &name : directoryEntries(state.classBlock.get(), ".")) {
        if (auto device = scanOne(root, name, state)) {
            (device->kind == DeviceKind::Partition ? partitions : devices).push_back(std::move(*device));
        }
    }
    // Each partition right after its disk (and its disk's partitions before it).
    for (ScannedDevice &partition : partitions) {
        auto at = std::find_if(devices.begin(), devices.end(),
                               [&](const ScannedDevice &d) { return d.kernelName == partition.parent; });
        if (at != devices.end()) {
            at = std::find_if(at + 1, devices.end(),
                              [&](const ScannedDevice &d) { return d.parent != partition.parent; });
        }
        devices.insert(at, std::move(partition));
    }
    return devices;
}

std::optional<ScannedDevice> scanBlockDevice(const std::string &root, const std::string &kernelName)
{
    return scanOne(root, kernelName, SystemState(root));
}

} // namespace Volmap
