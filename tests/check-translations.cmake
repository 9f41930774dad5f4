# SPDX-License-Identifier: GPL-2.0-or-later
# Fails when the committed catalogue misses or keeps strings the sources
# no longer have: lupdate is run on a copy and the copy must not change.
# -D LUPDATE=... -D TS_FILE=... -D SOURCES_LIST=... -D WORK_DIR=...
file(MAKE_DIRECTORY ${WORK_DIR})
get_filename_component(ts_name ${TS_FILE} NAME)
set(copy ${WORK_DIR}/${ts_name})
configure_file(${TS_FILE} ${copy} COPYONLY)
file(READ ${SOURCES_LIST} sources)
string(REPLACE ";" "\n" sources "${sources}")
file(WRITE ${WORK_DIR}/sources.lst "${sources}\n")
execute_process(
    COMMAND ${LUPDATE} -no-obsolete -locations none @${WORK_DIR}/sources.lst -ts ${copy}
    RESULT_VARIABLE failed
    OUTPUT_QUIET)
if(failed)
    message(FATAL_ERROR "lupdate failed")
endif()
file(READ ${TS_FILE} committed)
file(READ ${copy} current)
if(NOT committed STREQUAL current)
    message(FATAL_ERROR "${TS_FILE} is out of date: run `cmake --build build --target update_translations` and commit it")
endif()
message(STATUS "${ts_name} is current")
