// SPDX-License-Identifier: GPL-2.0-or-later
#include "rangesignatureprobe.h"

#include "blockdeviceresolver.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHashFunctions>
#include <QPointer>
#include <QTimer>

namespace Volmap {

size_t qHash(const DeviceNumber &number, size_t seed)
{
    return qHashMulti(seed, number.major, number.minor);
}

size_t qHash(const RangeKey &key, size_t seed)
{
    return qHashMulti(seed, key.device.major, key.device.minor, key.offset, key.length);
}

std::optional<ProbeTarget> probeTargetOf(const QString &root, const QString &device, quint64 offset,
                                         quint64 length)
{
    const auto reference = parseDeviceReference(device);
    if (!reference.has_value()) {
        return std::nullopt;
    }
    const auto resolved = BlockDeviceResolver(root).resolve(reference.value());
    if (!resolved.has_value()) {
        return std::nullopt;
    }
    const DeviceNumber number = resolved.value().geometry.number;
    // The kernel's name for it, as in /dev: the node udev made, not a link to it.
    const QString sysfs = root + QStringLiteral("/sys/dev/block/") + number.toString();
    const QString kernelName = QFileInfo(QFileInfo(sysfs).canonicalFilePath()).fileName();
    if (kernelName.isEmpty()) {
        return std::nullopt;
    }
    return ProbeTarget{QStringLiteral("/dev/") + kernelName, RangeKey{number, offset, length}};
}

RangeSignatureProbe::RangeSignatureProbe(const QString &root, QObject *parent)
    : QObject(parent)
    , m_probe([root](const QString &node, const RangeKey &key) {
        return signatureOfRange(root, node, key.device, key.offset, key.length);
    })
{
    qRegisterMetaType<Volmap::RangeKey>();
    qRegisterMetaType<Volmap::RangeSignature>();
    // Two: enough to overlap a slow drive with a fast one, few enough not
    // to queue up a dozen reads on one spinning disk.
    m_pool.setMaxThreadCount(2);
}

RangeSignatureProbe::~RangeSignatureProbe()
{
    // Probes still running post their result to this object: wait for them
    // while it is whole; queued ones never start.
    m_pool.clear();
    m_pool.waitForDone();
}

std::optional<RangeSignature> RangeSignatureProbe::signatureFor(const QString &node, const RangeKey &key)
{
    if (const auto cached = m_cache.constFind(key); cached != m_cache.cend()) {
        return *cached;
    }
    if (m_pending.contains(key)) {
        return std::nullopt;
    }
    m_pending.insert(key);
    const quint64 generation = m_generation.value(key.device);
    QPointer<RangeSignatureProbe> self(this);
    const ProbeFunction probe = m_probe;
    m_pool.start([self, probe, node, key, generation]() {
        const RangeSignature signature = probe(node, key);
        // The destructor waits for running probes, so `self` outlives this call.
        QMetaObject::invokeMethod(
            self.data(),
            [self, key, generation, signature]() {
                if (self) {
                    self->finished(key, generation, signature);
                }
            },
            Qt::QueuedConnection);
    });
    return std::nullopt;
}

void RangeSignatureProbe::finished(const RangeKey &key, quint64 generation, const RangeSignature &signature)
{
    m_pending.remove(key);
    if (generation != m_generation.value(key.device)) {
        return; // the device changed while it was read: ask again
    }
    m_cache.insert(key, signature);
    Q_EMIT probed(key, signature);
}

void RangeSignatureProbe::invalidate(DeviceNumber device)
{
    ++m_generation[device];
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        it = it.key().device == device ? m_cache.erase(it) : std::next(it);
    }
    // Pending probes of the device still finish, but are dropped; forget them
    // so the next request starts a fresh one.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        it = it->device == device ? m_pending.erase(it) : std::next(it);
    }
}

void RangeSignatureProbe::probeAll(const QList<ProbeTarget> &ranges, QObject *context,
                                   std::function<void(const QList<RangeSignature> &)> done, int timeoutMs)
{
    struct Collection
    {
        bool finished = false;
        QMetaObject::Connection connection;
    };
    auto state = std::make_shared<Collection>();
    // Asks for every range (so they are read side by side), and answers
    // once all are in; `giveUp` answers anyway, for a device that hangs.
    auto collect = [this, ranges, done, state](bool giveUp) {
        if (state->finished) {
            return;
        }
        QList<RangeSignature> found;
        bool complete = true;
        for (const ProbeTarget &range : ranges) {
            const auto signature = signatureFor(range.node, range.key);
            complete = complete && signature.has_value();
            found.append(signature.value_or(
                RangeSignature{RangeSignature::Kind::Unknown,
                               {},
                               {},
                               {},
                               QCoreApplication::translate("Volmap::RangeSignature", "still being read"),
                               false}));
        }
        if (complete || giveUp) {
            state->finished = true;
            QObject::disconnect(state->connection);
            done(found);
        }
    };
    collect(false);
    if (state->finished) {
        return;
    }
    state->connection = connect(this, &RangeSignatureProbe::probed, context, [collect]() { collect(false); });
    QTimer::singleShot(timeoutMs, context, [collect]() { collect(true); });
}

} // namespace Volmap
