#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A read-only table (dmsetup --readonly) opens its device read-only: the
# mapping refuses writers, reads count, and the data under it is untouched.
. "$(dirname "$0")/guest-lib.sh"

load_module
disk=$(loopdisk /tmp/disk.img 8)
dd if=/dev/urandom of="$disk" bs=4096 count=2048 oflag=direct status=none
before=$(sha256sum <"$disk")
dmsetup create --readonly vm-ro --table "0 8192 basic_target $disk 4096"
dev=/dev/mapper/vm-ro
expect_eq "$(blockdev --getro $dev)" 1 "read-only flag of the mapping"
expect_eq "$(dmsetup info -c --noheadings -o attr vm-ro | cut -c4)" r "table attribute (live, no inactive table, not suspended, read-only)"

step "writing is refused"
if dd if=/dev/zero of=$dev bs=4096 count=1 oflag=direct conv=notrunc status=none 2>/dev/null; then
    fail "a read-only mapping accepted a write"
fi

step "reading works and counts"
cmp <(dd if=$dev bs=32768 count=1 iflag=direct status=none) \
    <(dd if="$disk" bs=32768 skip=64 count=1 iflag=direct status=none) ||
    fail "the mapping reads other data than the device at the offset"
expect_eq "$(segment_status vm-ro 0)" "1 0 64 0 0 0 0" "counters after one 32 KiB read"
expect_eq "$(sha256sum <"$disk")" "$before" "device content"

dmsetup remove vm-ro
losetup -d "$disk"
finish
