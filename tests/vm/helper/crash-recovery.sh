#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# kill -9 of the helper in the middle of work leaves nothing that the
# next helper does not clean up: no device of ours without a live table.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT

# Devices of ours (VOLMAP- uuid) that have no live table.
abandoned() {
    dmsetup info -c --noheadings --separator ' ' -o name,uuid,tables_loaded 2>/dev/null |
        awk '$2 ~ /^VOLMAP-/ && $3 !~ /Live/ { print $1 }'
}

start_helper_stack
load_module
ramdisks 1 64

step "what a kill between create and load leaves is removed at the next start"
dmsetup create half --notable --uuid VOLMAP-00000000-killed
dmsetup create other --notable --uuid OTHER-not-ours
expect_eq "$(abandoned)" "half" "abandoned devices before"
call alice GetCapabilities "$NO_OPTIONS" >/dev/null
expect_eq "$(abandoned)" "" "abandoned devices after the helper started"
dmsetup info other >/dev/null 2>&1 || fail "a foreign device without table was touched"
dmsetup remove other

step "kill -9 the helper while clients create mappings"
for round in 1 2 3; do
    (
        for i in $(seq 1 15); do
            call alice CreateMapping "$(str k$round-$i)" "$(str "0 64 basic_target /dev/ram0 $(((round * 100 + i) * 64))")" \
                "$NO_OPTIONS" >/dev/null 2>&1
        done
    ) &
    creator=$!
    sleep "0.$((RANDOM % 9 + 1))"
    pid=$(helper_pid)
    [[ -n $pid ]] && kill -9 "$pid" && echo "killed helper $pid in round $round"
    wait $creator || true # calls cut off by the kill fail, as they should
done
call alice GetCapabilities "$NO_OPTIONS" >/dev/null
expect_eq "$(abandoned)" "" "abandoned devices after the kills"
created=$(dmsetup ls | awk '$1 ~ /^k/ { n++ } END { print n + 0 }')
echo "ok: $created mappings made it, each with a live table"
for name in $(dmsetup ls | awk '$1 ~ /^k/ { print $1 }'); do
    call alice RemoveMapping "$(str "$name")" "$NO_OPTIONS" >/dev/null
done
finish
