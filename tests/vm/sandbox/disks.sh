# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# Disks to play with in the sandbox (sourced by session), all in the
# guest's RAM: two ramdisks and three loop disks of different sizes, the
# first with a GPT partition table and an ext4 filesystem, so the device
# panel looks like a real machine's.
SANDBOX_IMAGES=/var/tmp/sandbox-disks

sandbox_disks() {
    ramdisks 2 64
    mkdir -p "$SANDBOX_IMAGES"
    modprobe loop
    truncate -s 256M "$SANDBOX_IMAGES/system.img"
    truncate -s 192M "$SANDBOX_IMAGES/spare-a.img"
    truncate -s 128M "$SANDBOX_IMAGES/spare-b.img"
    # One partition over the whole disk, and the filesystem in it.
    echo 'label: gpt
,,L' | sfdisk --quiet "$SANDBOX_IMAGES/system.img"
    losetup --partscan /dev/loop0 "$SANDBOX_IMAGES/system.img"
    losetup /dev/loop1 "$SANDBOX_IMAGES/spare-a.img"
    losetup /dev/loop2 "$SANDBOX_IMAGES/spare-b.img"
    for _ in $(seq 50); do
        [[ -b /dev/loop0p1 ]] && break
        sleep 0.1
    done
    # Lazy init: the rest of the tables are written on first mount, which
    # the sandbox leaves to the person.
    mkfs.ext4 -q -L sandbox-data -E lazy_itable_init=1,lazy_journal_init=1 /dev/loop0p1
}

disk_summary() {
    cat <<TEXT
  /dev/ram0, /dev/ram1   64 MiB ramdisks
  /dev/loop0             256 MiB, GPT; /dev/loop0p1 holds ext4 "sandbox-data"
  /dev/loop1             192 MiB, empty
  /dev/loop2             128 MiB, empty
TEXT
}
