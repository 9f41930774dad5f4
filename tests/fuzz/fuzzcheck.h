// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// What the fuzz targets of tests/fuzz share: failing a property so that
// libFuzzer keeps the input, the bound on messages, the grammar's field
// splitting and a reference reading of a decimal.

#include <QList>
#include <QString>
#include <QStringView>

#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>

namespace VolmapFuzz {

// Messages reach D-Bus errors, the journal and dialogs: none may grow with
// the input. The fake resolver's own names stay far below this.
constexpr qsizetype MaxMessageLength = 300;

// Prints what failed and aborts: libFuzzer reports a crash and writes the
// input to its artifact folder.
[[noreturn]] inline void fail(const char *property, QStringView detail = {})
{
    std::fprintf(stderr, "fuzz: property failed: %s\n  %s\n", property,
                 detail.toUtf8().left(600).constData());
    std::abort();
}

inline void check(bool ok, const char *property, QStringView detail = {})
{
    if (!ok) {
        fail(property, detail);
    }
}

inline void checkMessage(const QString &message)
{
    check(!message.isEmpty(), "a message is never empty");
    check(message.size() <= MaxMessageLength, "a message stays short whatever the input", message);
    for (const QChar c : message) {
        check(c.unicode() >= 0x20 && (c.unicode() < 0x7f || c.unicode() > 0x9f),
              "a message holds no control character", message);
    }
}

// The text between the blanks the grammar splits on: ' ', '\t' and '\r'.
inline QList<QStringView> fieldsOf(QStringView line)
{
    // As dmsetup reads a line: any of C's blanks separates fields, and after
    // the third field (the target) '#' starts a comment, even inside a word.
    const auto blankAt = [line](qsizetype i) {
        const QChar c = line[i];
        return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n' || c == u'\v' || c == u'\f';
    };
    QList<QStringView> fields;
    qsizetype begin = -1;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        const bool comment = i < line.size() && line[i] == u'#' && fields.size() >= 3;
        const bool end = i == line.size() || comment || blankAt(i);
        if (end && begin >= 0) {
            fields.append(line.sliced(begin, i - begin));
            begin = -1;
        } else if (!end && begin < 0) {
            begin = i;
        }
        if (comment) {
            break;
        }
    }
    return fields;
}

// A decimal as a person would read it: digits only, value at most 2^64 - 1.
inline std::optional<quint64> referenceDecimal(QStringView text)
{
    // At most 20 digits, leading zeros included (the helper's rule).
    if (text.isEmpty() || text.size() > 20) {
        return std::nullopt;
    }
    unsigned __int128 value = 0;
    for (const QChar c : text) {
        if (c.unicode() < '0' || c.unicode() > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c.unicode() - '0');
        if (value > std::numeric_limits<quint64>::max()) {
            return std::nullopt;
        }
    }
    return quint64(value);
}

} // namespace VolmapFuzz
