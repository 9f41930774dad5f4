#!/bin/bash
# Every malformed basic_target line is refused with the module's own error
# text, and a refused table leaves no device and no module reference.
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
    dmesg | grep -qF "basic_target: $expected" ||
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

step "the last sector that fits is accepted"
dmsetup create vm-edge --table "0 2048 basic_target /dev/ram0 $((ram_size - 2048))"
dd if=/dev/mapper/vm-edge of=/dev/null bs=512 skip=2047 count=1 iflag=direct status=none
dmsetup remove vm-edge
finish
