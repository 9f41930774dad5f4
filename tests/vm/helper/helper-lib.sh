# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the helper tests inside the VM (sourced after guest-lib.sh):
# the staged install copied over /usr, a real system bus that activates
# the helper from its installed .service file, polkitd with a rules file,
# and test users: alice is allowed everything, bob nothing, dave all but
# manage-foreign, and carol gets polkit's defaults (no session, so:
# authentication required).
: "${VOLMAP_STAGE:?VOLMAP_STAGE must name the staged install}"

HELPER_DEST=org.volmap.Helper1
HELPER_PATH=/org/volmap/Helper1

start_helper_stack() {
    step "install the staged build, start the system bus and polkit"
    cp -a "$VOLMAP_STAGE"/. /
    add_test_users
    start_system_bus
}

# The test users and the polkit rules file that describes them.
add_test_users() {
    for user in alice bob carol dave; do
        useradd --no-create-home --shell /bin/bash "$user"
    done
    mkdir -p /etc/polkit-1/rules.d
    cat >/etc/polkit-1/rules.d/50-volmap-test.rules <<'RULES'
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.volmap.helper.") != 0)
        return polkit.Result.NOT_HANDLED;
    if (subject.user == "alice")
        return polkit.Result.YES;
    if (subject.user == "bob")
        return polkit.Result.NO;
    if (subject.user == "dave")
        return action.id == "org.volmap.helper.manage-foreign" ? polkit.Result.NO : polkit.Result.YES;
    return polkit.Result.NOT_HANDLED;
});
RULES
}

# A real system bus; it activates the helper and polkitd from their
# installed .service files.
start_system_bus() {
    mkdir -p /run/dbus /var/lib/dbus
    dbus-uuidgen --ensure
    # The helper is activated by this bus: its log lands in bus.log.
    # (Tests must `wait` for their own pids only: this one never ends.)
    dbus-daemon --system --nofork --nopidfile >/tmp/bus.log 2>&1 &
    local i
    for i in $(seq 100); do
        [[ -S /run/dbus/system_bus_socket ]] && break
        sleep 0.1
    done
    [[ -S /run/dbus/system_bus_socket ]] || fail "the system bus did not start"
}

# str TEXT: TEXT as a GVariant string literal, so gdbus never reads a
# name like 123 as a number and newlines survive.
str() {
    local text=$1
    text=${text//\\/\\\\}
    text=${text//\'/\\\'}
    text=${text//$'\n'/\\n}
    printf "'%s'" "$text"
}
NO_OPTIONS='@a{sv} {}'

# call USER METHOD ARG...: the helper's reply on stdout (gdbus syntax).
call() {
    local user=$1 method=$2
    shift 2
    runuser -u "$user" -- gdbus call --system --timeout 60 --dest $HELPER_DEST \
        --object-path $HELPER_PATH --method "$HELPER_DEST.$method" "$@"
}

# call_fails USER ERROR-NAME METHOD ARG...: the call must fail with ERROR-NAME.
call_fails() {
    local user=$1 error=$2 method=$3
    shift 3
    local output
    if output=$(call "$user" "$method" "$@" 2>&1); then
        fail "$user: $method $* succeeded: $output"
    fi
    [[ $output == *"$HELPER_DEST.Error.$error:"* ]] || fail "$user: $method: expected $error, got: $output"
    echo "ok: $user $method -> $error (${output##*Error.$error: })"
}

helper_pid() {
    pgrep -f '^/usr/libexec/volmap-helper' || true
}

show_helper_log() {
    echo "--- system bus and helper log ---"
    cat /tmp/bus.log
}

# Under run-in-vm --systemd the system bus, polkitd and udev already run
# as units: the staged install goes over / and each of them is told, as a
# package's maintainer scripts would, so the bus activates the helper
# through its installed unit (SystemdService=volmap-helper.service).
install_under_systemd() {
    step "install the staged build; systemd, the bus and polkit reload"
    [[ $(cat /proc/1/comm) == systemd ]] || fail "PID 1 is not systemd (run-in-vm --systemd)"
    cp -a "$VOLMAP_STAGE"/. /
    add_test_users
    systemctl daemon-reload
    systemctl reload dbus.service
    systemctl restart polkit.service
}

# helper_unit PROPERTY: a property of volmap-helper.service as systemd has it.
helper_unit() {
    systemctl show --property "$1" --value volmap-helper.service
}

show_unit_logs() {
    echo "--- journal of the helper, polkit and the bus ---"
    journalctl --boot --no-pager --unit volmap-helper.service --unit polkit.service --unit dbus.service | tail -n 60
}

# lvm_only_on DEVICE...: LVM for a guest that runs no udev: it makes its
# own nodes, looks at DEVICEs only and keeps no devices file.
lvm_only_on() {
    local device accept=
    for device in "$@"; do
        accept+="\"a|^$device\$|\", "
    done
    export LVM_SYSTEM_DIR=/tmp/lvm
    mkdir -p "$LVM_SYSTEM_DIR"
    cat >"$LVM_SYSTEM_DIR/lvm.conf" <<CONF
devices {
    use_devicesfile = 0
    obtain_device_list_from_udev = 0
    filter = [ $accept"r|.*|" ]
}
activation {
    udev_sync = 0
    udev_rules = 0
    monitoring = 0
}
global {
    event_activation = 0
}
CONF
}
