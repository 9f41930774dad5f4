#pragma once

class QTableView;

namespace Volmap {

/*
 * Keeps every column of `view` at least as wide as its header and its
 * widest cell, whatever the font and scale: columns grow when rows come or
 * change, and never shrink below what the person widened them to. Starts
 * at once, and again whenever the model resets, lays out or its data
 * changes.
 */
void keepColumnsFitting(QTableView *view);

/* One pass of the above: grows the columns that clip their content. */
void fitColumns(QTableView *view);

} // namespace Volmap
