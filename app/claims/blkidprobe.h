// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <blkid/blkid.h>

#include <memory>
#include <type_traits>

namespace Volmap {

/* A libblkid probe, freed on every return path. */
struct BlkidProbeDeleter
{
    void operator()(blkid_probe probe) const { blkid_free_probe(probe); }
};
using BlkidProbe = std::unique_ptr<std::remove_pointer_t<blkid_probe>, BlkidProbeDeleter>;

} // namespace Volmap
