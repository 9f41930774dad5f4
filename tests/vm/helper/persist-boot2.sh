#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The second boot of the restart test, a new VM under systemd with udev:
# /etc/volmap and the backing files from persist-boot1.sh, the loop
# devices attached in the OPPOSITE order (so other loop numbers). With one
# member attached the saved mapping waits, naming the missing file; when
# the second appears, the udev rule starts the assembly unit by itself and
# the mapping is back with the same contents. The sandboxed helper unit
# forgets and saves it again over the bus, and volmapctl list shows it.
# The second saved mapping's file was replaced by another of the same
# size at the same path: refused, never created. A member that comes back
# with the same path but another size is refused. Hostile definition files
# are refused, logged, and create nothing.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || { show_unit_logs; journalctl --boot --no-pager --unit "volmap-assemble*" | tail -n 40; }; on_exit' EXIT
: "${VOLMAP_PERSIST_SHARE:?VOLMAP_PERSIST_SHARE must name the shared writable folder}"
# The helper unit hides /tmp and /home (PrivateTmp, ProtectHome), so an image
# there cannot be identified by the sandboxed helper. Wherever the build lives
# on the host, both boots see the shared folder at one path the unit can read,
# as an administrator's disk images would be (the same 9p file system, so the
# same inodes and fsid in both boots).
mkdir -p /srv/volmap-persist
mountpoint -q /srv/volmap-persist || mount --bind "$VOLMAP_PERSIST_SHARE" /srv/volmap-persist
share=/srv/volmap-persist
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

step "c.img replaced by another file of the same size at the same path: refused"
mv "$share/c.img" "$share/c.old" # kept, so its inode number is not reused
truncate -s 16M "$share/c.img"
loop_c=$(losetup --find --show "$share/c.img")
udevadm settle --timeout=60

step "b.img first: the saved mapping waits for a.img"
loop_b=$(losetup --find --show "$share/b.img")
udevadm settle --timeout=60
assembled=$(/usr/libexec/volmap-helper --assemble)
echo "$assembled"
expect_eq "$(sed -n 1p <<<"$assembled")" \
    "vm-persist: waiting: waiting for loop device on $share/a.img (offset 0, $MIB16 sectors)" "state with one member"
replaced="vm-replaced: refused: $loop_c is on $share/c.img, but that is another file than the saved one (inode"
[[ $(sed -n 2p <<<"$assembled") == "$replaced"*"); a replaced file is not used" ]] ||
    fail "the replaced c.img was not refused: $assembled"
[[ ! -e /dev/mapper/vm-persist ]] || fail "vm-persist exists with a member missing"
[[ ! -e /dev/mapper/vm-replaced ]] || fail "vm-replaced was assembled over a replaced file"

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
assembled=$(/usr/libexec/volmap-helper --assemble)
expect_eq "$(sed -n 1p <<<"$assembled")" "vm-persist: assembled" "state after assembly"
[[ $(sed -n 2p <<<"$assembled") == "$replaced"* ]] || fail "vm-replaced is no longer refused: $assembled"
[[ ! -e /dev/mapper/vm-replaced ]] || fail "vm-replaced was assembled over a replaced file"
# Back with the uuid it had, so alice, who created it, still owns it.
definition=/etc/volmap/mappings.d/vm-persist.mapping
saved_uuid=$(sed -n 's/^uuid //p' "$definition")
[[ $saved_uuid == "VOLMAP-U$(id -u alice)-"* ]] || fail "the saved uuid does not name alice: $saved_uuid"
expect_eq "$(dmsetup info -c --noheadings -o uuid vm-persist)" "$saved_uuid" "uuid after the restart"

step "through the bus, inside the helper unit's sandbox: forget, save again, list"
saved_files=$(grep '^file ' "$definition")
call alice SetPersistent "$(str vm-persist)" false "$NO_OPTIONS" >/dev/null
[[ ! -e $definition ]] || fail "SetPersistent false left $definition"
call alice SetPersistent "$(str vm-persist)" true "$NO_OPTIONS" >/dev/null
grep -qx "member m1 loop $MIB16 0 $share/a.img" "$definition" || fail "the helper unit did not save vm-persist again"
# The sandboxed unit asks the loop devices which files they hold: the same
# inodes and file system as boot 1 saw through the paths.
expect_eq "$(grep '^file ' "$definition")" "$saved_files" "file identities saved again"
expect_eq "$(sed -n 's/^uuid //p' "$definition")" "$saved_uuid" "uuid saved again"
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

