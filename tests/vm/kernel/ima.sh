#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# With an IMA policy that measures device-mapper's critical data, loading a
# basic_target table records the target's own IMA line (STATUSTYPE_IMA):
# its name, version, device and offset.
. "$(dirname "$0")/guest-lib.sh"

load_module
ramdisks 1 16
mountpoint -q /sys/kernel/security || mount -t securityfs securityfs /sys/kernel/security
ima=/sys/kernel/security/ima
[[ -w $ima/policy ]] || fail "the guest kernel has no writable IMA policy"
# Debian's kernel takes one policy write after boot (no CONFIG_IMA_WRITE_POLICY).
echo "measure func=CRITICAL_DATA label=device-mapper template=ima-buf" >"$ima/policy"

step "a two-segment table is measured on load"
dmsetup create vm-ima <<TABLE
0 2048 basic_target /dev/ram0 0
2048 2048 basic_target /dev/ram0 8192
TABLE
# ima-buf lines end with the measured buffer in hex.
measured=$(awk '$5 == "dm_table_load" { print $6 }' "$ima/ascii_runtime_measurements" | tail -n 1 |
    perl -ne 'chomp; print pack("H*", $_)')
echo "measured: $measured"
version=$(dmsetup targets | awk '$1 == "basic_target" { sub(/^v/, "", $2); print $2 }')
for index in 0 1; do
    start=$((index * 8192))
    [[ $measured == *"target_name=basic_target,target_version=$version,device_name=1:0,start=$start;"* ]] ||
        fail "segment $index ($start) is not in the measurement"
    echo "ok: segment $index measured with device 1:0 and start $start"
done

dmsetup remove vm-ima
finish
