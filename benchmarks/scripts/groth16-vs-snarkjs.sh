#!/usr/bin/env bash
# Issue #14: Groth16 prove and verify, NexusZero against snarkjs 0.7.6 (in-process in Node), on the same .r1cs,
# .wtns and .zkey, in one run; prints medians and the ratios (snarkjs time / NexusZero time).
# Usage: benchmarks/scripts/groth16-vs-snarkjs.sh [constraints=4000] [rounds=5]
set -euo pipefail
constraints="${1:-4000}"
rounds="${2:-5}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
oracle="$root/tests/NexusZero.Circuits.Tests/oracle"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -d "$oracle/node_modules/snarkjs" ] || (cd "$oracle" && npm ci --silent)
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); $constraints constraints, $rounds rounds"
read -r _ sp sv < <(cd "$oracle" && node "$root/benchmarks/scripts/groth16-snarkjs-side.js" "$work" "$constraints" "$rounds")
read -r _ np nv < <(dotnet run -c Release "$root/benchmarks/scripts/groth16-nexuszero-side.cs" "$work" "$rounds")
awk -v sp="$sp" -v sv="$sv" -v np="$np" -v nv="$nv" 'BEGIN {
  printf "prove  ms: snarkjs %9.2f  nexuszero %9.2f  ratio %.2fx\n", sp, np, sp / np;
  printf "verify ms: snarkjs %9.3f  nexuszero %9.3f  ratio %.2fx\n", sv, nv, sv / nv }'
