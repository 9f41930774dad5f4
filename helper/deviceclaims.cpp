#include "deviceclaims.h"

namespace Volmap {

namespace {

bool intersects(quint64 startA, quint64 lengthA, quint64 startB, quint64 lengthB)
{
    return startA < startB + lengthB && startB < startA + lengthA;
}

} // namespace

std::optional<HelperError> findConflict(const QList<WantedRange> &wanted, const QList<DeviceClaim> &claims)
{
    for (const WantedRange &range : wanted) {
        for (const DeviceClaim &claim : claims) {
            if (claim.disk != range.disk || !intersects(range.start, range.length, claim.start, claim.length)) {
                continue;
            }
            const QString where = QStringLiteral("segment %1 (%2)").arg(range.segment + 1).arg(range.description);
            if (claim.kind == DeviceClaim::Kind::Mapping) {
                return HelperError{HelperProtocol::Error::overlap(),
                                   QStringLiteral("%1 overlaps %2").arg(where, claim.description)};
            }
            return HelperError{HelperProtocol::Error::deviceInUse(),
                               QStringLiteral("%1: the device is %2").arg(where, claim.description)};
        }
    }
    return std::nullopt;
}

} // namespace Volmap
