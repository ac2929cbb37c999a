#!/usr/bin/env bash
# ristretto255 field and point primitives: the code at a base revision against the working tree, in one
# process, alternating old and new each round (medians and the median of the per-round ratio new/old).
# A shared machine slows both sides of a round alike, so the ratio is the figure to trust.
# Usage: benchmarks/scripts/ristretto255-field-compare.sh BASE_REV [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
base="${1:?usage: $0 BASE_REV [ROUNDS]}"
rounds="${2:-41}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Old" "$work/New"
dir=src/NexusZero/Groups/Ristretto255
for f in FieldElement CompletedPoint ProjectivePoint EdwardsPoint ProjectiveNielsPoint AffineNielsPoint ConstantTime; do
  git -C "$root" show "$base:$dir/$f.cs" | sed 's/^namespace NexusZero.Groups.Ristretto255;/namespace OldImpl;/' > "$work/Old/$f.cs"
  sed 's/^namespace NexusZero.Groups.Ristretto255;/namespace NewImpl;/' "$root/$dir/$f.cs" > "$work/New/$f.cs"
done
cp "$root/benchmarks/scripts/ristretto255-field-compare.cs" "$work/Program.cs"
cat > "$work/compare.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <!-- The copied files cite types (in XML docs) that are not copied. -->
    <NoWarn>CS1574;CS1580;CS1581;CS1584</NoWarn>
  </PropertyGroup>
</Project>
PROJ
dotnet build "$work/compare.csproj" -c Release -o "$work/out" -v quiet >/dev/null
echo "base $(git -C "$root" rev-parse --short "$base") vs working tree; $(lscpu | sed -n 's/^Model name: *//p'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
# Fully optimized code from the first call, so both sides run the same tier.
DOTNET_TieredCompilation=0 dotnet "$work/out/compare.dll" "$rounds"
