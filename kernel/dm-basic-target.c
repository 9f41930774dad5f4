// SPDX-License-Identifier: GPL-2.0-only
/*
 * basic_target: a device-mapper pass-through target that counts its I/O.
 *
 * Table line:
 *   <start> <length> basic_target <device> <offset>
 * <device> is a path or major:minor, <offset> the first sector used on it.
 *
 * Status (STATUSTYPE_INFO), six decimal counters since load or the last
 * reset, in this order:
 *   <reads> <writes> <read_sectors> <write_sectors> <flushes> <discards>
 * Write-zeroes bios change data on the device, so they count as writes.
 *
 * Message:
 *   reset_counters
 *
 * The counters are per CPU so the I/O path never touches a shared cache line;
 * a reset records the current sums as a baseline instead of writing into
 * other CPUs' counters, which keeps it race-free against in-flight I/O.
 */

#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/ctype.h>
#include <linux/device-mapper.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/overflow.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/version.h>

#define DM_MSG_PREFIX "basic_target"

enum basic_counter {
	BASIC_READS,
	BASIC_WRITES,
	BASIC_READ_SECTORS,
	BASIC_WRITE_SECTORS,
	BASIC_FLUSHES,
	BASIC_DISCARDS,
	BASIC_NR_COUNTERS
};

struct basic_stats {
	u64_stats_t count[BASIC_NR_COUNTERS];
	struct u64_stats_sync syncp;
};

struct basic_c {
	struct dm_dev *dev;
	sector_t offset;
	struct basic_stats __percpu *stats;
	spinlock_t baseline_lock;
	u64 baseline[BASIC_NR_COUNTERS];
};

/* Strict decimal: no sign, no base prefix, no trailing characters. */
static int basic_parse_sector(const char *arg, sector_t *sector)
{
	unsigned long long value;
	int ret;

	if (!isdigit(arg[0]))
		return -EINVAL;
	ret = kstrtoull(arg, 10, &value);
	if (ret)
		return ret;
	*sector = value;
	return 0;
}

/* Construct a mapping: <device> <offset> */
static int basic_ctr(struct dm_target *ti, unsigned int argc, char **argv)
{
	struct basic_c *bc;
	sector_t end;
	int cpu, ret;

	if (argc != 2) {
		ti->error = "Invalid argument count: expected <device> <offset>";
		return -EINVAL;
	}

	bc = kzalloc(sizeof(*bc), GFP_KERNEL);
	if (!bc) {
		ti->error = "Cannot allocate context";
		return -ENOMEM;
	}
	spin_lock_init(&bc->baseline_lock);

	ret = basic_parse_sector(argv[1], &bc->offset);
	if (ret == -ERANGE) {
		ti->error = "Invalid offset: out of range";
		goto bad_context;
	}
	if (ret) {
		ti->error = "Invalid offset: not a decimal sector number";
		goto bad_context;
	}
	if (check_add_overflow(bc->offset, ti->len, &end)) {
		ret = -EINVAL;
		ti->error = "Invalid offset: offset plus length overflows";
		goto bad_context;
	}

	ret = dm_get_device(ti, argv[0], dm_table_get_mode(ti->table),
			    &bc->dev);
	if (ret) {
		ti->error = "Device lookup failed";
		goto bad_context;
	}
	if (end > bdev_nr_sectors(bc->dev->bdev)) {
		ret = -EINVAL;
		ti->error = "Offset plus length is past the end of the device";
		goto bad_device;
	}

	bc->stats = alloc_percpu(struct basic_stats);
	if (!bc->stats) {
		ret = -ENOMEM;
		ti->error = "Cannot allocate I/O counters";
		goto bad_device;
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(bc->stats, cpu)->syncp);

	ti->num_flush_bios = 1;
	ti->num_discard_bios = 1;
	ti->num_secure_erase_bios = 1;
	ti->num_write_zeroes_bios = 1;
	ti->private = bc;
	return 0;

bad_device:
	dm_put_device(ti, bc->dev);
bad_context:
	kfree(bc);
	return ret;
}

static void basic_dtr(struct dm_target *ti)
{
	struct basic_c *bc = ti->private;

	free_percpu(bc->stats);
	dm_put_device(ti, bc->dev);
	kfree(bc);
}

static void basic_account(struct basic_c *bc, struct bio *bio)
{
	unsigned int sectors = bio_sectors(bio);
	struct basic_stats *stats;
	unsigned long flags;

	stats = get_cpu_ptr(bc->stats);
	flags = u64_stats_update_begin_irqsave(&stats->syncp);
	switch (bio_op(bio)) {
	case REQ_OP_READ:
		u64_stats_inc(&stats->count[BASIC_READS]);
		u64_stats_add(&stats->count[BASIC_READ_SECTORS], sectors);
		break;
	case REQ_OP_WRITE:
		if (bio->bi_opf & REQ_PREFLUSH)
			u64_stats_inc(&stats->count[BASIC_FLUSHES]);
		if (!sectors)
			break;
		fallthrough;
	case REQ_OP_WRITE_ZEROES:
		u64_stats_inc(&stats->count[BASIC_WRITES]);
		u64_stats_add(&stats->count[BASIC_WRITE_SECTORS], sectors);
		break;
	case REQ_OP_DISCARD:
		u64_stats_inc(&stats->count[BASIC_DISCARDS]);
		break;
	default:
		break;
	}
	u64_stats_update_end_irqrestore(&stats->syncp, flags);
	put_cpu_ptr(bc->stats);
}

