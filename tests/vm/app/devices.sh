#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The unprivileged device listing (volmapctl devices --json) against lsblk
# and blkid, field by field, on real loop devices with a GPT, filesystems
# with labels, a mount, swap and a device-mapper mapping; then again as an
# ordinary user.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../kernel/guest-lib.sh"

cp -a "$VOLMAP_STAGE"/. /
modprobe dm-mod
modprobe ext4
# udev fills the database that lsblk, and an ordinary user's listing, read.
/lib/systemd/systemd-udevd --daemon

step "loop devices: a GPT disk (ext4 + swap), a mounted filesystem, a dm mapping"
disk1=$(loopdisk /tmp/disk1.img 64)
printf 'label: gpt\n,32M\n,\n' | sfdisk -q "$disk1"
partx -u "$disk1" 2>/dev/null || true
[[ -b ${disk1}p2 ]] || fail "no partitions on $disk1"
mkfs.ext4 -q -L "volmap one" "${disk1}p1"
mkswap -q -L swappy "${disk1}p2"
swapon "${disk1}p2"
disk2=$(loopdisk /tmp/disk2.img 32)
mkfs.ext4 -q -L data2 "$disk2"
mkdir -p /mnt/data2
mount "$disk2" /mnt/data2
disk3=$(loopdisk /tmp/disk3.img 16)
dmsetup create vm-dev --table "0 4096 linear $disk3 0"
udevadm trigger --action=add --subsystem-match=block
udevadm settle --timeout=60

volmapctl devices --json >/tmp/ours.json
lsblk --json -O -b >/tmp/lsblk.json
for node in "${disk1}p1" "${disk1}p2" "$disk2"; do
    blkid -p -o export "$node" >"/tmp/blkid.$(basename "$node")"
done
volmapctl devices

step "compare with lsblk and blkid"
python3 - "$disk1" "$disk2" "$disk3" <<'PY' || fail "listing differs from lsblk/blkid"
import json, os, shlex, sys

ours = {d["name"]: d for d in json.load(open("/tmp/ours.json"))}
def flatten(devices):
    for d in devices:
        yield d
        yield from flatten(d.get("children", []))
theirs = {}
for d in flatten(json.load(open("/tmp/lsblk.json"))["blockdevices"]):
    theirs.setdefault(d["kname"], d)

disk1, disk2, disk3 = (os.path.basename(p) for p in sys.argv[1:])
wanted = [disk1, disk1 + "p1", disk1 + "p2", disk2, disk3, "dm-0"]
fields = ["maj:min", "size", "type", "log-sec", "phy-sec", "ro", "rm", "fstype", "label", "uuid",
          "partuuid", "pttype", "pkname"]
problems = 0
for name in wanted:
    o, t = ours.get(name), theirs.get(name)
    if o is None or t is None:
        print(f"{name}: missing (ours: {o is not None}, lsblk: {t is not None})")
        problems += 1
        continue
    for field in fields:
        if o[field] != t[field]:
            print(f"{name}.{field}: ours {o[field]!r}, lsblk {t[field]!r}")
            problems += 1
    their_mounts = sorted(m for m in t["mountpoints"] if m and m != "[SWAP]")
    if sorted(o["mountpoints"]) != their_mounts:
        print(f"{name}.mountpoints: ours {o['mountpoints']!r}, lsblk {their_mounts!r}")
        problems += 1
    if ("[SWAP]" in t["mountpoints"]) != o["swap"]:
        print(f"{name}.swap: ours {o['swap']!r}, lsblk {t['mountpoints']!r}")
        problems += 1
    print(f"ok: {name} matches lsblk on {len(fields) + 2} fields")

for node in (disk1 + "p1", disk1 + "p2", disk2):
    blkid = dict(item.split("=", 1) for item in shlex.split(open(f"/tmp/blkid.{node}").read()))
    for key, field in (("TYPE", "fstype"), ("LABEL", "label"), ("UUID", "uuid")):
        if blkid.get(key) != ours[node][field]:
            print(f"{node}.{field}: ours {ours[node][field]!r}, blkid {blkid.get(key)!r}")
            problems += 1

assert ours[disk1 + "p1"]["label"] == "volmap one"
assert ours[disk1 + "p2"]["in-use"] == "used as swap"
assert ours[disk2]["in-use"] == "mounted at /mnt/data2"
assert ours[disk3]["in-use"] == "held by dm-0"
assert ours["dm-0"]["dm-name"] == "vm-dev"
assert ours[disk1]["back-file"] == "/tmp/disk1.img"
names = [d["name"] for d in json.load(open("/tmp/ours.json"))]
assert names.index(disk1 + "p1") == names.index(disk1) + 1, names
sys.exit(1 if problems else 0)
PY

step "as an ordinary user: every device still listed"
useradd --no-create-home erin
runuser -u erin -- volmapctl devices --json >/tmp/user.json
python3 - "$disk1" <<'PY' || fail "user listing incomplete"
import json, os, sys
root = {d["name"]: d for d in json.load(open("/tmp/ours.json"))}
user = {d["name"]: d for d in json.load(open("/tmp/user.json"))}
assert set(root) == set(user), (set(root) ^ set(user))
disk1 = os.path.basename(sys.argv[1])
for name, d in user.items():
    for field in ("maj:min", "size", "type", "mountpoints", "holders", "swap"):
        assert d[field] == root[name][field], (name, field, d[field], root[name][field])
print(f"ok: {len(user)} devices listed without privileges, sysfs facts identical")
PY

step "as an ordinary user the filesystem facts come from the udev database"
python3 - "$disk1" <<'PY' || fail "udev fallback"
import json, os, sys
root = {d["name"]: d for d in json.load(open("/tmp/ours.json"))}
user = {d["name"]: d for d in json.load(open("/tmp/user.json"))}
disk1 = os.path.basename(sys.argv[1])
for name in (disk1 + "p1", disk1 + "p2"):
    for field in ("fstype", "label", "uuid", "partuuid"):
        assert user[name][field] == root[name][field], (name, field, user[name][field], root[name][field])
print("ok: fstype, label, uuid and partuuid identical without opening the devices")
PY

step "hotplug: volmapctl devices --follow sees a loop device come and go (udev events)"
runuser -u erin -- volmapctl devices --follow --count 2 >/tmp/follow.log 2>&1 &
follower=$!
for i in $(seq 100); do
    grep -q '^following' /tmp/follow.log && break
    sleep 0.1
done
grep -q 'udev events' /tmp/follow.log || fail "not following udev: $(cat /tmp/follow.log)"
disk4=$(loopdisk /tmp/disk4.img 8)
udevadm settle --timeout=60
losetup -d "$disk4"
udevadm settle --timeout=60
for i in $(seq 100); do
    kill -0 $follower 2>/dev/null || break
    sleep 0.1
done
cat /tmp/follow.log
grep -q "added $(basename "$disk4") .* 8 MiB" /tmp/follow.log || fail "no 'added' event"
grep -q "removed $(basename "$disk4")" /tmp/follow.log || fail "no 'removed' event"

swapoff "${disk1}p2"
umount /mnt/data2
dmsetup remove vm-dev
losetup -d "$disk1" "$disk2" "$disk3"
# Last: while udev runs, libdevmapper waits for it to confirm node changes.
udevadm control --exit
echo "PASS: $(basename "$0")"
