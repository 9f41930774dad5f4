#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Profile in the VM (not part of `bench`): where one create + remove of a
# 2-segment mapping through the helper spends its time, beside dmsetup's.
# Prints each step's own time (median of VOLMAP_PROFILE_CYCLES, default
# 10), the polkit check alone (pkcheck), volmapctl --version, and the
# helper's and volmapctl's system calls for one cycle with their gaps
# (strace -tt -T), so waits (bus, polkit, udev cookies) show up.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
. "$here/../vm/helper/helper-lib.sh"
. "$here/helper-bench-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT

bench_helper_stack
helper_call_timings
# head closes the pipes early: that is no failure here.
set +o pipefail

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# timed NAME COMMAND...: COMMAND's wall time in ms appended to /tmp/t.NAME.
timed() {
    local name=$1 start
    shift
    start=$(now_ns)
    "$@" >/dev/null </dev/null
    echo $((($(now_ns) - start) / 1000000)) >>"/tmp/t.$name"
}
two=$'0 2048 linear /dev/ram0 0\n2048 2048 linear /dev/ram1 0'
printf '%s\n' "$two" >/tmp/two.table
helper ListMappings "$NO_OPTIONS"
cycles=${VOLMAP_PROFILE_CYCLES:-10}
for run in $(seq "$cycles"); do
    timed g-create helper CreateMapping "$(str bench-g)" "$(str "$two")" "$NO_OPTIONS"
    timed g-remove helper RemoveMapping "$(str bench-g)" "$NO_OPTIONS"
    timed g-list helper ListMappings "$NO_OPTIONS"
    timed v-create volmapctl create bench-v --table /tmp/two.table
    timed v-remove volmapctl remove bench-v
    timed v-version volmapctl --version
    timed d-create command dmsetup create bench-d /tmp/two.table
    timed d-remove command dmsetup remove bench-d
    timed pkcheck pkcheck --action-id org.volmap.helper.create --process $$
    timed gdbus-peer gdbus call --system --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.GetId
done
echo "== medians of $cycles runs, ms"
for name in g-create g-remove g-list v-create v-remove v-version d-create d-remove pkcheck gdbus-peer; do
    echo "PROFILE $name $(median <"/tmp/t.$name") (all: $(tr '\n' ' ' <"/tmp/t.$name"))"
done

# gaps FILE: strace -tt lines, each with the ms since the previous line in front.
gaps() {
    awk '{ split($2, t, ":"); now = t[1] * 3600 + t[2] * 60 + t[3];
           if (NR > 1) printf "%6.1f %s\n", (now - last) * 1000, $0; last = now }' "$1"
}
pid=$(helper_pid)
echo "== helper system calls for one gdbus create + remove (ms since the previous call)"
strace -f -tt -T -s 80 -o /tmp/helper.strace -p "$pid" &
tracer=$!
sleep 2
helper CreateMapping "$(str bench-g)" "$(str "$two")" "$NO_OPTIONS"
helper RemoveMapping "$(str bench-g)" "$NO_OPTIONS"
sleep 1
kill "$tracer"
wait "$tracer" || true
# Without the event loop's own chatter (clock reads, polls, wake-ups).
gaps /tmp/helper.strace | grep -vE 'clock_gettime|restart_syscall|EAGAIN|poll\(|poll resumed|clock_gettime resumed|"\\1\\0\\0\\0' |
    head -n 400
echo "== volmapctl create, its own system calls"
strace -f -tt -T -s 60 -o /tmp/ctl.strace volmapctl create bench-v --table /tmp/two.table </dev/null
gaps /tmp/ctl.strace | awk '$1 >= 2' | head -n 80
echo "opens: $(grep -c 'openat' /tmp/ctl.strace), lines: $(wc -l </tmp/ctl.strace)"
volmapctl remove bench-v </dev/null
echo "== helper log"
tail -n 60 /tmp/bus.log
udevadm control --exit
