#!/usr/bin/env bash
# BN254 field, pairing and MSM timings of an earlier commit and of the working tree, interleaved in one run (two
# rounds each), so that a change's effect is measured under the same load. Usage:
#   benchmarks/scripts/bn254-before-after.sh <earlier-commit>
set -euo pipefail
before="${1:?usage: bn254-before-after.sh <earlier-commit>}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach -q "$work/before" "$before"
cp "$root/benchmarks/scripts/bn254-arithmetic-timer.cs" "$work/before/benchmarks/scripts/"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build -c Release -o "$work/out-before" "$work/before/benchmarks/scripts/bn254-arithmetic-timer.cs" >/dev/null
dotnet build -c Release -o "$work/out-after" "$root/benchmarks/scripts/bn254-arithmetic-timer.cs" >/dev/null
for round in 1 2; do
  echo "== before ($before), round $round"; dotnet "$work/out-before/NexusZero.Benchmarks.dll"
  echo "== after (working tree), round $round"; dotnet "$work/out-after/NexusZero.Benchmarks.dll"
done
