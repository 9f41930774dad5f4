#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The helper for real: D-Bus activated from its installed .service file on
# a real system bus, polkitd deciding per user with a rules file, the real
# module and kernel. Lifecycle, counters, who may do what, and the errors
# a person sees.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT

start_helper_stack
ramdisks 3 16
table=$'0 2048 basic_target /dev/ram0 0\n2048 2048 linear /dev/ram1 0'

step "the installed systemd unit verifies clean"
# (its man page arrives with the packaging; everything else must be clean)
unit_problems=$(systemd-analyze verify /usr/lib/systemd/system/volmap-helper.service 2>&1 |
    grep -v "man volmap-helper(8)" || true)
expect_eq "$unit_problems" "" "systemd-analyze verify"

step "alice creates a mapping; the helper loads the module on demand"
[[ ! -e /sys/module/dm_basic_target ]] || fail "module loaded too early"
expect_eq "$(call alice CreateMapping "$(str vm-a)" "$(str "$table")" "$NO_OPTIONS")" "('/dev/mapper/vm-a',)" "reply"
[[ -n $(helper_pid) ]] || fail "no helper process after activation"
[[ -e /sys/module/dm_basic_target ]] || fail "module not loaded by the helper"
[[ -b /dev/mapper/vm-a ]] || fail "no /dev/mapper/vm-a node"
expect_eq "$(dmsetup table vm-a)" $'0 2048 basic_target 1:0 0\n2048 2048 linear 1:1 0' "kernel table (major:minor)"
[[ $(dmsetup info -c --noheadings -o uuid vm-a) == VOLMAP-* ]] || fail "uuid lacks the VOLMAP- prefix"
expect_eq "$(call alice GetTable "$(str vm-a)" "$NO_OPTIONS")" "('0 2048 basic_target 1:0 0\\n2048 2048 linear 1:1 0\\n',)" "GetTable"
list=$(call alice ListMappings "$NO_OPTIONS")
[[ $list == *"'name': <'vm-a'>"* && $list == *"'created-by-volmap': <true>"* ]] || fail "ListMappings: $list"

step "counters through GetStatus, and ResetCounters"
dd if=/dev/zero of=/dev/mapper/vm-a bs=4096 count=8 oflag=direct status=none
status=$(call alice GetStatus "$(str vm-a)" "$NO_OPTIONS")
[[ $status == *"'writes': <uint64 8>"* && $status == *"'write-sectors': <uint64 64>"* ]] || fail "GetStatus: $status"
[[ $status == *"'errors': <uint64 0>"* ]] || fail "GetStatus lacks basic_target 1.1's errors: $status"
call alice ResetCounters "$(str vm-a)" "$NO_OPTIONS" >/dev/null
expect_eq "$(segment_status vm-a 0)" "0 0 0 0 0 0 0" "counters after ResetCounters"

step "bob is refused everything and nothing changes"
call_fails bob NotAuthorized CreateMapping "$(str vm-b)" "$(str '0 8 zero')" "$NO_OPTIONS"
call_fails bob NotAuthorized RemoveMapping "$(str vm-a)" "$NO_OPTIONS"
call_fails bob NotAuthorized GetStatus "$(str vm-a)" "$NO_OPTIONS"
call_fails bob NotAuthorized LoadTargetModule "$NO_OPTIONS"
expect_eq "$(dmsetup ls | awk '{ print $1 }')" "vm-a" "devices after bob"

step "carol has no polkit agent: told so, or plainly refused when not interactive"
call_fails carol NoAuthenticationAgent CreateMapping "$(str vm-c)" "$(str '0 8 zero')" "$NO_OPTIONS"
call_fails carol NotAuthorized CreateMapping "$(str vm-c)" "$(str '0 8 zero')" "{'interactive': <false>}"

