#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Two builds of volmapctl against each other and lsblk in one VM, for what
# vm-devices.sh measures: 200 block devices as JSON with everything, each
# round A, B, then lsblk, median of the rounds: wall clock in the guest,
# and CPU time (user + system). Under -icount shift=3,sleep=off the CPU
# time counts the instructions run for the process; the wall clock there
# is worthless, as the guest's clock jumps whenever it waits (on the 9p
# share that holds /usr).
# Under TCG on a shared host a VM run's figures drift with the host's
# load; only builds measured side by side in one run compare.
#   VOLMAP_CTL_A, VOLMAP_CTL_B: the two volmapctl binaries
#   VOLMAP_BENCH_ROUNDS: rounds (default 11)
# Lines that start with BENCH are the figures; not part of `bench`.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
. "$here/devices-lib.sh"
: "${VOLMAP_CTL_A:?VOLMAP_CTL_A must name a volmapctl binary}"
: "${VOLMAP_CTL_B:?VOLMAP_CTL_B must name a volmapctl binary}"
ramdisks_with_udev
# Both from the guest's /usr, as the installed one runs.
cp "$VOLMAP_CTL_A" /usr/bin/volmapctl-a
cp "$VOLMAP_CTL_B" /usr/bin/volmapctl-b

# ms COMMAND...: "WALL CPU", how long COMMAND takes and its CPU time, in ms.
ms() {
    local start cpu TIMEFORMAT='%3U %3S'
    start=$(date +%s%N)
    cpu=$({ time "$@" >/dev/null; } 2>&1 | awk '{ printf "%d", ($1 + $2) * 1000 }')
    echo "$((($(date +%s%N) - start) / 1000000)) $cpu"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

if cmp -s <(volmapctl-a devices --json) <(volmapctl-b devices --json); then
    echo "BENCH devices-ab: A and B print the same JSON ($(volmapctl-b devices --json | grep -c '"maj:min"') devices)"
else
    echo "BENCH devices-ab: A and B print different JSON"
fi
: >/tmp/a.ms
: >/tmp/b.ms
: >/tmp/lsblk.ms
for round in $(seq "${VOLMAP_BENCH_ROUNDS:-11}"); do
    a=$(ms volmapctl-a devices --json)
    b=$(ms volmapctl-b devices --json)
    l=$(ms lsblk --json -O -b)
    echo "$a" >>/tmp/a.ms
    echo "$b" >>/tmp/b.ms
    echo "$l" >>/tmp/lsblk.ms
    echo "BENCH devices-ab: round $round (wall, CPU ms): A $a, B $b, lsblk $l"
done
# medians FILE: "WALL CPU", each column's median.
medians() { echo "$(cut -d' ' -f1 "$1" | median) $(cut -d' ' -f2 "$1" | median)"; }
echo "BENCH devices-ab: medians (wall, CPU ms): A $(medians /tmp/a.ms), B $(medians /tmp/b.ms), lsblk $(medians /tmp/lsblk.ms)"
udevadm control --exit
