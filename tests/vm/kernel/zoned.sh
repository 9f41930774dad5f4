#!/bin/bash
# A host-managed zoned device (null_blk zoned=1) maps like linear maps it:
# the mapping is zoned, reports the backing zones moved by the offset,
# writes move the right write pointer and count, and zone resets reach the
# backing zone without counting. Zone append has no user-space path without
# a zoned file system (zonefs needs mkzonefs, which Debian 12 lacks), so it
# is counted (as a write) but not exercised here.
. "$(dirname "$0")/guest-lib.sh"

load_module
# 64 zones of 4 MiB (8192 sectors); null_blk keeps write pointers even
# without memory backing.
modprobe null_blk nr_devices=1 zoned=1 zone_size=4 gb=1 zone_nr_conv=0
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
finish
