#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Profile in the VM (not part of `bench`): where `volmapctl devices --json`
# spends its time with 200 block devices and udev running, sampled by perf
# on the cpu-clock software event (TCG has no hardware counters). Prints
# the busiest libraries and symbols, with call chains for the busiest.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/kernel/guest-lib.sh"
. "$here/devices-lib.sh"
ramdisks_with_udev
cd /tmp
# head closes the pipes early: that is no failure here.
set +o pipefail
echo "== system calls of one volmapctl run, then of one lsblk run"
strace -f -c -o /tmp/strace.ctl volmapctl devices --json >/dev/null
strace -f -c -o /tmp/strace.lsblk lsblk --json -O -b >/dev/null
head -n 15 /tmp/strace.ctl
head -n 15 /tmp/strace.lsblk
echo "== files volmapctl opens, by folder"
strace -f -e trace=openat,open -o /tmp/strace.open volmapctl devices --json >/dev/null
grep -v ENOENT /tmp/strace.open | grep -o '"[^"]*"' | tr -d '"' | sed 's|/[^/]*$||' | sort | uniq -c | sort -rn | head -n 15
echo "opened: $(grep -vc ENOENT /tmp/strace.open), failed: $(grep -c ENOENT /tmp/strace.open)"
echo "== lookups of one run (open, stat, access, readlink), then page faults and CPU, both tools"
for tool in "volmapctl devices --json" "lsblk --json -O -b"; do
    # shellcheck disable=SC2086 # the words of the command
    strace -f -e trace=openat,open,statx,newfstatat,readlink,access,faccessat2 -o /tmp/strace.lookups $tool >/dev/null
    echo "$tool: $(grep -c '^[0-9]' /tmp/strace.lookups) lookups, $(grep -c ENOENT /tmp/strace.lookups) failed"
    # shellcheck disable=SC2086
    perf stat -r 5 -e task-clock,page-faults -- $tool 2>&1 >/dev/null | grep -E 'task-clock|page-faults'
done
perf record -q -F 500 -e cpu-clock --call-graph dwarf,16384 -o /tmp/perf.data -- \
    sh -c 'for i in 1 2 3 4 5; do volmapctl devices --json >/dev/null; done' 2>/dev/null
echo "== by library"
perf report -i /tmp/perf.data --stdio --no-children --sort dso -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 25
echo "== by symbol (self)"
perf report -i /tmp/perf.data --stdio --no-children --sort dso,sym -g none 2>/dev/null | grep -v '^#' |
    grep -v '^$' | head -n 60
echo "== by symbol (with callees)"
perf report -i /tmp/perf.data --stdio --children --sort dso,sym -g none 2>/dev/null | grep -v '^#' |
    grep -v '^$' | head -n 60
udevadm control --exit
