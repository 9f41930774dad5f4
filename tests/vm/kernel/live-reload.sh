#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Reloading a live table (load, then suspend and resume) while fio writes
# and verifies through it loses and corrupts nothing, and every new table
# starts its counters at zero.
. "$(dirname "$0")/guest-lib.sh"

load_module
ramdisks 1 64
dd if=/dev/zero of=/dev/ram0 bs=1M count=64 oflag=direct status=none
# Two tables with the same layout: one segment, or two halves.
whole="0 65536 basic_target /dev/ram0 2048"
halves=$'0 32768 basic_target /dev/ram0 2048\n32768 32768 basic_target /dev/ram0 34816'
dmsetup create vm-live --table "$whole"

step "fio writes and verifies while the table is reloaded again and again"
fio --name=live --filename=/dev/mapper/vm-live --ioengine=libaio --direct=1 --iodepth=16 \
    --rw=randwrite --bsrange=4k-64k --size=24M --verify=crc32c --do_verify=1 --verify_fatal=1 \
    --randseed=77 --verify_state_save=0 --output-format=terse --terse-version=3 >/tmp/fio.out 2>&1 &
fio_pid=$!
reloads=0
while kill -0 $fio_pid 2>/dev/null; do
    if ((reloads % 2 == 0)); then table=$halves; else table=$whole; fi
    dmsetup reload vm-live --table "$table"
    dmsetup resume vm-live
    reloads=$((reloads + 1))
done
wait $fio_pid || { cat /tmp/fio.out; fail "fio failed across $reloads reloads"; }
echo "ok: fio wrote and verified 24 MiB across $reloads reloads"
((reloads >= 2)) || fail "only $reloads reloads while fio ran: not a test of I/O in flight"

step "a new table starts at zero"
dmsetup reload vm-live --table "$halves"
dmsetup resume vm-live
expect_eq "$(segment_status vm-live 0)" "0 0 0 0 0 0 0" "first half after a quiescent reload"
expect_eq "$(segment_status vm-live 32768)" "0 0 0 0 0 0 0" "second half after a quiescent reload"

dmsetup remove vm-live
finish
