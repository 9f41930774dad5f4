// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// libblkid on one range of an open device, plain C++: probeRangeSignature()
// (Qt) ranks and describes what these find; volmapctl's plain `create` only
// needs to know that they find nothing.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace Volmap {

/* The longest value kept of what libblkid (or udev's record of it) says. */
inline constexpr std::size_t MaxSignatureValueLength = 128;

/* One signature as libblkid reports it, each value cut at MaxSignatureValueLength bytes. */
struct BlkidSignature
{
    std::string type, usage, label, uuid;
};

struct SuperblockScan
{
    bool probed = false;                    // libblkid could be set up on the range
    bool readFailed = false;                // a probe step failed (signatures found before it stand)
    std::vector<BlkidSignature> signatures; // at most 64
};

/* Every superblock signature libblkid finds in `length` bytes from `offset` of `fd`. */
SuperblockScan scanSuperblocks(int fd, std::uint64_t offset, std::uint64_t length);

/* The partition table's scheme (PTTYPE: gpt, dos, ...) there, or "". */
std::string partitionTableType(int fd, std::uint64_t offset, std::uint64_t length);

enum class NodeOpen { Opened, Failed, NotThatDevice };

/*
 * Opens `path` for probing: read-only, O_NONBLOCK (a drive without a
 * medium answers at once) and O_CLOEXEC; with `expected`, also
 * O_NOFOLLOW, and the node must be that block device (so a replaced node
 * is not read instead). `fd` is the open descriptor (the caller closes
 * it) or -1; with Failed, errno says why.
 */
NodeOpen openProbeNode(const char *path, std::optional<dev_t> expected, int &fd);

/* What udev's database says is at the start of a block device (its blkid builtin ran as root). */
struct UdevContentRecord
{
    bool found = false;                   // the device has a record
    std::string type, usage, label, uuid; // ID_FS_*, each cut at MaxSignatureValueLength bytes
    std::string partitionTable;           // ID_PART_TABLE_TYPE
};

/* The record of block device `major`:`minor` under `root` (/run/udev/data/bMAJOR:MINOR), its first 256 KiB.
 */
UdevContentRecord udevContentRecord(std::string_view root, unsigned major, unsigned minor);

enum class RangeContent { Unknown, Nothing, Data };

/*
 * What libblkid finds in `length` bytes from `offset` of `fd`, as
 * probeRangeSignature() classes it: Data for a superblock with a type or
 * usage, or a partition table; Nothing for neither; Unknown where libblkid
 * could not be set up, or a read failed before anything was found.
 */
RangeContent probeRangeContent(int fd, std::uint64_t offset, std::uint64_t length);

/*
 * Whether the range holds nothing that writes would destroy, as far as
 * signatureOfRange() (Qt) can tell: true where it finds no signature, and
 * where it cannot tell (the node is unreadable, and udev has no record or
 * the range does not start at sector 0); false where it finds a
 * signature or a partition table, by libblkid or udev's record. `node` is
 * the device's node under /dev, as probeTargetOf() names it.
 */
bool rangeHoldsNoData(std::string_view root, const std::string &node, dev_t number,
                      std::uint64_t offsetInSectors, std::uint64_t lengthInSectors);

} // namespace Volmap
