# SPDX-License-Identifier: GPL-2.0-or-later
# Whether this machine can run the vm tests, and which kernels they boot.
# Sets VOLMAP_VM_KERNEL and VOLMAP_VM_KERNEL2 (the releases of
# linux-image-amd64 and linux-image-6.12-amd64, as tests/vm/run-in-vm picks
# them) and VOLMAP_VM_MISSING: what the machine lacks, empty when it has
# everything (QEMU, busybox, both kernels with their headers).
function(volmap_probe_vm_machine)
    set(run_in_vm ${PROJECT_SOURCE_DIR}/tests/vm/run-in-vm)
    set(missing)
    find_program(VOLMAP_QEMU qemu-system-x86_64)
    if(NOT VOLMAP_QEMU)
        list(APPEND missing "qemu-system-x86_64 (apt-get install qemu-system-x86)")
    endif()
    if(NOT EXISTS /usr/bin/busybox)
        list(APPEND missing "/usr/bin/busybox (apt-get install busybox-static)")
    endif()

    execute_process(COMMAND ${run_in_vm} --print-kernel
        OUTPUT_VARIABLE kernel OUTPUT_STRIP_TRAILING_WHITESPACE
        ERROR_QUIET RESULT_VARIABLE kernel_status)
    if(NOT kernel_status EQUAL 0 OR NOT EXISTS /usr/lib/modules/${kernel}/build/Makefile)
        list(APPEND missing "an installed kernel with its headers (apt-get install linux-image-amd64 linux-headers-amd64)")
    endif()
    # Debian 12 also ships 6.12 (packaging/install-deps installs it): the
    # module builds against it too, and a core subset of the kernel tests
    # boots it (tests/vm/CMakeLists.txt).
    execute_process(COMMAND ${run_in_vm} --print-kernel-of linux-image-6.12-amd64
        OUTPUT_VARIABLE kernel2 OUTPUT_STRIP_TRAILING_WHITESPACE
        ERROR_QUIET RESULT_VARIABLE kernel2_status)
    if(NOT kernel2_status EQUAL 0 OR NOT EXISTS /usr/lib/modules/${kernel2}/build/Makefile)
        list(APPEND missing "Debian 12's 6.12 kernel with its headers (apt-get install linux-image-6.12-amd64 linux-headers-6.12-amd64)")
    endif()

    set(VOLMAP_VM_KERNEL ${kernel} PARENT_SCOPE)
    set(VOLMAP_VM_KERNEL2 ${kernel2} PARENT_SCOPE)
    set(VOLMAP_VM_MISSING "${missing}" PARENT_SCOPE)
endfunction()

# VOLMAP_VM_TESTS: ON or OFF as given; unset, ON exactly when the machine
# can run them (re-probed on every configure, so installing the kernel
# headers later turns them on). Configure says which, and why.
function(volmap_choose_vm_tests)
    if(NOT BUILD_TESTING OR VOLMAP_SANITIZE OR VOLMAP_FUZZERS)
        set(VOLMAP_VM_TESTS OFF PARENT_SCOPE)
        return()
    endif()
    if(DEFINED CACHE{VOLMAP_VM_TESTS} AND NOT VOLMAP_VM_TESTS)
        message(STATUS "vm tests: OFF (VOLMAP_VM_TESTS=OFF given)")
        return()
    endif()
    volmap_probe_vm_machine()
    string(JOIN "; " missing_text ${VOLMAP_VM_MISSING})
    if(DEFINED CACHE{VOLMAP_VM_TESTS})
        if(VOLMAP_VM_MISSING)
            message(FATAL_ERROR "VOLMAP_VM_TESTS=ON, but this machine lacks: ${missing_text}. "
                "Install that, or configure with -DVOLMAP_VM_TESTS=OFF")
        endif()
        message(STATUS "vm tests: ON (VOLMAP_VM_TESTS=ON given)")
    elseif(VOLMAP_VM_MISSING)
        set(VOLMAP_VM_TESTS OFF PARENT_SCOPE)
        message(STATUS "vm tests: OFF, as this machine lacks: ${missing_text} "
            "(-DVOLMAP_VM_TESTS=ON to insist)")
        return()
    else()
        set(VOLMAP_VM_TESTS ON PARENT_SCOPE)
        message(STATUS "vm tests: ON, as this machine has QEMU and the headers of both kernels "
            "(-DVOLMAP_VM_TESTS=OFF to skip them)")
    endif()
    message(STATUS "vm tests boot kernel ${VOLMAP_VM_KERNEL}, a core subset also ${VOLMAP_VM_KERNEL2}")
    set(VOLMAP_VM_KERNEL ${VOLMAP_VM_KERNEL} PARENT_SCOPE)
    set(VOLMAP_VM_KERNEL2 ${VOLMAP_VM_KERNEL2} PARENT_SCOPE)
endfunction()