step "a mapping volmap did not create needs manage-foreign"
dmsetup create foreign --table "0 100 linear /dev/ram1 3000"
call_fails dave NotAuthorized RemoveMapping "$(str foreign)" "$NO_OPTIONS"
call_fails dave NotAuthorized ReloadMapping "$(str foreign)" "$(str '0 100 linear /dev/ram1 3000')" "$NO_OPTIONS"
dmsetup info foreign >/dev/null || fail "foreign mapping gone"
call alice RemoveMapping "$(str foreign)" "$NO_OPTIONS" >/dev/null
call dave ResetCounters "$(str vm-a)" "$NO_OPTIONS" >/dev/null

step "conflicts: ranges another mapping uses, a mounted device"
call_fails alice Overlap CreateMapping "$(str vm-o)" "$(str '0 100 linear /dev/ram0 2000')" "$NO_OPTIONS"
call alice CreateMapping "$(str vm-next)" "$(str '0 100 linear /dev/ram0 2048')" "$NO_OPTIONS" >/dev/null
modprobe ext4
mkfs.ext4 -q /dev/ram2
mkdir -p /mnt/ram2
mount /dev/ram2 /mnt/ram2
call_fails alice DeviceInUse CreateMapping "$(str vm-m)" "$(str '0 100 basic_target /dev/ram2 8192')" "$NO_OPTIONS"
umount /mnt/ram2
call_fails alice Exists CreateMapping "$(str vm-a)" "$(str '0 8 zero')" "$NO_OPTIONS"
call_fails alice NotFound RemoveMapping "$(str nothere)" "$NO_OPTIONS"

step "an open mapping is removed only deferred"
exec 3</dev/mapper/vm-next
call_fails alice DeviceInUse RemoveMapping "$(str vm-next)" "$NO_OPTIONS"
call alice RemoveMapping "$(str vm-next)" "{'deferred': <true>}" >/dev/null
[[ $(call alice ListMappings "$NO_OPTIONS") == *"'deferred-remove': <true>"* ]] || fail "deferred removal not pending"
exec 3<&-
for i in $(seq 50); do
    dmsetup info vm-next >/dev/null 2>&1 || break
    sleep 0.1
done
dmsetup info vm-next >/dev/null 2>&1 && fail "deferred removal did not happen on close"
echo "ok: removed when the last user closed it"

step "hostile input over the bus is refused before anything happens"
ln -s /dev/ram2 /dev/ram2-link
touch /dev/shm/regular-file
mkdir -p /dev/shm
for bad_name in $'a\nb' "a b" "../control" ".." "$(printf 'n%.0s' {1..300})" "" "x;reboot"; do
    call_fails alice InvalidArgument CreateMapping "$(str "$bad_name")" "$(str '0 8 zero')" "$NO_OPTIONS"
done
for bad_table in "" "0 18446744073709551616 zero" "0 8 linear /dev/ram2 -1" "0 8 crypt aes 0 1:2 0" \
    "0 8 basic_target /dev/ram2 0 extra" "0 8 linear /dev/null 0" "0 8 linear /dev/shm/regular-file 0" \
    "0 8 linear /etc/passwd 0" "0 8 linear /dev/../etc/passwd 0" "8 8 zero" $'0 8 zero\n4 8 zero' \
    "0 8 linear /dev/ram2 32767"; do
    call_fails alice InvalidArgument CreateMapping "$(str vm-h)" "$(str "$bad_table")" "$NO_OPTIONS"
done
call_fails alice InvalidArgument CreateMapping "$(str vm-h)" "$(str '0 8 zero')" "{'force': <true>}"
call_fails alice InvalidArgument CreateMapping "$(str vm-h)" "$(str '0 8 zero')" "{'read-only': <'yes'>}"
expect_eq "$(dmsetup ls | awk '{ print $1 }')" "vm-a" "devices after hostile input"

step "a symlink to a block device is fine and reaches the kernel as major:minor"
call alice CreateMapping "$(str vm-link)" "$(str '0 8 linear /dev/ram2-link 0')" "{'read-only': <true>}" >/dev/null
expect_eq "$(dmsetup table vm-link)" "0 8 linear 1:2 0" "table of vm-link"
[[ $(dmsetup info vm-link) == *"ACTIVE (READ-ONLY)"* ]] || fail "vm-link is not read-only"
call alice ReloadMapping "$(str vm-link)" "$(str '0 16 basic_target /dev/ram2-link 8')" "$NO_OPTIONS" >/dev/null
[[ $(dmsetup info vm-link) == *"ACTIVE (READ-ONLY)"* ]] || fail "vm-link turned writable on reload"
echo "ok: still read-only after a reload"
call alice RemoveMapping "$(str vm-link)" "$NO_OPTIONS" >/dev/null

