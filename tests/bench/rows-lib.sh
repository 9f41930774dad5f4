# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# Sourced by run-benchmarks and release-benchmarks once $build is set: the
# summary table's rows go to $build/bench-rows.tsv, which make-report reads.
today=$(date -u +%Y-%m-%d)
rows=${build:?}/bench-rows.tsv

# row WHAT PEER OURS THEIRS UNIT GOAL: one line of the summary table.
# GOAL is "ratio <= 1.5" for OURS/THEIRS, "value < 100" for OURS alone, or
# "report" when there is nothing to meet yet.
row() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$today" "$1" "$2" "$3" "$4" "$5" "$6" >>"$rows"
}
# median of the numbers on standard input
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
