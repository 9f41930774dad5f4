#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The Debian packages end to end in a fresh guest: dpkg installs volmap,
# volmap-helper and basic-target-dkms; DKMS builds the module for the
# guest's kernel; a plain gdbus call D-Bus-activates the installed helper,
# which loads the DKMS-built module and creates a mapping on a ramdisk,
# authorized through the installed polkit actions (alice by a rules file,
# carol by the policy's own defaults); the assembly units and the udev rule
# are installed and the rule parses; volmapctl from the package lists and
# removes it; then purging the packages leaves no file behind in /usr,
# /etc and /var/lib.
#
# Nothing of the build tree is installed: the helper, the policy and the
# module all come from the .debs in $VOLMAP_DEBS.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"
. "$here/../helper/helper-lib.sh"
: "${VOLMAP_DEBS:?VOLMAP_DEBS must name the folder with the built .debs}"
trap 'status=$?; ((status == 0)) || show_helper_log 2>/dev/null; on_exit' EXIT

# run_dpkg ARG...: dpkg with its output in /tmp/dpkg.log, shown if it fails.
run_dpkg() {
    if ! dpkg "$@" >>/tmp/dpkg.log 2>&1; then
        cat /tmp/dpkg.log
        fail "dpkg $* failed"
    fi
}

elapsed() {
    echo "   (${SECONDS} s)"
}

step "a writable /var/lib (dpkg's database, DKMS's tree) over the host's"
mountpoint -q /var/lib || fail "/var/lib is not the host's (run with --share /var/lib)"
mkdir -p /run/var-lib/lower /run/var-lib/upper /run/var-lib/work
mount --bind /var/lib /run/var-lib/lower
mount -t overlay overlay \
    -o lowerdir=/run/var-lib/lower,upperdir=/run/var-lib/upper,workdir=/run/var-lib/work /var/lib
# man-db's trigger would rebuild the whole man page index: minutes under
# TCG, and nothing this test looks at.
rm -f /var/lib/man-db/auto-update
for package in volmap volmap-helper basic-target-dkms; do
    if dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null | grep -qx installed; then
        fail "$package is already installed on the host"
    fi
done
add_test_users

# /usr, /etc and /var/lib are overlays (/usr and /etc set up by the VM's
# init): whatever the guest adds, changes or deletes there lands in the
# overlay's upper layer, a new name as itself and a deletion as a whiteout
# (a 0:0 character device). So the paths that can differ between two
# moments are the ones in the upper layers at either moment, and walking
# those instead of the whole trees (190,000 paths, 80 s under TCG) is
# enough to compare the file lists. dpkg's database is left out: any
# install changes it (the packages' entries in it are checked on their own).
layers=("/usr /.rw/usr/upper /.lower/usr" "/etc /.rw/etc/upper /.lower/etc"
    "/var/lib /run/var-lib/upper /run/var-lib/lower")

# upper_paths: "TYPE PATH" for each path in the upper layers, as the
# merged tree names it; TYPE is find's %y, c for a whiteout.
upper_paths() {
    local layer merged upper lower
    for layer in "${layers[@]}"; do
        read -r merged upper lower <<<"$layer"
        (cd "$upper" && find . -mindepth 1 -path ./dpkg -prune -o -printf "%y $merged/%P\n")
    done | LC_ALL=C sort
}

# type_of PATH: find's %y for PATH, or "none".
type_of() {
    find "$1" -maxdepth 0 -printf %y 2>/dev/null || echo none
}

