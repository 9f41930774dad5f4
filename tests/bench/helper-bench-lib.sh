# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by vm-helper.sh, vm-helper-ab.sh and vm-helper-profile.sh
# (sourced after guest-lib.sh and helper-lib.sh): the helper stack with
# root allowed everything by polkit, udev running, and two 256 MiB
# ramdisks; clocks, a raw call to the helper, its CPU time and memory, and
# bob's refused create.
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

# bench_helper_stack, the helper's timed calls logged (debug level).
profile_helper_stack() {
    export QT_MESSAGE_PATTERN='%{time process} %{category}: %{message}'
    export QT_LOGGING_RULES='volmap.helper.calls.debug=true'
    bench_helper_stack
}
# gaps FILE: strace -tt lines, each with the ms since the previous line in front.
gaps() {
    awk '{ split($2, t, ":"); now = t[1] * 3600 + t[2] * 60 + t[3];
           if (NR > 1) printf "%6.1f %s\n", (now - last) * 1000, $0; last = now }' "$1"
}
now_ns() { date +%s%N; }
ms_since() { echo $((($(now_ns) - $1) / 1000000)); }
helper() {
    gdbus call --system --timeout 120 --dest $HELPER_DEST --object-path $HELPER_PATH \
        --method "$HELPER_DEST.$1" "${@:2}" >/dev/null
}
# The helper's CPU time in ms (user + system) and its peak resident memory in KiB.
helper_cpu_ms() {
    awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$(helper_pid)/stat"
}
helper_hwm_kib() {
    awk '/^VmHWM:/ { print $2 }' "/proc/$(helper_pid)/status"
}
# bob_create TABLE: bob's create of TABLE, which polkit must refuse.
bob_create() {
    if runuser -u bob -- volmapctl create --force bench-refused --table "$1" >/dev/null 2>/tmp/refused.err </dev/null; then
        fail "bob's create of $1 succeeded"
    fi
    grep -qi 'authori\|not allowed' /tmp/refused.err || fail "bob was refused for another reason: $(cat /tmp/refused.err)"
}
