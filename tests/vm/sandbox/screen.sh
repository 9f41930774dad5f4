# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# The guest's screen for the sandbox (sourced by session): the std VGA of
# run-in-vm --graphics through bochs-drm, whose fbdev emulation gives
# /dev/fb0, and QEMU's virtio keyboard and tablet through evdev. The app
# draws with Qt's linuxfb straight on /dev/fb0: no X server to start
# (seconds under TCG), and QEMU's window or VNC server shows the result.

# input_device NAME: the /dev/input/event* node of the device called NAME.
input_device() {
    local sys
    for sys in /sys/class/input/event*; do
        if [[ $(cat "$sys/device/name" 2>/dev/null) == "$1" ]]; then
            echo "/dev/input/${sys##*/}"
            return 0
        fi
    done
    return 1
}

# start_app_on_screen USER LOG: volmap as USER on /dev/fb0, its output in LOG.
start_app_on_screen() {
    local user=$1 log=$2 keyboard tablet runtime
    modprobe bochs
    modprobe virtio_input
    modprobe evdev
    for _ in $(seq 100); do
        keyboard=$(input_device "QEMU Virtio Keyboard") && tablet=$(input_device "QEMU Virtio Tablet") &&
            [[ -c /dev/fb0 && -c $keyboard && -c $tablet ]] && break
        sleep 0.1
    done
    [[ -c /dev/fb0 ]] || fail "no /dev/fb0 (start the VM with run-in-vm --graphics)"
    [[ -c ${keyboard:-} && -c ${tablet:-} ]] || fail "no virtio keyboard and tablet"
    # The text console would draw its cursor over the app.
    local console
    for console in /sys/class/vtconsole/vtcon*; do
        grep -q "frame buffer" "$console/name" && echo 0 >"$console/bind"
    done
    # The devices a desktop session's logind would hand to its user.
    chown "$user" /dev/fb0 "$keyboard" "$tablet"
    runtime=/run/user/$(id -u "$user")
    mkdir -p /run/user
    mkdir -m 700 "$runtime"
    chown "$user" "$runtime"
    # linuxfb's own input discovery would also open both devices: only the
    # plugins named here read them (the tablet as a mouse with absolute
    # coordinates: "abs", scaled from its range to the screen).
    runuser -u "$user" -- env HOME="/home/$user" XDG_RUNTIME_DIR="$runtime" \
        QT_QPA_PLATFORM=linuxfb:fb=/dev/fb0:nographicsmodeswitch QT_QPA_FB_DISABLE_INPUT=1 \
        QT_QPA_GENERIC_PLUGINS="evdevmouse:$tablet:abs,evdevkeyboard:$keyboard" \
        volmap >"$log" 2>&1 &
    # The pid for session (and the test behind it).
    # shellcheck disable=SC2034
    app_pid=$!
}
