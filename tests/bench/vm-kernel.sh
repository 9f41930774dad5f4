#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark in the VM (run with -smp 1 -icount shift=3,sleep=off, so guest
# time counts instructions): direct fio I/O through basic_target against
# linear over the same ramdisk range, linear against itself as the control
# that shows how repeatable a figure is, and the ramdisk itself as the limit
# neither mapping can beat. Four workloads: 4 KiB random reads and writes
# (IOPS: the per-bio cost of the target) and 1 MiB sequential reads and
# writes (MiB/s: what a bulk copy sees).
#
# Output, every line starting with BENCH (run-benchmarks keeps only those):
#   BENCH kernel.<workload>.<device> <figure>   one line per figure:
#       workload randread_4k, randwrite_4k (IOPS), read_1m, write_1m (MiB/s);
#       device ramdisk, linear, basic_target, linear_again
#   BENCH kernel.<workload>.ratio_basic_target <basic_target / linear>
#   BENCH kernel.<workload>.ratio_control <linear_again / linear>
#   BENCH kernel.release <uname -r>
# followed by the same as a table for people.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
load_module
ramdisks 1 128
# brd allocates a page on its first write: touch everything once so no
# run pays for allocation.
dd if=/dev/zero of=/dev/ram0 bs=1M count=128 oflag=direct status=none

# 96 MiB from sector 8192 of the ramdisk, directly or through a mapping.
offset_sectors=8192
size_sectors=196608

# fio_figure DEVICE OFFSET WORKLOAD: IOPS or MiB/s of one direct fio run.
# Random runs use fio's fixed default seed, so every device sees the same
# offsets; sequential runs loop over the range to last long enough for
# fio's millisecond run time to resolve a 0.1 % difference.
fio_figure() {
    local device=$1 offset=$2 workload=$3 rw bs loops=1 field
    case $workload in
    randread_4k) rw=randread bs=4k field='$8' ;;
    randwrite_4k) rw=randwrite bs=4k field='$49' ;;
    read_1m) rw=read bs=1M loops=16 field='$7 / 1024' ;;
    write_1m) rw=write bs=1M loops=16 field='$48 / 1024' ;;
    esac
    fio --name=bench --filename="$device" --offset="$offset" --size=$((size_sectors / 2))k \
        --ioengine=psync --direct=1 --rw=$rw --bs=$bs --loops=$loops \
        --output-format=terse --terse-version=3 >/tmp/fio.out
    awk -F';' "/^3;/ { printf \"%.2f\\n\", $field }" /tmp/fio.out
}

# through TARGET WORKLOAD: the figure of WORKLOAD through a fresh TARGET mapping.
through() {
    dmsetup create bench --table "0 $size_sectors $1 /dev/ram0 $offset_sectors"
    fio_figure /dev/mapper/bench 0 "$2"
    dmsetup remove bench
}

workloads=(randread_4k randwrite_4k read_1m write_1m)
declare -A figure
echo "BENCH kernel.release $(uname -r)"
for workload in "${workloads[@]}"; do
    figure[$workload.ramdisk]=$(fio_figure /dev/ram0 $((offset_sectors * 512)) "$workload")
    figure[$workload.linear]=$(through linear "$workload")
    figure[$workload.basic_target]=$(through basic_target "$workload")
    figure[$workload.linear_again]=$(through linear "$workload")
    for device in ramdisk linear basic_target linear_again; do
        echo "BENCH kernel.$workload.$device ${figure[$workload.$device]}"
    done
    awk -v l="${figure[$workload.linear]}" -v b="${figure[$workload.basic_target]}" \
        -v c="${figure[$workload.linear_again]}" -v w="$workload" 'BEGIN {
        printf "BENCH kernel.%s.ratio_basic_target %.4f\n", w, b / l
        printf "BENCH kernel.%s.ratio_control %.4f\n", w, c / l }'
done

echo "BENCH kernel $(uname -r), guest time (-icount)"
printf 'BENCH %-14s %-6s %10s %10s %12s %12s %9s %9s\n' workload unit ramdisk linear basic_target "linear again" basic/lin lin/lin
for workload in "${workloads[@]}"; do
    unit=IOPS
    [[ $workload == *_1m ]] && unit=MiB/s
    awk -v w="$workload" -v u="$unit" -v r="${figure[$workload.ramdisk]}" -v l="${figure[$workload.linear]}" \
        -v b="${figure[$workload.basic_target]}" -v c="${figure[$workload.linear_again]}" 'BEGIN {
        printf "BENCH %-14s %-6s %10.2f %10.2f %12.2f %12.2f %9.4f %9.4f\n", w, u, r, l, b, c, b / l, c / l }'
done
finish
