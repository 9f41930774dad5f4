# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by vm-helper.sh and vm-helper-profile.sh (sourced after
# guest-lib.sh and helper-lib.sh): the helper stack with root allowed
# everything by polkit, udev running, and two 256 MiB ramdisks.
bench_helper_stack() {
    start_helper_stack
    # dmsetup and the helper run as root on both sides, so neither pays for
    # switching users; polkit still decides for the helper.
    cat >/etc/polkit-1/rules.d/40-volmap-bench.rules <<'RULES'
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.volmap.helper.") == 0 && subject.user == "root")
        return polkit.Result.YES;
    return polkit.Result.NOT_HANDLED;
});
RULES
    /lib/systemd/systemd-udevd --daemon
    modprobe brd rd_nr=2 rd_size=$((256 * 1024))
    udevadm trigger --action=add --subsystem-match=block
    udevadm settle --timeout=120
}
