#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Counters stay exact with I/O from both vCPUs at once, and reset_counters
# racing that I/O never corrupts them: every value read meanwhile is within
# what was sent (a broken baseline would show as a wrapped, huge number),
# and after a quiet reset the next known workload counts exactly.
. "$(dirname "$0")/guest-lib.sh"

(($(nproc) >= 2)) || fail "needs two vCPUs (run-in-vm's default)"
load_module
ramdisks 1 16
dmsetup create vm-smp --table "0 16384 basic_target /dev/ram0 0"
dev=/dev/mapper/vm-smp

# reads: two jobs, one per vCPU, 1024 direct 4 KiB reads each.
reads() {
    fio --name=smp --filename=$dev --ioengine=psync --direct=1 --rw=randread --bs=4k \
        --size=4M --numjobs=2 --cpus_allowed=0,1 --cpus_allowed_policy=split \
        --randseed=9 --output-format=terse --terse-version=3 >/tmp/fio.out 2>&1
}

step "both vCPUs read while reset_counters and status race them"
reads &
fio_pid=$!
resets=0
while kill -0 $fio_pid 2>/dev/null; do
    dmsetup message vm-smp 0 reset_counters
    resets=$((resets + 1))
    read -r r w rs ws f d e < <(segment_status vm-smp 0)
    # A read and its sectors are two increments: a status (or the reset's
    # baseline) may fall between them on each vCPU, so sectors may be off
    # by up to two reads' worth per sum, 4 x 8 sectors in all.
    skew=$((rs - 8 * r))
    ((r <= 2048 && skew >= -32 && skew <= 32 && w == 0 && ws == 0 && f == 0 && d == 0 && e == 0)) ||
        fail "counters during the race: $r $w $rs $ws $f $d $e"
done
wait $fio_pid || { cat /tmp/fio.out; fail "fio failed"; }
echo "ok: $resets resets raced the reads, every status read in between was sane"
((resets >= 2)) || fail "only $resets resets while fio ran"

step "after a quiet reset the same workload counts exactly"
dmsetup message vm-smp 0 reset_counters
reads || { cat /tmp/fio.out; fail "fio failed"; }
expect_eq "$(segment_status vm-smp 0)" "2048 0 16384 0 0 0 0" "counters of 2 x 1024 reads on two vCPUs"

dmsetup remove vm-smp
finish
