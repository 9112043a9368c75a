#!/usr/bin/env bash
# Runs the README's two commands on a really fresh machine: a minimal Debian 12 root
# (debootstrap --variant=minbase) holding only this machine's Node installation and the npm/TLS
# configuration npm and Node need to reach the registry here. CI machines come with compilers and
# tools a bare Debian lacks; this is the check that the set-up installs everything itself.
#
#   sudo bash scripts/check-fresh-machine.sh
#
# Env: FRESH_DIR (where the root is built; default a new folder under /var/tmp),
#      FRESH_KEEP=1 (leave the root's files for inspection; mounts and processes are always removed;
#      the logs stay in FRESH_DIR.logs either way),
#      FRESH_START_TIMEOUT (s, default 1800), FRESH_TEST_TIMEOUT (s, default 5400).
# See docs/fresh-machine.md.
set -euo pipefail

[ "$(id -u)" = 0 ] || { echo "check-fresh-machine: run as root (debootstrap, chroot and mounts need it)" >&2; exit 2; }
REPO="$(cd "$(dirname "$0")/.." && pwd)"
COMMIT="$(git -C "$REPO" rev-parse HEAD)"
START_TIMEOUT="${FRESH_START_TIMEOUT:-1800}"
TEST_TIMEOUT="${FRESH_TEST_TIMEOUT:-5400}"
WORK="${FRESH_DIR:-$(mktemp -d /var/tmp/fresh-machine.XXXXXX)}"
ROOT="$WORK/root"
LOGS="$WORK.logs"   # kept after the run: small, and what a failure needs
mkdir -p "$ROOT" "$LOGS"
SUITE=bookworm

say() { echo "check-fresh-machine: $*"; }