step "bus policy: only root owns the name, others reach only its interfaces"
peer=$(runuser -u bob -- dbus-send --system --print-reply --dest=$HELPER_DEST $HELPER_PATH \
    org.freedesktop.DBus.Peer.Ping 2>&1) || fail "Peer.Ping refused: $peer"
other=$(runuser -u alice -- dbus-send --system --print-reply --dest=$HELPER_DEST $HELPER_PATH \
    org.example.Other.Method 2>&1) && fail "a foreign interface was reachable"
[[ $other == *AccessDenied* ]] || fail "foreign interface: expected AccessDenied, got: $other"
own=$(runuser -u alice -- dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.RequestName string:$HELPER_DEST uint32:0 2>&1) && fail "alice could own $HELPER_DEST"
[[ $own == *AccessDenied* ]] || fail "RequestName: expected AccessDenied, got: $own"
echo "ok: Peer reachable, other interfaces and ownership denied"

step "a reload that would stack a mapping on itself is refused"
call alice CreateMapping "$(str vm-lower)" "$(str '0 64 linear /dev/ram1 8192')" "$NO_OPTIONS" >/dev/null
call alice CreateMapping "$(str vm-upper)" "$(str '0 64 basic_target /dev/mapper/vm-lower 0')" "$NO_OPTIONS" >/dev/null
call_fails alice InvalidArgument ReloadMapping "$(str vm-lower)" "$(str '0 64 linear /dev/mapper/vm-upper 0')" "$NO_OPTIONS"
expect_eq "$(dmsetup table vm-lower)" "0 64 linear 1:1 8192" "vm-lower after the refused reload"
call alice RemoveMapping "$(str vm-upper)" "$NO_OPTIONS" >/dev/null
call alice RemoveMapping "$(str vm-lower)" "$NO_OPTIONS" >/dev/null

step "every mutating call is logged with the caller's uid"
grep -q "uid $(id -u alice) (.*): create 'vm-a'" /tmp/bus.log || fail "no log line for alice's create"
grep -q "uid $(id -u bob) (.*): create 'vm-b'.*NotAuthorized" /tmp/bus.log || fail "no log line for bob's refusal"

step "the helper exits when idle"
old=$(helper_pid)
[[ -n $old ]] || fail "no activated helper is running (did it crash?)"
kill $old
for i in $(seq 50); do
    [[ -z $(helper_pid) ]] && break
    sleep 0.1
done
[[ -z $(helper_pid) ]] || fail "the activated helper did not stop"
# Idle for 10 s: the wait for its name and gdbus's start below took more
# than 2 s on a loaded host, and the call then activated a second helper.
/usr/libexec/volmap-helper --idle-timeout 10 >>/tmp/bus.log 2>&1 &
manual=$!
# Wait until this very process owns the name (the bus may still list the
# killed one for a moment; asking for the owner's pid activates nothing).
for i in $(seq 300); do
    owner=$(dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID string:$HELPER_DEST 2>/dev/null |
        awk '/uint32/ { print $2 }' || true)
    [[ $owner == "$manual" ]] && break
    sleep 0.1
done
expect_eq "$owner" "$manual" "pid owning $HELPER_DEST"
kill -0 $manual 2>/dev/null || fail "the helper started by hand did not come up"
call alice GetCapabilities "$NO_OPTIONS" >/dev/null
expect_eq "$(helper_pid)" "$manual" "the helper that answered"
for i in $(seq 400); do
    kill -0 $manual 2>/dev/null || break
    sleep 0.1
done
kill -0 $manual 2>/dev/null && fail "helper still running 40 s after its last call"
echo "ok: helper exited after 10 s idle"

call alice RemoveMapping "$(str vm-a)" "$NO_OPTIONS" >/dev/null
finish
