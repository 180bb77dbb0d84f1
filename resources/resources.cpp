// SPDX-License-Identifier: MIT
// The resources are attached to this library by qt_add_resources; this file gives it an object file.
namespace studio::resources {
int anchor = 0;
}
