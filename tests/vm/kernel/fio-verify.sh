#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Several basic_target segments over two devices survive fio's random
# read/write with crc32c verification, and read back byte-identical to the
# same layout built from dm's own linear target.
. "$(dirname "$0")/guest-lib.sh"

load_module
ramdisks 2 48
# layout TARGET [SHIFT]: four segments alternating between the ramdisks.
layout() {
    local target=$1 shift=${2:-0}
    cat <<TABLE
0 16384 $target /dev/ram0 $((2048 + shift))
16384 16384 $target /dev/ram1 $((4096 + shift))
32768 8192 $target /dev/ram0 $((40960 + shift))
40960 24576 $target /dev/ram1 $((32768 + shift))
TABLE
}

# run_fio DEVICE [FIO-OPTION...]: the same job each time, so that
# --verify_only replays exactly the blocks and checksums written before.
run_fio() {
    local device=$1
    shift
    fio --name=verify --filename="$device" --ioengine=libaio --direct=1 \
        --rw=randrw --bsrange=4k-128k --iodepth=16 --size=32M --verify=crc32c \
        --verify_fatal=1 --do_verify=1 --randseed=4242 --verify_state_save=0 \
        --output-format=terse --terse-version=3 "$@" >/tmp/fio.out 2>&1
}

step "fio random read/write with verify=crc32c through basic_target"
layout basic_target | dmsetup create vm-basic
run_fio /dev/mapper/vm-basic || { cat /tmp/fio.out; fail "fio reported errors"; }
awk -F';' '/^3;/ { printf "fio: read %s KiB, written %s KiB, errors %s\n", $6, $47, $5 }' /tmp/fio.out
expect_eq "$(awk -F';' '/^3;/ { print $5 }' /tmp/fio.out)" 0 "fio error count"

step "the same layout as linear verifies what basic_target wrote"
layout linear | dmsetup create vm-linear
run_fio /dev/mapper/vm-linear --verify_only || { cat /tmp/fio.out; fail "linear does not see basic_target's data"; }
expect_eq "$(sectors_of /dev/mapper/vm-linear)" "$(sectors_of /dev/mapper/vm-basic)" "device size"
cmp /dev/mapper/vm-basic /dev/mapper/vm-linear || fail "basic_target and linear differ"
echo "ok: $(sectors_of /dev/mapper/vm-basic) sectors byte-identical"

step "control: a layout shifted by one 4 KiB block fails verification"
layout linear 8 | dmsetup create vm-shifted
if run_fio /dev/mapper/vm-shifted --verify_only; then
    fail "fio verified a shifted layout: the check has no teeth"
fi
echo "ok: fio rejected the shifted layout"

dmsetup remove vm-shifted
dmsetup remove vm-linear
dmsetup remove vm-basic
finish
