// SPDX-License-Identifier: GPL-2.0-or-later
#include "blkidrange.h"

#include "blkidprobe.h"
#include "filedescriptor.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace Volmap {

namespace {

// More results than this means the loop is wrong, not that the range is rich.
constexpr int MaxSignatures = 64;

// Copied at once: the pointer is only good while the probe lives.
std::string lookup(blkid_probe probe, const char *name)
{
    const char *value = nullptr;
    size_t size = 0;
    if (blkid_probe_lookup_value(probe, name, &value, &size) != 0 || !value) {
        return {};
    }
    return std::string(value, std::min(std::strlen(value), MaxSignatureValueLength));
}

BlkidProbe probeOn(int fd, std::uint64_t offset, std::uint64_t length)
{
    BlkidProbe probe(blkid_new_probe());
    if (probe && blkid_probe_set_device(probe.get(), fd, blkid_loff_t(offset), blkid_loff_t(length)) != 0) {
        probe.reset();
    }
    return probe;
}

} // namespace

SuperblockScan scanSuperblocks(int fd, std::uint64_t offset, std::uint64_t length)
{
    SuperblockScan scan;
    const BlkidProbe probe = probeOn(fd, offset, length);
    if (!probe) {
        return scan;
    }
    scan.probed = true;
    blkid_probe_enable_partitions(probe.get(), 0);
    blkid_probe_enable_topology(probe.get(), 0);
    blkid_probe_enable_superblocks(probe.get(), 1);
    blkid_probe_set_superblocks_flags(probe.get(), BLKID_SUBLKS_TYPE | BLKID_SUBLKS_USAGE | BLKID_SUBLKS_LABEL
                                                       | BLKID_SUBLKS_UUID | BLKID_SUBLKS_BADCSUM);
    int status = 0;
    for (int found = 0; found < MaxSignatures && (status = blkid_do_probe(probe.get())) == 0; ++found) {
        scan.signatures.push_back({lookup(probe.get(), "TYPE"), lookup(probe.get(), "USAGE"),
                                   lookup(probe.get(), "LABEL"), lookup(probe.get(), "UUID")});
    }
    scan.readFailed = status < 0;
    return scan;
}

std::string partitionTableType(int fd, std::uint64_t offset, std::uint64_t length)
{
    const BlkidProbe probe = probeOn(fd, offset, length);
    if (!probe) {
        return {};
    }
    blkid_probe_enable_superblocks(probe.get(), 0);
    blkid_probe_enable_topology(probe.get(), 0);
    blkid_probe_enable_partitions(probe.get(), 1);
    return blkid_do_safeprobe(probe.get()) == 0 ? lookup(probe.get(), "PTTYPE") : std::string();
}

NodeOpen openProbeNode(const char *path, std::optional<dev_t> expected, int &fd)
{
    const int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (expected ? O_NOFOLLOW : 0);
    fd = ::open(path, flags);
    if (fd < 0) {
        return NodeOpen::Failed;
    }
    struct stat info = {};
    if (expected && (::fstat(fd, &info) != 0 || !S_ISBLK(info.st_mode) || info.st_rdev != *expected)) {
        ::close(fd);
        fd = -1;
        return NodeOpen::NotThatDevice;
    }
    return NodeOpen::Opened;
}

UdevContentRecord udevContentRecord(std::string_view root, unsigned major, unsigned minor)
{
    UdevContentRecord record;
    const std::string path = std::string(root) + "/run/udev/data/b" + std::to_string(major) + ':'
                             + std::to_string(minor);
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return record;
    }
    record.found = true;
    const std::string text = readAtMost(fd, 256 * 1024).value_or(std::string());
    const std::pair<std::string_view, std::string *> keys[] = {
        {"E:ID_FS_TYPE=", &record.type},
        {"E:ID_FS_USAGE=", &record.usage},
        {"E:ID_FS_LABEL=", &record.label},
        {"E:ID_FS_UUID=", &record.uuid},
        {"E:ID_PART_TABLE_TYPE=", &record.partitionTable},
    };
    std::string_view rest(text);
    while (!rest.empty()) {
        const std::string_view line = rest.substr(0, rest.find('\n'));
        rest.remove_prefix(std::min(rest.size(), line.size() + 1));
        for (const auto &[prefix, value] : keys) {
            if (line.starts_with(prefix)) {
                *value = line.substr(prefix.size(), MaxSignatureValueLength);
            }
        }
    }
    return record;
}

RangeContent probeRangeContent(int fd, std::uint64_t offset, std::uint64_t length)
{
    const SuperblockScan scan = scanSuperblocks(fd, offset, length);
    const bool anySignature = std::any_of(
        scan.signatures.cbegin(), scan.signatures.cend(),
        [](const BlkidSignature &s) { return !s.type.empty() || !s.usage.empty(); });
    if (anySignature) {
        return RangeContent::Data;
    }
    if (!scan.probed || scan.readFailed) {
        return RangeContent::Unknown;
    }
    // Partition tables only where no superblock is, as probeRangeSignature() looks.
    return partitionTableType(fd, offset, length).empty() ? RangeContent::Nothing : RangeContent::Data;
}

bool rangeHoldsNoData(std::string_view root, const std::string &node, dev_t number,
                      std::uint64_t offsetInSectors, std::uint64_t lengthInSectors)
{
    RangeContent found = RangeContent::Unknown;
    int descriptor = -1;
    const std::string path = std::string(root) + node;
    if (openProbeNode(path.c_str(), number, descriptor) == NodeOpen::Opened) {
        const FileDescriptor fd(descriptor);
        found = probeRangeContent(fd.get(), offsetInSectors * 512, lengthInSectors * 512);
    }
    // signatureOfRange(): udev's record speaks only for a range from sector 0.
    if (found == RangeContent::Unknown && offsetInSectors == 0) {
        const UdevContentRecord record = udevContentRecord(root, ::major(number), ::minor(number));
        if (record.found) {
            found = record.type.empty() && record.partitionTable.empty() ? RangeContent::Nothing
                                                                         : RangeContent::Data;
        }
    }
    return found != RangeContent::Data;
}

} // namespace Volmap
