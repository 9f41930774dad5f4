#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Profile in the VM (not part of `bench`): where a create of vm-helper.sh's
# 10 000-segment table with volmapctl spends its time, beside dmsetup's.
# Per round: volmapctl --version alone, the create, dmsetup create; then
# the helper's log, and volmapctl's system calls for
# one create under strace: the 25 longest gaps between them, in order;
# then the helper's device-mapper ioctls and longer gaps during one
# create, and dmsetup's for its create of the same table.
#   VOLMAP_HELPER, VOLMAP_CTL: optional builds to install over the stage's
#   VOLMAP_PROFILE_CYCLES: rounds (default 3)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
. "$here/../vm/helper/helper-lib.sh"
. "$here/helper-bench-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT

profile_helper_stack
[[ -z ${VOLMAP_HELPER:-} ]] || cp "$VOLMAP_HELPER" /usr/libexec/volmap-helper
[[ -z ${VOLMAP_CTL:-} ]] || cp "$VOLMAP_CTL" "$(command -v volmapctl)"
set +o pipefail

awk 'BEGIN { for (i = 0; i < 10000; ++i) printf "%d 8 linear /dev/ram0 %d\n", i * 8, i * 8 }' >/tmp/big10k.table
ms() {
    local start
    start=$(now_ns)
    "$@" >/dev/null </dev/null
    ms_since "$start"
}
helper ListMappings "$NO_OPTIONS"
for round in $(seq "${VOLMAP_PROFILE_CYCLES:-3}"); do
    version=$(ms volmapctl --version)
    create=$(ms volmapctl create --force bench-10k --table /tmp/big10k.table)
    volmapctl remove bench-10k </dev/null
    dm=$(ms command dmsetup create bench-10k /tmp/big10k.table)
    command dmsetup remove bench-10k
    echo "PROFILE round $round: volmapctl --version $version ms, create $create ms; dmsetup create $dm ms"
done

echo "== volmapctl create under strace: the 25 longest gaps (ms since the previous call), in order"
strace -f -tt -T -s 60 -o /tmp/ctl.strace volmapctl create --force bench-10k --table /tmp/big10k.table </dev/null
gaps /tmp/ctl.strace | awk '{ print NR, $0 }' | sort -k2 -rn | head -n 25 | sort -n | cut -c1-160
echo "== the same, every call from reading the table on"
gaps /tmp/ctl.strace | awk '/read\(.*"0 8 linear/ { on = 1 } on' | cut -c1-150
echo "lines: $(wc -l </tmp/ctl.strace), first $(head -c 30 /tmp/ctl.strace), last $(tail -n 1 /tmp/ctl.strace | cut -c1-30)"
volmapctl remove bench-10k </dev/null

# slow_calls FILE: its ioctls and every call after a gap of over 5 ms.
slow_calls() { gaps "$1" | awk '$1 > 5 || /ioctl\(/' | cut -c1-160; }
echo "== the helper during one create: ioctls, and calls after a gap over 5 ms"
strace -f -tt -T -s 40 -o /tmp/helper.strace -p "$(helper_pid)" &
tracer=$!
sleep 1 # attached to every thread
volmapctl create --force bench-10k --table /tmp/big10k.table >/dev/null </dev/null
kill "$tracer"
wait "$tracer" || true
slow_calls /tmp/helper.strace
volmapctl remove bench-10k </dev/null
echo "== dmsetup create under strace: ioctls, and calls after a gap over 5 ms"
strace -f -tt -T -s 40 -o /tmp/dmsetup.strace dmsetup create bench-10k /tmp/big10k.table
slow_calls /tmp/dmsetup.strace
command dmsetup remove bench-10k
echo "== helper log"
tail -n 40 /tmp/bus.log
udevadm control --exit
