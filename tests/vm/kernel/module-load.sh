#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The module installs like DKMS installs it, dm core auto-loads it when a
# table names basic_target, rmmod is refused while a table uses it, and it
# unloads cleanly.
. "$(dirname "$0")/guest-lib.sh"

step "install into extra/ and depmod"
install_module
modinfo dm-basic-target | grep -E '^(filename|alias|description|license|vermagic):'
if dmsetup targets | grep -q '^basic_target'; then
    fail "basic_target registered before anything asked for it"
fi

step "a table naming basic_target loads the module"
ramdisks 1 16
dmsetup create vm-auto --table "0 2048 basic_target /dev/ram0 0"
[[ -e /sys/module/dm_basic_target ]] || fail "module not auto-loaded"
expect_eq "$(dmsetup targets | awk '$1 == "basic_target" { print $2 }')" v1.1.0 "registered target version"
expect_eq "$(module_refcount)" 1 "refcount with one live table"
if rmmod dm_basic_target 2>/dev/null; then
    fail "rmmod succeeded while a table uses the target"
fi
[[ -e /sys/module/dm_basic_target ]] || fail "module gone while in use"
dd if=/dev/mapper/vm-auto of=/dev/null bs=4096 count=1 iflag=direct status=none
dmsetup remove vm-auto
expect_eq "$(module_refcount)" 0 "refcount after remove"

step "modprobe by file name, rmmod"
rmmod dm_basic_target
modprobe dm-basic-target
dmsetup targets | grep -q '^basic_target' || fail "modprobe did not register basic_target"
finish
