#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Each segment's status shows exactly the I/O it completed: reads, writes,
# their sectors, flushes, discards and errors; reset_counters zeroes one
# segment. Write-zeroes counts once whether the backing device does it or
# the block layer falls back to writing zero pages.
. "$(dirname "$0")/guest-lib.sh"

load_module
# Loop devices over tmpfs files: unlike ramdisks they have a write cache
# (so flushes reach the targets) and support discard.
disk0=$(loopdisk /tmp/disk0.img 8)
disk1=$(loopdisk /tmp/disk1.img 8)
dmsetup create vm-count <<TABLE
0 8192 basic_target $disk0 0
8192 8192 basic_target $disk1 2048
TABLE
dev=/dev/mapper/vm-count
# Fields: reads writes read_sectors write_sectors flushes discards errors
expect_eq "$(segment_status vm-count 0)" "0 0 0 0 0 0 0" "segment 0 after create"
expect_eq "$(segment_status vm-count 8192)" "0 0 0 0 0 0 0" "segment 1 after create"

step "10 direct 4 KiB writes to segment 0"
dd if=/dev/urandom of=$dev bs=4096 count=10 oflag=direct status=none
expect_eq "$(segment_status vm-count 0)" "0 10 0 80 0 0 0" "segment 0"
expect_eq "$(segment_status vm-count 8192)" "0 0 0 0 0 0 0" "segment 1"

step "5 direct 4 KiB reads from segment 1"
dd if=$dev of=/dev/null bs=4096 skip=1024 count=5 iflag=direct status=none
expect_eq "$(segment_status vm-count 8192)" "5 0 40 0 0 0 0" "segment 1"

step "one 8 KiB write across the boundary is split between the segments"
dd if=/dev/urandom of=$dev bs=8192 count=1 seek=$((8192 * 512 - 4096)) \
    oflag=direct,seek_bytes status=none
expect_eq "$(segment_status vm-count 0)" "0 11 0 88 0 0 0" "segment 0"
expect_eq "$(segment_status vm-count 8192)" "5 1 40 8 0 0 0" "segment 1"

step "fsync sends one flush to every segment"
sync $dev
expect_eq "$(segment_status vm-count 0)" "0 11 0 88 1 0 0" "segment 0"
expect_eq "$(segment_status vm-count 8192)" "5 1 40 8 1 0 0" "segment 1"

step "a discard of 1 MiB in segment 1 (--force: no signature probe reads)"
blkdiscard --force --offset $((8192 * 512)) --length $((1024 * 1024)) $dev
expect_eq "$(segment_status vm-count 8192)" "5 1 40 8 1 1 0" "segment 1"

step "a discard across the boundary reaches each segment once"
blkdiscard --force --offset $(((8192 - 64) * 512)) --length $((128 * 512)) $dev
expect_eq "$(segment_status vm-count 0)" "0 11 0 88 1 1 0" "segment 0"
expect_eq "$(segment_status vm-count 8192)" "5 1 40 8 1 2 0" "segment 1"

step "secure erase: loop devices do not support it, so nothing reaches us"
# A secure erase that succeeds through basic_target (counted with the
# discards) cannot be tested here: no device this guest can have
# advertises it. In 6.1 and 6.12 only these drivers set a non-zero
# max_secure_erase_sectors: virtio_blk (only if the device offers
# VIRTIO_BLK_F_SECURE_ERASE), mmc_block (eMMC with secure trim),
# xen-blkfront (a Xen backend's feature-secdiscard), rnbd-clt (RDMA), and
# dm stacking them. loop, brd, null_blk, scsi_debug/sd and nvme never do,
# and QEMU 7.2's virtio-blk offers no secure erase (its device has no such
# property; QEMU emulates no eMMC and no Xen backend under TCG). So the
# block layer refuses BLKSECDISCARD (-EOPNOTSUPP) before any bio exists;
# this proves only that a refusal counts nowhere.
if blkdiscard --force --secure --offset 0 --length 65536 $dev 2>/dev/null; then
    fail "secure erase accepted by a loop device"
fi
expect_eq "$(segment_status vm-count 0)" "0 11 0 88 1 1 0" "segment 0 after a refused secure erase"

step "write-zeroes the loop device rejects (tmpfs has no zero-range): the fallback writes count once"
blkdiscard --force --zeroout --offset 0 --length 65536 $dev
expect_eq "$(segment_status vm-count 0)" "0 12 0 216 1 1 0" "segment 0"

step "reset_counters zeroes only the segment it is sent to"
dmsetup message vm-count 0 reset_counters
expect_eq "$(segment_status vm-count 0)" "0 0 0 0 0 0 0" "segment 0 after reset"
expect_eq "$(segment_status vm-count 8192)" "5 1 40 8 1 2 0" "segment 1 untouched"
dd if=$dev of=/dev/null bs=4096 count=3 iflag=direct status=none
expect_eq "$(segment_status vm-count 0)" "3 0 24 0 0 0 0" "segment 0 counts again after reset"
dmsetup message vm-count 8192 reset_counters
expect_eq "$(segment_status vm-count 8192)" "0 0 0 0 0 0 0" "segment 1 after reset"

step "an unknown message is refused and changes nothing"
if dmsetup message vm-count 0 reset_everything 2>/dev/null; then
    fail "unknown message accepted"
fi
expect_eq "$(segment_status vm-count 0)" "3 0 24 0 0 0 0" "segment 0 after a refused message"

dmsetup remove vm-count
losetup -d "$disk0" "$disk1"

step "write-zeroes a loop device over a ramdisk does itself: counted once as a write"
# A loop device over a block device zeroes the range with fallocate, so
# the write-zeroes bio succeeds here instead of falling back.
ramdisks 1 8
disk2=$(losetup --find --show /dev/ram0)
dmsetup create vm-zero --table "0 8192 basic_target $disk2 0"
blkdiscard --force --zeroout --offset 0 --length 65536 /dev/mapper/vm-zero
expect_eq "$(segment_status vm-zero 0)" "0 1 0 128 0 0 0" "write-zeroes over a ramdisk-backed loop"
dmsetup remove vm-zero
losetup -d "$disk2"
finish
