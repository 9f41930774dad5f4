#!/bin/bash
# Each segment's status shows exactly the I/O it was sent: reads, writes,
# their sectors, flushes and discards; reset_counters zeroes one segment.
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
# Fields: reads writes read_sectors write_sectors flushes discards
expect_eq "$(segment_status vm-count 0)" "0 0 0 0 0 0" "segment 0 after create"
expect_eq "$(segment_status vm-count 8192)" "0 0 0 0 0 0" "segment 1 after create"

step "10 direct 4 KiB writes to segment 0"
dd if=/dev/urandom of=$dev bs=4096 count=10 oflag=direct status=none
expect_eq "$(segment_status vm-count 0)" "0 10 0 80 0 0" "segment 0"
expect_eq "$(segment_status vm-count 8192)" "0 0 0 0 0 0" "segment 1"

step "5 direct 4 KiB reads from segment 1"
dd if=$dev of=/dev/null bs=4096 skip=1024 count=5 iflag=direct status=none
expect_eq "$(segment_status vm-count 8192)" "5 0 40 0 0 0" "segment 1"

step "one 8 KiB write across the boundary is split between the segments"
dd if=/dev/urandom of=$dev bs=8192 count=1 seek=$((8192 * 512 - 4096)) \
    oflag=direct,seek_bytes status=none
expect_eq "$(segment_status vm-count 0)" "0 11 0 88 0 0" "segment 0"
expect_eq "$(segment_status vm-count 8192)" "5 1 40 8 0 0" "segment 1"

step "fsync sends one flush to every segment"
sync $dev
expect_eq "$(segment_status vm-count 0)" "0 11 0 88 1 0" "segment 0"
expect_eq "$(segment_status vm-count 8192)" "5 1 40 8 1 0" "segment 1"

step "a discard of 1 MiB in segment 1 (--force: no signature probe reads)"
blkdiscard --force --offset $((8192 * 512)) --length $((1024 * 1024)) $dev
expect_eq "$(segment_status vm-count 8192)" "5 1 40 8 1 1" "segment 1"

step "reset_counters zeroes only the segment it is sent to"
dmsetup message vm-count 0 reset_counters
expect_eq "$(segment_status vm-count 0)" "0 0 0 0 0 0" "segment 0 after reset"
expect_eq "$(segment_status vm-count 8192)" "5 1 40 8 1 1" "segment 1 untouched"
dd if=$dev of=/dev/null bs=4096 count=3 iflag=direct status=none
expect_eq "$(segment_status vm-count 0)" "3 0 24 0 0 0" "segment 0 counts again after reset"
dmsetup message vm-count 8192 reset_counters
expect_eq "$(segment_status vm-count 8192)" "0 0 0 0 0 0" "segment 1 after reset"

step "an unknown message is refused and changes nothing"
if dmsetup message vm-count 0 reset_everything 2>/dev/null; then
    fail "unknown message accepted"
fi
expect_eq "$(segment_status vm-count 0)" "3 0 24 0 0 0" "segment 0 after a refused message"

dmsetup remove vm-count
losetup -d "$disk0" "$disk1"
finish
