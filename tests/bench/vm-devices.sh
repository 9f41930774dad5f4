#!/bin/bash
# Benchmark in the VM: list 200 block devices with volmapctl and with
# lsblk, both as JSON with everything, best of five each.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
. "$here/devices-lib.sh"
ramdisks_with_udev

best_of_five() {
    local best=999999 run start end ms
    for run in 1 2 3 4 5; do
        start=$(date +%s%N)
        "$@" >/dev/null
        end=$(date +%s%N)
        ms=$(((end - start) / 1000000))
        ((ms < best)) && best=$ms
    done
    echo "$best"
}
count=$(volmapctl devices --json | grep -c '"maj:min"')
ours=$(best_of_five volmapctl devices --json)
theirs=$(best_of_five lsblk --json -O -b)
echo "BENCH devices: $count block devices listed"
echo "BENCH devices: volmapctl devices --json  $ours ms"
echo "BENCH devices: lsblk --json -O -b        $theirs ms"
udevadm control --exit
