#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark in the VM: list 200 block devices with volmapctl and with
# lsblk, both as JSON with everything, interleaved, best of five each.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
. "$here/devices-lib.sh"
ramdisks_with_udev

# ms COMMAND...: how long COMMAND takes, in ms.
ms() {
    local start
    start=$(date +%s%N)
    "$@" >/dev/null
    echo $((($(date +%s%N) - start) / 1000000))
}
count=$(volmapctl devices --json | grep -c '"maj:min"')
# Interleaved, so a busy moment of the host slows both alike; best of five.
ours=999999 theirs=999999
for run in 1 2 3 4 5; do
    ms_ours=$(ms volmapctl devices --json)
    ms_theirs=$(ms lsblk --json -O -b)
    ((ms_ours < ours)) && ours=$ms_ours
    ((ms_theirs < theirs)) && theirs=$ms_theirs
done
echo "BENCH devices: $count block devices listed"
echo "BENCH devices: volmapctl devices --json  $ours ms"
echo "BENCH devices: lsblk --json -O -b        $theirs ms"
udevadm control --exit
