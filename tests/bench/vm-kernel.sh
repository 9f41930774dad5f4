#!/bin/bash
# Benchmark in the VM (run with -smp 1 -icount shift=3,sleep=off, so guest
# time counts instructions): fio throughput through basic_target against
# linear over the same ramdisk range, and linear against itself as the
# control that shows how repeatable the figure is.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
load_module
ramdisks 1 128
# brd allocates a page on its first write: touch everything once so no
# run pays for allocation.
dd if=/dev/zero of=/dev/ram0 bs=1M count=128 oflag=direct status=none

# run TARGET RW: MiB/s of a 4 KiB direct fio job over 96 MiB.
run() {
    dmsetup create bench --table "0 196608 $1 /dev/ram0 8192"
    fio --name=bench --filename=/dev/mapper/bench --ioengine=psync --direct=1 --rw="$2" --bs=4k \
        --size=96M --output-format=terse --terse-version=3 >/tmp/fio.out
    dmsetup remove bench
    awk -F';' -v rw="$2" '/^3;/ { print (rw ~ /read/ ? $7 : $48) / 1024 }' /tmp/fio.out
}
for rw in read write; do
    linear_a=$(run linear $rw)
    basic=$(run basic_target $rw)
    linear_b=$(run linear $rw)
    echo "BENCH kernel $rw: linear $linear_a MiB/s, basic_target $basic MiB/s, linear again $linear_b MiB/s"
    awk -v a="$linear_a" -v b="$basic" -v c="$linear_b" -v rw=$rw 'BEGIN {
        printf "BENCH kernel %s: basic_target/linear %.4f, linear/linear %.4f\n", rw, b / a, c / a }'
done
finish
