#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Under systemd as PID 1 (run-in-vm --systemd) the bus activates the
# helper through its installed unit, and inside that unit's sandbox it
# loads both modules, creates, reloads and removes a mapping with udev's
# cookies, sees a mount made after it started and asks polkit; a table
# over 64 Ki characters reaches it from volmapctl as a sealed memfd. Its
# process must show the sandbox, and the guest's systemd must rate the
# unit at most 2.5.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || show_unit_logs; on_exit' EXIT

# CAP_CHOWN (0), CAP_IPC_LOCK (14), CAP_SYS_MODULE (16), CAP_SYS_ADMIN (21)
# and CAP_MKNOD (27): the unit's CapabilityBoundingSet=, as /proc shows it.
HELPER_CAPABILITIES=0000000008214001
MIB4=8192 # sectors

install_under_systemd
expect_eq "$(helper_unit ActiveState)" inactive "helper before the first call"
ramdisks 3 16
udevadm settle --timeout=60

step "dm-mod and dm-basic-target not loaded when the bus starts the helper"
# systemd's modprobe@dm_mod.service loaded dm-mod at boot; without it the
# helper's first libdevmapper call makes /dev/mapper/control, whose open
# loads dm-mod, and the helper loads dm-basic-target through libkmod.
[[ ! -e /sys/module/dm_mod ]] || rmmod dm_mod
[[ ! -e /sys/module/dm_basic_target ]] || fail "dm_basic_target is loaded before the test"

step "alice creates a mapping over two ramdisks; the bus starts the helper's unit"
table_a="0 $MIB4 basic_target /dev/ram0 0
$MIB4 $MIB4 basic_target /dev/ram1 2048"
expect_eq "$(call alice CreateMapping "$(str vm-sandbox)" "$(str "$table_a")" "$NO_OPTIONS")" \
    "('/dev/mapper/vm-sandbox',)" "create"
[[ -e /sys/module/dm_mod && -e /sys/module/dm_basic_target ]] || fail "the helper did not load the modules"
udevadm settle --timeout=60
[[ -L /dev/mapper/vm-sandbox ]] || fail "udev did not make /dev/mapper/vm-sandbox (a symlink under udev)"
expect_eq "$(command dmsetup udevcookies | tail -n +2)" "" "udev cookies still waiting"

step "the helper runs as the unit, inside its sandbox"
expect_eq "$(helper_unit ActiveState)" active "unit state"
pid=$(helper_unit MainPID)
expect_eq "$(helper_pid)" "$pid" "the helper process is the unit's main process"
expect_eq "$(readlink "/proc/$pid/exe")" /usr/libexec/volmap-helper "main process"
expect_eq "$(cat "/proc/$pid/cgroup")" "0::/system.slice/volmap-helper.service" "cgroup"
status_field() {
    awk -v field="$1:" '$1 == field { print $2 }' "/proc/$pid/status"
}
for set in CapEff CapPrm CapBnd; do
    expect_eq "$(status_field $set)" $HELPER_CAPABILITIES "$set"
done
expect_eq "$(status_field CapAmb)" 0000000000000000 "CapAmb"
expect_eq "$(status_field NoNewPrivs)" 1 "NoNewPrivs"
expect_eq "$(status_field Seccomp)" 2 "Seccomp (a filter)"
for ns in mnt net uts; do
    [[ $(readlink "/proc/$pid/ns/$ns") != "$(readlink "/proc/1/ns/$ns")" ]] ||
        fail "the helper shares PID 1's $ns namespace"
done
# The udev cookies are semaphores udev's rules release: the IPC namespace is the host's.
expect_eq "$(readlink "/proc/$pid/ns/ipc")" "$(readlink /proc/1/ns/ipc)" "IPC namespace"
echo "helper: $(status_field Threads) threads, $(status_field VmRSS) KiB resident" \
    "(TasksMax=$(helper_unit TasksMax), MemoryMax=$(helper_unit MemoryMax))"

