#!/usr/bin/env bash
# Builds kube-apiserver and kubectl (from k8s.io/kubernetes) and etcd (from go.etcd.io/etcd) at
# pinned versions, into a cache directory outside the repository:
#
#   ${SLUICE_CACHE:-/var/cache/sluice}/k8s-tools/k8s-<v>_etcd-<v>/bin
#
# These are what test/harness/apiserver.ts runs: a real API server (RBAC, TokenRequest, watch)
# without a kubelet, a controller manager or any container image.
#
# Why not `go install k8s.io/kubernetes/cmd/kube-apiserver@v1.x`: k8s.io/kubernetes's go.mod
# requires its staging modules (k8s.io/api, k8s.io/client-go, ...) at v0.0.0 and replaces them with
# ./staging/src/..., and `go install pkg@version` refuses modules with replace directives. So the
# build runs in a throwaway module that requires k8s.io/kubernetes and replaces every staging
# module with its published v0.Y.Z (the list is generated from k8s.io/kubernetes's own go.mod).
# etcd's server module has the same shape (replaces to ../api etc.), so it gets its own throwaway
# module too (a separate one: in one module, minimal version selection would lift etcd's client
# libraries to the versions Kubernetes requires).
#
# Idempotent: when every binary is already there it builds nothing. Needs only the Go toolchain
# and the Go module proxy. The bin directory is printed on stdout as the last line; progress and
# timing go to stderr. A cold build takes several minutes (kube-apiserver is large); GOFLAGS -p=2
# keeps it to two compile jobs.
set -euo pipefail

# The etcd version matches the go.etcd.io/etcd/client/v3 that this Kubernetes release requires.
K8S_VERSION="${K8S_VERSION:-v1.36.3}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.8}"
BINARIES=(kube-apiserver kubectl etcd)

TOOL_NAME=build-k8s-tools
# shellcheck source=lib/go-tools.sh
. "$(dirname "$0")/lib/go-tools.sh"

[[ "$K8S_VERSION" =~ ^v1\.([0-9]+)\.([0-9]+)$ ]] || die "K8S_VERSION must look like v1.Y.Z, not $K8S_VERSION"
K8S_MINOR="${BASH_REMATCH[1]}"
STAGING_VERSION="v0.${BASH_REMATCH[1]}.${BASH_REMATCH[2]}"
[[ "$ETCD_VERSION" =~ ^v3\.[0-9]+\.[0-9]+$ ]] || die "ETCD_VERSION must look like v3.Y.Z, not $ETCD_VERSION"

TOOLS_DIR=k8s-tools
KEY="k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}"
GO_TOOLS_GOFLAGS=-p=2
go_tools_begin
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sluice-k8s-tools.XXXXXX")"
GO_TOOLS_CLEANUP="$WORK"
GO_LOCAL="$("$GO" env GOVERSION)"
GO_LOCAL="${GO_LOCAL#go}"

# Refuses early (instead of after minutes of downloads) when a go.mod needs a newer Go than ours.
check_go_directive() { # $1 go.mod file, $2 what
  local need
  need="$(awk '$1 == "go" { print $2; exit }' "$1")"
  [ -n "$need" ] || return 0
  if [ "$(printf '%s\n%s\n' "$need" "$GO_LOCAL" | sort -V | head -n1)" != "$need" ]; then
    die "$2 needs Go $need but $GO is Go $GO_LOCAL (GOTOOLCHAIN=local): pick an older version or a newer Go"
  fi
}

gomod_of() { # $1 module@version -> path of its go.mod in the module cache
  local json
  json="$("$GO" mod download -json "$1")" || die "go mod download $1 failed (is the Go module proxy reachable? GOPROXY=$GOPROXY)"
  sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p' <<<"$json" | head -n1
}

echo "build-k8s-tools: building kube-apiserver, kubectl $K8S_VERSION and etcd $ETCD_VERSION with $("$GO" version)" >&2

# --- kube-apiserver and kubectl --------------------------------------------------------------
cd "$WORK"
K8S_GOMOD="$(gomod_of "k8s.io/kubernetes@$K8S_VERSION")"
[ -f "$K8S_GOMOD" ] || die "no go.mod for k8s.io/kubernetes@$K8S_VERSION"
check_go_directive "$K8S_GOMOD" "k8s.io/kubernetes@$K8S_VERSION"

