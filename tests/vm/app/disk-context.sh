#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The app over a machine with real LVM and LUKS: a volume group on two
# loop devices with a striped and a linear LV, and an open LUKS container
# on a third. tst_diskcontext (as alice, offscreen) must show them in the
# stack view and the space map with the ranges the kernel has, show the
# crypt table without its key, pick only free space on a drop, and refuse
# a draft over an LV's range before any call reaches the helper.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/../helper/helper-lib.sh"
: "${VOLMAP_DISK_CONTEXT:?VOLMAP_DISK_CONTEXT must name the built tst_diskcontext}"

VG=vmdc
KEY=/tmp/luks-key

cleanup() {
    cryptsetup close vmdc-crypt 2>/dev/null || true
    vgchange -an "$VG" >/dev/null 2>&1 || true
}
trap 'status=$?; if ((status != 0)); then show_helper_log; cat /tmp/app.log 2>/dev/null; (exit "$status") || on_exit; cleanup; fi' EXIT

start_helper_stack
modprobe dm-mod
modprobe dm-crypt
a=$(loopdisk /tmp/disk-a 64)
b=$(loopdisk /tmp/disk-b 64)
c=$(loopdisk /tmp/disk-c 32)

lvm_only_on "$a" "$b"

step "a VG on $a and $b: a striped LV over both, a linear LV on $a"
pvcreate -q "$a" "$b"
vgcreate -q -s 4M "$VG" "$a" "$b"
lvcreate -q -y -i 2 -I 64k -L 16M -n striped "$VG" >/dev/null
lvcreate -q -y -L 8M -n linear "$VG" "$a" >/dev/null
dmsetup table "$VG-striped"
dmsetup table "$VG-linear"

step "a LUKS2 container on $c, open"
printf 'not a secret' >"$KEY"
cryptsetup luksFormat -q --type luks2 --pbkdf pbkdf2 --pbkdf-force-iterations 1000 --key-file "$KEY" "$c"
# Without the kernel keyring, so the table carries the key itself.
cryptsetup open --disable-keyring --key-file "$KEY" "$c" vmdc-crypt
key=$(dmsetup table --showkeys vmdc-crypt | awk '{ print $5 }')
[[ ${#key} -ge 32 ]] || fail "no key in the crypt table: $(dmsetup table vmdc-crypt)"

# What the app must find, in the kernel's own words.
flow=/tmp/disk-context
mkdir -m 777 "$flow"
{
    echo "devices=$a $b $c"
    echo "numbers=$(lsblk -dno MAJ:MIN "$a" "$b" "$c" | tr -d ' ' | tr '\n' ' ')"
    for name in "$VG-striped" "$VG-linear" vmdc-crypt; do
        dmsetup table "$name" | sed "s|^|table $name |"
    done
    echo "key=$key"
} >"$flow/expected"
chmod 644 "$flow/expected"
cat "$flow/expected" | grep -v '^key='
before=$(dmsetup ls | sort)

step "the app, as alice"
[[ -n ${VOLMAP_SCREENSHOT_DIR:-} ]] && chmod 777 "$VOLMAP_SCREENSHOT_DIR"
mkdir -m 700 -p /tmp/alice-runtime && chown alice /tmp/alice-runtime
runuser -u alice -- env QT_QPA_PLATFORM=offscreen VOLMAP_FLOW_DIR="$flow" \
    VOLMAP_SCREENSHOT_DIR="${VOLMAP_SCREENSHOT_DIR:-}" XDG_RUNTIME_DIR=/tmp/alice-runtime \
    timeout 300 "$VOLMAP_DISK_CONTEXT" >/tmp/app.log 2>&1 || fail "tst_diskcontext: $(cat /tmp/app.log)"
cat /tmp/app.log

step "nothing was created, and the helper was never asked to"
expect_eq "$(dmsetup ls | sort)" "$before" "mappings after the app"
if grep -q "vmdc-over" /tmp/bus.log; then
    fail "the draft over the LV reached the helper: $(grep vmdc-over /tmp/bus.log)"
fi

step "LUKS closed, LVM deactivated"
cleanup
expect_eq "$(dmsetup ls)" "No devices found" "mappings left"
echo "PASS: $(basename "$0")"
