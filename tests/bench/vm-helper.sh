#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark in the VM: the helper against dmsetup, with a real system bus,
# polkitd (a rules file allows root, refuses bob) and udev running.
#   1. create + remove of a 2-segment mapping, 100 times (VOLMAP_BENCH_CYCLES), interleaved:
#      gdbus straight to the helper, volmapctl, the app's HelperClient on
#      one connection (bench_helpercycle, VOLMAP_BENCH_HELPERCYCLE), and
#      dmsetup with udev sync;
#      every command timed (cycle_round), the sums and the median, p90 and
#      worst cycle reported
#   2. create of a 10 000-segment table: volmapctl against dmsetup
#      (volmapctl with --force: without it, it first reads the start of
#      each of the 10 000 ranges to warn of data there, which dmsetup
#      does not do)
#   3. a refused 8 MB table from bob against a refused 100-byte one: the
#      helper's CPU time, its peak memory (VmHWM) and how long a cheap
#      concurrent call (ListMappings by root) waits meanwhile; volmapctl
#      sends the 8 MB in a sealed memfd (table-fd). For context, the same
#      8 MB sent as a string (bench_rawtable, VOLMAP_BENCH_RAWTABLE): refused
#      at admission by its size, after libdbus has validated it
# Lines that start with BENCH are the figures.
here=$(cd "$(dirname "$0")" && pwd)
: "${VOLMAP_BENCH_RAWTABLE:?VOLMAP_BENCH_RAWTABLE must name the built bench_rawtable}"
: "${VOLMAP_BENCH_HELPERCYCLE:?VOLMAP_BENCH_HELPERCYCLE must name the built bench_helpercycle}"
. "$here/../vm/kernel/guest-lib.sh"
. "$here/../vm/helper/helper-lib.sh"
. "$here/helper-bench-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT

bench_helper_stack

cycles=${VOLMAP_BENCH_CYCLES:-100}
step "2-segment create + remove, $cycles times"
helper ListMappings "$NO_OPTIONS" # activates the helper once, outside the figures
first_pid=$(helper_pid)
start_app_client
for ((finished = 0; finished < cycles; finished += 10)); do
    cycle_round all $((cycles - finished < 10 ? cycles - finished : 10))
    echo "cycle $((finished + 10)): gdbus $(cycle_stats all 5 6)"
done
[[ -z $(command dmsetup udevcookies | tail -n +2) ]] || fail "udev cookies left waiting"
# The sums are the figures; the median and the worst cycle say whether a
# few stalls or every cycle make them.
echo "BENCH helper cycle: $cycles create + remove cycles"
echo "BENCH helper cycle: gdbus to the helper $(cycle_stats all 5 6)"
echo "BENCH helper cycle: volmapctl $(cycle_stats all 7 8)"
echo "BENCH helper cycle: the app's client, one connection $(cycle_stats all 11 12)"
echo "BENCH helper cycle: dmsetup $(cycle_stats all 9 10)"
# More than one: the helper exited on idle and was activated again meanwhile.
echo "BENCH helper cycle: helper processes during the cycles $(awk '{ print $4 }' /tmp/cycles.tsv | sort -u | wc -l)" \
    "(pid $first_pid before them)"
echo "== slowest cycles: tag cycle uptime pid g-create g-remove v-create v-remove d-create d-remove a-create a-remove"
for column in 5 7 9 11; do
    sort -k"$column,$column"nr /tmp/cycles.tsv | sed -n "1,3s/^/by column $column: /p"
done

step "create of a 10 000-segment table"
awk 'BEGIN { for (i = 0; i < 10000; ++i) printf "%d 8 linear /dev/ram0 %d\n", i * 8, i * 8 }' >/tmp/big10k.table
best_ctl=999999 best_dm=999999 cpu_best=999999
for run in 1 2 3 4 5; do
    cpu=$(helper_cpu_ms)
    start=$(now_ns)
    volmapctl create --force bench-10k --table /tmp/big10k.table >/dev/null </dev/null
    ms=$(ms_since "$start")
    cpu=$(($(helper_cpu_ms) - cpu))
    ((ms < best_ctl)) && best_ctl=$ms
    ((cpu < cpu_best)) && cpu_best=$cpu
    volmapctl remove bench-10k >/dev/null </dev/null
    start=$(now_ns)
    command dmsetup create bench-10k </tmp/big10k.table
    ms=$(ms_since "$start")
    ((ms < best_dm)) && best_dm=$ms
    command dmsetup remove bench-10k