step "data written through the mapping lands on the ramdisks"
head -c 8M /dev/urandom >/tmp/data
head -c 4M /tmp/data >/tmp/first
tail -c 4M /tmp/data >/tmp/second
dd if=/tmp/data of=/dev/mapper/vm-sandbox bs=1M oflag=direct status=none
sha() { sha256sum | cut -d' ' -f1; }
expect_eq "$(dd if=/dev/mapper/vm-sandbox bs=1M count=8 iflag=direct status=none | sha)" \
    "$(sha </tmp/data)" "sha256 through the mapping"
expect_eq "$(dd if=/dev/ram1 bs=1M skip=1 count=4 iflag=direct status=none | sha)" \
    "$(sha </tmp/second)" "sha256 of the second segment on ram1 at 1 MiB"

step "alice reloads the mapping live with its segments swapped"
table_b="0 $MIB4 basic_target /dev/ram1 2048
$MIB4 $MIB4 basic_target /dev/ram0 0"
expect_eq "$(call alice ReloadMapping "$(str vm-sandbox)" "$(str "$table_b")" "$NO_OPTIONS")" "()" "reload"
expect_eq "$(dd if=/dev/mapper/vm-sandbox bs=1M count=8 iflag=direct status=none | sha)" \
    "$(cat /tmp/second /tmp/first | sha)" "sha256 through the reloaded mapping"

step "polkit decides: bob may not remove it"
call_fails bob NotAuthorized RemoveMapping "$(str vm-sandbox)" "$NO_OPTIONS"

step "a device mounted after the helper started is in use for it"
mkfs.ext4 -q /dev/ram2
mount /dev/ram2 /mnt
call_fails alice DeviceInUse CreateMapping "$(str vm-mounted)" "$(str '0 2048 basic_target /dev/ram2 0')" "$NO_OPTIONS"
umount /mnt
# Its mount namespace followed the host's only if it is the same process.
expect_eq "$(helper_unit MainPID)" "$pid" "the helper that saw the mount"

step "a table over 64 Ki characters: volmapctl sends it as a sealed memfd, a string is refused"
awk 'BEGIN { for (n = 0; n < 4000; ++n) printf "%d 1 linear /dev/ram2 %d\n", n, n }' >/tmp/long.table
(($(stat -c %s /tmp/long.table) > 65536)) || fail "the long table is not over 64 Ki characters"
chmod 644 /tmp/long.table
runuser -u alice -- volmapctl create --force vm-fd --table /tmp/long.table </dev/null >/dev/null ||
    fail "volmapctl could not create from a table-fd"
expect_eq "$(command dmsetup table vm-fd | wc -l)" 4000 "segments of the mapping made from a table-fd"
runuser -u alice -- volmapctl remove vm-fd </dev/null >/dev/null || fail "volmapctl could not remove vm-fd"
call_fails alice InvalidArgument CreateMapping "$(str vm-long)" "$(str "$(cat /tmp/long.table)")" "$NO_OPTIONS"

step "alice removes the mapping"
expect_eq "$(call alice RemoveMapping "$(str vm-sandbox)" "$NO_OPTIONS")" "()" "remove"
udevadm settle --timeout=60
[[ ! -e /dev/mapper/vm-sandbox ]] || fail "/dev/mapper/vm-sandbox is still there"
expect_eq "$(command dmsetup udevcookies | tail -n +2)" "" "udev cookies after remove"
# Create, reload and remove, each logged with alice's uid into the unit's journal.
expect_eq "$(journalctl --boot --no-pager --unit volmap-helper.service --output cat |
    grep -c "^uid $(id -u alice) (.*'vm-sandbox'.*: done$")" 3 "alice's calls in the unit's journal"

step "the guest's systemd rates the unit it ran at most 2.5"
systemd-analyze security --no-pager volmap-helper.service | tail -n 1
systemd-analyze security --no-pager --threshold=25 volmap-helper.service >/dev/null ||
    fail "systemd-analyze security rates volmap-helper.service above 2.5"

finish
