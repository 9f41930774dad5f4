#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A real filesystem on a two-device basic_target mapping: files written,
# unmounted, fsck clean, remounted and read back identical.
. "$(dirname "$0")/guest-lib.sh"

load_module
modprobe ext4
ramdisks 2 48
dmsetup create vm-ext4 <<TABLE
0 81920 basic_target /dev/ram0 8192
81920 81920 basic_target /dev/ram1 16384
TABLE

step "mkfs.ext4 and write files"
mkfs.ext4 -q -L volmap-test /dev/mapper/vm-ext4
mkdir -p /mnt/vm-ext4
mount /dev/mapper/vm-ext4 /mnt/vm-ext4
for i in $(seq 1 12); do
    head -c $((i * 400 * 1024)) /dev/urandom >/mnt/vm-ext4/file$i
done
mkdir /mnt/vm-ext4/tree
cp -a /usr/share/doc/fio /usr/share/doc/dmsetup /mnt/vm-ext4/tree/
(cd /mnt/vm-ext4 && find . -type f -print0 | sort -z | xargs -0 sha256sum) >/tmp/sums
echo "ok: $(wc -l </tmp/sums) files, $(du -sm /mnt/vm-ext4 | cut -f1) MiB written"
umount /mnt/vm-ext4

step "fsck -f finds nothing to fix"
fsck.ext4 -f -n /dev/mapper/vm-ext4 || fail "fsck found problems"

step "remount and read back"
echo 3 >/proc/sys/vm/drop_caches
mount -o ro /dev/mapper/vm-ext4 /mnt/vm-ext4
(cd /mnt/vm-ext4 && sha256sum --quiet -c /tmp/sums) || fail "file contents changed"
echo "ok: every checksum matches"
umount /mnt/vm-ext4

dmsetup remove vm-ext4
finish
