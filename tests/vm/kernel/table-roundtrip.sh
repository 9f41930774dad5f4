#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# dmsetup table prints basic_target's arguments back the way linear does,
# and that output loads again unchanged.
. "$(dirname "$0")/guest-lib.sh"

load_module
ramdisks 2 16
dmsetup create vm-rt <<TABLE
0 2048 basic_target /dev/ram0 100
2048 4096 basic_target 1:1 0
6144 1024 basic_target /dev/ram0 30000
TABLE
expected='0 2048 basic_target 1:0 100
2048 4096 basic_target 1:1 0
6144 1024 basic_target 1:0 30000'
expect_eq "$(dmsetup table vm-rt)" "$expected" "table after create"

step "reload the printed table"
dmsetup table vm-rt >/tmp/table
dmsetup reload vm-rt /tmp/table
dmsetup resume vm-rt
expect_eq "$(dmsetup table vm-rt)" "$expected" "table after reload"

step "linear prints the same arguments"
sed 's/basic_target/linear/' /tmp/table | dmsetup create vm-linear
expect_eq "$(dmsetup table vm-linear | sed 's/linear/basic_target/')" "$expected" "linear's arguments"

dmsetup remove vm-linear
dmsetup remove vm-rt
finish
