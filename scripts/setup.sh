#!/usr/bin/env bash
# Sluice setup: installs every system package the build, tests and benchmarks need, then the
# project's npm dependencies (which bring the Node.js 24 LTS runtime). Idempotent; run as root on
# Debian bookworm.
set -euo pipefail

die() { echo "setup: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (it installs packages and checks BPF); try: sudo make setup"
command -v apt-get >/dev/null || die "apt-get not found: setup supports Debian bookworm (see README requirements)"

cd "$(dirname "$0")/.."

# bpftool >= 7.3 (tcx attach) and libbpf >= 1.3 come from bookworm-backports.
BACKPORTS=/etc/apt/sources.list.d/bookworm-backports.sources
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  cat >"$BACKPORTS" <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

PACKAGES=(
  clang-19 llvm-19 make gcc libc6-dev git ca-certificates
  iproute2 iputils-ping iperf3 socat iptables ipset
  containerd runc umoci busybox-static hyperfine
  kmod procps psmisc jq
)
BACKPORT_PACKAGES=(bpftool libbpf-dev)

missing=()
for p in "${PACKAGES[@]}" "${BACKPORT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
bpftool_ok() { command -v bpftool >/dev/null && bpftool version 2>/dev/null | awk '/^bpftool v/ { split(substr($2,2),v,"."); exit !(v[1] > 7 || (v[1] == 7 && v[2] >= 3)) }'; }
if [ ${#missing[@]} -gt 0 ] || ! bpftool_ok; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
  apt-get install -y -q --no-install-recommends -t bookworm-backports "${BACKPORT_PACKAGES[@]}"
fi
bpftool_ok || die "bpftool >= 7.3 is required for tcx attach; found: $(bpftool version 2>&1 | head -1)"

# clang/llvm-strip on PATH under their plain names, pointing at the versioned LLVM we installed.
for t in clang llvm-strip llvm-objdump; do
  [ -x "/usr/bin/$t-19" ] && ln -sfn "/usr/bin/$t-19" "/usr/local/bin/$t"
done

# Kernel features Sluice needs; stops with the name of what is missing.
scripts/check-kernel.sh

# Node.js 24 LTS comes from npm's `node` package as a dev dependency (the machine's node is too old
# to matter: npm only needs to run once to bring the new one).
npm ci --no-audit --no-fund
node_modules/.bin/node -e 'const m=+process.versions.node.split(".")[0]; if (m<24) { console.error("setup: node_modules/.bin/node is v"+process.versions.node+", need >= 24"); process.exit(1) }'
# Third-party binaries the tests run against, built from their published Go modules into a cache
# outside the repository: the reference CNI plugins (portmap, bandwidth, ...) and cnitool;
scripts/build-cni-tools.sh >/dev/null
# kube-apiserver, etcd and kubectl for the Kubernetes e2e test, built once per machine (slow the
# first time: ~15 minutes on two cores), cached outside the repository.
scripts/build-k8s-tools.sh >/dev/null
echo "setup: done (node $(node_modules/.bin/node --version), $(bpftool version | head -1), $(clang --version | head -1))"
