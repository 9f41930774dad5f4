// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "result.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace Volmap {

/*
 * Names and uuids of mappings. The kernel allows almost any byte; these
 * rules are deliberately narrower so a name is safe as a /dev/mapper file
 * name, in udev rules, in a shell and in a log line:
 *  - name: 1-127 characters (DM_NAME_LEN less the NUL) of [A-Za-z0-9._+-],
 *    starting with a letter or digit (so never '.', '..' or an option);
 *  - uuid: 1-128 characters (DM_UUID_LEN less the NUL) of [A-Za-z0-9._+:-].
 * Each returns Done, or why the text is refused.
 */
Result<Done, QString> checkMappingName(QStringView name);
Result<Done, QString> checkMappingUuid(QStringView uuid);

/*
 * Mappings Volume Mapper creates carry this uuid prefix, then who created
 * them: "VOLMAP-U<uid>-<random uuid>". The kernel keeps the uuid for the
 * mapping's life, so the creator survives a restart of the helper.
 * Mappings made before the creator was recorded are "VOLMAP-<random uuid>".
 */
inline constexpr QStringView VolmapUuidPrefix = u"VOLMAP-";

/* A new uuid for a mapping `creatorUid` creates. */
QString newVolmapUuid(uint creatorUid);
/* The uid recorded in a Volume Mapper uuid; std::nullopt when there is none. */
std::optional<uint> creatorOfUuid(QStringView uuid);

} // namespace Volmap
