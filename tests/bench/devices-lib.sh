# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by vm-devices.sh and vm-devices-profile.sh (sourced after
# guest-lib.sh): the staged install over /usr and 200 ramdisks that udev
# has seen, so both tools read filesystem facts from udev's database
# instead of probing.
ramdisks_with_udev() {
    cp -a "$VOLMAP_STAGE"/. /
    modprobe brd rd_nr=200 rd_size=1024
    /lib/systemd/systemd-udevd --daemon
    udevadm trigger --action=add --subsystem-match=block
    udevadm settle --timeout=120
}
