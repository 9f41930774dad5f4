#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Failed I/O counts in errors and nowhere else: a segment over a dm "error"
# device fails every bio, while its neighbour over a loop device counts
# normally.
. "$(dirname "$0")/guest-lib.sh"

load_module
disk=$(loopdisk /tmp/disk.img 8)
dmsetup create vm-fail --table "0 8192 error"
dmsetup create vm-err <<TABLE
0 8192 basic_target /dev/mapper/vm-fail 0
8192 8192 basic_target $disk 0
TABLE
dev=/dev/mapper/vm-err
# Fields: reads writes read_sectors write_sectors flushes discards errors
expect_eq "$(segment_status vm-err 0)" "0 0 0 0 0 0 0" "failing segment after create"

step "a direct 4 KiB read of the failing segment fails and counts as one error"
if dd if=$dev of=/dev/null bs=4096 count=1 iflag=direct status=none 2>/dev/null; then
    fail "read from an error device succeeded"
fi
expect_eq "$(segment_status vm-err 0)" "0 0 0 0 0 0 1" "failing segment after a read"

step "a direct 4 KiB write fails too: an error, not a write"
if dd if=/dev/zero of=$dev bs=4096 count=1 oflag=direct conv=notrunc status=none 2>/dev/null; then
    fail "write to an error device succeeded"
fi
expect_eq "$(segment_status vm-err 0)" "0 0 0 0 0 0 2" "failing segment after a write"

step "the healthy segment beside it counts as usual"
dd if=/dev/zero of=$dev bs=4096 count=2 seek=1024 oflag=direct conv=notrunc status=none
dd if=$dev of=/dev/null bs=4096 count=1 skip=1024 iflag=direct status=none
expect_eq "$(segment_status vm-err 8192)" "1 2 8 16 0 0 0" "healthy segment"

step "reset_counters zeroes errors too"
dmsetup message vm-err 0 reset_counters
expect_eq "$(segment_status vm-err 0)" "0 0 0 0 0 0 0" "failing segment after reset"

dmsetup remove vm-err
dmsetup remove vm-fail
losetup -d "$disk"
finish
