#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Two builds of the helper (and of volmapctl) against each other in one VM
# for the create + remove cycle of a 2-segment mapping, each cycle timed
# (see cycle_round): blocks of VOLMAP_BENCH_BLOCK cycles with A, then with
# B, VOLMAP_BENCH_ROUNDS times; dmsetup runs in every cycle of both, so
# each block has its own peer. Prints per build the sum, median, p90 and
# worst, the slowest cycles in full, and how often the helper's pid
# changed within a block (an exit on idle and a new activation).
#   VOLMAP_HELPER_A, VOLMAP_HELPER_B: the two volmap-helper binaries
#   VOLMAP_CTL_A, VOLMAP_CTL_B: the two volmapctl binaries (default: the staged one)
#   VOLMAP_CTLMOD_A, VOLMAP_CTLMOD_B: their volmapctl-helper-commands.so (default: the staged one)
#   VOLMAP_CTLCMDS_A, VOLMAP_CTLCMDS_B: their volmapctl-commands.so (default: the staged one)
#   VOLMAP_CTLPLAIN_A, VOLMAP_CTLPLAIN_B: their volmapctl-plain-commands.so (default: the staged one)
#   VOLMAP_BENCH_HELPERCYCLE: bench_helpercycle, to time the app's client on one
#     connection (kept over all blocks) in every cycle too
#   VOLMAP_BENCH_TRACE=1: the helper logs each call's timings (volmap.helper.calls
#     at debug level, in /tmp/bus.log, printed at the end): for finding
#     causes, not for figures
# Lines that start with BENCH are the figures; not part of `bench`.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
. "$here/../vm/helper/helper-lib.sh"
. "$here/helper-bench-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT
: "${VOLMAP_HELPER_A:?VOLMAP_HELPER_A must name a volmap-helper binary}"
: "${VOLMAP_HELPER_B:?VOLMAP_HELPER_B must name a volmap-helper binary}"
if [[ ${VOLMAP_BENCH_TRACE:-0} == 1 ]]; then
    helper_call_timings
fi

bench_helper_stack
cp /usr/bin/volmapctl /tmp/volmapctl-staged
cp /usr/lib/x86_64-linux-gnu/volmap/volmapctl-helper-commands.so /tmp/volmapctl-module-staged
cp /usr/lib/x86_64-linux-gnu/volmap/volmapctl-commands.so /tmp/volmapctl-commands-staged
cp /usr/lib/x86_64-linux-gnu/volmap/volmapctl-plain-commands.so /tmp/volmapctl-plain-staged
[[ -z ${VOLMAP_BENCH_HELPERCYCLE:-} ]] || start_app_client

# use BUILD: that build's helper and volmapctl from the next call on.
use() {
    local helper=VOLMAP_HELPER_$1 ctl=VOLMAP_CTL_$1 module=VOLMAP_CTLMOD_$1 commands=VOLMAP_CTLCMDS_$1
    local plain=VOLMAP_CTLPLAIN_$1
    use_helper "${!helper}" "${!ctl:-/tmp/volmapctl-staged}" "${!module:-/tmp/volmapctl-module-staged}" \
        "${!commands:-/tmp/volmapctl-commands-staged}" "${!plain:-/tmp/volmapctl-plain-staged}"
}

block=${VOLMAP_BENCH_BLOCK:-10}
for round in $(seq "${VOLMAP_BENCH_ROUNDS:-5}"); do
    for build in A B; do
        use $build
        cycle_round $build "$block"
        echo "round $round $build: gdbus $(cycle_stats $build 5 6 | cut -d' ' -f1-2) so far"
    done
done
[[ -z $(command dmsetup udevcookies | tail -n +2) ]] || fail "udev cookies left waiting"
for build in A B; do
    echo "BENCH cycle $build: gdbus $(cycle_stats $build 5 6)"
    echo "BENCH cycle $build: volmapctl $(cycle_stats $build 7 8)"
    echo "BENCH cycle $build: dmsetup $(cycle_stats $build 9 10)"
    [[ -z ${APP_CLIENT_PID:-} ]] || echo "BENCH cycle $build: the app's client, one connection $(cycle_stats $build 11 12)"
    # One activation per block (use); more are exits on idle and new activations.
    echo "BENCH cycle $build: helper pids $(awk -v tag=$build '$1 == tag { print $4 }' /tmp/cycles.tsv | sort -u | wc -l)" \
        "in ${VOLMAP_BENCH_ROUNDS:-5} blocks"
done
echo "== slowest cycles: tag cycle uptime pid g-create g-remove v-create v-remove d-create d-remove a-create a-remove"
for column in 5 6 7 8 9 10 11 12; do
    sort -k"$column,$column"nr /tmp/cycles.tsv | sed -n "1,4s/^/col $column: /p"
done
if [[ ${VOLMAP_BENCH_TRACE:-0} == 1 ]]; then
    echo "== helper log"
    cat /tmp/bus.log
fi
echo "== all cycles"
cat /tmp/cycles.tsv
udevadm control --exit
