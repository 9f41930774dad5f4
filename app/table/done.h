// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace Volmap {

/* The value of a step that succeeds without producing anything. */
struct Done
{
};

} // namespace Volmap
