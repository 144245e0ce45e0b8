#!/usr/bin/env bash
# Copy the few npm files the site needs into docs/assets/vendor/, once, by a maintainer.
# Builds and readers never download anything: the committed copy is what the site uses.
# Re-run only to upgrade: change the version and the sha256 below together, read the
# package's changes, run `make test`, and commit docs/assets/vendor/.
#
#   iframe-worker: Material's Web Worker shim for pages opened from disk (file://), so
#   that search works in the offline build (`make build-offline`). MIT licence.
#
# Usage: scripts/vendor.sh        (needs npm and the npm registry)
set -euo pipefail
cd "$(dirname "$0")/.."

IFRAME_WORKER_VERSION=1.0.4
IFRAME_WORKER_SHIM_SHA256=e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609
TARGET=docs/assets/vendor/iframe-worker

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm pack checks the tarball against the registry's integrity hash; we check the one
# file we ship against the hash we reviewed, so that a changed package cannot slip in.
(cd "$work" && npm pack --silent "iframe-worker@$IFRAME_WORKER_VERSION" >/dev/null)
tar -xzf "$work/iframe-worker-$IFRAME_WORKER_VERSION.tgz" -C "$work"
echo "$IFRAME_WORKER_SHIM_SHA256  $work/package/shim/index.js" | sha256sum --check --quiet

mkdir -p "$TARGET"
cp "$work/package/shim/index.js" "$TARGET/shim.js"
cp "$work/package/LICENSE" "$TARGET/LICENSE"
cat > "$TARGET/SOURCE.txt" <<SOURCE
iframe-worker $IFRAME_WORKER_VERSION from the npm registry (https://github.com/squidfunk/iframe-worker),
file shim/index.js copied unchanged as shim.js; sha256 $IFRAME_WORKER_SHIM_SHA256.
Licence: MIT, see LICENSE. Copied by scripts/vendor.sh.
SOURCE
echo "vendor: $TARGET/shim.js (iframe-worker $IFRAME_WORKER_VERSION)"
