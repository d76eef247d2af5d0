#!/usr/bin/env bash
# Side-by-side: mean time per document of `vcservice rdf canonicalize --repeat N` (in-process, warm)
# and of jsonld.js canonize (RDFC-1.0, safe mode, same bundled contexts, warm, N iterations in one
# node process), on the same documents; prints the ratio.
#
#   bench/canonicalize-side-by-side.sh [N] [FILE...]
#   (default N=200; default files: the ELM sample and the small W3C credential)
#   VCSERVICE_CLI=/path/vcservice.dll to skip the Release build.
#   ROUNDS=R repeats the pair of measurements R times (default 1), alternating the two runtimes, so a
#   noisy shared machine shows its spread.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
shared="${VCSERVICE_SHARED:-$(cd "$root/.." && pwd)/shared}"
n="${1:-200}"
shift || true
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("$shared/reference/elm/Sample-MC-Annex1-unsigned.jsonld" "$shared/w3c/vc-di-eddsa/TestVectors/unsigned.json")
fi

cli="${VCSERVICE_CLI:-}"
if [ -z "$cli" ]; then
  dotnet build "$root/src/VcService.Cli" -c Release -v q -nologo >/dev/null
  cli="$root/src/VcService.Cli/bin/Release/net10.0/vcservice.dll"
fi
if [ ! -d "$root/tests/interop/node_modules" ]; then
  (cd "$root/tests/interop" && npm ci --silent)
fi

rounds="${ROUNDS:-1}"
printf '%-40s %12s %12s %8s\n' "document" "vcservice" "jsonld.js" "ratio"
for round in $(seq 1 "$rounds"); do
  for f in "${files[@]}"; do
    # Both outputs must agree before timings mean anything.
    ours_out="$(dotnet "$cli" rdf canonicalize "$f" | sha256sum)"
    ours_ms="$(dotnet "$cli" rdf canonicalize --repeat "$n" "$f" 2>&1 >/dev/null | sed -n 's/^mean \([0-9.]*\) ms$/\1/p')"
    node_line="$(node "$here/canonicalize-jsonld.mjs" "$n" "$f" --check)"
    node_ms="$(printf '%s\n' "$node_line" | cut -f2)"
    node_out="$(printf '%s\n' "$node_line" | cut -f3)"
    same="identical"
    [ "${ours_out%% *}" = "$node_out" ] || same="DIFFERENT OUTPUT"
    ratio="$(awk -v a="$node_ms" -v b="$ours_ms" 'BEGIN { printf "%.1fx", a / b }')"
    printf '%-40s %9s ms %9s ms %8s  %s\n' "$(basename "$f")" "$ours_ms" "$node_ms" "$ratio" "$same"
  done
done