step "hostile definition files: refused, logged, nothing created"
dir=/etc/volmap/mappings.d
good=$(cat "$dir/vm-persist.mapping")
sed 's/^name vm-persist$/name vm-symlink/' <<<"$good" >/root/vm-symlink.mapping
ln -s /root/vm-symlink.mapping "$dir/vm-symlink.mapping"
sed 's/^name vm-persist$/name vm-owner/' <<<"$good" >"$dir/vm-owner.mapping"
chown nobody "$dir/vm-owner.mapping"
sed 's/^name vm-persist$/name vm-mode/' <<<"$good" >"$dir/vm-mode.mapping"
chmod 0666 "$dir/vm-mode.mapping"
{ printf '\177ELF\2\1\1'; head -c 4089 /dev/urandom; } >"$dir/vm-junk.mapping" # an executable's start
{ echo "volmap-definition 1"; head -c 10M /dev/zero | tr '\0' '#'; } >"$dir/vm-huge.mapping"
sed 's|^name vm-persist$|name ../vm-slash|' <<<"$good" >"$dir/vm-slash.mapping"
sed 's/^name vm-persist$/name vm-newline/' <<<"$good" >"$dir/vm-new"$'\n'"line.mapping"
# A loop member that is mounted: the definition is well-formed, the table
# would write over a mounted file system.
truncate -s 16M "$share/d.img"
loop_d=$(losetup --find --show "$share/d.img")
mkfs.ext4 -q "$loop_d"
mkdir -p /mnt/vm-d
mount "$loop_d" /mnt/vm-d
printf '%s\n' "volmap-definition 1" "name vm-mounted" "member m1 loop $MIB16 0 $share/d.img" \
    "file m1 $(stat -c %i "$share/d.img") fsid:$(printf %016x "0x$(stat -f -c %i "$share/d.img")")" \
    "table" "0 2048 linear \$m1 0" >"$dir/vm-mounted.mapping"
chmod 0644 "$dir"/vm-*.mapping
chmod 0666 "$dir/vm-mode.mapping"
udevadm settle --timeout=60
before=$(dmsetup ls | sort)
/usr/libexec/volmap-helper --assemble >/tmp/assembled 2>/tmp/assemble.log ||
    fail "--assemble failed: $(cat /tmp/assemble.log)"
cat /tmp/assembled /tmp/assemble.log
# expect_refused NAME REASON: NAME is listed refused for REASON, and, if
# its file is refused, that is logged with the file's name (as shown).
expect_refused() {
    grep -F "$1: refused: " /tmp/assembled | grep -qF "$2" || fail "$1 is not refused with '$2'"
    if [[ $2 == "definition refused: "* ]]; then
        grep -qF "refusing definition '${1//\'/}.mapping': ${2#definition refused: }" /tmp/assemble.log ||
            fail "the refusal of $1 is not logged"
    fi
}
expect_refused vm-symlink "definition refused: is a symlink"
expect_refused vm-owner "definition refused: is owned by uid $(id -u nobody), not 0"
expect_refused vm-mode "definition refused: is writable by group or others (mode 0666)"
expect_refused vm-junk "definition refused: line 1: control character or invalid UTF-8"
expect_refused vm-huge "definition refused: is larger than 1048576 bytes"
expect_refused vm-slash "definition refused: line 3: a mapping name may only contain"
expect_refused "'vm-new?line'" "definition refused: the file name is no mapping name"
expect_refused vm-mounted "the device is mounted at /mnt/vm-d"
expect_eq "$(dmsetup ls | sort)" "$before" "dm devices after assembling hostile definitions"
umount /mnt/vm-d
for name in symlink owner mode junk huge slash mounted new$'\n'line; do
    rm "$dir/vm-$name.mapping"
done
rm /root/vm-symlink.mapping

step "clean up"
losetup -d "$loop_a" "$loop_b" "$loop_c" "$loop_d"
udevadm settle --timeout=60
expect_eq "$(dmsetup ls)" "No devices found" "dm devices after the test"
echo "PASS: $(basename "$0")"
