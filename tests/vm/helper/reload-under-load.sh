#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# ReloadMapping swaps a live table while fio hammers the mapping: every
# reload lands, fio sees no I/O error and verifies all it wrote, and the
# data reads back identical through linear afterwards. Reloads the helper
# must refuse leave the old table live: a missing device, and tables that
# would close a loop of stacked mappings.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT

start_helper_stack
ramdisks 2 40
# layout A B C D: the target of each of four segments; the sectors they
# map never change, so the data must survive any swap between them.
layout() {
    printf '%s\n' "0 16384 $1 /dev/ram0 2048" "16384 16384 $2 /dev/ram1 4096" \
        "32768 8192 $3 /dev/ram0 40960" "40960 24576 $4 /dev/ram1 32768"
}
call alice CreateMapping "$(str vm-live)" "$(str "$(layout basic_target basic_target basic_target basic_target)")" \
    "$NO_OPTIONS" >/dev/null

step "fio with verify=crc32c while the table is reloaded again and again"
# Time-based, so the reloads always happen under load however slow the
# machine is; verify_backlog checks what was written while it runs.
fio --name=reload --filename=/dev/mapper/vm-live --ioengine=libaio --direct=1 --rw=randrw --bsrange=4k-64k \
    --iodepth=16 --size=32M --time_based --runtime=45 --verify=crc32c --verify_backlog=64 --verify_fatal=1 \
    --randseed=77 --verify_state_save=0 --output-format=terse --terse-version=3 >/tmp/fio.out 2>&1 &
fio_pid=$!
layouts=("linear basic_target linear basic_target" "basic_target linear basic_target linear"
    "linear linear linear linear" "basic_target basic_target basic_target basic_target")
for reload in $(seq 0 7); do
    kill -0 $fio_pid 2>/dev/null || fail "fio ended before reload $reload: $(cat /tmp/fio.out)"
    # shellcheck disable=SC2086
    call alice ReloadMapping "$(str vm-live)" "$(str "$(layout ${layouts[reload % 4]})")" "$NO_OPTIONS" >/dev/null ||
        fail "reload $reload failed"
done
kill -0 $fio_pid 2>/dev/null || fail "fio ended before the last reload had landed"
wait $fio_pid || { cat /tmp/fio.out; fail "fio failed while reloading"; }
expect_eq "$(awk -F';' '/^3;/ { print $5 }' /tmp/fio.out)" 0 "fio error count"
awk -F';' '/^3;/ { printf "fio: read %s KiB, written %s KiB\n", $6, $47 }' /tmp/fio.out
echo "ok: 8 live reloads during fio, no I/O error, data verified as written"
dmsetup info vm-live | grep -q "^State: *ACTIVE$" || fail "vm-live not active after the reloads"

step "a reload that cannot be applied leaves the old table live"
before=$(dmsetup table vm-live)
call_fails alice InvalidArgument ReloadMapping "$(str vm-live)" "$(str '0 65536 linear /dev/ram9 0')" "$NO_OPTIONS"
expect_eq "$(dmsetup table vm-live)" "$before" "table after refused reloads"

step "a reload that would close a loop of mappings is refused (A -> B -> A)"
# The kernel would load these tables; the helper walks the real sysfs
# slaves/ links and refuses them, naming the device.
call alice CreateMapping "$(str vm-upper)" "$(str '0 2048 linear /dev/mapper/vm-live 0')" "$NO_OPTIONS" >/dev/null
call alice CreateMapping "$(str vm-top)" "$(str '0 1024 basic_target /dev/mapper/vm-upper 0')" "$NO_OPTIONS" >/dev/null
# refused_loop TABLE REASON: reloading vm-live with TABLE fails, saying REASON.
refused_loop() {
    local output
    if output=$(call alice ReloadMapping "$(str vm-live)" "$(str "$1")" "$NO_OPTIONS" 2>&1); then
        fail "vm-live reloaded with '$1'"
    fi
    [[ $output == *"$HELPER_DEST.Error.InvalidArgument:"*"$2"* ]] || fail "'$1': expected InvalidArgument '$2', got: $output"
    echo "ok: '$1' refused: ${output##*Error.InvalidArgument: }"
}
live_number=$(dmsetup info -c --noheadings -o major,minor --separator : vm-live)
refused_loop '0 2048 linear /dev/mapper/vm-upper 0' "is built on 'vm-live'"
refused_loop '0 1024 linear /dev/mapper/vm-top 0' "is built on 'vm-live'"
refused_loop "0 2048 linear $live_number 0" "is 'vm-live' itself"
expect_eq "$(dmsetup table vm-live)" "$before" "table after the refused loops"
call alice RemoveMapping "$(str vm-top)" "$NO_OPTIONS" >/dev/null
call alice RemoveMapping "$(str vm-upper)" "$NO_OPTIONS" >/dev/null

step "the data reads back identical through a linear copy of the layout"
layout linear linear linear linear | dmsetup create vm-copy
cmp /dev/mapper/vm-live /dev/mapper/vm-copy || fail "vm-live and its linear copy differ"
dmsetup remove vm-copy
call alice RemoveMapping "$(str vm-live)" "$NO_OPTIONS" >/dev/null
finish
