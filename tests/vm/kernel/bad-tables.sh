#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Every malformed basic_target line is refused with the module's own error
# text, and a refused table leaves no device and no module reference; so
# are a table naming its own device and ranges misaligned to a backing
# device's 4 KiB logical blocks (refused by dm core).
# The constructor's allocation failures (context, per-CPU counters) are
# not injected: failslab and fail_page_alloc need CONFIG_FAULT_INJECTION,
# which neither Debian 12 kernel sets (6.1 and 6.12: "# CONFIG_FAULT_INJECTION
# is not set" in /boot/config-*). A failed per-CPU allocation takes the
# bad_device path that the "past the end of the device" refusals below
# take; a failed context allocation returns before anything is held.
. "$(dirname "$0")/guest-lib.sh"

load_module
ramdisks 1 16      # 32768 sectors
ram_size=$(sectors_of /dev/ram0)

# refused TABLE-ARGS EXPECTED-ERROR
refused() {
    local args=$1 expected=$2
    dmesg -C
    if dmsetup create vm-bad --table "0 2048 basic_target $args" 2>/dev/null; then
        fail "accepted '$args'"
    fi
    grep -qF "basic_target: $expected" <<<"$(dmesg)" ||
        fail "'$args' refused without '$expected'; kernel said: $(dmesg | grep -F 'device-mapper' | tail -n 2)"
    expect_eq "$(dmsetup ls)" "No devices found" "devices left by '$args'"
    expect_eq "$(module_refcount)" 0 "refcount after '$args'"
}

count='Invalid argument count: expected <device> <offset>'
junk='Invalid offset: not a decimal sector number'
refused "" "$count"
refused "/dev/ram0" "$count"
refused "/dev/ram0 0 extra" "$count"
refused "/dev/ram0 12x" "$junk"
refused "/dev/ram0 -5" "$junk"
refused "/dev/ram0 +5" "$junk"
refused "/dev/ram0 0x10" "$junk"
refused "/dev/ram0 1e3" "$junk"
refused "/dev/ram0 18446744073709551616" "Invalid offset: out of range"
refused "/dev/ram0 18446744073709551615" "Invalid offset: offset plus length overflows"
refused "/dev/ram0 $((ram_size - 2047))" "Offset plus length is past the end of the device"
refused "/dev/ram0 $((ram_size * 4))" "Offset plus length is past the end of the device"
refused "/dev/does-not-exist 0" "Device lookup failed"
refused "240:0 0" "Device lookup failed"   # a major no driver claims

step "a table that maps a device onto itself is refused"
dmsetup create vm-self --table "0 2048 basic_target /dev/ram0 0"
self=$(dmsetup info -c --noheadings -o major,minor --separator : vm-self)
# dm core of 6.1 loads such a table (linear's too) and the target refuses
# it; newer dm core refuses it in dm_get_device (-EINVAL) first.
dmesg -C
if dmsetup reload vm-self --table "0 2048 basic_target $self 0" 2>/dev/null; then
    fail "a table naming its own device ($self) was accepted"
fi
grep -qE "basic_target: (Device is this mapping itself|Device lookup failed \(-EINVAL\))" <<<"$(dmesg)" ||
    fail "self-mapping refused without its error; kernel said: $(dmesg | tail -n 2)"
expect_eq "$(dmsetup table --inactive vm-self)" "" "inactive table after the refused reload"
expect_eq "$(dmsetup table vm-self)" "0 2048 basic_target 1:0 0" "live table after the refused reload"
dmsetup remove vm-self
expect_eq "$(module_refcount)" 0 "refcount after the self-mapping attempt"

step "4 KiB logical blocks: a misaligned offset or length is refused"
modprobe loop
truncate -s 8M /tmp/4k.img
disk4k=$(losetup --find --show --sector-size 4096 /tmp/4k.img)
expect_eq "$(blockdev --getss "$disk4k")" 4096 "logical block size of the backing loop device"
for table in "0 2048 basic_target $disk4k 1" "0 2048 basic_target $disk4k 4" "0 2044 basic_target $disk4k 0"; do
    if dmsetup create vm-4k --table "$table" 2>/dev/null; then
        fail "accepted '$table' over 4 KiB logical blocks"
    fi
    expect_eq "$(dmsetup ls)" "No devices found" "devices left by '$table'"
done
dmsetup create vm-4k --table "0 2048 basic_target $disk4k 8"
expect_eq "$(blockdev --getss /dev/mapper/vm-4k)" 4096 "logical block size of the mapping"
dd if=/dev/mapper/vm-4k of=/dev/null bs=4096 count=1 iflag=direct status=none
dmsetup remove vm-4k
losetup -d "$disk4k"

step "the last sector that fits is accepted"
dmsetup create vm-edge --table "0 2048 basic_target /dev/ram0 $((ram_size - 2048))"
dd if=/dev/mapper/vm-edge of=/dev/null bs=512 skip=2047 count=1 iflag=direct status=none
dmsetup remove vm-edge
finish
