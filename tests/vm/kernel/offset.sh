#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Data written through a mapping with a non-zero offset lands at exactly
# that offset on the backing device, and nowhere else.
. "$(dirname "$0")/guest-lib.sh"

load_module
ramdisks 1 16
offset=12345        # deliberately odd: offsets are in 512-byte sectors
length=8192
pattern_sectors=4096

step "write a random pattern through the mapping"
dmsetup create vm-offset --table "0 $length basic_target /dev/ram0 $offset"
head -c $((pattern_sectors * 512)) /dev/urandom >/tmp/pattern
dd if=/tmp/pattern of=/dev/mapper/vm-offset bs=64K oflag=direct status=none

step "find it at the offset on the backing device"
pattern_sum=$(sha256sum </tmp/pattern)
backing_sum=$(dd if=/dev/ram0 bs=512 skip=$offset count=$pattern_sectors status=none | sha256sum)
expect_eq "$backing_sum" "$pattern_sum" "sha256 of ram0 at sector $offset"
nonzero_bytes() {
    dd if=/dev/ram0 bs=512 "$@" status=none | tr -d '\0' | wc -c
}
expect_eq "$(nonzero_bytes count=$offset)" 0 "non-zero bytes before the offset"
expect_eq "$(nonzero_bytes skip=$((offset + pattern_sectors)))" 0 "non-zero bytes after the pattern"

step "read back a slice through the mapping"
slice=$(dd if=/dev/mapper/vm-offset bs=512 skip=100 count=37 iflag=direct status=none | sha256sum)
expected=$(dd if=/tmp/pattern bs=512 skip=100 count=37 status=none | sha256sum)
expect_eq "$slice" "$expected" "sha256 of sectors 100..136 read through the mapping"

dmsetup remove vm-offset
finish
