#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The desktop app inside the VM, offscreen, as an ordinary user allowed by
# polkit rules: create -> I/O -> live reload -> remove through the real
# helper and kernel (tst_guiflow drives the window). This script is the
# other side: it writes and verifies data through the mapping with fio
# when the app says the mapping exists, and again after the reload.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/../helper/helper-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT
: "${VOLMAP_GUI_FLOW:?VOLMAP_GUI_FLOW must name the built tst_guiflow}"

start_helper_stack
ramdisks 2 32
flow=/tmp/gui-flow
mkdir -m 777 "$flow"

# wait_for MARKER: until the app writes it, or fail if the app has stopped.
wait_for() {
    local i
    for i in $(seq 1800); do
        [[ -e $flow/$1 ]] && return 0
        kill -0 "$app" 2>/dev/null || fail "the app ended before '$1': $(cat /tmp/app.log)"
        sleep 0.1
    done
    fail "no '$1' from the app"
}

# Only the first segment (ram0, 32 MiB) keeps its place across the reload.
verify_args=(--name=data --filename=/dev/mapper/guiflow --ioengine=libaio --direct=1 --bs=4k --size=32M
    --iodepth=4 --verify=crc32c --verify_fatal=1 --eta=never)

step "the app creates the mapping"
# The app runs as alice and saves its screenshots into the shared build tree.
[[ -n ${VOLMAP_SCREENSHOT_DIR:-} ]] && chmod 777 "$VOLMAP_SCREENSHOT_DIR"
mkdir -m 700 -p /tmp/alice-runtime && chown alice /tmp/alice-runtime
runuser -u alice -- env QT_QPA_PLATFORM=offscreen VOLMAP_FLOW_DIR="$flow" \
    VOLMAP_SCREENSHOT_DIR="${VOLMAP_SCREENSHOT_DIR:-}" XDG_RUNTIME_DIR=/tmp/alice-runtime \
    "$VOLMAP_GUI_FLOW" >/tmp/app.log 2>&1 &
app=$!
wait_for created
dmsetup table guiflow

step "I/O through the mapping while the app watches"
fio "${verify_args[@]}" --rw=randwrite --do_verify=1 --output=/tmp/fio-write.log ||
    fail "fio write+verify: $(cat /tmp/fio-write.log)"
# Reads as well, so both directions show.
fio --name=read --filename=/dev/mapper/guiflow --ioengine=libaio --direct=1 --bs=64k --rw=read \
    --size=64M --eta=never --output=/dev/null
dmsetup status guiflow
touch "$flow/io-done"

step "the app applies a live reload; the data of the first segment survives it"
wait_for reloaded
dmsetup table guiflow
fio "${verify_args[@]}" --rw=randwrite --verify_only --output=/tmp/fio-verify.log ||
    fail "data changed by the reload: $(cat /tmp/fio-verify.log)"
touch "$flow/verified"

step "the app removes it"
status=0
wait "$app" || status=$?
cat /tmp/app.log
expect_eq "$status" 0 "tst_guiflow"
[[ -z $(dmsetup ls --target basic_target 2>/dev/null | grep guiflow) ]] || fail "guiflow is still there"
dmsetup info guiflow >/dev/null 2>&1 && fail "guiflow is still there"
echo "ok: created, watched, reloaded and removed from the app"
