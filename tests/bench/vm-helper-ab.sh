#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Two builds of the helper against each other in one VM, interleaved, for
# what vm-helper.sh measures of large tables: the helper's CPU time for
# bob's refused 8 MB table and for a refused 100-byte one, and the create
# of a 10 000-segment table with volmapctl (wall clock and helper CPU).
# Under TCG on a shared host a VM run's figures drift with the host's
# load; only builds measured side by side in one run compare.
#   VOLMAP_HELPER_A, VOLMAP_HELPER_B: the two volmap-helper binaries
#   VOLMAP_CTL_A, VOLMAP_CTL_B: optional, two volmapctl binaries to swap
#     in with the helpers, for the 10 000-segment create
#   VOLMAP_BENCH_ROUNDS: rounds of A then B (default 5)
# Lines that start with BENCH are the figures; not part of `bench`.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
. "$here/../vm/helper/helper-lib.sh"
. "$here/helper-bench-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT
: "${VOLMAP_HELPER_A:?VOLMAP_HELPER_A must name a volmap-helper binary}"
: "${VOLMAP_HELPER_B:?VOLMAP_HELPER_B must name a volmap-helper binary}"

bench_helper_stack

# cpu_of COMMAND...: the helper's CPU time in ms while COMMAND runs.
cpu_of() {
    local cpu
    cpu=$(helper_cpu_ms)
    "$@"
    echo $(($(helper_cpu_ms) - cpu))
}

awk 'BEGIN { for (i = 0; i < 10000; ++i) printf "%d 8 linear /dev/ram0 %d\n", i * 8, i * 8 }' >/tmp/big10k.table
awk 'BEGIN { while (size < 8000000) { line = sprintf("%-80s\n", sprintf("%d 1 linear /dev/ram0 %d", n, n));
    printf "%s", line; size += length(line); ++n } }' >/tmp/8mb.table
awk 'BEGIN { for (n = 0; n < 4; ++n) printf "%d 1 linear /dev/ram0 %d\n", n, n }' >/tmp/small.table
chmod 644 /tmp/*.table
create_10k() { volmapctl create --force bench-10k --table /tmp/big10k.table >/dev/null </dev/null; }

for round in $(seq "${VOLMAP_BENCH_ROUNDS:-5}"); do
    for build in A B; do
        binary=VOLMAP_HELPER_$build ctl=VOLMAP_CTL_$build
        use_helper "${!binary}" "${!ctl:-}"
        small=$(cpu_of bob_create /tmp/small.table)
        big=$(cpu_of bob_create /tmp/8mb.table)
        start=$(now_ns)
        cpu=$(cpu_of create_10k)
        ms=$(ms_since "$start")
        ours=$(command dmsetup table bench-10k | md5sum)
        volmapctl remove bench-10k >/dev/null </dev/null
        start=$(now_ns)
        command dmsetup create bench-10k </tmp/big10k.table
        dm=$(ms_since "$start")
        [[ $(command dmsetup table bench-10k | md5sum) == "$ours" ]] || echo "BENCH ab round $round $build: the kernel's tables differ"
        command dmsetup remove bench-10k
        echo "BENCH ab round $round $build: refused 100 B: helper CPU $small ms; refused 8 MB: helper CPU $big ms;" \
            "10k create: volmapctl $ms ms, helper CPU $cpu ms, dmsetup $dm ms"
    done
done
udevadm control --exit
