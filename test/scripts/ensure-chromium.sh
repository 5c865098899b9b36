#!/bin/sh
# Installs Debian's Chromium and a CJK font for the browser tests. Idempotent: does nothing
# when both are already there. Never uses `playwright install` (no network but Debian + npm).
set -eu

need_chromium=0
need_font=0
command -v chromium >/dev/null 2>&1 || need_chromium=1
# Without a CJK font Chinese renders as empty boxes in screenshots.
fc-list 2>/dev/null | grep -qiE 'wqy|noto sans cjk|noto serif cjk' || need_font=1

if [ "$need_chromium" = 0 ] && [ "$need_font" = 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

pkgs=""
[ "$need_chromium" = 1 ] && pkgs="$pkgs chromium"
[ "$need_font" = 1 ] && pkgs="$pkgs fonts-wqy-microhei"

# apt is not safe to run twice at once; several test runs may call this together.
flock /tmp/closer-apt.lock sh -c "
  command -v chromium >/dev/null 2>&1 && fc-list | grep -qiE 'wqy|noto sans cjk|noto serif cjk' && exit 0
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $pkgs
"

command -v chromium >/dev/null 2>&1 || { echo "ensure-chromium: chromium is still missing after apt-get install" >&2; exit 1; }
fc-list | grep -qiE 'wqy|noto sans cjk|noto serif cjk' || { echo "ensure-chromium: no CJK font after apt-get install" >&2; exit 1; }