# ---- clean-up: every process whose root is ours, every mount under ours, then the files ----
kill_root_processes() {
  local sig="$1" pid found=0
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    if [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$ROOT" ]; then kill "-$sig" "$pid" 2>/dev/null && found=1; fi
  done
  return $((1 - found))
}
cleanup() {
  set +e
  if kill_root_processes TERM; then sleep 3; kill_root_processes KILL; sleep 1; fi
  # Namespaces the tests left (ip netns keeps them as bind mounts under the root's /run/netns).
  if [ -d "$ROOT/run/netns" ]; then
    for ns in "$ROOT"/run/netns/*; do [ -e "$ns" ] && umount -l "$ns" 2>/dev/null; done
  fi
  if mountpoint -q "$ROOT"; then umount -R "$ROOT" 2>/dev/null || umount -R -l "$ROOT"; fi
  if grep -q " $ROOT" /proc/self/mounts; then say "warning: mounts left under $ROOT:"; grep " $ROOT" /proc/self/mounts; fi
  if [ "${FRESH_KEEP:-0}" != 1 ] && ! grep -q " $ROOT" /proc/self/mounts; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the minimal Debian root ----
command -v debootstrap >/dev/null || { say "installing debootstrap on this machine"; apt-get install -y -q debootstrap >/dev/null; }
# The mirror this machine itself uses (deb822 or one-line sources), so the root reaches Debian the same way.
MIRROR="$( (grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}'; \
            grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}') | grep -v security | head -1 || true)"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
say "building a minimal $SUITE root in $ROOT from $MIRROR"
t0=$(date +%s)
debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >"$LOGS/debootstrap.log" 2>&1 || { say "debootstrap failed, see $LOGS/debootstrap.log"; tail -20 "$LOGS/debootstrap.log"; exit 1; }
say "root built in $(( $(date +%s) - t0 )) s"

# Debian sources and apt's acquire settings as this machine has them (security updates included).
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
  [ -f "$f" ] && cp "$f" "$ROOT$f"
done
for f in /etc/apt/apt.conf.d/*; do
  grep -q '^Acquire::' "$f" 2>/dev/null && cp "$f" "$ROOT$f"
done
cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
[ -s "$ROOT/etc/hosts" ] || printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOT/etc/hosts"

# ---- this machine's Node installation: the binary, npm (and its links), Node's headers ----
copy_path() { # copies a file, folder or symlink to the same place in the root, keeping links
  local p="$1"; [ -e "$p" ] || [ -L "$p" ] || return 0
  mkdir -p "$ROOT$(dirname "$p")"; cp -a "$p" "$ROOT$p"
}
NODE_BIN="$(command -v node)"; NPM_BIN="$(command -v npm)"; NPX_BIN="$(command -v npx || true)"
copy_path "$NODE_BIN"; [ -L "$NODE_BIN" ] && copy_path "$(readlink -f "$NODE_BIN")"
copy_path "$NPM_BIN"; copy_path "$NPX_BIN"
NPM_PKG="$(dirname "$(dirname "$(readlink -f "$NPM_BIN")")")"   # …/node_modules/npm
copy_path "$NPM_PKG"
NODEDIR="$(npm config get nodedir 2>/dev/null || true)"
NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$NODE_BIN")")")"
for inc in "${NODEDIR:+$NODEDIR/include/node}" "$NODE_PREFIX/include/node"; do [ -n "$inc" ] && copy_path "$inc"; done

# ---- npm and TLS configuration, from the running environment ----
for key in globalconfig userconfig; do copy_path "$(npm config get "$key")"; done
CAFILE="$(npm config get cafile 2>/dev/null || true)"
[ -n "$CAFILE" ] && [ "$CAFILE" != null ] && [ "$CAFILE" != undefined ] && copy_path "$CAFILE"
[ -n "${NODE_EXTRA_CA_CERTS:-}" ] && copy_path "$NODE_EXTRA_CA_CERTS"
# Local CAs this machine trusts: kept where update-ca-certificates looks, so installing Debian's
# ca-certificates in the root rebuilds the bundle with them instead of dropping them.
if [ -d /usr/local/share/ca-certificates ]; then mkdir -p "$ROOT/usr/local/share"; cp -a /usr/local/share/ca-certificates "$ROOT/usr/local/share/"; fi

# ---- mounts: the root is a mount point (ip netns needs it), with /proc, /sys, /dev and a tmpfs /run ----
mount --bind "$ROOT" "$ROOT"
mount --make-private "$ROOT"
mount -t proc proc "$ROOT/proc"
mount -t sysfs sysfs "$ROOT/sys"
mount --rbind /dev "$ROOT/dev"; mount --make-rslave "$ROOT/dev"
mount -t tmpfs -o mode=755 tmpfs "$ROOT/run"

# ---- this repository's current commit ----
git clone -q --no-local "$REPO" "$ROOT/root/project"
git -C "$ROOT/root/project" checkout -q "$COMMIT"
say "cloned commit ${COMMIT:0:12}"

ENV_VARS=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb)
[ -n "${NODE_EXTRA_CA_CERTS:-}" ] && ENV_VARS+=("NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS")

results=()
status=0

# ---- 1: bash scripts/setup.sh && npm start, until it prints the watch link ----
say "running: bash scripts/setup.sh && npm start (log: $LOGS/start.log)"
t0=$(date +%s)
setsid chroot "$ROOT" /usr/bin/env -i "${ENV_VARS[@]}" /bin/bash -c 'cd /root/project && bash scripts/setup.sh && npm start' >"$LOGS/start.log" 2>&1 &
START_PID=$!
link=""
while kill -0 "$START_PID" 2>/dev/null && [ $(( $(date +%s) - t0 )) -lt "$START_TIMEOUT" ]; do
  link="$(grep -aE 'Watch link / ' "$LOGS/start.log" | grep -aoE 'https?://[^ ]+' | head -1)" || true
  [ -n "$link" ] && break
  sleep 2
done
dur=$(( $(date +%s) - t0 ))
kill -TERM -- "-$START_PID" 2>/dev/null || true
for _ in $(seq 1 10); do kill -0 "$START_PID" 2>/dev/null || break; sleep 1; done
kill -KILL -- "-$START_PID" 2>/dev/null || true
wait "$START_PID" 2>/dev/null || true
kill_root_processes TERM && { sleep 3; kill_root_processes KILL || true; }
if [ -n "$link" ]; then
  results+=("PASS  bash scripts/setup.sh && npm start   ${dur} s (printed the watch link $link)")
else
  results+=("FAIL  bash scripts/setup.sh && npm start   ${dur} s (no watch link; last lines of $LOGS/start.log below)")
  status=1; tail -30 "$LOGS/start.log"
fi

# ---- 2: bash scripts/setup.sh && npm test ----
say "running: bash scripts/setup.sh && npm test (log: $LOGS/test.log)"
t0=$(date +%s)
set +e
timeout --kill-after=30 "$TEST_TIMEOUT" setsid chroot "$ROOT" /usr/bin/env -i "${ENV_VARS[@]}" /bin/bash -c 'cd /root/project && bash scripts/setup.sh && npm test' >"$LOGS/test.log" 2>&1
rc=$?
set -e
dur=$(( $(date +%s) - t0 ))
kill_root_processes TERM && { sleep 3; kill_root_processes KILL || true; }
summary="$(grep -aE '^ +Tests +[0-9]' "$LOGS/test.log" | sed -E 's/\x1b\[[0-9;]*m//g; s/^ +//' | paste -sd ';' - || true)"
if [ "$rc" = 0 ]; then
  results+=("PASS  bash scripts/setup.sh && npm test    ${dur} s (${summary})")
else
  results+=("FAIL  bash scripts/setup.sh && npm test    ${dur} s (exit $rc; last lines of $LOGS/test.log below)")
  status=1; tail -40 "$LOGS/test.log"
fi

for r in "${results[@]}"; do echo "check-fresh-machine: $r"; done
exit "$status"
