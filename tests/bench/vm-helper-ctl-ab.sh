#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Two volmapctl builds against each other in one VM, interleaved, for
# what one volmapctl process costs in the create + remove cycle of a
# 2-segment mapping through the helper, beside dmsetup's create + remove
# of the same table in every round (not part of `bench`). Per process:
# CPU time (user + system; under `-icount` it counts the instructions run
# for the process and repeats to the millisecond, unlike the wall clock)
# and wall clock, for `--version`, `remove` of an absent name (the bus
# call and an error, no kernel work), `create --force` and `remove`; and
# the same three calls by `busctl` (a client in C on sd-bus), and
# `dbus-send` (libdbus) asking the bus for its id.
#   VOLMAP_CTL_A, VOLMAP_CTL_B: two folders, each with an installed
#     volmapctl (the build's app/installed/volmapctl) and its modules
#     (volmapctl-commands.so, volmapctl-helper-commands.so and, from builds
#     that have it, volmapctl-plain-commands.so)
#   VOLMAP_CTL_C: optional, a third such folder (rounds of A, B, C)
#   VOLMAP_BENCH_ROUNDS: rounds of A then B (default 7)
# Lines that start with BENCH are the figures.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
. "$here/../vm/helper/helper-lib.sh"
. "$here/helper-bench-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT
: "${VOLMAP_CTL_A:?VOLMAP_CTL_A must name a folder with volmapctl and its modules}"
: "${VOLMAP_CTL_B:?VOLMAP_CTL_B must name a folder with volmapctl and its modules}"

bench_helper_stack
helper ListMappings "$NO_OPTIONS"
printf '%s\n' "$CYCLE_TABLE" >/tmp/two.table

# use_ctl DIR: that volmapctl and its modules from now on.
use_ctl() {
    cp "$1/volmapctl" "$(command -v volmapctl)"
    cp "$1/volmapctl-commands.so" "$1/volmapctl-helper-commands.so" /usr/lib/*/volmap/
    # An older build has none, and its program never loads one.
    [[ ! -f $1/volmapctl-plain-commands.so ]] || cp "$1/volmapctl-plain-commands.so" /usr/lib/*/volmap/
}
# costs COMMAND...: "WALL CPU" in ms of COMMAND (its exit status ignored).
costs() {
    local start cpu TIMEFORMAT='%3U %3S'
    start=$(now_ns)
    cpu=$({ time "$@" >/dev/null 2>&1 </dev/null; } 2>&1 | awk '{ printf "%d", ($1 + $2) * 1000 }' || true)
    echo "$(ms_since "$start") $cpu"
}
builds=(A B)
[[ -z ${VOLMAP_CTL_C:-} ]] || builds+=(C)
busctl_call() { busctl --system call "$HELPER_DEST" "$HELPER_PATH" "$HELPER_DEST" "$@"; }
# One line per process: ROUND BUILD WHAT WALL CPU.
: >/tmp/ctl.tsv
for round in $(seq "${VOLMAP_BENCH_ROUNDS:-7}"); do
    for build in "${builds[@]}"; do
        dir=VOLMAP_CTL_$build
        use_ctl "${!dir}"
        volmapctl --version >/dev/null # the copied files read once, as for the peer below
        echo "$round $build version $(costs volmapctl --version)" >>/tmp/ctl.tsv
        echo "$round $build absent $(costs volmapctl remove bench-absent)" >>/tmp/ctl.tsv
        echo "$round $build create $(costs volmapctl create --force bench-v --table /tmp/two.table)" >>/tmp/ctl.tsv
        command dmsetup table bench-v >/dev/null || fail "volmapctl did not create bench-v"
        echo "$round $build remove $(costs volmapctl remove bench-v)" >>/tmp/ctl.tsv
        ! command dmsetup table bench-v >/dev/null 2>&1 || fail "volmapctl did not remove bench-v"
        echo "$round $build dm-version $(costs command dmsetup --version)" >>/tmp/ctl.tsv
        echo "$round $build dm-create $(costs command dmsetup create bench-d /tmp/two.table)" >>/tmp/ctl.tsv
        echo "$round $build dm-remove $(costs command dmsetup remove bench-d)" >>/tmp/ctl.tsv
        # The same calls from a client in C (sd-bus, libsystemd): what a
        # process on the bus costs without Qt.
        echo "$round $build busctl-absent $(costs busctl_call RemoveMapping 'sa{sv}' bench-absent 0)" >>/tmp/ctl.tsv
        echo "$round $build busctl-create $(costs busctl_call CreateMapping 'ssa{sv}' bench-b "$CYCLE_TABLE" 0)" >>/tmp/ctl.tsv
        command dmsetup table bench-b >/dev/null || fail "busctl did not create bench-b"
        echo "$round $build busctl-remove $(costs busctl_call RemoveMapping 'sa{sv}' bench-b 0)" >>/tmp/ctl.tsv
        # A client on libdbus alone (what Qt D-Bus builds on) asking the bus
        # itself: dbus-send cannot send the helper's a{sv} options.
        echo "$round $build dbus-send-getid $(costs dbus-send --system --print-reply --dest=org.freedesktop.DBus \
            /org/freedesktop/DBus org.freedesktop.DBus.GetId)" >>/tmp/ctl.tsv
    done
done
# The exit status and messages of both builds, once, for the report.
for build in "${builds[@]}"; do
    dir=VOLMAP_CTL_$build
    use_ctl "${!dir}"
    code=0
    volmapctl remove bench-absent </dev/null || code=$?
    echo "BENCH $build remove of an absent name: exit $code"
done
# Medians per build and step: wall, CPU.
awk '{ key = $2 " " $3; n[key]++; wall[key, n[key]] = $4; cpu[key, n[key]] = $5 }
     function median(a, key, count,   i, j, t, v) {
         for (i = 1; i <= count; ++i) v[i] = a[key, i]
         for (i = 1; i <= count; ++i) for (j = i + 1; j <= count; ++j) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
         return v[int((count + 1) / 2)]
     }
     END { for (key in n) printf "BENCH %s: median wall %d ms, median CPU %d ms (CPU of each: %s)\n", key,
               median(wall, key, n[key]), median(cpu, key, n[key]), list(key, n[key]) }
     function list(key, count,   i, s) { for (i = 1; i <= count; ++i) s = s cpu[key, i] " "; return s }' \
    /tmp/ctl.tsv | sort
udevadm control --exit
