#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a command against a private, real Secret Service: a new D-Bus session with gnome-keyring,
# its keyrings in a temporary HOME, so the user's own keyring is never touched. The login keyring is
# created unlocked from a throw-away password on stdin (an empty one creates no keyring, and the
# daemon would then try to prompt for one). Used by ctest for the keychain test (CI runs it the same way).
#   with-secret-service.sh COMMAND [ARGS...]
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "with-secret-service: $tool is missing (scripts/setup-deps installs it)" >&2; exit 2; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/run" "$home/.local/share" "$home/.config"
chmod 700 "$home/run"
status=0
HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
    dbus-run-session -- sh -c '
        eval "$(printf "throw-away" | gnome-keyring-daemon --unlock --components=secrets)"
        export GNOME_KEYRING_CONTROL
        "$@"' with-secret-service "$@" || status=$?
exit "$status"
