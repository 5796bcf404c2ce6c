# Shared by scripts/build-cni-tools.sh and scripts/build-k8s-tools.sh: third-party binaries built
# from published Go modules into a cache outside the repository,
#
#   ${SLUICE_CACHE:-/var/cache/sluice}/<tools>/<key>/bin
#
# once per machine, one builder at a time, staged and moved into place only when complete.
# Source it, set TOOL_NAME, TOOLS_DIR, KEY and BINARIES, then call go_tools_begin; build into
# $STAGE with $GO; finish with go_tools_finish. The bin directory is the last line on stdout.

die() { echo "$TOOL_NAME: $*" >&2; exit 1; }

go_tools_have_all() {
  local b
  for b in "${BINARIES[@]}"; do [ -x "$BIN/$b" ] || return 1; done
}

# Prints BIN and exits when everything is built already; otherwise finds Go, takes the lock,
# looks again (another builder may have finished meanwhile) and prepares $STAGE and the Go
# environment. Extra Go flags: GO_TOOLS_GOFLAGS.
go_tools_begin() {
  CACHE="${SLUICE_CACHE:-/var/cache/sluice}"
  BIN="$CACHE/$TOOLS_DIR/$KEY/bin"
  if go_tools_have_all; then
    echo "$BIN"
    exit 0
  fi
  GO="${GO:-}"
  if [ -z "$GO" ]; then
    if command -v go >/dev/null 2>&1; then GO="$(command -v go)"
    elif [ -x /usr/local/go/bin/go ]; then GO=/usr/local/go/bin/go
    else die "the Go toolchain is missing: install Go (the pinned modules say which version they need) or set GO=/path/to/go"
    fi
  fi
  "$GO" version >/dev/null 2>&1 || die "$GO does not run"

  mkdir -p "$CACHE/$TOOLS_DIR/$KEY"
  # One builder at a time (parallel test workers may all call these scripts).
  exec 9>"$CACHE/$TOOLS_DIR/$KEY/.lock"
  flock 9
  if go_tools_have_all; then
    echo "$BIN"
    exit 0
  fi

  GO_TOOLS_START=$(date +%s)
  STAGE="$CACHE/$TOOLS_DIR/$KEY/bin.tmp.$$"
  rm -rf "$STAGE"
  mkdir -p "$STAGE"
  trap 'rm -rf "$STAGE" ${GO_TOOLS_CLEANUP:-}' EXIT

  export GOPATH="$CACHE/$TOOLS_DIR/go"
  export GOMODCACHE="$GOPATH/mod"
  export GOCACHE="$GOPATH/build-cache"
  export CGO_ENABLED=0
  export GOFLAGS="${GO_TOOLS_GOFLAGS:-} -modcacherw -buildvcs=false -trimpath"
  export GOTOOLCHAIN=local
  export GOPROXY="${GOPROXY:-$("$GO" env GOPROXY)}"
}

# Checks every binary is in $STAGE, moves it into place and prints BIN.
go_tools_finish() {
  local b
  for b in "${BINARIES[@]}"; do [ -x "$STAGE/$b" ] || die "expected $b in $STAGE after the build"; done
  rm -rf "$BIN"
  mv "$STAGE" "$BIN"
  echo "$TOOL_NAME: built ${BINARIES[*]} in $(($(date +%s) - GO_TOOLS_START))s" >&2
  echo "$BIN"
}
