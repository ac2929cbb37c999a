#!/usr/bin/env bash
# Measures the ONNX cost model's training data on this machine and fits the model:
#   benchmarks/results/cost-model.csv          every measured candidate (one row each)
#   src/NexusZero.Optimization.Onnx/Models/cost-model.onnx     the fitted model (embedded in the assembly)
#   src/NexusZero.Optimization.Onnx/Models/cost-model.training.md  rows, features and fit error
# Usage: benchmarks/scripts/cost-model-train.sh [runs-per-candidate, default 5]
# Retrain only (no measuring): dotnet run ... -- cost-model-train CSV MODEL SUMMARY
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p benchmarks/results src/NexusZero.Optimization.Onnx/Models
dotnet run --project benchmarks/NexusZero.Benchmarks -c Release -- cost-model \
  benchmarks/results/cost-model.csv \
  src/NexusZero.Optimization.Onnx/Models/cost-model.onnx \
  src/NexusZero.Optimization.Onnx/Models/cost-model.training.md \
  "${1:-5}"
