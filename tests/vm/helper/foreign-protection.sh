#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Devices a foreign owner holds, with real lvm2 and cryptsetup: an LVM PV
# (its label and metadata, free extents, an inactive LV) and a LUKS header
# are usable only with manage-foreign (dave lacks it, alice has it); what
# an active LV or an open dm-crypt mapping uses is still taken. And paths
# under /dev/shm and /dev/mqueue, whatever they point at, get one answer.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"

KEY=/tmp/luks-key
VG=vmfp

# Whatever happened, leave no mapping, no active LV, no open LUKS.
cleanup() {
    local name
    for name in $(dmsetup ls 2>/dev/null | awk '$1 ~ /^vm-/ { print $1 }'); do
        dmsetup remove "$name" 2>/dev/null || true
    done
    cryptsetup close vmfp-crypt 2>/dev/null || true
    vgchange -an "$VG" >/dev/null 2>&1 || true
}
# on_exit reads the status from $?, so it runs right after a command that
# fails with it (on the left of ||, where set -e lets it fail).
trap 'status=$?; if ((status != 0)); then show_helper_log; (exit "$status") || on_exit; cleanup; fi' EXIT

# refused USER ERROR TEXT NAME TABLE: CreateMapping must fail with ERROR
# and a message that contains TEXT.
refused() {
    local user=$1 error=$2 text=$3 name=$4 table=$5 output
    if output=$(call "$user" CreateMapping "$(str "$name")" "$(str "$table")" "$NO_OPTIONS" 2>&1); then
        fail "$user: CreateMapping '$table' succeeded: $output"
    fi
    [[ $output == *"$HELPER_DEST.Error.$error:"* ]] || fail "$user: '$table': expected $error, got: $output"
    [[ $output == *"$text"* ]] || fail "$user: '$table': the message does not name '$text': $output"
    echo "ok: $user '$table' -> $error (${output##*Error."$error": })"
}

mapping_names() {
    dmsetup ls | awk '$1 != "No" { print $1 }' | sort | tr '\n' ' '
}

start_helper_stack
modprobe dm-mod
ramdisks 2 64
lvm_only_on /dev/ram0 /dev/ram1

step "an LVM volume group on ram0: one active LV, one inactive, free extents"
pvcreate -q /dev/ram0
vgcreate -q -s 4M "$VG" /dev/ram0
lvcreate -q -y -L 8M -n active "$VG" >/dev/null
lvcreate -q -y -L 8M -n inactive "$VG" >/dev/null
lvchange -an "$VG/inactive"
expect_eq "$(lvs --noheadings -o lv_name,lv_active "$VG" | awk '{ print $1 "=" $2 }' | tr '\n' ' ')" \
    "active=active inactive= " "LV activation"
pe_start=$(pvs --noheadings --nosuffix --units s -o pe_start /dev/ram0 | tr -d ' ')
extent=$(vgs --noheadings --nosuffix --units s -o vg_extent_size "$VG" | tr -d ' ')
# Each PV segment: "<LV or empty> <first extent> <extents>", in sectors of ram0 below.
segment_of() {
    pvs --noheadings --segments -o lv_name,pvseg_start,pvseg_size /dev/ram0 |
        awk -v lv="$1" 'NF == 3 && $1 == lv { print $2, $3 } NF == 2 && lv == "" { print $1, $2 }' | head -n 1
}
read -r first count < <(segment_of active)
active_start=$((pe_start + first * extent)) active_length=$((count * extent))
read -r first count < <(segment_of inactive)
inactive_start=$((pe_start + first * extent)) inactive_length=$((count * extent))
read -r first count < <(segment_of "")
free_start=$((pe_start + first * extent)) free_length=$((count * extent))
echo "PV data from sector $pe_start, extents of $extent sectors: active $active_start+$active_length," \
    "inactive $inactive_start+$inactive_length, free $free_start+$free_length"
((free_length >= extent && inactive_length > 0)) || fail "no free extents or no inactive LV"
expect_eq "$(dmsetup table "$VG-active")" "0 $active_length linear 1:0 $active_start" "the active LV's table"
[[ $(blkid -p -o value -s TYPE /dev/ram0) == LVM2_member ]] || fail "ram0 does not read as LVM2_member"

