#!/usr/bin/env bash
# Our LZ4 codec against the reference `lz4` tool on the same files, in one run:
#   1. BenchmarkDotNet (short job) measures our fast compressor and decoder on each corpus and, through
#      NEXUSZERO_COMPRESSION_CORPUS, writes the corpus files and our frames of them;
#   2. `lz4 -b1` measures the tool's level-1 compression and its decompression on those files;
#   3. `lz4 -1 --no-frame-crc` compresses them (4 MB independent blocks, no checksum), the options our
#      benchmark frames use, for the size comparison;
#   4. prints throughput ratios (ours / tool) and the compression ratio difference.
# lz4 -b reports its fastest loop, so ours is BenchmarkDotNet's minimum over 15 iterations: on a shared,
# loaded machine both are then the least-disturbed run rather than an average of interruptions.
# Usage: benchmarks/scripts/compare-lz4.sh [lz4 -i seconds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v lz4 >/dev/null || { echo "compare-lz4: the lz4 tool is missing; run .ci/deps/lz4.sh" >&2; exit 1; }
seconds="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NEXUSZERO_COMPRESSION_CORPUS="$work/corpus"

dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- \
  --filter '*Lz4Benchmarks.Lz4CompressFast*' '*Lz4Benchmarks.Lz4Decompress*' \
  --launchCount 1 --warmupCount 3 --iterationCount 15 --exporters json --artifacts "$work/bdn" > "$work/bdn.log" 2>&1 \
  || { tail -40 "$work/bdn.log" >&2; exit 1; }
report="$(ls "$work"/bdn/results/*Lz4Benchmarks*.json | head -1)"

for corpus in text random proofs; do
  file="$work/corpus/$corpus.bin"
  lz4 -b1 -i"$seconds" "$file" 2>&1 | tr '\r' '\n' | grep 'MB/s ,' | tail -1 > "$work/$corpus.bench"
  lz4 -1 --no-frame-crc -q -f "$file" "$work/$corpus.tool.lz4"
  # Our frame must also decode with the tool, byte for byte.
  lz4 -d -q -f "$file.nz-fast.lz4" "$work/$corpus.roundtrip"
  cmp -s "$file" "$work/$corpus.roundtrip" || { echo "compare-lz4: lz4 -d output differs for $corpus" >&2; exit 1; }
done

python3 - "$report" "$work" <<'PY'
import json, os, re, sys
report, work = sys.argv[1], sys.argv[2]
ours = {}
for b in json.load(open(report))["Benchmarks"]:
    corpus = re.search(r"Corpus=(\w+)", b["Parameters"]).group(1)
    ours[(b["Method"], corpus)] = b["Statistics"]["Min"]  # nanoseconds, fastest iteration
print(f"{'corpus':8} {'bytes':>8} | {'ours C MB/s':>11} {'lz4 -1 C':>9} {'C ratio':>7} | {'ours D MB/s':>11} {'lz4 D':>8} {'D ratio':>7} | {'ours size':>9} {'lz4 size':>9} {'size diff':>9}")
for corpus in ["text", "random", "proofs"]:
    path = os.path.join(work, "corpus", corpus + ".bin")
    n = os.path.getsize(path)
    c_ours = n / ours[("Lz4CompressFast", corpus)] * 1e3
    d_ours = n / ours[("Lz4Decompress", corpus)] * 1e3
    line = open(os.path.join(work, corpus + ".bench")).read()
    c_tool, d_tool = [float(x) for x in re.findall(r"([\d.]+) MB/s", line)[-2:]]
    size_ours = os.path.getsize(path + ".nz-fast.lz4")
    size_tool = os.path.getsize(os.path.join(work, corpus + ".tool.lz4"))
    print(f"{corpus:8} {n:8d} | {c_ours:11.1f} {c_tool:9.1f} {c_ours / c_tool:7.2f} | {d_ours:11.1f} {d_tool:8.1f} {d_ours / d_tool:7.2f} | {size_ours:9d} {size_tool:9d} {100.0 * (size_ours - size_tool) / size_tool:+8.3f}%")
PY
echo "(MB = 10^6 bytes, as lz4 reports; ratios are ours / lz4; targets: C ratio >= 0.60, D ratio >= 0.60, text size diff within 2%)"
