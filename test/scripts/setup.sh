#!/bin/sh
# Everything the tests need beyond `npm ci`, installed by the project itself and cached:
# Debian's Chromium and a CJK font (browser tests), Node 24 and code-server (VS Code tests).
# Idempotent: a second run finds everything in place and returns at once.
set -eu
cd "$(dirname "$0")/../.."
sh test/scripts/ensure-chromium.sh
if [ -f test/scripts/ensure-code-server.sh ]; then bash test/scripts/ensure-code-server.sh; fi
