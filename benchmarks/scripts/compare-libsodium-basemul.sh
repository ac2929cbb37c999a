#!/usr/bin/env bash
# Side-by-side timing of secret-scalar ristretto255 base multiplication (result encoded to 32 bytes):
# NexusZero's Ristretto255Group.MultiplyBase + Encode versus libsodium's crypto_scalarmult_ristretto255_base.
# Both run in the same invocation, alternating, several rounds each; the script prints the medians of
# wall-clock and thread-CPU time per operation and the ratios (ours / libsodium). Thread CPU time is the
# figure to trust on a shared, busy machine. Needs gcc, the .NET SDK and libsodium.so.23.
# Usage: benchmarks/scripts/compare-libsodium-basemul.sh [iterations-per-round] [rounds]
set -euo pipefail
cd "$(dirname "$0")"
iterations="${1:-20000}"
rounds="${2:-5}"

libsodium="$(ldconfig -p | awk '/libsodium\.so\.23 .*x86-64|libsodium\.so\.23 \(/{print $NF; exit}')"
if [ -z "$libsodium" ]; then
  echo "libsodium.so.23 not found; install it with .ci/deps/ristretto255.sh" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/libsodium-basemul" libsodium-basemul.c "$libsodium"
# Build once, then run the built app; full JIT optimization from the first call (no tiering warm-up).
dotnet build ristretto255-basemul-timer.cs -c Release -o "$work/dotnet" >/dev/null

for _ in 1 2; do
  "$work/libsodium-basemul" "$iterations" "$rounds" >>"$work/libsodium.txt"
  DOTNET_TieredCompilation=0 dotnet "$work/dotnet/ristretto255-basemul-timer.dll" "$iterations" "$rounds" >>"$work/nexuszero.txt"
done

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
sw="$(cut -d' ' -f1 "$work/libsodium.txt" | median)"
sc="$(cut -d' ' -f2 "$work/libsodium.txt" | median)"
nw="$(cut -d' ' -f1 "$work/nexuszero.txt" | median)"
nc="$(cut -d' ' -f2 "$work/nexuszero.txt" | median)"

echo "machine: $(lscpu | awk -F: '/Model name/{gsub(/^ +/,"",$2); print $2; exit}'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "libsodium $(basename "$libsodium") crypto_scalarmult_ristretto255_base:  wall ${sw} us  cpu ${sc} us  (median of $((2 * rounds)) rounds x ${iterations})"
echo "NexusZero Ristretto255Group.MultiplyBase + Encode:  wall ${nw} us  cpu ${nc} us"
awk -v nw="$nw" -v sw="$sw" -v nc="$nc" -v sc="$sc" 'BEGIN {printf "ratio NexusZero/libsodium: wall %.2fx  cpu %.2fx\n", nw/sw, nc/sc}'
