#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The first boot of the restart test (persist-boot2.sh is the second, in
# a new VM): alice creates a persistent mapping over two loop devices
# whose backing files live in the shared writable folder, writes random
# data and notes its sha256; and a second one over a third file, which
# boot 2 replaces by another file of the same size. The definitions the
# helper saved go to the shared folder, as /etc/volmap would survive on a
# real disk.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT
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

start_helper_stack
modprobe dm-mod
rm -rf "${share:?}"/*

step "two loop devices over files in the shared folder, a first"
loop_a=$(loopdisk "$share/a.img" 16)
loop_b=$(loopdisk "$share/b.img" 16)
loop_c=$(loopdisk "$share/c.img" 16)
echo "a.img on $loop_a, b.img on $loop_b, c.img on $loop_c"

step "a persistent mapping: the table saved by identity, not by loop number"
table="0 $MIB16 linear $loop_a 0
$MIB16 $MIB16 linear $loop_b 0"
expect_eq "$(call alice CreateMapping "$(str vm-persist)" "$(str "$table")" "{'persistent': <true>}")" \
    "('/dev/mapper/vm-persist',)" "create --persistent"
definition=/etc/volmap/mappings.d/vm-persist.mapping
[[ -f $definition ]] || fail "no $definition"
cat "$definition"
grep -qx "member m1 loop $MIB16 0 $share/a.img" "$definition" || fail "a.img is not saved as member m1"
grep -qx "member m2 loop $MIB16 0 $share/b.img" "$definition" || fail "b.img is not saved as member m2"
# Each file by inode and file system (9p has no block device: statfs's
# f_fsid, as stat -f prints it), so a replaced file is told apart.
for member in m1:a m2:b; do
    file=$share/${member#*:}.img
    line="file ${member%:*} $(stat -c %i "$file") fsid:$(printf %016x "0x$(stat -f -c %i "$file")")"
    grep -qx "$line" "$definition" || fail "no '$line' in the definition"
done
# The mapping's uuid, with alice's uid in it, so she still owns it after the restart.
saved_uuid=$(sed -n 's/^uuid //p' "$definition")
expect_eq "$saved_uuid" "$(dmsetup info -c --noheadings -o uuid vm-persist)" "saved uuid"
[[ $saved_uuid == "VOLMAP-U$(id -u alice)-"* ]] || fail "the saved uuid does not name alice: $saved_uuid"
expect_eq "$(stat -c '%U %a' "$definition")" "root 644" "owner and mode of the definition"
expect_eq "$(call alice ListSavedMappings "$NO_OPTIONS")" \
    "([{'name': <'vm-persist'>, 'reason': <''>, 'state': <'assembled'>}],)" "saved state"

step "a second persistent mapping, over c.img, which boot 2 replaces"
expect_eq "$(call alice CreateMapping "$(str vm-replaced)" "$(str "0 $MIB16 linear $loop_c 0")" "{'persistent': <true>}")" \
    "('/dev/mapper/vm-replaced',)" "create vm-replaced --persistent"
grep -qx "file m1 $(stat -c %i "$share/c.img") .*" /etc/volmap/mappings.d/vm-replaced.mapping ||
    fail "c.img is not saved by its inode"

step "a RAM disk has no identity that survives a restart: refused, nothing created"
ramdisks 1 16
call_fails alice NoStableIdentity CreateMapping "$(str vm-ram)" "$(str '0 2048 linear /dev/ram0 0')" \
    "{'persistent': <true>}"
[[ ! -e /etc/volmap/mappings.d/vm-ram.mapping ]] || fail "a definition for vm-ram was written"
dmsetup info vm-ram >/dev/null 2>&1 && fail "vm-ram was created"

step "random data on the mapping, its sha256 for the next boot"
dd if=/dev/urandom of=/dev/mapper/vm-persist bs=1M count=32 status=none
sync
sha256sum </dev/mapper/vm-persist | cut -d' ' -f1 >"$share/sha256"
echo "sha256 $(cat "$share/sha256")"

step "shut down: the mapping goes, the loops go, /etc/volmap stays"
dmsetup remove vm-persist
dmsetup remove vm-replaced
losetup -d "$loop_a" "$loop_b" "$loop_c"
cp -a /etc/volmap "$share/etc-volmap"
sync
echo "PASS: $(basename "$0")"
