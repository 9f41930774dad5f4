// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for what the helper decides before it asks polkit
// (app/claims/admission.h) and for the key redaction of tables it reads
// (helper/tablesecrets.h). The input is a call: its first line is the
// mapping name, its second the options (one per character: key and value
// kinds), the rest the table text. Properties: admission answers with
// InvalidArgument and a bounded message or with a table that re-admits
// from its own formatting; devices are distinct and within the limit; a
// key never survives redaction.

#include "admission.h"
#include "fuzzcheck.h"
#include "mappingname.h"
#include "tablesecrets.h"
#include "tabletext.h"

#include <QSet>

using namespace Volmap;
using namespace VolmapFuzz;

namespace {

// Options from characters: a-d pick a key, and an odd character a boolean value.
QVariantMap optionsFrom(QStringView line, bool &expectOk)
{
    static const QStringList keys = {QStringLiteral("interactive"), QStringLiteral("read-only"),
                                     QStringLiteral("deferred"), QStringLiteral("force")};
    QVariantMap options;
    for (const QChar c : line) {
        const QString &key = keys[c.unicode() % keys.size()];
        if (c.unicode() % 2) {
            options.insert(key, bool(c.unicode() & 4));
        } else {
            options.insert(key, int(c.unicode()));
        }
    }
    expectOk = true;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        expectOk &= (it.key() == u"interactive" || it.key() == u"read-only")
                    && it.value().metaType().id() == QMetaType::Bool;
    }
    return options;
}

void checkRefusal(const HelperError &error)
{
    check(error.name == HelperProtocol::Error::invalidArgument(), "admission refuses with InvalidArgument",
          error.name);
    check(error.message.size() <= Admission::MaxMessageLength, "a refusal is at most 4096 characters",
          error.message.left(200));
}

void checkTable(QStringView text)
{
    const auto admitted = admitTable(text);
    if (!admitted) {
        checkRefusal(admitted.error());
        return;
    }
    const AdmittedTable &table = admitted.value();
    check(!table.table.segments.isEmpty(), "an admitted table has segments", text);
    check(table.table.segments.size() <= Admission::MaxSegments, "at most 100 000 segments", text);
    check(table.devices.size() <= Admission::MaxDistinctDevices, "at most 1024 devices", text);
    QSet<QString> distinct;
    bool basic = false;
    for (const DeviceReference &device : table.devices) {
        distinct.insert(device.toString());
    }
    for (const Segment &segment : table.table.segments) {
        basic |= segment.target == HelperProtocol::BasicTargetName;
    }
    check(distinct.size() == table.devices.size(), "devices are listed once each", text);
    check(basic == table.usesBasicTarget, "usesBasicTarget says whether basic_target is used", text);
    const QString again = formatTable(table.table);
    const auto readmitted = admitTable(again);
    check(readmitted.has_value(), "an admitted table admits again from its own formatting", again);
    check(readmitted.value().table == table.table, "and to the same segments", again);
}

void checkRedaction(QStringView text)
{
    const QByteArray parameters = text.toUtf8();
    if (parameters.contains('\0')) {
        return; // the kernel's strings end at the first NUL
    }
    const QString crypt = parametersWithoutSecrets("crypt", parameters.constData());
    QList<QByteArray> fields = parameters.split(' ');
    if (fields.size() > 1 && !fields[1].startsWith(':')) {
        // Exactly the second field, the key, becomes "-"; the rest stays.
        fields[1] = "-";
        check(crypt == QString::fromUtf8(fields.join(' ')), "a dm-crypt key never survives redaction", text);
    } else if (fields.size() > 1) {
        check(crypt == QString::fromUtf8(parameters), "a keyring reference stays", text);
    }
    check(parametersWithoutSecrets("integrity", parameters.constData()) == u"-",
          "targets not known to be key-free keep no parameters", text);
    check(parametersWithoutSecrets("linear", parameters.constData()) == QString::fromUtf8(parameters),
          "key-free targets keep their parameters", text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype firstBreak = input.indexOf(u'\n');
    const QStringView name = firstBreak < 0 ? QStringView(input) : QStringView(input).first(firstBreak);
    const QStringView rest = firstBreak < 0 ? QStringView() : QStringView(input).sliced(firstBreak + 1);
    const qsizetype secondBreak = rest.indexOf(u'\n');
    const QStringView optionLine = secondBreak < 0 ? rest : rest.first(secondBreak);
    const QStringView table = secondBreak < 0 ? QStringView() : rest.sliced(secondBreak + 1);

    const auto named = admitName(name.toString());
    check(named.has_value() == checkMappingName(name).has_value(), "admitName agrees with the name rules",
          name);
    if (!named) {
        checkRefusal(named.error());
    }
    bool expectOk = false;
    const QVariantMap options = optionsFrom(optionLine, expectOk);
    const auto admittedOptions = admitOptions(options, {QStringLiteral("read-only")});
    check(admittedOptions.has_value() == expectOk, "options are admitted exactly when known and boolean",
          optionLine);
    if (!admittedOptions) {
        checkRefusal(admittedOptions.error());
    }
    checkTable(table);
    checkTable(input);
    checkRedaction(table.isEmpty() ? QStringView(input) : table);
    return 0;
}
