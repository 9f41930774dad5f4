#!/bin/bash
# The second boot of the restart test, a new VM under systemd with udev:
# /etc/volmap and the backing files from persist-boot1.sh, the loop
# devices attached in the OPPOSITE order (so other loop numbers). With one
# member attached the saved mapping waits, naming the missing file; when
# the second appears, the udev rule starts the assembly unit by itself and
# the mapping is back with the same contents. The sandboxed helper unit
# forgets and saves it again over the bus, and volmapctl list shows it.
# Then a member that comes back with the same path but another size is
# refused.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || { show_unit_logs; journalctl --boot --no-pager --unit "volmap-assemble*" | tail -n 40; }; on_exit' EXIT
: "${VOLMAP_PERSIST_SHARE:?VOLMAP_PERSIST_SHARE must name the shared writable folder}"
share=$VOLMAP_PERSIST_SHARE
MIB16=32768 # sectors

[[ -s $share/sha256 && -d $share/etc-volmap ]] || fail "persist-boot1.sh left nothing in $share"
install_under_systemd
udevadm control --reload
mkdir -p /etc
cp -a "$share/etc-volmap" /etc/volmap
chown -R root:root /etc/volmap
modprobe loop
modprobe dm-mod

# wait_for PATH SECONDS: whether PATH appears in time.
wait_for() {
    local i
    for i in $(seq "$(($2 * 10))"); do
        [[ -e $1 ]] && return 0
        sleep 0.1
    done
    return 1
}

step "b.img first: the saved mapping waits for a.img"
loop_b=$(losetup --find --show "$share/b.img")
udevadm settle --timeout=60
assembled=$(/usr/libexec/volmap-helper --assemble)
echo "$assembled"
expect_eq "$assembled" \
    "vm-persist: waiting: waiting for loop device on $share/a.img (offset 0, $MIB16 sectors)" "state with one member"
[[ ! -e /dev/mapper/vm-persist ]] || fail "vm-persist exists with a member missing"

step "a.img second, on another loop number: udev assembles it, nobody calls"
loop_a=$(losetup --find --show "$share/a.img")
echo "b.img on $loop_b, a.img on $loop_a"
wait_for /dev/mapper/vm-persist 120 || fail "udev did not assemble vm-persist"
udevadm settle --timeout=60
systemctl --no-pager --all list-units 'volmap-assemble*' || true
table=$(dmsetup table vm-persist)
echo "$table"
expect_eq "$(echo "$table" | awk 'NR == 1 { print $4 }')" "$(cat /sys/block/"${loop_a#/dev/}"/dev)" "first half on a.img"
expect_eq "$(sha256sum </dev/mapper/vm-persist | cut -d' ' -f1)" "$(cat "$share/sha256")" "sha256 after the restart"
expect_eq "$(/usr/libexec/volmap-helper --assemble)" "vm-persist: assembled" "state after assembly"

step "through the bus, inside the helper unit's sandbox: forget, save again, list"
definition=/etc/volmap/mappings.d/vm-persist.mapping
call alice SetPersistent "$(str vm-persist)" false "$NO_OPTIONS" >/dev/null
[[ ! -e $definition ]] || fail "SetPersistent false left $definition"
call alice SetPersistent "$(str vm-persist)" true "$NO_OPTIONS" >/dev/null
grep -qx "member m1 loop $MIB16 0 $share/a.img" "$definition" || fail "the helper unit did not save vm-persist again"
expect_eq "$(stat -c '%U' "$definition")" root "owner of the definition the unit wrote"
listing=$(runuser -u alice -- volmapctl --no-ask-password list)
echo "$listing"
[[ $listing == *"vm-persist "*" assembled"* ]] || fail "volmapctl list does not show vm-persist as assembled"

step "a.img back at the same path but with another size: refused"
dmsetup remove vm-persist
udevadm settle --timeout=60
losetup -d "$loop_a"
loop_a=$(losetup --find --show --sizelimit 8M "$share/a.img")
udevadm settle --timeout=60
assembled=$(/usr/libexec/volmap-helper --assemble)
echo "$assembled"
[[ $assembled == "vm-persist: refused: ${loop_a} has 16384 sectors, but the saved"* ]] ||
    fail "a member of another size was not refused: $assembled"
[[ ! -e /dev/mapper/vm-persist ]] || fail "vm-persist was assembled over a member of another size"

step "clean up"
losetup -d "$loop_a" "$loop_b"
udevadm settle --timeout=60
expect_eq "$(dmsetup ls)" "No devices found" "dm devices after the test"
echo "PASS: $(basename "$0")"