static sector_t basic_map_sector(struct dm_target *ti, sector_t sector)
{
	struct basic_c *bc = ti->private;

	return bc->offset + dm_target_offset(ti, sector);
}

static int basic_map(struct dm_target *ti, struct bio *bio)
{
	struct basic_c *bc = ti->private;

	basic_account(bc, bio);
	bio_set_dev(bio, bc->dev->bdev);
	/* An empty flush carries no sector to remap. */
	if (bio_sectors(bio))
		bio->bi_iter.bi_sector =
			basic_map_sector(ti, bio->bi_iter.bi_sector);
	return DM_MAPIO_REMAPPED;
}

static void basic_sum_counters(struct basic_c *bc,
			       u64 sum[BASIC_NR_COUNTERS])
{
	int cpu, i;

	memset(sum, 0, sizeof(u64) * BASIC_NR_COUNTERS);
	for_each_possible_cpu(cpu) {
		const struct basic_stats *stats = per_cpu_ptr(bc->stats, cpu);
		u64 snapshot[BASIC_NR_COUNTERS];
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&stats->syncp);
			for (i = 0; i < BASIC_NR_COUNTERS; i++)
				snapshot[i] = u64_stats_read(&stats->count[i]);
		} while (u64_stats_fetch_retry(&stats->syncp, start));

		for (i = 0; i < BASIC_NR_COUNTERS; i++)
			sum[i] += snapshot[i];
	}
}

static void basic_read_counters(struct basic_c *bc,
				u64 value[BASIC_NR_COUNTERS])
{
	int i;

	spin_lock(&bc->baseline_lock);
	basic_sum_counters(bc, value);
	for (i = 0; i < BASIC_NR_COUNTERS; i++)
		value[i] -= bc->baseline[i];
	spin_unlock(&bc->baseline_lock);
}

static void basic_reset_counters(struct basic_c *bc)
{
	spin_lock(&bc->baseline_lock);
	basic_sum_counters(bc, bc->baseline);
	spin_unlock(&bc->baseline_lock);
}

static void basic_status(struct dm_target *ti, status_type_t type,
			 unsigned int status_flags, char *result,
			 unsigned int maxlen)
{
	struct basic_c *bc = ti->private;
	u64 value[BASIC_NR_COUNTERS];
	unsigned int sz = 0;

	switch (type) {
	case STATUSTYPE_INFO:
		basic_read_counters(bc, value);
		DMEMIT("%llu %llu %llu %llu %llu %llu",
		       value[BASIC_READS], value[BASIC_WRITES],
		       value[BASIC_READ_SECTORS], value[BASIC_WRITE_SECTORS],
		       value[BASIC_FLUSHES], value[BASIC_DISCARDS]);
		break;
	case STATUSTYPE_TABLE:
		DMEMIT("%s %llu", bc->dev->name,
		       (unsigned long long)bc->offset);
		break;
	case STATUSTYPE_IMA:
		DMEMIT_TARGET_NAME_VERSION(ti->type);
		DMEMIT(",device_name=%s,start=%llu;", bc->dev->name,
		       (unsigned long long)bc->offset);
		break;
	}
}

static int basic_message(struct dm_target *ti, unsigned int argc, char **argv,
			 char *result, unsigned int maxlen)
{
	struct basic_c *bc = ti->private;

	if (argc == 1 && !strcasecmp(argv[0], "reset_counters")) {
		basic_reset_counters(bc);
		return 0;
	}
	DMWARN("Unrecognised message: the only message is reset_counters");
	return -EINVAL;
}

/* 6.16 let targets handle ioctls themselves; this one always forwards. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 16, 0)
static int basic_prepare_ioctl(struct dm_target *ti, struct block_device **bdev,
			       unsigned int cmd, unsigned long arg,
			       bool *forward)
#else
static int basic_prepare_ioctl(struct dm_target *ti, struct block_device **bdev)
#endif
{
	struct basic_c *bc = ti->private;
	struct dm_dev *dev = bc->dev;

	*bdev = dev->bdev;
	/*
	 * A mapping of part of a device must not hand ioctls to the whole
	 * device unchecked: a positive return makes dm demand CAP_SYS_RAWIO.
	 */
	return bc->offset || ti->len != bdev_nr_sectors(dev->bdev);
}

static int basic_iterate_devices(struct dm_target *ti,
				 iterate_devices_callout_fn fn, void *data)
{
	struct basic_c *bc = ti->private;

	return fn(ti, bc->dev, bc->offset, ti->len, data);
}

static struct target_type basic_target = {
	.name = "basic_target",
	.version = {1, 0, 0},
	.features = DM_TARGET_NOWAIT,
	.module = THIS_MODULE,
	.ctr = basic_ctr,
	.dtr = basic_dtr,
	.map = basic_map,
	.status = basic_status,
	.message = basic_message,
	.prepare_ioctl = basic_prepare_ioctl,
	.iterate_devices = basic_iterate_devices,
};

static int __init dm_basic_target_init(void)
{
	return dm_register_target(&basic_target);
}

static void __exit dm_basic_target_exit(void)
{
	dm_unregister_target(&basic_target);
}

module_init(dm_basic_target_init);
module_exit(dm_basic_target_exit);

MODULE_DESCRIPTION(DM_NAME " pass-through target with per-CPU I/O counters");
MODULE_AUTHOR("Volume Mapper developers");
MODULE_LICENSE("GPL");
MODULE_VERSION("1.0.0");
/* dm core asks for "dm-<target name>" when a table names an unloaded target. */
MODULE_ALIAS("dm-basic_target");
