# SPDX-License-Identifier: MIT
# tst_diffcli: `deploy-studio-cli diff` run as a real process (included from tests/app/CMakeLists.txt).
studio_add_test(tst_diffcli SOURCES tst_diffcli.cpp ProcessRun.h LIBRARIES Qt6::Core)
target_compile_definitions(tst_diffcli PRIVATE DEPLOY_STUDIO_CLI="$<TARGET_FILE:deploy-studio-cli>")
add_dependencies(tst_diffcli deploy-studio-cli)
