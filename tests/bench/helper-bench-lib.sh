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
    # The bus starts the helper with an empty environment: its debug
    # logging is switched on by qtlogging.ini (helper_call_timings).
    bench_helper_stack
    helper_call_timings
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
# use_helper HELPER [CTL [MODULE [COMMANDS [PLAIN]]]]: that volmap-helper
# binary from the next call on (the running helper is stopped; the bus
# starts the new one, activated here) and, if given, that volmapctl and its
# helper commands module (volmapctl-helper-commands.so, where its
# HelperClient and create's table check are; by default the one beside CTL
# in its build tree), that commands module (volmapctl-commands.so) and
# that plain commands module (volmapctl-plain-commands.so, plain `remove`
# through libdbus; by default the one beside CTL, if there is one).
use_helper() {
    local pid module=${3:-} commands=${4:-} plain=${5:-}
    pid=$(helper_pid)
    if [[ -n $pid ]]; then
        kill "$pid"
        while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    cp "$1" /usr/libexec/volmap-helper
    [[ -z ${2:-} ]] || cp "$2" "$(command -v volmapctl)"
    if [[ -z $module && -n ${2:-} && -f $(dirname "$2")/volmapctl-helper-commands.so ]]; then
        module=$(dirname "$2")/volmapctl-helper-commands.so
    fi
    [[ -z $module ]] || cp "$module" /usr/lib/*/volmap/volmapctl-helper-commands.so
    if [[ -z $plain && -n ${2:-} && -f $(dirname "$2")/volmapctl-plain-commands.so ]]; then
        plain=$(dirname "$2")/volmapctl-plain-commands.so
    fi
    [[ -z $plain ]] || cp "$plain" /usr/lib/*/volmap/volmapctl-plain-commands.so
    [[ -z $commands ]] || cp "$commands" /usr/lib/*/volmap/volmapctl-commands.so
    helper ListMappings "$NO_OPTIONS"
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

# The create + remove cycle of a 2-segment mapping, timed per command (µs
# from bash's own clock: no process per reading). One line per cycle in
# /tmp/cycles.tsv: TAG, cycle, seconds since boot, the helper's pid, then
# ms for gdbus create, gdbus remove, volmapctl create, volmapctl remove,
# dmsetup create, dmsetup remove; and, once start_app_client ran, ms for
# the app's client's create and remove. The tools take turns within each
# cycle, so a stall of the machine hits one cycle of all of them alike.
now_us() { echo "${EPOCHREALTIME/./}"; }
CYCLE_TABLE=$'0 2048 linear /dev/ram0 0\n2048 2048 linear /dev/ram1 0'
# timed_ms COMMAND...: COMMAND's wall time in ms (3 decimals) on stdout.
timed_ms() {
    local start end
    start=$(now_us)
    "$@" >/dev/null </dev/null
    end=$(now_us)
    printf '%d.%03d' $(((end - start) / 1000)) $(((end - start) % 1000))
}
# cycle_round TAG COUNT: COUNT cycles appended to /tmp/cycles.tsv under TAG.
cycle_round() {
    local tag=$1 count=$2 run row before
    printf '%s\n' "$CYCLE_TABLE" >/tmp/two.table
    touch /tmp/cycles.tsv
    before=$(awk -v tag="$tag" '$1 == tag' /tmp/cycles.tsv | wc -l)
    for run in $(seq $((before + 1)) $((before + count))); do
        row="$tag $run $(cut -d' ' -f1 /proc/uptime) $(helper_pid)"
        row+=" $(timed_ms helper CreateMapping "$(str bench-g)" "$(str "$CYCLE_TABLE")" "$NO_OPTIONS")"
        row+=" $(timed_ms helper RemoveMapping "$(str bench-g)" "$NO_OPTIONS")"
        row+=" $(timed_ms volmapctl create bench-v --table /tmp/two.table)"
        row+=" $(timed_ms volmapctl remove bench-v)"
        row+=" $(timed_ms command dmsetup create bench-d /tmp/two.table)"
        row+=" $(timed_ms command dmsetup remove bench-d)"
        [[ -z ${APP_CLIENT_PID:-} ]] || row+=" $(app_client_cycle)"
        echo "$row" >>/tmp/cycles.tsv
    done
}
# start_app_client: from now on every cycle also creates and removes
# bench-a through bench_helpercycle (VOLMAP_BENCH_HELPERCYCLE), the app's
# HelperClient on one bus connection kept over all cycles, as the GUI
# does; it times each call itself, from sending it to the reply.
start_app_client() {
    printf '%s\n' "$CYCLE_TABLE" >/tmp/two.table
    coproc APP_CLIENT { "$VOLMAP_BENCH_HELPERCYCLE" bench-a /tmp/two.table; }
}
# app_client_cycle: "CREATE_MS REMOVE_MS" of one cycle of the app's client.
app_client_cycle() {
    local line
    echo >&"${APP_CLIENT[1]}"
    read -r line <&"${APP_CLIENT[0]}" || fail "bench_helpercycle ended"
    [[ $line != error* ]] || fail "bench_helpercycle: $line"
    echo "$line"
}
# cycle_stats TAG COLUMN COLUMN: "S ms (median M ms, p90 P ms, worst W
# ms)", the sum and the spread over the cycles of the two columns added
# per cycle (5 = gdbus create, 7 = volmapctl create, 9 = dmsetup create,
# 11 = the app's client's create; each + 1 its remove).
cycle_stats() {
    awk -v tag="$1" -v a="$2" -v b="$3" '$1 == tag { print $a + $b }' /tmp/cycles.tsv | sort -n |
        awk '{ v[NR] = $1; sum += $1 }
             END { printf "%d ms (median %d ms, p90 %d ms, worst %d ms)\n",
                   sum, v[int((NR + 1) / 2)], v[int((NR * 9 + 9) / 10)], v[NR] }'
}
# helper_call_timings: the helper logs each call's timings (the calls log
# at debug level) to the bus log. Through a file: the system bus starts
# the helper with an empty environment, so QT_LOGGING_RULES never reaches it.
helper_call_timings() {
    mkdir -p /etc/xdg/QtProject
    printf '[Rules]\nvolmap.helper.calls.debug=true\n' >/etc/xdg/QtProject/qtlogging.ini
}