# lower_type PATH: PATH's type in the layer below the overlay.
lower_type() {
    local layer merged upper lower
    for layer in "${layers[@]}"; do
        read -r merged upper lower <<<"$layer"
        if [[ $1 == "$merged"/* ]]; then
            type_of "$lower/${1#"$merged"/}"
            return
        fi
    done
}

step "the upper layers before installing"
upper_paths >/tmp/upper-before
echo "$(wc -l </tmp/upper-before) paths differ from the host's already (test users, rules)"

step "dpkg -i the three packages; DKMS builds the module for $(uname -r)"
debs=("$VOLMAP_DEBS"/volmap_*.deb "$VOLMAP_DEBS"/volmap-helper_*.deb "$VOLMAP_DEBS"/basic-target-dkms_*.deb)
for deb in "${debs[@]}"; do
    [[ -f $deb ]] || fail "missing $deb (packaging/build-debs builds them)"
done
run_dpkg -i "${debs[@]}"
grep -E 'DKMS|Building|Installing|Signing|depmod' /tmp/dpkg.log | sed -n '1,20p'
for package in volmap volmap-helper basic-target-dkms; do
    expect_eq "$(dpkg-query -W -f='${db:Status-Status}' "$package")" installed "$package"
done
expect_eq "$(dpkg -S /usr/libexec/volmap-helper | cut -d: -f1)" volmap-helper "owner of the helper"
expect_eq "$(dpkg -S /usr/share/polkit-1/actions/org.volmap.policy | cut -d: -f1)" volmap-helper "owner of the polkit actions"
expect_eq "$(dpkg -S "$(command -v volmapctl)" | cut -d: -f1)" volmap "owner of volmapctl"
for module in volmapctl-commands.so volmapctl-helper-commands.so volmapctl-plain-commands.so; do
    expect_eq "$(dpkg -S "/usr/lib/*/volmap/$module" | cut -d: -f1)" volmap "owner of $module"
done
# The program loads its modules from the package's folder, and names no
# folder of the build (build-debs builds in OUTDIR/.work/volmap).
expect_eq "$(volmapctl --version)" "volmapctl $(dpkg-query -W -f='${Version}' volmap)" "volmapctl --version"
! grep -aq '/\.work/volmap' "$(command -v volmapctl)" || fail "volmapctl names the build folder"
expect_eq "$(dpkg -S /lib/udev/rules.d/69-volmap-assemble.rules | cut -d: -f1)" volmap-helper "owner of the udev rule"
expect_eq "$(dpkg -S /lib/systemd/system/volmap-assemble.service | cut -d: -f1)" volmap-helper "owner of the assembly unit"
[[ -L /etc/systemd/system/sysinit.target.wants/volmap-assemble.service ]] ||
    fail "volmap-assemble.service is not enabled after installing"
grep -q -- '--assemble$' /lib/systemd/system/volmap-assemble.service || fail "the assembly unit does not run --assemble"
elapsed

step "the assembly at boot: units and udev rule installed, and the rule parses"
for unit in volmap-assemble.service volmap-assemble@.service; do
    expect_eq "$(dpkg -S "/lib/systemd/system/$unit" | cut -d: -f1)" volmap-helper "owner of $unit"
    expect_eq "$(sed -n 's/^ExecStart=//p' "/lib/systemd/system/$unit")" "/usr/libexec/volmap-helper --assemble" \
        "what $unit runs"
done
# systemd 252 has no udevadm verify: udevadm test runs the installed rules
# for a loop device (without udevd or executing anything) and lists what
# they would run; a rule that does not parse is reported and runs nothing.
made_etc_volmap=
[[ -d /etc/volmap ]] || { mkdir /etc/volmap && made_etc_volmap=yes; }
mkdir /etc/volmap/mappings.d # the rule does nothing without saved mappings
truncate -s 1M /tmp/rule.img
modprobe loop
rule_loop=$(losetup --find --show /tmp/rule.img)
rule_device=/sys/class/block/${rule_loop#/dev/}
for action in add change; do
    udevadm test --action="$action" "$rule_device" >/tmp/udevadm-test.log 2>&1
    grep -i '69-volmap-assemble.rules' /tmp/udevadm-test.log | grep -iE 'invalid|error|fail' &&
        fail "udevadm test reports an error in the rule"
    grep -qF "run: '/bin/systemctl --no-block start volmap-assemble@${rule_loop#/dev/}.service'" /tmp/udevadm-test.log || {
        tail -n 30 /tmp/udevadm-test.log
        fail "the rule does not start the assembly unit on $action"
    }
done
rmdir /etc/volmap/mappings.d
udevadm test --action=add "$rule_device" >/tmp/udevadm-test.log 2>&1
grep -qF "volmap-assemble@" /tmp/udevadm-test.log && fail "the rule runs the assembly without saved mappings"
[[ -z $made_etc_volmap ]] || rmdir /etc/volmap
losetup -d "$rule_loop"
rm /tmp/rule.img
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' /usr/src/basic-target-*/dkms.conf)
dkms status
expect_eq "$(dkms status basic-target/"$version" -k "$(uname -r)" | sed 's/.*: //')" installed "dkms status"
module_file=$(modinfo -n dm-basic-target)
expect_eq "$module_file" "/lib/modules/$(uname -r)/updates/dkms/dm-basic-target.ko" "the module modprobe finds"
expect_eq "$(modinfo -F version dm-basic-target)" "$version" "its MODULE_VERSION"
[[ ! -e /sys/module/dm_basic_target ]] || fail "dm_basic_target is loaded before anyone asked"
elapsed

step "the bus activates the installed helper; polkit knows the installed actions"
start_system_bus
pkaction --action-id org.volmap.helper.create --verbose | grep -E 'implicit active|vendor'
ramdisks 1 16
table='0 32768 basic_target /dev/ram0 0'
call_fails carol NoAuthenticationAgent CreateMapping "$(str pkg)" "$(str "$table")" "$NO_OPTIONS"
reply=$(call alice CreateMapping "$(str pkg)" "$(str "$table")" "$NO_OPTIONS")
expect_eq "$reply" "('/dev/mapper/pkg',)" "alice's CreateMapping"
[[ $(helper_pid) ]] || fail "no /usr/libexec/volmap-helper is running"
expect_eq "$(dmsetup table pkg)" "0 32768 basic_target 1:0 0" "the live table"
expect_eq "$(cat /sys/module/dm_basic_target/srcversion)" "$(modinfo -F srcversion "$module_file")" \
    "srcversion of the loaded module and the DKMS-built one"
elapsed

step "volmapctl from the package lists and removes it"
listing=$(runuser -u alice -- volmapctl list --no-ask-password)
printf '%s\n' "$listing"
grep -qE '^pkg +[0-9]+:[0-9]+ +16 MiB +basic_target +0 +volmap +- *$' <<<"$listing" || fail "volmapctl list: $listing"
runuser -u alice -- volmapctl remove pkg --no-ask-password || fail "volmapctl remove"
expect_eq "$(dmsetup ls)" "No devices found" "dm devices after the remove"

step "stop the helper and unload the module, then purge the packages"
pid=$(helper_pid)
kill "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
expect_eq "$(module_refcount)" 0 "module refcount"
rmmod dm_basic_target
run_dpkg --purge volmap volmap-helper basic-target-dkms
for package in volmap volmap-helper basic-target-dkms; do
    expect_eq "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" "" "$package in dpkg's database"
    [[ ! -e /var/lib/dpkg/info/$package.list ]] || fail "/var/lib/dpkg/info/$package.list is left"
done
expect_eq "$(dkms status basic-target)" "" "dkms status after the purge"
if output=$(call alice ListMappings "$NO_OPTIONS" 2>&1); then
    fail "the helper still answers after the purge: $output"
fi
echo "ok: the helper is gone (${output##*Error.})"
elapsed

step "no file is left behind in /usr, /etc and /var/lib"
upper_paths >/tmp/upper-after
# Each path either upper list names: its type before (the upper layer's
# then, or else the lower layer's) against its type now.
# DKMS makes its module signing key on first use on a machine that has
# none yet: its own state, not a file of these packages.
changed=0
while read -r path; do
    case $path in
    /var/lib/dkms/mok.key | /var/lib/dkms/mok.pub) continue ;;
    esac
    before=$(awk -v p="$path" '$2 == p { print $1 }' /tmp/upper-before)
    [[ -n $before ]] || before=$(lower_type "$path")
    [[ $before != c ]] || before=none
    after=$(type_of "$path")
    if [[ $before != "$after" ]]; then
        echo "changed: $path: $before before, $after after"
        changed=$((changed + 1))
    fi
done < <(cut -d' ' -f2- /tmp/upper-before /tmp/upper-after | LC_ALL=C sort -u)
((changed == 0)) || fail "$changed paths differ after the purge"
echo "ok: all $(cut -d' ' -f2- /tmp/upper-after | sort -u | wc -l) paths the install and purge touched are as before"
elapsed
echo "PASS: $(basename "$0")"
