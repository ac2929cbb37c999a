#!/usr/bin/env bash
# Cost of one `nexuszero explain` call per method on a 200-input MLP (256 ReLU units, 51,456 weights), 100 background
# rows and 3 instances: wall time, peak resident memory, and the progress lines (model evaluations over time).
# Usage: benchmarks/scripts/explainer-cost.sh [timeout-seconds]   (default 60; a method past it exits 2)
set -euo pipefail
limit="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/NexusZero.Cli" -c Release -v q -nologo >/dev/null
python3 - "$work" <<'PY'
import json, random, sys
out = sys.argv[1]
random.seed(1)
P, H = 200, 256
mat = lambda r, c: [[round(random.uniform(-0.1, 0.1), 4) for _ in range(c)] for _ in range(r)]
names = [f"f{i}" for i in range(P)]
model = {"format": "nexuszero.dense-model", "version": 1, "kind": "mlp", "inputs": names,
         "layers": [{"activation": "relu", "weights": mat(H, P), "bias": [0.0] * H},
                    {"activation": "identity", "weights": mat(1, H), "bias": [0.0]}]}
json.dump(model, open(f"{out}/model.json", "w"))
for name, rows in (("background.csv", 100), ("instance.csv", 3)):
    with open(f"{out}/{name}", "w") as f:
        f.write(",".join(names) + "\n")
        for _ in range(rows):
            f.write(",".join(f"{random.uniform(0, 1):.3f}" for _ in range(P)) + "\n")
PY
cli="$root/src/NexusZero.Cli/bin/Release/net10.0/NexusZero.Cli.dll"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
for method in shap-kernel shap-permutation lime counterfactual; do
  status=0
  /usr/bin/time -f "$method: %e s wall, %M KB peak RSS" dotnet "$cli" explain --model "$work/model.json" \
    --background "$work/background.csv" --instance "$work/instance.csv" --method "$method" \
    --progress --timeout "$limit" >/dev/null 2>"$work/err" || status=$?
  tail -n 3 "$work/err"
  echo "$method: exit $status"
done
