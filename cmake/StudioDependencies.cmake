# SPDX-License-Identifier: MIT
# Third-party dependencies. Each becomes an imported target; nothing is added to global include paths.

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Network Charts Concurrent Svg Test)
find_package(OpenSSL 3.0 REQUIRED)
find_package(yaml-cpp 0.7 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2>=1.5)
# Credentials live in the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager).
find_package(Qt6Keychain REQUIRED)

# valijson is header-only and ships no CMake package on Debian.
find_path(VALIJSON_INCLUDE_DIR valijson/validator.hpp REQUIRED)
add_library(valijson INTERFACE IMPORTED)
target_include_directories(valijson SYSTEM INTERFACE "${VALIJSON_INCLUDE_DIR}")

# yaml-cpp 0.7 exports the plain target name; newer releases add a namespace.
if(TARGET yaml-cpp::yaml-cpp)
    set(STUDIO_YAMLCPP_TARGET yaml-cpp::yaml-cpp)
else()
    set(STUDIO_YAMLCPP_TARGET yaml-cpp)
endif()

# KSyntaxHighlighting is optional: the editor falls back to its built-in highlighter.
find_package(KF6SyntaxHighlighting QUIET)
if(KF6SyntaxHighlighting_FOUND)
    message(STATUS "KF6SyntaxHighlighting found: the editor uses KDE syntax definitions")
else()
    message(STATUS "KF6SyntaxHighlighting not found: the editor uses its built-in YAML/JSON/HCL highlighter")
endif()
