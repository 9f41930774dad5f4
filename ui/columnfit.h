// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QTableView;

namespace Volmap {

/*
 * Keeps every interactive column of `view` as wide as its header and its
 * widest cell, whatever the font and scale: columns follow their content
 * as rows come, change and go. A column the person resized keeps their
 * width, unless that clips its content. Fits first when the event loop
 * returns (a restored header state is in place by then), then on every
 * change of the model's rows, data or layout.
 */
void keepColumnsFitting(QTableView *view);

} // namespace Volmap
