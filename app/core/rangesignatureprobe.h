// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "rangesignature.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <functional>

namespace Volmap {

/* A range of one block device, in sectors: what a probe result is cached by. */
struct RangeKey
{
    DeviceNumber device;
    quint64 offset = 0;
    quint64 length = 0;

    bool operator==(const RangeKey &) const = default;
};
size_t qHash(const RangeKey &key, size_t seed = 0);
size_t qHash(const DeviceNumber &number, size_t seed = 0);

/* A probe request: the node to open (without the test root) and the range. */
struct ProbeTarget
{
    QString node;
    RangeKey key;
};

/*
 * Where `length` sectors from `offset` of the device a table names
 * (a path or major:minor) are: its node /dev/<kernel name> and number, as
 * sysfs under `root` says. nullopt when the device does not resolve.
 */
std::optional<ProbeTarget> probeTargetOf(const QString &root, const QString &device, quint64 offset,
                                         quint64 length);

/*
 * Probes what ranges hold, off the GUI thread. At most `maxInFlight`
 * probes run at once (on a pool of its own, so a slow drive cannot hold
 * up Qt's global pool); the rest wait in a queue. Results are cached by
 * device number, offset and length until invalidate() says the device
 * changed. `signatureFor` answers from the cache, or asks for a probe
 * and returns nullopt; `probed` tells when a result arrives.
 */
class RangeSignatureProbe final : public QObject
{
    Q_OBJECT

public:
    /* The probe itself, replaceable for tests; by default signatureOfRange() under `root`. */
    using ProbeFunction = std::function<RangeSignature(const QString &node, const RangeKey &key)>;

    explicit RangeSignatureProbe(const QString &root = QString(), QObject *parent = nullptr);
    ~RangeSignatureProbe() override;

    void setProbeFunction(ProbeFunction probe) { m_probe = std::move(probe); }
    void setMaxInFlight(int count) { m_pool.setMaxThreadCount(count); }

    /* The cached result, or nullopt after queueing a probe of `node` (once per key). */
    std::optional<RangeSignature> signatureFor(const QString &node, const RangeKey &key);
    /* Forgets every result on `device` (it changed, or appeared again). */
    void invalidate(DeviceNumber device);
    /*
     * Calls `done` (on this object's thread) once every range has a result,
     * at once if all are cached, or after `timeoutMs` with Kind::Unknown
     * ("still being read") for the ranges still out, so a hanging device
     * cannot hold up a confirmation. `context` going away cancels the call.
     */
    void probeAll(const QList<ProbeTarget> &ranges, QObject *context,
                  std::function<void(const QList<RangeSignature> &)> done, int timeoutMs = 10000);

    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void probed(const Volmap::RangeKey &key, const Volmap::RangeSignature &signature);

private:
    void finished(const RangeKey &key, quint64 generation, const RangeSignature &signature);

    ProbeFunction m_probe;
    QThreadPool m_pool;
    QHash<RangeKey, RangeSignature> m_cache;
    QSet<RangeKey> m_pending;
    // Bumped per device by invalidate(): a probe started before the change
    // must not put its stale answer into the cache.
    QHash<DeviceNumber, quint64> m_generation;
};

} // namespace Volmap

Q_DECLARE_METATYPE(Volmap::RangeKey)
