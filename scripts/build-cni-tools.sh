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

TOOL_NAME=build-cni-tools
TOOLS_DIR=cni-tools
KEY="plugins-${PLUGINS_VERSION}_cni-${CNI_VERSION}"
# shellcheck source=lib/go-tools.sh
. "$(dirname "$0")/lib/go-tools.sh"
go_tools_begin
export GOBIN="$STAGE"

echo "build-cni-tools: building plugins $PLUGINS_VERSION and cnitool $CNI_VERSION with $("$GO" version)" >&2
pkgs=()
for p in "${PLUGINS[@]}"; do pkgs+=("github.com/containernetworking/plugins/plugins/$p@$PLUGINS_VERSION"); done
"$GO" install -ldflags='-s -w' "${pkgs[@]}" >&2 ||
  die "go install of github.com/containernetworking/plugins@$PLUGINS_VERSION failed (is the Go module proxy reachable? GOPROXY=$GOPROXY)"
"$GO" install -ldflags='-s -w' "github.com/containernetworking/cni/cnitool@$CNI_VERSION" >&2 ||
  die "go install of github.com/containernetworking/cni/cnitool@$CNI_VERSION failed"

go_tools_finish
