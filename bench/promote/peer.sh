#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# bench/promote peer: what a DevOps engineer writes to promote one image tag between two environments of the
# TuneMantra chart with sed and the git CLI, then commit and push it.
#
#   [SIGN_KEY=~/.ssh/id_ed25519] bench/promote/peer.sh REPO FROM TO
#
# Reads image.tag from charts/tunemantra/values-FROM.yaml, writes it into values-TO.yaml with sed -i (the
# target's quoting and anything after the value are kept, as the studio does), commits with the same message as
# `deploy-studio-cli promote --only image.tag` and pushes main to origin. With SIGN_KEY set, the commit is signed
# with that SSH key (git -c gpg.format=ssh -c user.signingkey=KEY commit -S; ssh-keygen does the signing).
# PEER_TRACE=1 prints "step EPOCHREALTIME" lines to stderr (bench/promote/profile uses them).

set -euo pipefail
trace() { [ -z "${PEER_TRACE:-}" ] || echo "$1 $EPOCHREALTIME" >&2; }
trace start

[ $# = 3 ] || { echo "usage: [SIGN_KEY=FILE] $0 REPO FROM TO" >&2; exit 2; }
repo="$1" from="$2" to="$3"
cd "$repo"
src="charts/tunemantra/values-$from.yaml"
dst="charts/tunemantra/values-$to.yaml"

# The tag: line inside the top-level image: block; prints the value without quotes or trailing comment.
tag_of() {
    sed -n -E '/^image:/,/^[^[:space:]#]/ { s/^[[:space:]]+tag:[[:space:]]*"?([^"#[:space:]]*)"?.*$/\1/p; T; q }' "$1"
}

new="$(tag_of "$src")"
old="$(tag_of "$dst")"
[ -n "$new" ] || { echo "peer.sh: no image.tag in $src" >&2; exit 1; }
[ -n "$old" ] || { echo "peer.sh: no image.tag in $dst" >&2; exit 1; }
[ "$new" != "$old" ] || { echo "$from and $to do not differ: nothing to promote"; exit 0; }

# sed replacement text: escape \ & and the delimiter
esc="$(printf '%s' "$new" | sed -e 's/[\\&|]/\\&/g')"
trace read
sed -i -E "/^image:/,/^[^[:space:]#]/ s|^([[:space:]]+tag:[[:space:]]*)(\"?)[^\"#[:space:]]*(\"?)|\1\2${esc}\3|" "$dst"

trace sed-i
git add -- "$dst"
trace add
msg="promote($from→$to): image.tag $old → $new

- image.tag $old → $new

Promoted-From: $from@$(git rev-parse --short=7 HEAD)"
trace rev-parse
if [ -n "${SIGN_KEY:-}" ]; then
    git -c gpg.format=ssh -c user.signingkey="$SIGN_KEY" commit -q -S -m "$msg"
else
    git commit -q -m "$msg"
fi
trace commit
git push -q origin main
trace push
echo "promoted $from → $to: $dst"
