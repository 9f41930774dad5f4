// SPDX-License-Identifier: GPL-2.0-only
/*
 * basic_target: a device-mapper pass-through target that counts its I/O.
 *
 * Table line:
 *   <start> <length> basic_target <device> <offset>
 * <device> is a path or major:minor, <offset> the first sector used on it.
 *
 * Status (STATUSTYPE_INFO), seven decimal counters since load or the last
 * reset, in this order (1.0 printed the first six; new fields only ever go
 * at the end, so parsers of the old line keep working):
 *   <reads> <writes> <read_sectors> <write_sectors> <flushes> <discards>
 *   <errors>
 *
 * Every counter counts bios this segment was sent and that completed,
 * counted once when they complete; a bio split by dm or the block layer
 * above us counts once per piece we receive. Precisely:
 *   reads          read bios that succeeded
 *   writes         write, write-zeroes and zone-append bios that succeeded
 *                  and carried sectors (a 1 MiB direct write that reaches
 *                  us whole is 1 write / 2048 sectors)
 *   read_sectors   512-byte sectors of those reads
 *   write_sectors  512-byte sectors of those writes
 *   flushes        cache flushes that succeeded; dm sends one to every
 *                  segment of the table, so one fsync counts once per
 *                  segment
 *   discards       discard and secure-erase bios that succeeded (bios, not
 *                  sectors)
 *   errors         bios of any kind that failed; they count nowhere else.
 *                  A bio refused as not supported (BLK_STS_NOTSUPP, which
 *                  the block layer answers by falling back, e.g. from
 *                  write-zeroes to plain writes) or as would-block
 *                  (BLK_STS_AGAIN, retried without REQ_NOWAIT) is neither
 *                  counted nor an error: only the fallback or retry counts.
 * Zone management bios (reset, open, close, finish) carry no data and
 * count nowhere.
 *
 * Message:
 *   reset_counters
 *
 * The counters are per CPU so the I/O path never touches a shared cache line;
 * a reset records the current sums as a baseline instead of writing into
 * other CPUs' counters, which keeps it race-free against in-flight I/O.
 * A status read while bios complete is a sum of counters each read whole
 * but not at one instant: it may show a bio in its count and not yet in
 * its sectors; once the I/O has completed every counter is exact.
 * A completed bio may have been advanced to zero length, so .map keeps its
 * kind and sector count in per-bio data for .end_io, which counts them once
 * it knows whether the bio succeeded. dm sends an empty write to a target
 * only as a flush, so an empty write counts as one (the block layer may
 * have cleared REQ_PREFLUSH on the way down to a device without a write
 * cache).
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
#include <linux/stringify.h>
#include <linux/u64_stats_sync.h>

#define DM_MSG_PREFIX "basic_target"

/*
 * The one place for the version: the target version dm reports, the
 * module version modinfo shows, and (read by kernel/CMakeLists.txt) the
 * DKMS package version. 1.1: counting on completion, the errors field.
 */
#define BASIC_VERSION_MAJOR 1
#define BASIC_VERSION_MINOR 1
#define BASIC_VERSION_PATCH 0

/*
 * The per-CPU counter slots. A bio's kind (READS to UNCOUNTED) is worked
 * out once in .map; .end_io then adds 1 to the kind's slot and the bio's
 * sectors to the slot BASIC_NR_KINDS further on, with no branch on the
 * kind. Kinds without a sector counter carry 0 sectors into a spare slot.
 * The order of the status line is basic_status's, not this one.
 */
enum basic_slot {
	BASIC_READS,  /* == REQ_OP_READ, see basic_map */
	BASIC_WRITES, /* == REQ_OP_WRITE */
	BASIC_FLUSHES,
	BASIC_DISCARDS,
	BASIC_UNCOUNTED, /* zone management and anything else */
	BASIC_ERRORS,	 /* failed bios: set by .end_io, not .map */
	BASIC_NR_KINDS,
	BASIC_READ_SECTORS = BASIC_READS + BASIC_NR_KINDS,
	BASIC_WRITE_SECTORS = BASIC_WRITES + BASIC_NR_KINDS,
	BASIC_NR_SLOTS = 2 * BASIC_NR_KINDS
};

/* Per-bio data (ti->per_io_data_size), carried from .map to .end_io. */
struct basic_io {
	unsigned int sectors; /* 0 unless the kind has a sector counter */
	unsigned char kind;   /* enum basic_slot, below BASIC_NR_KINDS */
};

/*
 * On 64-bit kernels a counter is a plain u64 that this_cpu_inc/add update
 * in one instruction (x86) or with preemption and interrupts held off
 * (others): no lock, and a reader on another CPU reads each counter whole,
 * which is all u64_stats_sync gives on 64-bit as well (its sequence count
 * exists only on 32-bit). On 32-bit a u64 is two words, so there the
 * counters stay behind u64_stats_sync and readers retry torn reads.
 */
