# SPDX-License-Identifier: MIT
# Compiler strictness shared by every target: an interface target each one links.

add_library(studio_compiler_options INTERFACE)
add_library(Studio::CompilerOptions ALIAS studio_compiler_options)

target_compile_definitions(studio_compiler_options INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    STUDIO_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(studio_compiler_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
        # GCC 12 at -O3 reports impossible overlaps inside libstdc++'s std::string (GCC bug 105329).
        target_compile_options(studio_compiler_options INTERFACE -Wno-restrict)
    endif()
    if(STUDIO_WARNINGS_AS_ERRORS)
        target_compile_options(studio_compiler_options INTERFACE -Werror)
    endif()
    if(STUDIO_SANITIZE)
        target_compile_options(studio_compiler_options INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(studio_compiler_options INTERFACE -fsanitize=address,undefined)
    endif()
    if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
        # Executables record only the shared libraries they call into. The command line, for one, never
        # touches the keychain, so it starts without QtKeychain, QtDBus and libdbus.
        target_link_options(studio_compiler_options INTERFACE LINKER:--as-needed)
    endif()
elseif(MSVC)
    target_compile_options(studio_compiler_options INTERFACE /W4 /permissive- /utf-8)
    if(STUDIO_WARNINGS_AS_ERRORS)
        target_compile_options(studio_compiler_options INTERFACE /WX)
    endif()
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()