step "a LUKS2 container on ram1, closed"
printf 'not a secret' >"$KEY"
cryptsetup luksFormat -q --type luks2 --pbkdf pbkdf2 --pbkdf-force-iterations 1000 --key-file "$KEY" /dev/ram1
[[ $(blkid -p -o value -s TYPE /dev/ram1) == crypto_LUKS ]] || fail "ram1 does not read as crypto_LUKS"
luks_data=$(cryptsetup luksDump /dev/ram1 | awk '$1 == "offset:" { print $2; exit }')
luks_data=$((luks_data / 512))
((luks_data > 0)) || fail "no data offset in the LUKS header"
echo "LUKS data area from sector $luks_data"
expect_eq "$(mapping_names)" "$VG-active " "mappings before the calls"

step "dave (no manage-foreign): the PV label, free extents, the inactive LV, the LUKS header"
refused dave NotAuthorized LVM2_member vm-label "0 8 linear /dev/ram0 0"
refused dave NotAuthorized LVM2_member vm-free "0 $extent basic_target /dev/ram0 $free_start"
refused dave NotAuthorized LVM2_member vm-inactive "0 $inactive_length linear /dev/ram0 $inactive_start"
refused dave NotAuthorized crypto_LUKS vm-luks "0 8 basic_target /dev/ram1 0"
expect_eq "$(mapping_names)" "$VG-active " "mappings after dave"

step "alice (manage-foreign): free extents yes, the active LV's range no"
expect_eq "$(call alice CreateMapping "$(str vm-free)" "$(str "0 $extent basic_target /dev/ram0 $free_start")" \
    "$NO_OPTIONS")" "('/dev/mapper/vm-free',)" "alice's mapping over free extents"
expect_eq "$(dmsetup table vm-free)" "0 $extent basic_target 1:0 $free_start" "table of vm-free"
call alice RemoveMapping "$(str vm-free)" "$NO_OPTIONS" >/dev/null
refused alice Overlap "$VG-active" vm-over "0 $active_length linear /dev/ram0 $active_start"

step "the LUKS container opened: its data area is the dm-crypt mapping's"
modprobe dm-crypt
cryptsetup open --key-file "$KEY" /dev/ram1 vmfp-crypt
[[ $(dmsetup info -c --noheadings -o uuid vmfp-crypt) == CRYPT-LUKS2-* ]] || fail "no dm-crypt mapping"
output=$(call alice CreateMapping "$(str vm-crypt)" "$(str "0 8 linear /dev/ram1 $luks_data")" "$NO_OPTIONS" 2>&1) &&
    fail "alice: a mapping over the open LUKS data area succeeded: $output"
[[ $output == *"$HELPER_DEST.Error.DeviceInUse:"* || $output == *"$HELPER_DEST.Error.Overlap:"* ]] ||
    fail "alice over the open LUKS data area: expected DeviceInUse or Overlap, got: $output"
echo "ok: alice over the open LUKS data area -> ${output##*Error.}"
expect_eq "$(mapping_names)" "$VG-active vmfp-crypt " "mappings after alice"

step "paths under /dev/shm and /dev/mqueue: one answer for every non-device"
ln -s /etc/shadow /dev/shm/link-a
ln -s /nonexistent /dev/shm/link-b
ln -s /dev/ram0 /dev/shm/link-c
mkfifo /dev/shm/fifo
mkdir -p /dev/mqueue
mount -t mqueue mqueue /dev/mqueue
touch /dev/mqueue/x
answer=
for user in bob carol; do
    for path in /dev/shm/link-a /dev/shm/link-b /dev/shm/link-c /dev/shm/fifo /dev/mqueue/x; do
        output=$(call "$user" CreateMapping "$(str vm-shm)" "$(str "0 8 linear $path 0")" "$NO_OPTIONS" 2>&1) &&
            fail "$user: a mapping over $path succeeded: $output"
        [[ $output == *"$HELPER_DEST.Error.InvalidArgument:"* ]] ||
            fail "$user: $path: expected InvalidArgument, got: $output"
        message=${output##*Error.InvalidArgument: }
        message=${message//"$path"/<path>}
        [[ -n $answer ]] || answer=$message
        [[ $message == "$answer" ]] || fail "$user: $path: a different answer: '$message', not '$answer'"
        echo "ok: $user $path -> InvalidArgument"
    done
done
echo "ok: every one answered '$answer'"
umount /dev/mqueue
rm /dev/shm/link-a /dev/shm/link-b /dev/shm/link-c /dev/shm/fifo
expect_eq "$(mapping_names)" "$VG-active vmfp-crypt " "mappings after the probes"

step "LUKS closed, LVM deactivated"
cryptsetup close vmfp-crypt
vgchange -q -an "$VG" >/dev/null
expect_eq "$(mapping_names)" "" "mappings left"
finish
