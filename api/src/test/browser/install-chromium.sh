#!/bin/sh
# Makes sure the browser tests have Debian's chromium and chromedriver, installing them with
# apt-get when they are missing (about 35 s). Run by the api module's build before its tests
# (profile "browser" in api/pom.xml), so that `./mvnw -B verify` works on a fresh machine.
#
# It never fails the build: when it cannot install (not root, no apt-get, no network), it says
# why on the console and in the file named by $1, and the browser tests are skipped with that
# reason (BrowserExtension reads the file). The file is removed when both binaries are present.
#
# Usage: install-chromium.sh <reason-file>
set -u

reason_file=${1:-target/browser/unavailable.txt}
chromium=/usr/bin/chromium
chromedriver=/usr/bin/chromedriver

present() {
  [ -x "$chromium" ] && [ -x "$chromedriver" ]
}

mkdir -p "$(dirname "$reason_file")"
if present; then
  rm -f "$reason_file"
  exit 0
fi

reason=""
if [ "$(id -u)" != 0 ]; then
  reason="chromium or chromedriver is missing and this build is not running as root, so it cannot install them; run: sudo apt-get install chromium chromium-driver"
elif ! command -v apt-get >/dev/null 2>&1; then
  reason="chromium or chromedriver is missing and there is no apt-get to install them with; install Chromium at $chromium and its driver at $chromedriver"
else
  echo "browser tests: installing chromium and chromium-driver with apt-get (about 35 s)"
  log=$(dirname "$reason_file")/apt-get.log
  # Other builds on the machine may hold the dpkg lock: wait for it rather than fail. The lists
  # are refreshed only when the packages cannot be found, as on a freshly made machine.
  apt_get() {
    DEBIAN_FRONTEND=noninteractive timeout 900 apt-get -q -y \
      -o DPkg::Lock::Timeout=300 -o Acquire::Retries=2 -o Acquire::http::Timeout=30 "$@"
  }
  if ! apt_get install chromium chromium-driver >"$log" 2>&1; then
    apt_get update >>"$log" 2>&1
    apt_get install chromium chromium-driver >>"$log" 2>&1
  fi
  if ! present; then
    reason="apt-get could not install chromium and chromium-driver (no network or no package source?): see $log"
  fi
fi

if [ -n "$reason" ]; then
  echo "$reason" >"$reason_file"
  echo "WARNING: the browser tests will be skipped: $reason"
else
  rm -f "$reason_file"
  echo "browser tests: $("$chromium" --version 2>/dev/null), $("$chromedriver" --version 2>/dev/null | cut -d' ' -f1-2)"
fi
exit 0
