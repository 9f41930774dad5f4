// SPDX-License-Identifier: GPL-2.0-or-later
#include "sizeunits.h"

#include "tabletext.h"

#include <limits>

namespace Volmap {

namespace {

constexpr quint64 Max = std::numeric_limits<quint64>::max();

struct UnitName
{
    QStringView text;
    SizeUnit unit;
};

// Longest spellings first so "KiB" is not read as "K" + junk.
constexpr UnitName UnitNames[] = {
    {u"kib", SizeUnit::KiB},   {u"mib", SizeUnit::MiB}, {u"gib", SizeUnit::GiB}, {u"tib", SizeUnit::TiB},
    {u"kb", SizeUnit::KiB},    {u"mb", SizeUnit::MiB},  {u"gb", SizeUnit::GiB},  {u"tb", SizeUnit::TiB},
    {u"k", SizeUnit::KiB},     {u"m", SizeUnit::MiB},   {u"g", SizeUnit::GiB},   {u"t", SizeUnit::TiB},
    {u"s", SizeUnit::Sectors}, {u"b", SizeUnit::Bytes},
};

std::optional<SizeUnit> unitFromSuffix(QStringView suffix)
{
    for (const UnitName &name : UnitNames) {
        if (suffix.compare(name.text, Qt::CaseInsensitive) == 0) {
            return name.unit;
        }
    }
    return std::nullopt;
}

} // namespace

quint64 bytesPerUnit(SizeUnit unit)
{
    switch (unit) {
    case SizeUnit::Sectors:
        return BytesPerSector;
    case SizeUnit::Bytes:
        return 1;
    case SizeUnit::KiB:
        return quint64(1) << 10;
    case SizeUnit::MiB:
        return quint64(1) << 20;
    case SizeUnit::GiB:
        return quint64(1) << 30;
    case SizeUnit::TiB:
        return quint64(1) << 40;
    }
    return 1;
}

QString unitSuffix(SizeUnit unit)
{
    switch (unit) {
    case SizeUnit::Sectors:
        return QStringLiteral("s");
    case SizeUnit::Bytes:
        return QStringLiteral("B");
    case SizeUnit::KiB:
        return QStringLiteral("KiB");
    case SizeUnit::MiB:
        return QStringLiteral("MiB");
    case SizeUnit::GiB:
        return QStringLiteral("GiB");
    case SizeUnit::TiB:
        return QStringLiteral("TiB");
    }
    return {};
}

Result<quint64, QString> parseSize(QStringView text, SizeUnit defaultUnit)
{
    const QStringView trimmed = text.trimmed();
    qsizetype numberEnd = 0;
    // ASCII digits only: QChar::isDigit() also takes other scripts' digits.
    while (numberEnd < trimmed.size()
           && ((trimmed[numberEnd] >= u'0' && trimmed[numberEnd] <= u'9') || trimmed[numberEnd] == u'.')) {
        ++numberEnd;
    }
    const QStringView number = trimmed.first(numberEnd);
    const QStringView suffix = trimmed.sliced(numberEnd).trimmed();
    if (number.isEmpty()) {
        return fail(TableMessages::tr("'%1' is not a size").arg(text));
    }
    SizeUnit unit = defaultUnit;
    if (!suffix.isEmpty()) {
        const auto parsedUnit = unitFromSuffix(suffix);
        if (!parsedUnit) {
            return fail(TableMessages::tr("'%1' is not a unit (use s, B, K, M, G or T)").arg(suffix));
        }
        unit = *parsedUnit;
    }

    const qsizetype dot = number.indexOf(u'.');
    const QStringView wholeText = dot < 0 ? number : number.first(dot);
    const QStringView fractionText = dot < 0 ? QStringView() : number.sliced(dot + 1);
    const auto whole = wholeText.isEmpty() ? std::optional<quint64>(0) : parseDecimal(wholeText);
    if (!whole || (dot >= 0 && (fractionText.isEmpty() || fractionText.contains(u'.')))
        || (wholeText.isEmpty() && fractionText.isEmpty())) {
        return fail(TableMessages::tr("'%1' is not a size").arg(text));
    }
    const quint64 scale = bytesPerUnit(unit);
    if (*whole > Max / scale) {
        return fail(TableMessages::tr("'%1' is too large").arg(text));
    }
    quint64 bytes = *whole * scale;
    if (!fractionText.isEmpty()) {
        // fraction * scale must be a whole number: digits / 10^n * scale.
        if (fractionText.size() > 18) {
            return fail(TableMessages::tr("'%1' has too many decimals").arg(text));
        }
        const auto fraction = parseDecimal(fractionText);
        if (!fraction) {
            return fail(TableMessages::tr("'%1' is not a size").arg(text));
        }
        const quint64 digits = *fraction;
        quint64 denominator = 1;
        for (qsizetype i = 0; i < fractionText.size(); ++i) {
            denominator *= 10;
        }
        // scale <= 2^40 and digits < 10^18 can overflow, so reduce first.
        quint64 a = digits, b = denominator;
        while (b != 0) {
            const quint64 t = a % b;
            a = b;
            b = t;
        }
        const quint64 reducedDigits = digits / a;
        const quint64 reducedDenominator = denominator / a;
        if (scale % reducedDenominator != 0) {
            return fail(TableMessages::tr("'%1' is not a whole number of bytes").arg(text));
        }
        const quint64 unitsPerPart = scale / reducedDenominator;
        if (reducedDigits > Max / unitsPerPart || bytes > Max - reducedDigits * unitsPerPart) {
            return fail(TableMessages::tr("'%1' is too large").arg(text));
        }
        bytes += reducedDigits * unitsPerPart;
    }
    return bytes;
}

Result<quint64, QString> parseSizeInSectors(QStringView text, SizeUnit defaultUnit)
{
    auto parsed = parseSize(text, defaultUnit);
    if (!parsed) {
        return parsed;
    }
    if (*parsed % BytesPerSector != 0) {
        return fail(TableMessages::tr("'%1' is not a whole number of 512-byte sectors").arg(text));
    }
    return *parsed / BytesPerSector;
}

QString formatSize(quint64 bytes, SizeUnit unit, int maxDecimals)
{
    const quint64 scale = bytesPerUnit(unit);
    const quint64 whole = bytes / scale;
    quint64 remainder = bytes % scale;
    QString text = QString::number(whole);
    if (remainder != 0) {
        // Exact decimal expansion up to maxDecimals places; binary scales
        // always terminate, but may need more places than shown.
        QString decimals;
        for (int i = 0; i < maxDecimals && remainder != 0; ++i) {
            // remainder < scale <= 2^40, so remainder * 10 cannot overflow.
            remainder *= 10;
            decimals += QChar(u'0' + int(remainder / scale));
            remainder %= scale;
        }
        if (remainder != 0) {
            const double value = double(bytes) / double(scale);
            return u'~' + QString::number(value, 'f', maxDecimals) + u' ' + unitSuffix(unit);
        }
        text += u'.' + decimals;
    }
    return text + u' ' + unitSuffix(unit);
}

QString formatRateHuman(double bytesPerSecond)
{
    SizeUnit unit = SizeUnit::Bytes;
    for (SizeUnit candidate : {SizeUnit::KiB, SizeUnit::MiB, SizeUnit::GiB, SizeUnit::TiB}) {
        if (bytesPerSecond >= double(bytesPerUnit(candidate))) {
            unit = candidate;
        }
    }
    const int decimals = unit == SizeUnit::Bytes ? 0 : 1;
    return QString::number(bytesPerSecond / double(bytesPerUnit(unit)), 'f', decimals) + u' '
           + unitSuffix(unit) + QStringLiteral("/s");
}

QString formatSizeHuman(quint64 bytes)
{
    SizeUnit unit = SizeUnit::Bytes;
    for (SizeUnit candidate : {SizeUnit::KiB, SizeUnit::MiB, SizeUnit::GiB, SizeUnit::TiB}) {
        if (bytes >= bytesPerUnit(candidate)) {
            unit = candidate;
        }
    }
    return formatSize(bytes, unit, 2);
}

} // namespace Volmap
