#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# volmapctl end to end against the real helper: offline check with line
# numbers, create from a file, JSON listing, counters moving while fio
# runs, the exit statuses scripts rely on, a create over data (the plain,
# Qt-free create leaves it to the Qt path, which names the data; with
# --force, or over blank ranges, the plain create does it), and a missing
# helper.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT

start_helper_stack
ramdisks 2 32

# as USER COMMAND...: run volmapctl as USER, print its output, keep its status in $rc.
# With --loader-trace first, the dynamic loader lists what it maps in /tmp/ld.trace.PID.
as() {
    local user=$1 trace=()
    shift
    if [[ ${1-} == --loader-trace ]]; then
        trace=(env LD_DEBUG=files LD_DEBUG_OUTPUT=/tmp/ld.trace)
        shift
    fi
    rc=0
    output=$(runuser -u "$user" -- "${trace[@]}" volmapctl "$@" 2>&1) || rc=$?
    printf '%s\n' "$output"
}

cat >/tmp/good.table <<'TABLE'
# two segments over two ramdisks
0 32768 basic_target /dev/ram0 8192
32768 16384 linear /dev/ram1 0
TABLE
cat >/tmp/bad.table <<'TABLE'
0 32768 basic_target /dev/ram0 8192

32768 16384 linear /dev/ram1 60000
TABLE
chmod 644 /tmp/*.table

step "check validates offline, with line numbers"
as carol check /tmp/good.table
expect_eq "$rc" 0 "check of a good table"
[[ $output == *"valid, 2 segments, 49152 sectors (24 MiB)"* ]] || fail "check output: $output"
as carol check /tmp/bad.table
expect_eq "$rc" 3 "check of a bad table"
[[ $output == *"/tmp/bad.table:3: sectors 60000-76383 of /dev/ram1 lie past its end"* ]] || fail "check output: $output"

step "create from a file, list as JSON"
as alice create vm-ctl --table /tmp/good.table
expect_eq "$rc" 0 "create"
expect_eq "$output" "/dev/mapper/vm-ctl" "create prints the node"
as alice list --json >/tmp/list.json
python3 - <<'PY' || fail "list --json: $(cat /tmp/list.json)"
import json
mappings = json.load(open("/tmp/list.json"))
[m] = [m for m in mappings if m["name"] == "vm-ctl"]
assert m["created-by-volmap"] is True, m
assert m["targets"] == ["basic_target", "linear"], m
assert m["length"] == 49152, m
PY
as alice table vm-ctl
expect_eq "$output" $'0 32768 basic_target 1:0 8192\n32768 16384 linear 1:1 0' "table"

step "watch shows the counters moving while fio writes"
# fio runs until it is stopped: on a loaded host its start under TCG can
# take longer than any fixed run time, so the watch begins only once the
# mapping's own block statistics show that writes are flowing.
fio --name=load --filename=/dev/mapper/vm-ctl --ioengine=libaio --direct=1 --rw=randwrite --bs=4k \
    --size=16M --iodepth=4 --time_based --runtime=600 --eta=never --output=/tmp/fio-load.log &
fio_pid=$!
# The node is libdevmapper's own (no udev here, so no symlink to dm-N):
# find its statistics by device number.
stat_file=$(stat -c '/sys/dev/block/%Hr:%Lr/stat' /dev/mapper/vm-ctl)
for ((tries = 0; tries < 120; tries++)); do
    read -r _ _ _ _ writes_done _ <"$stat_file"
    ((writes_done > 0)) && break
    kill -0 $fio_pid 2>/dev/null || fail "fio ended early: $(cat /tmp/fio-load.log)"
    sleep 0.5
done
((writes_done > 0)) || fail "fio issued no writes within 60 s"
as alice watch vm-ctl --interval 1 --count 4
expect_eq "$rc" 0 "watch"
kill -INT $fio_pid
wait $fio_pid || true
rates=$(printf '%s\n' "$output" | tail -n +2 | grep -c ' [1-9][0-9.]* w/s') || true
((rates >= 2)) || fail "watch saw no writes per second: $output"
as alice status vm-ctl --json >/tmp/status.json
python3 - <<'PY' || fail "status --json: $(cat /tmp/status.json)"
import json
basic, linear = json.load(open("/tmp/status.json"))
assert basic["target"] == "basic_target" and basic["writes"] > 0 and basic["write-sectors"] == basic["writes"] * 8, basic
assert "writes" not in linear, linear
PY
as alice reset-counters vm-ctl
as alice status vm-ctl
[[ $output == *"basic_target  0      0 B   0       0 B"* ]] || fail "status after reset: $output"

step "exit statuses"
as bob create vm-bob --table /tmp/good.table
expect_eq "$rc" 4 "not authorized"
[[ $output == *"Not authorized"* ]] || fail "bob: $output"
as alice create vm-ctl --table /tmp/good.table
expect_eq "$rc" 6 "exists"
as alice remove nothere
expect_eq "$rc" 5 "not found"
as alice create vm-over --table - <<<"0 8 linear /dev/ram0 8200"
expect_eq "$rc" 7 "overlap"
as alice frobnicate
expect_eq "$rc" 2 "unknown command"
as alice remove vm-ctl
expect_eq "$rc" 0 "remove"

step "create over data: refused, naming it, unless --force; plain where nothing is in the way"
# as_traced USER COMMAND...: `as`, and $loaded_qt says whether volmapctl loaded a Qt library.
as_traced() {
    rm -f /tmp/ld.trace.*
    as "$1" --loader-trace "${@:2}"
    loaded_qt=no
    if grep -q 'libQt6' /tmp/ld.trace.*; then
        loaded_qt=yes
    fi
}
mkfs.ext4 -q -F -L vmdata /dev/ram1
# alice may read the ramdisks, so her volmapctl can see what is on them.
chmod o+r /dev/ram0 /dev/ram1
as_traced alice create vm-data --table /tmp/good.table
expect_eq "$rc" 7 "create over an ext4 filesystem"
[[ $output == *"ext4 filesystem labelled “vmdata”"* && $output == *"use --force to create it anyway"* ]] ||
    fail "create over data: $output"
expect_eq "$loaded_qt" yes "the refusal is the Qt path's"
dmsetup info vm-data >/dev/null 2>&1 && fail "vm-data was created over data"
as_traced alice create vm-data --table /tmp/good.table --force
expect_eq "$rc" 0 "create --force over data"
expect_eq "$loaded_qt" no "create --force takes the plain path"
as alice remove vm-data
expect_eq "$rc" 0 "remove vm-data"
wipefs -q -a /dev/ram1
as_traced alice create vm-data --table /tmp/good.table
expect_eq "$rc" 0 "create over blank ranges"
expect_eq "$output" "/dev/mapper/vm-data" "create prints the node"
expect_eq "$loaded_qt" no "create over blank ranges takes the plain path"
as_traced alice remove vm-data
expect_eq "$loaded_qt" no "remove takes the plain path"
chmod o-r /dev/ram0 /dev/ram1

step "a missing helper is named as such"
rm /usr/share/dbus-1/system-services/org.volmap.Helper1.service
kill "$(helper_pid)" 2>/dev/null || true
sleep 0.5
as alice list
expect_eq "$rc" 8 "helper missing"
[[ $output == *"Helper not installed"* ]] || fail "missing helper: $output"
finish