done
start=$(now_ns)
volmapctl --version >/dev/null
echo "BENCH helper 10k: volmapctl create $best_ctl ms (helper CPU $cpu_best ms)"
echo "BENCH helper 10k: dmsetup create $best_dm ms"
echo "BENCH helper 10k: volmapctl --version alone $(ms_since "$start") ms"

step "refused tables from bob: 8 MB against 100 bytes"
# 8 MB in lines padded to 81 bytes: under the 100 000 segments a table may
# have, so it is refused for who sends it, after every check of the table.
awk 'BEGIN { while (size < 8000000) { line = sprintf("%-80s\n", sprintf("%d 1 linear /dev/ram0 %d", n, n));
    printf "%s", line; size += length(line); ++n } }' >/tmp/8mb.table
awk 'BEGIN { for (n = 0; n < 4; ++n) printf "%d 1 linear /dev/ram0 %d\n", n, n }' >/tmp/small.table
chmod 644 /tmp/*.table
# probe FILE: ListMappings by root over and over until /tmp/probe.stop
# appears, one latency in ms per line.
probe() {
    rm -f /tmp/probe.stop
    while [[ ! -e /tmp/probe.stop ]]; do
        local start
        start=$(now_ns)
        helper ListMappings "$NO_OPTIONS"
        ms_since "$start"
    done >"$1"
}
# refuse TABLE: "helper-CPU-ms worst-probe-ms helper-VmHWM-KiB" for bob's
# create of TABLE; the CPU time is taken on a run without the probe, whose
# own calls would count.
refuse() {
    local cpu prober
    cpu=$(helper_cpu_ms)
    bob_create "$1"
    cpu=$(($(helper_cpu_ms) - cpu))
    probe /tmp/probe.out &
    prober=$!
    sleep 1
    bob_create "$1"
    sleep 1
    touch /tmp/probe.stop
    wait $prober
    echo "$cpu $(sort -n /tmp/probe.out | tail -n 1) $(helper_hwm_kib)"
}
hwm_before=$(helper_hwm_kib)
for run in 1 2 3; do
    read -r small_cpu small_probe small_hwm < <(refuse /tmp/small.table)
    read -r big_cpu big_probe big_hwm < <(refuse /tmp/8mb.table)
    echo "BENCH helper refused run $run: 100 B: helper CPU $small_cpu ms, worst concurrent call $small_probe ms;" \
        "8 MB: helper CPU $big_cpu ms, worst concurrent call $big_probe ms, helper VmHWM $big_hwm KiB"
done
# Before the strings below, whose receiving by libdbus and QtDBus is
# what raises the peak now.
echo "BENCH helper memory: VmHWM before the refused tables $hwm_before KiB, after $(helper_hwm_kib) KiB"
# The same 8 MB as a string: no polkit, the helper refuses it by its size.
for run in 1 2 3; do
    cpu=$(helper_cpu_ms)
    "$VOLMAP_BENCH_RAWTABLE" bench-string /tmp/8mb.table >/tmp/string.out </dev/null ||
        fail "the 8 MB string was accepted"
    cpu=$(($(helper_cpu_ms) - cpu))
    grep -q InvalidArgument /tmp/string.out || fail "the 8 MB string was refused otherwise: $(cat /tmp/string.out)"
    echo "BENCH helper refused string run $run: 8 MB as a string: helper CPU $cpu ms"
done
echo "BENCH helper refused: 8 MB table $(stat -c %s /tmp/8mb.table) bytes, $(wc -l </tmp/8mb.table) segments"
echo "BENCH helper memory: VmHWM after three 8 MB strings $(helper_hwm_kib) KiB"
echo "BENCH helper memory: VmRSS now $(awk '/^VmRSS:/ { print $2 }' "/proc/$(helper_pid)/status") KiB"
udevadm control --exit
