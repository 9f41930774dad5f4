#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Four clients at once, 20 create/remove cycles each, plus a race for one
# name: mutations are serialized, exactly one racer wins, and nothing
# leaks. (20, not 50: each call is two process starts under TCG, and 400
# of them took 300 s on a quiet machine and over 600 s on a busy one; 160
# still keep four clients interleaving all the way.)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/helper-lib.sh"
trap 'status=$?; ((status == 0)) || show_helper_log; on_exit' EXIT

start_helper_stack
ramdisks 4 8
call alice GetCapabilities "$NO_OPTIONS" >/dev/null # activate once

step "four clients race to create one name"
racers=()
for i in 0 1 2 3; do
    call alice CreateMapping "$(str race)" "$(str "0 8 basic_target /dev/ram$i 0")" "$NO_OPTIONS" \
        >/tmp/race.$i 2>&1 &
    racers+=($!)
done
wait "${racers[@]}" || true # the losers exit 1
expect_eq "$(grep -l "^('/dev/mapper/race',)" /tmp/race.* | wc -l)" 1 "winners"
expect_eq "$(grep -l 'Error.Exists:' /tmp/race.* | wc -l)" 3 "told Exists"
call alice RemoveMapping "$(str race)" "$NO_OPTIONS" >/dev/null

cycles=20
step "4 clients x $cycles create/remove cycles"
started=$SECONDS
clients=()
for client in 0 1 2 3; do
    (
        for cycle in $(seq 1 "$cycles"); do
            name=c$client-$cycle
            call alice CreateMapping "$(str $name)" "$(str "0 64 basic_target /dev/ram$client $((cycle * 64))")" \
                "$NO_OPTIONS" >/dev/null || { echo "create $name failed" >/tmp/cycles.$client; exit 1; }
            call alice RemoveMapping "$(str $name)" "$NO_OPTIONS" >/dev/null ||
                { echo "remove $name failed" >/tmp/cycles.$client; exit 1; }
        done
        echo ok >/tmp/cycles.$client
    ) &
    clients+=($!)
done
wait "${clients[@]}" || true # each client reports in its file
for client in 0 1 2 3; do
    expect_eq "$(cat /tmp/cycles.$client)" ok "client $client"
done
echo "ok: $((4 * 2 * cycles)) calls in $((SECONDS - started)) s"
expect_eq "$(dmsetup ls)" "No devices found" "devices after the cycles"
finish