#if BITS_PER_LONG == 64
struct basic_stats {
	u64 count[BASIC_NR_SLOTS];
};
#else
struct basic_stats {
	u64_stats_t count[BASIC_NR_SLOTS];
	struct u64_stats_sync syncp;
};
#endif

struct basic_c {
	struct dm_dev *dev;
	sector_t offset;
	struct basic_stats __percpu *stats;
	spinlock_t baseline_lock;
	u64 baseline[BASIC_NR_SLOTS];
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
	int ret;

	if (argc != 2) {
		ti->error =
			"Invalid argument count: expected <device> <offset>";
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
	/*
	 * dm core lets a table name its own device (it is only loaded, not
	 * live, when it does); live, every bio would come straight back here.
	 */
	if (bc->dev->bdev->bd_dev ==
	    disk_devt(dm_disk(dm_table_get_md(ti->table)))) {
		ret = -EINVAL;
		ti->error = "Device is this mapping itself";
		goto bad_device;
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
#if BITS_PER_LONG == 32
	{
		int cpu;

		for_each_possible_cpu(cpu)
			u64_stats_init(&per_cpu_ptr(bc->stats, cpu)->syncp);
	}
#endif

	ti->num_flush_bios = 1;
	ti->num_discard_bios = 1;
	ti->num_secure_erase_bios = 1;
	ti->num_write_zeroes_bios = 1;
	ti->per_io_data_size = sizeof(struct basic_io);
	/*
	 * flush_bypasses_map (6.10+) stays unset on purpose: with it dm would
	 * send flushes straight to the devices, and the flushes counter would
	 * never see them.
	 */
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

/* Add 1 to @slot and @sectors to its sector slot, on this CPU. */
static inline void basic_count(struct basic_c *bc, unsigned int slot,
			       unsigned int sectors)
{
#if BITS_PER_LONG == 64
	struct basic_stats __percpu *stats = bc->stats;

	this_cpu_inc(stats->count[slot]);
	this_cpu_add(stats->count[slot + BASIC_NR_KINDS], sectors);
#else
	struct basic_stats *stats = get_cpu_ptr(bc->stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&stats->syncp);
	u64_stats_inc(&stats->count[slot]);
	u64_stats_add(&stats->count[slot + BASIC_NR_KINDS], sectors);
	u64_stats_update_end_irqrestore(&stats->syncp, flags);
	put_cpu_ptr(bc->stats);
#endif
}

/*
 * One CPU's counters. Each is read whole, but not all at one instant: a
 * bio completing meanwhile may show in its kind's count and not yet in the
 * sectors (on 32-bit the retry loop rules that out for this CPU).
 */
static void basic_snapshot(const struct basic_stats *stats,
			   u64 snapshot[BASIC_NR_SLOTS])
{
	int i;
#if BITS_PER_LONG == 64
	for (i = 0; i < BASIC_NR_SLOTS; i++)
		snapshot[i] = READ_ONCE(stats->count[i]);
#else
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&stats->syncp);
		for (i = 0; i < BASIC_NR_SLOTS; i++)
			snapshot[i] = u64_stats_read(&stats->count[i]);
	} while (u64_stats_fetch_retry(&stats->syncp, start));
#endif
}

static sector_t basic_map_sector(struct dm_target *ti, sector_t sector)
{
	struct basic_c *bc = ti->private;

	return bc->offset + dm_target_offset(ti, sector);
}

/* The kind of every bio but a read or write with data; see the top. */
static void basic_classify(struct basic_io *io, enum req_op op,
			   unsigned int sectors)
{
	io->sectors = 0;
	switch (op) {
	case REQ_OP_WRITE:
		/* dm sends an empty write to a target only as a flush. */
		io->kind = BASIC_FLUSHES;
		break;
	case REQ_OP_WRITE_ZEROES:
	case REQ_OP_ZONE_APPEND:
		io->kind = BASIC_WRITES;
		io->sectors = sectors;
		break;
	case REQ_OP_DISCARD:
	case REQ_OP_SECURE_ERASE:
		io->kind = BASIC_DISCARDS;
		break;
	default:
		io->kind = BASIC_UNCOUNTED;
		break;
	}
}

static int basic_map(struct dm_target *ti, struct bio *bio)
{
	struct basic_c *bc = ti->private;
	struct basic_io *io;
	unsigned int sectors;
	enum req_op op;

	BUILD_BUG_ON((int)REQ_OP_READ != (int)BASIC_READS ||
		     (int)REQ_OP_WRITE != (int)BASIC_WRITES);
	bio_set_dev(bio, bc->dev->bdev);
	/*
	 * An empty flush carries no sector to remap; a zone management bio
	 * carries none either, but names its zone by its start sector.
	 */
	if (likely(bio_sectors(bio)) || op_is_zone_mgmt(bio_op(bio)))
		bio->bi_iter.bi_sector =
			basic_map_sector(ti, bio->bi_iter.bi_sector);
	/*
	 * Last, so that little has to live across the calls above: every
	 * instruction of this path shows in the benchmark.
	 */
	io = dm_per_bio_data(bio, sizeof(struct basic_io));
	op = bio_op(bio);
	sectors = bio_sectors(bio);
	/* The hot path: a read or write with data is its own kind. */
	if (likely(op <= REQ_OP_WRITE && sectors)) {
		io->kind = op;
		io->sectors = sectors;
	} else {
		basic_classify(io, op, sectors);
	}
	return DM_MAPIO_REMAPPED;
}

/* Counts a bio that failed: see the top for the refusals it skips. */
static void basic_count_error(struct basic_c *bc, blk_status_t error)
{
	if (error != BLK_STS_NOTSUPP && error != BLK_STS_AGAIN)
		basic_count(bc, BASIC_ERRORS, 0);
}

static int basic_end_io(struct dm_target *ti, struct bio *bio,
			blk_status_t *error)
{
	struct basic_io *io = dm_per_bio_data(bio, sizeof(struct basic_io));

	if (likely(!*error))
		basic_count(ti->private, io->kind, io->sectors);
	else
		basic_count_error(ti->private, *error);
	return DM_ENDIO_DONE;
}

static void basic_sum_counters(struct basic_c *bc, u64 sum[BASIC_NR_SLOTS])
{
	int cpu, i;

	memset(sum, 0, sizeof(u64) * BASIC_NR_SLOTS);
	for_each_possible_cpu(cpu) {
		const struct basic_stats *stats = per_cpu_ptr(bc->stats, cpu);
		u64 snapshot[BASIC_NR_SLOTS];

		basic_snapshot(stats, snapshot);
		for (i = 0; i < BASIC_NR_SLOTS; i++)
			sum[i] += snapshot[i];
	}
}

static void basic_read_counters(struct basic_c *bc, u64 value[BASIC_NR_SLOTS])
{
	int i;

	spin_lock(&bc->baseline_lock);
	basic_sum_counters(bc, value);
	for (i = 0; i < BASIC_NR_SLOTS; i++)
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
	u64 value[BASIC_NR_SLOTS];
	unsigned int sz = 0;

	switch (type) {
	case STATUSTYPE_INFO:
		basic_read_counters(bc, value);
		DMEMIT("%llu %llu %llu %llu %llu %llu %llu", value[BASIC_READS],
		       value[BASIC_WRITES], value[BASIC_READ_SECTORS],
		       value[BASIC_WRITE_SECTORS], value[BASIC_FLUSHES],
		       value[BASIC_DISCARDS], value[BASIC_ERRORS]);
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
	DMWARN_LIMIT(
		"Unrecognised message '%s'%s: the only message is reset_counters",
		argc ? argv[0] : "", argc > 1 ? " with arguments" : "");
	return -EINVAL;
}

/*
 * 6.16 let targets handle ioctls themselves (this one always forwards), and
 * distributions backport such changes: Kbuild asks the header which
 * signature it has instead of trusting the version number.
 */
#ifdef BASIC_PREPARE_IOCTL_FORWARD
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

#ifdef CONFIG_BLK_DEV_ZONED
/* Zones of the backing device, moved to where this segment shows them. */
static int basic_report_zones(struct dm_target *ti,
			      struct dm_report_zones_args *args,
			      unsigned int nr_zones)
{
	struct basic_c *bc = ti->private;

	return dm_report_zones(bc->dev->bdev, bc->offset,
			       basic_map_sector(ti, args->next_sector), args,
			       nr_zones);
}
#else
#define basic_report_zones NULL
#endif

/* The features linear has: nothing here changes data or its layout. */
#ifdef DM_TARGET_ATOMIC_WRITES
#define BASIC_ATOMIC_WRITES DM_TARGET_ATOMIC_WRITES
#else
#define BASIC_ATOMIC_WRITES 0
#endif
#define BASIC_FEATURES                                                        \
	(DM_TARGET_PASSES_INTEGRITY | DM_TARGET_NOWAIT | DM_TARGET_ZONED_HM | \
	 DM_TARGET_PASSES_CRYPTO | BASIC_ATOMIC_WRITES)

static struct target_type basic_target = {
	.name = "basic_target",
	.version = {BASIC_VERSION_MAJOR, BASIC_VERSION_MINOR,
		    BASIC_VERSION_PATCH},
	.features = BASIC_FEATURES,
	.module = THIS_MODULE,
	.ctr = basic_ctr,
	.dtr = basic_dtr,
	.map = basic_map,
	.end_io = basic_end_io,
	.status = basic_status,
	.message = basic_message,
	.prepare_ioctl = basic_prepare_ioctl,
	.report_zones = basic_report_zones,
	.iterate_devices = basic_iterate_devices,
};

static int __init dm_basic_target_init(void)
{
	int ret = dm_register_target(&basic_target);

	if (ret)
		DMERR("Cannot register the target: error %d", ret);
	return ret;
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
MODULE_VERSION(__stringify(
	BASIC_VERSION_MAJOR.BASIC_VERSION_MINOR.BASIC_VERSION_PATCH));
/* dm core asks for "dm-<target name>" when a table names an unloaded target. */
MODULE_ALIAS("dm-basic_target");
