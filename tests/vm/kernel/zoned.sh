#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A host-managed zoned device (null_blk zoned=1) maps like linear maps it:
# the mapping is zoned, reports the backing zones moved by the offset,
# writes move the right write pointer and count, and zone resets reach the
# backing zone without counting. Zone append, which no user-space call
# issues directly, comes from btrfs on the mapping (zoned btrfs writes its
# data with REQ_OP_ZONE_APPEND; zonefs would too, but Debian 12 has no
# mkzonefs): the appends count as writes with their sectors, checked
# against the block layer's own trace of what the mapping remapped, and
# the data reads back.
. "$(dirname "$0")/guest-lib.sh"

load_module
# 256 zones of 4 MiB (8192 sectors), memory-backed so btrfs can read back
# what it wrote (null_blk allocates memory only for written sectors).
modprobe null_blk nr_devices=1 zoned=1 zone_size=4 gb=1 zone_nr_conv=0 memory_backed=1
zsize=8192
[[ $(cat /sys/block/nullb0/queue/zoned) == host-managed ]] || fail "null_blk is not host-managed"

# written DEVICE START: how far the write pointer of the zone at START is
# past the zone's start, in sectors (blkzone prints it relative).
written() {
    blkzone report --offset "$2" --count 1 "$1" | sed -n 's/.*wptr 0x\([0-9a-f]*\).*/\1/p' | { read -r hex; echo $((16#$hex)); }
}

step "a segment that starts mid-zone is refused by dm core"
if dmsetup create vm-zoned --table "0 $((4 * zsize)) basic_target /dev/nullb0 8" 2>/dev/null; then
    fail "a mapping not aligned to the zones was accepted"
fi

step "four zones starting at the backing device's zone 2"
dmsetup create vm-zoned --table "0 $((4 * zsize)) basic_target /dev/nullb0 $((2 * zsize))"
dev=/dev/mapper/vm-zoned
dm=$(dmsetup info -c --noheadings -o blkdevname vm-zoned)
expect_eq "$(cat /sys/block/$dm/queue/zoned)" host-managed "zoned model of the mapping"
expect_eq "$(cat /sys/block/$dm/queue/nr_zones)" 4 "zones of the mapping"
expect_eq "$(blkzone report $dev | awk '{ print $2 }' | tr -d ',' | tr '\n' ' ')" \
    "0x000000000 0x000002000 0x000004000 0x000006000 " "zone starts the mapping reports"

step "a sequential write at the start of zone 1 counts and moves the backing zone 3's pointer"
dd if=/dev/urandom of=$dev bs=4096 count=2 seek=$((zsize / 8)) oflag=direct status=none
expect_eq "$(segment_status vm-zoned 0)" "0 2 0 16 0 0 0" "counters after two 4 KiB writes"
expect_eq "$(written $dev $zsize)" 16 "sectors written in the mapping's zone 1"
expect_eq "$(written /dev/nullb0 $((3 * zsize)))" 16 "sectors written in backing zone 3"

step "a write that is not at the write pointer fails and counts no write"
if dd if=/dev/zero of=$dev bs=4096 count=1 seek=$((zsize / 8 + 8)) oflag=direct status=none 2>/dev/null; then
    fail "an unaligned sequential write succeeded"
fi
# 6.1 sends it down and null_blk fails it (an error here); 6.10+ plugs zone
# writes above dm and fails it before it reaches any target (no error).
case $(segment_status vm-zoned 0) in
"0 2 0 16 0 0 1" | "0 2 0 16 0 0 0") echo "ok: counters after the failed write = '$(segment_status vm-zoned 0)'" ;;
*) fail "counters after the failed write: '$(segment_status vm-zoned 0)'" ;;
esac
errors=$(segment_status vm-zoned 0 | awk '{ print $7 }')

step "a zone reset reaches backing zone 3 and counts nowhere"
blkzone reset --offset $zsize --count 1 $dev
expect_eq "$(written $dev $zsize)" 0 "sectors written in the mapping's zone 1 after reset"
expect_eq "$(written /dev/nullb0 $((3 * zsize)))" 0 "sectors written in backing zone 3 after reset"
expect_eq "$(segment_status vm-zoned 0)" "0 2 0 16 0 0 $errors" "counters after the reset"

step "reads of a written zone count"
dd if=$dev of=/dev/null bs=4096 count=1 iflag=direct status=none
expect_eq "$(segment_status vm-zoned 0)" "1 2 8 16 0 0 $errors" "counters after a read"

dmsetup remove vm-zoned

step "zone append: btrfs on a zoned mapping writes its data with it, and it counts as writes"
# 128 zones from the backing device's zone 64: room for btrfs's
# superblock zones and one block group per kind.
dmsetup create vm-btrfs --table "0 $((128 * zsize)) basic_target /dev/nullb0 $((64 * zsize))"
dm=$(dmsetup info -c --noheadings -o major,minor vm-btrfs | tr -d ' ')
# The ground truth: one block_bio_remap event for each bio dm handed to
# the target and sent on (dm traces it after .map), with its op and size.
# Zone append is 'N' in both kernels' rwbs (as are write-zeroes and zone
# management; these carry no sectors here), a write 'W...', a read 'R...'.
tracing=/sys/kernel/tracing
[[ -e $tracing/trace ]] || mount -t tracefs nodev $tracing
echo 8192 >$tracing/buffer_size_kb
echo "old_dev == $(( ${dm%:*} << 20 | ${dm#*:} ))" >$tracing/events/block/block_bio_remap/filter
echo >$tracing/trace
echo 1 >$tracing/events/block/block_bio_remap/enable
modprobe btrfs
mkfs.btrfs -q -f -d single -m single /dev/mapper/vm-btrfs
mkdir -p /tmp/btrfs
mount -t btrfs /dev/mapper/vm-btrfs /tmp/btrfs
head -c 8M /dev/urandom >/tmp/data
dd if=/tmp/data of=/tmp/btrfs/data bs=1M oflag=direct,sync status=none
umount /tmp/btrfs
mount -t btrfs /dev/mapper/vm-btrfs /tmp/btrfs
expect_eq "$(sha256sum </tmp/btrfs/data)" "$(sha256sum </tmp/data)" "checksum of the file read back from btrfs"
umount /tmp/btrfs
echo 0 >$tracing/events/block/block_bio_remap/enable
if grep -q 'overrun: [1-9]' $tracing/per_cpu/cpu*/stats; then
    fail "the trace buffer overran: $(grep overrun $tracing/per_cpu/cpu*/stats)"
fi
# "block_bio_remap: 252,0 N 540672 + 256 <- (254,1) 16384"
traced=$(awk '/block_bio_remap:/ {
        for (i = 1; i <= NF; i++) if ($i ~ /^block_bio_remap:/) break
        rwbs = $(i + 2); n = $(i + 5)
        if (n == 0) next
        if (rwbs ~ /^N/) { appends++; append_sectors += n }
        if (rwbs ~ /^N/ || rwbs ~ /W/) { writes++; write_sectors += n }
        else if (rwbs ~ /^R/) { reads++; read_sectors += n }
    } END { printf "%d %d %d %d %d %d", appends, append_sectors, reads, writes, read_sectors, write_sectors }' $tracing/trace)
read -r appends append_sectors reads writes read_sectors write_sectors <<<"$traced"
echo "traced: $appends zone appends ($append_sectors sectors), $reads reads, $writes writes in all"
((appends > 0)) || fail "btrfs issued no zone append through the mapping"
((append_sectors >= 16384)) || fail "the zone appends carried $append_sectors sectors, less than the 8 MiB file"
expect_eq "$(segment_status vm-btrfs 0 | awk '{ print $1, $2, $3, $4, $7 }')" \
    "$reads $writes $read_sectors $write_sectors 0" "reads, writes (zone appends with them), their sectors, errors"
dmsetup remove vm-btrfs
rmmod btrfs 2>/dev/null || true
finish
