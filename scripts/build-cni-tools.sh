#!/usr/bin/env bash
# Builds the reference CNI plugins (ptp, host-local, loopback, portmap, bandwidth) and cnitool from
# their published Go modules, at pinned versions, into a cache directory outside the repository:
#
#   ${SLUICE_CACHE:-/var/cache/sluice}/cni-tools/plugins-<v>_cni-<v>/bin
#
# Idempotent: when every binary is already there it builds nothing. Needs only the Go toolchain
# and the Go module proxy. The bin directory is printed on stdout as the last line; progress and
# timing go to stderr.
set -euo pipefail

PLUGINS_VERSION="${CNI_PLUGINS_VERSION:-v1.6.2}"
CNI_VERSION="${CNI_CNITOOL_VERSION:-v1.3.0}"
PLUGINS=(main/ptp main/bridge ipam/host-local main/loopback meta/portmap meta/bandwidth)
BINARIES=(ptp bridge host-local loopback portmap bandwidth cnitool)

die() { echo "build-cni-tools: $*" >&2; exit 1; }

CACHE="${SLUICE_CACHE:-/var/cache/sluice}"
KEY="plugins-${PLUGINS_VERSION}_cni-${CNI_VERSION}"
TOOLS="$CACHE/cni-tools"
BIN="$TOOLS/$KEY/bin"

have_all() {
  local b
  for b in "${BINARIES[@]}"; do [ -x "$BIN/$b" ] || return 1; done
}

if have_all; then
  echo "$BIN"
  exit 0
fi

GO="${GO:-}"
if [ -z "$GO" ]; then
  if command -v go >/dev/null 2>&1; then GO="$(command -v go)"
  elif [ -x /usr/local/go/bin/go ]; then GO=/usr/local/go/bin/go
  else die "the Go toolchain is missing: install Go (>= 1.22) or set GO=/path/to/go"
  fi
fi
"$GO" version >/dev/null 2>&1 || die "$GO does not run"

mkdir -p "$TOOLS/$KEY"
# One builder at a time (parallel test workers may all call this script).
exec 9>"$TOOLS/$KEY/.lock"
flock 9
if have_all; then
  echo "$BIN"
  exit 0
fi

start=$(date +%s)
STAGE="$TOOLS/$KEY/bin.tmp.$$"
rm -rf "$STAGE"
mkdir -p "$STAGE"
trap 'rm -rf "$STAGE"' EXIT

export GOPATH="$TOOLS/go"
export GOMODCACHE="$TOOLS/go/mod"
export GOCACHE="$TOOLS/go/build-cache"
export GOBIN="$STAGE"
export CGO_ENABLED=0
export GOFLAGS="-modcacherw -buildvcs=false -trimpath"
export GOTOOLCHAIN=local
export GOPROXY="${GOPROXY:-$("$GO" env GOPROXY)}"

echo "build-cni-tools: building plugins $PLUGINS_VERSION and cnitool $CNI_VERSION with $("$GO" version)" >&2
pkgs=()
for p in "${PLUGINS[@]}"; do pkgs+=("github.com/containernetworking/plugins/plugins/$p@$PLUGINS_VERSION"); done
"$GO" install -ldflags='-s -w' "${pkgs[@]}" >&2 ||
  die "go install of github.com/containernetworking/plugins@$PLUGINS_VERSION failed (is the Go module proxy reachable? GOPROXY=$GOPROXY)"
"$GO" install -ldflags='-s -w' "github.com/containernetworking/cni/cnitool@$CNI_VERSION" >&2 ||
  die "go install of github.com/containernetworking/cni/cnitool@$CNI_VERSION failed"

for b in "${BINARIES[@]}"; do [ -x "$STAGE/$b" ] || die "expected $b in $STAGE after the build"; done
rm -rf "$BIN"
mv "$STAGE" "$BIN"
trap - EXIT
echo "build-cni-tools: built ${BINARIES[*]} in $(($(date +%s) - start))s" >&2
echo "$BIN"
