# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the kernel tests that run inside the VM (sourced, bash).
# Each test loads the module, does its work, and ends with finish(), which
# proves that nothing is left behind: no dm device, module refcount zero,
# and the module unloads.
set -euo pipefail

: "${VOLMAP_MODULE:?VOLMAP_MODULE must name the built dm-basic-target.ko}"

# The VM runs no udev: without --verifyudev dmsetup would leave the
# /dev/mapper nodes to udev and nobody would create them.
dmsetup() {
    command dmsetup --verifyudev "$@"
}

step() { echo "== $*"; }

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

expect_eq() {
    local actual=$1 expected=$2 what=$3
    [[ $actual == "$expected" ]] || fail "$what: expected '$expected', got '$actual'"
    echo "ok: $what = '$actual'"
}

on_exit() {
    local status=$?
    if ((status != 0)); then
        echo "--- dmesg (last 30 lines) ---"
        dmesg | tail -n 30
        echo "--- dmsetup table ---"
        dmsetup table 2>&1 || true
    fi
}
trap on_exit EXIT
cd /tmp

# Load dm-mod and our module straight from the build tree.
load_module() {
    modprobe dm-mod
    insmod "$VOLMAP_MODULE"
}

# Install like DKMS does, so modprobe and dm's auto-load can find it.
install_module() {
    local extra
    extra=/usr/lib/modules/$(uname -r)/extra
    mkdir -p "$extra"
    cp "$VOLMAP_MODULE" "$extra/"
    depmod -a
    modprobe dm-mod
}

# ramdisks COUNT MIB: /dev/ram0.. of MIB MiB each.
ramdisks() {
    modprobe brd rd_nr="$1" rd_size=$(($2 * 1024))
}

# loopdisk FILE MIB: a loop device over a tmpfs file; loop devices pass
# flushes and discards on, ramdisks do not.
loopdisk() {
    modprobe loop
    truncate -s "$2M" "$1"
    losetup --find --show "$1"
}

sectors_of() {
    blockdev --getsz "$1"
}

module_refcount() {
    cat /sys/module/dm_basic_target/refcnt
}

# segment_status NAME START: the status fields (the counters) of the segment at START.
segment_status() {
    dmsetup status "$1" | awk -v start="$2" '$1 == start && $3 == "basic_target" { $1 = $2 = $3 = ""; sub(/^ +/, ""); print }'
}

finish() {
    step "nothing left behind"
    local device
    for device in $(dmsetup ls | awk '$1 != "No" { print $1 }'); do
        dmsetup remove "$device"
    done
    expect_eq "$(dmsetup ls)" "No devices found" "dm devices after the test"
    expect_eq "$(module_refcount)" 0 "module refcount"
    rmmod dm_basic_target
    [[ ! -e /sys/module/dm_basic_target ]] || fail "module still loaded after rmmod"
    echo "PASS: $(basename "$0")"
}
