#!/usr/bin/env bash
# Checks that this kernel has what Sluice needs; names whatever is missing and exits non-zero.
set -uo pipefail

missing=()
[ "$(id -u)" -eq 0 ] || { echo "check-kernel: must run as root" >&2; exit 1; }

[ -e /sys/kernel/btf/vmlinux ] || missing+=("BTF (/sys/kernel/btf/vmlinux; CONFIG_DEBUG_INFO_BTF)")
if ! grep -qs bpf /proc/filesystems; then missing+=("bpffs (CONFIG_BPF_SYSCALL)"); fi
if command -v bpftool >/dev/null; then
  bpftool prog show >/dev/null 2>&1 || missing+=("the bpf() syscall (bpftool prog show failed)")
  feat=$(bpftool feature probe kernel 2>/dev/null)
  grep -q "eBPF program_type sched_cls is available" <<<"$feat" || missing+=("BPF program type sched_cls (CONFIG_NET_CLS_BPF)")
  grep -q -- "- bpf_redirect_peer" <<<"$feat" || missing+=("helper bpf_redirect_peer (kernel >= 5.10)")
else
  missing+=("bpftool")
fi
ns="sluice-kcheck-$$"
if ip netns add "$ns" 2>/dev/null; then
  ip -n "$ns" link add kc0 type veth peer name kc1 2>/dev/null || missing+=("veth (CONFIG_VETH)")
  ip netns del "$ns"
else
  missing+=("network namespaces (ip netns add failed)")
fi

release=$(uname -r)
major=${release%%.*}; rest=${release#*.}; minor=${rest%%[.-]*}
if [ "$major" -gt 6 ] || { [ "$major" -eq 6 ] && [ "$minor" -ge 6 ]; }; then
  mode="tcx"
elif [ "$major" -gt 5 ] || { [ "$major" -eq 5 ] && [ "$minor" -ge 10 ]; }; then
  mode="tc clsact (tcx needs >= 6.6)"
else
  missing+=("kernel >= 5.10 (found $release)")
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "check-kernel: this kernel lacks what Sluice needs:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "check-kernel: ok ($release, attach mode $mode)"
