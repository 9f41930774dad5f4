#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# With udev running the helper synchronises through udev cookies: nodes
# appear and vanish by udev's hand, and no cookie is left waiting.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT

start_helper_stack
/lib/systemd/systemd-udevd --daemon
udevadm trigger --action=add --subsystem-match=block
udevadm settle --timeout=60
ramdisks 1 16

step "create and remove while udev runs"
expect_eq "$(call alice CreateMapping "$(str vm-udev)" "$(str '0 2048 basic_target /dev/ram0 0')" "$NO_OPTIONS")" \
    "('/dev/mapper/vm-udev',)" "create"
udevadm settle --timeout=60
[[ -L /dev/mapper/vm-udev ]] || fail "udev did not make /dev/mapper/vm-udev (a symlink under udev)"
[[ -e /dev/disk/by-id/dm-name-vm-udev ]] || fail "udev rules did not run for the mapping"
expect_eq "$(command dmsetup udevcookies | tail -n +2)" "" "udev cookies still waiting"
call alice RemoveMapping "$(str vm-udev)" "$NO_OPTIONS" >/dev/null
udevadm settle --timeout=60
[[ ! -e /dev/mapper/vm-udev ]] || fail "/dev/mapper/vm-udev is still there"
expect_eq "$(command dmsetup udevcookies | tail -n +2)" "" "udev cookies after remove"

finish
# Last: while udev runs, libdevmapper waits for it to confirm node changes.
udevadm control --exit