# Every `replace X => ./staging/src/X` becomes `replace X => X v0.Y.Z` and a requirement; other
# replace lines (module => module version) are carried over as they are.
mkdir -p "$WORK/k8s"
{
  echo "module sluice.local/k8s-tools"
  echo
  echo "go $(awk '$1 == "go" { print $2; exit }' "$K8S_GOMOD")"
  echo
  echo "require k8s.io/kubernetes $K8S_VERSION"
  echo
  awk -v sv="$STAGING_VERSION" '
    /^require[[:space:]]*\($/ { inreq = 1; next }
    inreq && /^\)/ { inreq = 0; next }
    inreq { required[$1] = 1; next }
    /^require[[:space:]]+[^(]/ { required[$2] = 1; next }
    /^replace[[:space:]]*\($/ { inblock = 1; next }
    inblock && /^\)/ { inblock = 0; next }
    {
      line = $0
      if (inblock) line = "replace " line
      else if (line !~ /^replace[[:space:]]/) next
      sub(/[[:space:]]*\/\/.*$/, "", line)
      n = split(line, f, /[[:space:]]+/)
      # f[1]=replace f[2]=module [f[3]=version] "=>" target [version]
      arrow = 0
      for (i = 1; i <= n; i++) if (f[i] == "=>") arrow = i
      if (!arrow) next
      target = f[arrow + 1]
      if (target ~ /^\.\/staging\/src\//) {
        # Only the staging modules k8s.io/kubernetes requires (some, like sample-cli-plugin, are
        # not required and not always published); a replace of a module outside the graph is inert.
        if (f[2] in required) printf "require %s %s\n", f[2], sv
        printf "replace %s => %s %s\n", f[2], f[2], sv
      } else if (target ~ /^\.|^\//) {
        printf "UNSUPPORTED-LOCAL-REPLACE %s\n", line
      } else {
        print line
      }
    }' "$K8S_GOMOD"
} >"$WORK/k8s/go.mod"
if grep -q '^UNSUPPORTED-LOCAL-REPLACE' "$WORK/k8s/go.mod"; then
  die "k8s.io/kubernetes@$K8S_VERSION has local replace directives outside staging: $(grep '^UNSUPPORTED' "$WORK/k8s/go.mod" | tr '\n' ';')"
fi
echo "build-k8s-tools: $(grep -c '^replace' "$WORK/k8s/go.mod") staging modules at $STAGING_VERSION" >&2

# Version stamping as hack/lib/version.sh does it (kubectl version, /version, and the binary
# version the API server's compatibility checks use).
build_date="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$K8S_MINOR"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$build_date"
done

cd "$WORK/k8s"
echo "build-k8s-tools: resolving k8s.io/kubernetes@$K8S_VERSION dependencies" >&2
"$GO" get "k8s.io/kubernetes/cmd/kube-apiserver@$K8S_VERSION" "k8s.io/kubernetes/cmd/kubectl@$K8S_VERSION" >&2 ||
  die "resolving k8s.io/kubernetes@$K8S_VERSION failed; the generated go.mod was: $(tr '\n' ';' <go.mod)"
for cmd in kube-apiserver kubectl; do
  t=$(date +%s)
  echo "build-k8s-tools: go build $cmd" >&2
  "$GO" build -ldflags="$ldflags" -o "$STAGE/$cmd" "k8s.io/kubernetes/cmd/$cmd" >&2 ||
    die "go build k8s.io/kubernetes/cmd/$cmd@$K8S_VERSION failed"
  echo "build-k8s-tools: $cmd built in $(($(date +%s) - t))s" >&2
done

# --- etcd ------------------------------------------------------------------------------------
cd "$WORK"
ETCD_GOMOD="$(gomod_of "go.etcd.io/etcd/server/v3@$ETCD_VERSION")"
[ -f "$ETCD_GOMOD" ] || die "no go.mod for go.etcd.io/etcd/server/v3@$ETCD_VERSION"
check_go_directive "$ETCD_GOMOD" "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
mkdir -p "$WORK/etcd"
# The server module replaces its sibling modules with ../api etc.; require them at the same
# version instead (those that exist at this version: client/v2 and raft/v3 are 3.5-only).
{
  echo "module sluice.local/etcd-tools"
  echo
  echo "go $(awk '$1 == "go" { print $2; exit }' "$ETCD_GOMOD")"
  echo
  echo "require go.etcd.io/etcd/server/v3 $ETCD_VERSION"
  awk '/=>[[:space:]]*\.\.\// { sub(/^replace[[:space:]]+/, ""); split($0, f, /[[:space:]]+/); print (f[1] == "" ? f[2] : f[1]) }' "$ETCD_GOMOD" | while read -r m; do
    echo "require $m $ETCD_VERSION"
  done
} >"$WORK/etcd/go.mod"
cd "$WORK/etcd"
echo "build-k8s-tools: resolving go.etcd.io/etcd/server/v3@$ETCD_VERSION dependencies" >&2
"$GO" get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" >&2 ||
  die "resolving go.etcd.io/etcd/server/v3@$ETCD_VERSION failed; the generated go.mod was: $(tr '\n' ';' <go.mod)"
t=$(date +%s)
echo "build-k8s-tools: go build etcd" >&2
# The server module's root package is etcd's main (what the release's `etcd` binary is).
"$GO" build -ldflags="-s -w" -o "$STAGE/etcd" go.etcd.io/etcd/server/v3 >&2 ||
  die "go build go.etcd.io/etcd/server/v3@$ETCD_VERSION failed"
echo "build-k8s-tools: etcd built in $(($(date +%s) - t))s" >&2
cd /

"$STAGE/kube-apiserver" --version >&2 || die "the built kube-apiserver does not run"
"$STAGE/etcd" --version >&2 || die "the built etcd does not run"
go_tools_finish
