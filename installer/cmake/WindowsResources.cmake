# SPDX-License-Identifier: MIT
# studio_windows_rc(NAME DESCRIPTION OUTPUT): writes the Windows resource script of NAME.exe — the application icon
# and a VERSIONINFO block with PROJECT_VERSION — to OUTPUT. Used by installer/CMakeLists.txt on Windows and by
# tests/packaging/check-platform-files everywhere.

set(_studio_windows_dir "${CMAKE_CURRENT_LIST_DIR}/..")

function(studio_windows_rc name description output)
    if(NOT PROJECT_VERSION MATCHES "^([0-9]+)\\.([0-9]+)\\.([0-9]+)")
        message(FATAL_ERROR "PROJECT_VERSION '${PROJECT_VERSION}' is not X.Y.Z")
    endif()
    set(PROJECT_VERSION_MAJOR ${CMAKE_MATCH_1})
    set(PROJECT_VERSION_MINOR ${CMAKE_MATCH_2})
    set(PROJECT_VERSION_PATCH ${CMAKE_MATCH_3})
    set(STUDIO_RC_NAME "${name}")
    set(STUDIO_RC_DESCRIPTION "${description}")
    get_filename_component(STUDIO_RC_ICON "${_studio_windows_dir}/icons/deploy-studio.ico" ABSOLUTE)
    configure_file("${_studio_windows_dir}/windows/deploy-studio.rc.in" "${output}" @ONLY)
endfunction()
