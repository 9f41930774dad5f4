#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark in the VM: the peak memory (VmHWM) of this build's helper
# against the previous release's (VOLMAP_PREVIOUS_HELPER), on a system
# with device-mapper, as every system that can use the helper has it
# (dm-mod loaded first, as LVM or systemd loads it at boot). Each helper
# starts on a bus of its own (no polkitd, nothing activated), owns its
# name, refuses one GetCapabilities (polkit cannot be asked) and is
# stopped 4 s after its start; median of 5, interleaved. The host run
# (release-benchmarks) has no device-mapper, so there both helpers load
# libkmod to try dm-mod; this build opens libkmod only when a module must
# be loaded. Lines that start with BENCH are the figures.
here=$(cd "$(dirname "$0")" && pwd)
: "${VOLMAP_STAGE:?VOLMAP_STAGE must name the staged install}"
: "${VOLMAP_PREVIOUS_HELPER:?VOLMAP_PREVIOUS_HELPER must name volmap-helper of the previous release}"
. "$here/../vm/kernel/guest-lib.sh"
trap 'on_exit' EXIT

ours=$VOLMAP_STAGE/usr/libexec/volmap-helper
theirs=$VOLMAP_PREVIOUS_HELPER
[[ -x $ours && -x $theirs ]] || fail "missing helper: $ours or $theirs"
modprobe dm-mod || fail "cannot load dm-mod"

bus_dir=$(mktemp -d)
cat >"$bus_dir/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:dir=$bus_dir</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow own="*"/><allow send_destination="*"/>
<allow receive_sender="*"/></policy></busconfig>
CONF
started=$(dbus-daemon --config-file="$bus_dir/bus.conf" --fork --print-address=1 --print-pid=1)
DBUS_SYSTEM_BUS_ADDRESS=$(sed -n 1p <<<"$started")
export DBUS_SYSTEM_BUS_ADDRESS

# helper_kib HELPER: its peak memory in KiB from its start to 4 s later.
helper_kib() {
    local kib_file peak_pid
    kib_file=$(mktemp)
    "$here/peak-memory" 4 "$1" --idle-timeout 0 >"$kib_file" &
    peak_pid=$!
    gdbus wait --system --timeout 30 org.volmap.Helper1
    gdbus call --system --timeout 30 --dest org.volmap.Helper1 --object-path /org/volmap/Helper1 \
        --method org.volmap.Helper1.GetCapabilities '{}' >/dev/null 2>&1 || true
    wait "$peak_pid"
    cat "$kib_file"
    rm -f "$kib_file"
}

step "peak memory of the helpers with device-mapper loaded"
ours_runs=()
theirs_runs=()
for _ in 1 2 3 4 5; do
    ours_runs+=("$(helper_kib "$ours")")
    theirs_runs+=("$(helper_kib "$theirs")")
done
median() { sort -n | sed -n 3p; }
ours_kib=$(printf '%s\n' "${ours_runs[@]}" | median)
theirs_kib=$(printf '%s\n' "${theirs_runs[@]}" | median)
echo "BENCH helper memory with device-mapper: this build $ours_kib KiB, previous release $theirs_kib KiB" \
    "(runs: ${ours_runs[*]}; ${theirs_runs[*]})"
[[ -d /sys/module/dm_mod ]] || fail "dm-mod is not loaded"
echo "PASS: $(basename "$0")"
