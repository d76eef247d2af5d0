#!/usr/bin/env bash
# Side-by-side, eddsa-rdfc-2022: mean time to issue (add a DataIntegrityProof) and to verify the same
# credential, by `vcservice sign/verify --repeat N` (in process, warm, one thread) and by
# @digitalbazaar/vc in node (bench/di-vc.mjs, warm, one thread), on the same machine in the same run.
# Each side's signed output is first verified by the other side. Prints both rates and the ratios.
#
#   bench/di-side-by-side.sh [N] [FILE...]
#   (default N=200; default files: the service's elm and obv3 renderings of samples/mc-ects-eqf.json)
#   VCSERVICE_CLI=/path/vcservice.dll to skip the Release build; ROUNDS=R (default 3) alternates the
#   two sides R times and keeps each side's fastest mean (the machine is shared: the minimum is the
#   figure least disturbed by other load).
# The issuer of each file is replaced by a did:key and credentialStatus is dropped, so both verifiers
# resolve everything offline; our verify also runs the validity and Annex I checks.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
shared="${VCSERVICE_SHARED:-$(cd "$root/.." && pwd)/shared}"
n="${1:-200}"
rounds="${ROUNDS:-3}"
shift || true
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("$root/samples/elm/mc-ects-eqf.jsonld")
  [ -f "$root/samples/obv3/mc-ects-eqf.json" ] && files+=("$root/samples/obv3/mc-ects-eqf.json")
fi
key="$shared/w3c/vc-di-eddsa/TestVectors/keyPair.json"

cli="${VCSERVICE_CLI:-}"
if [ -z "$cli" ]; then
  dotnet build "$root/src/VcService.Cli" -c Release -v q -nologo >/dev/null
  cli="$root/src/VcService.Cli/bin/Release/net10.0/vcservice.dll"
fi
if [ ! -d "$root/tests/interop/node_modules" ]; then
  (cd "$root/tests/interop" && npm ci --silent)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mean() { sed -n 's/^mean \([0-9.]*\) ms$/\1/p'; }
rate() { awk -v ms="$1" 'BEGIN { printf "%.0f/s", 1000 / ms }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }

printf '%-24s %-7s %22s %22s %8s\n' "document" "op" "vcservice" "@digitalbazaar/vc" "ratio"
for f in "${files[@]}"; do
  name="$(basename "$f")"
  doc="$work/$name.unsigned.json"
  # Issuer → the did:key of the key file (theirs is rewritten to their own did:key), no status entry.
  node -e '
    const fs = require("fs");
    const [file, keyFile, out] = process.argv.slice(1);
    const c = JSON.parse(fs.readFileSync(file, "utf8"));
    const did = "did:key:" + JSON.parse(fs.readFileSync(keyFile, "utf8")).publicKeyMultibase;
    delete c.proof; delete c.credentialStatus;
    if (c.issuer && typeof c.issuer === "object") c.issuer.id = did; else c.issuer = did;
    fs.writeFileSync(out, JSON.stringify(c, null, 2));' "$f" "$key" "$doc"

  ours_sign_ms=""; ours_verify_ms=""; their_sign_ms=""; their_verify_ms=""
  for _ in $(seq 1 "$rounds"); do
    ms="$(dotnet "$cli" sign --suite eddsa-rdfc-2022 --key "$key" --repeat "$n" "$doc" 2>&1 >"$work/ours.json" | mean)"
    ours_sign_ms="$(min "$ours_sign_ms" "$ms")"
    ms="$(dotnet "$cli" verify --repeat "$n" "$work/ours.json" 2>&1 >"$work/ours-report.json" | mean)"
    ours_verify_ms="$(min "$ours_verify_ms" "$ms")"
    grep -q '"verified": true' "$work/ours-report.json" || { echo "$name: vcservice does not verify its own credential"; cat "$work/ours-report.json"; exit 1; }
    line="$(node "$here/di-vc.mjs" "$n" "$doc" --out "$work/theirs.json" --check-other "$work/ours.json")"
    dotnet "$cli" verify "$work/theirs.json" >/dev/null || { echo "$name: vcservice does not verify @digitalbazaar/vc's credential"; exit 1; }
    their_sign_ms="$(min "$their_sign_ms" "$(printf '%s\n' "$line" | cut -f2)")"
    their_verify_ms="$(min "$their_verify_ms" "$(printf '%s\n' "$line" | cut -f3)")"
  done

  printf '%-24s %-7s %11s %10s %11s %10s %8s\n' "$name" "issue" "$ours_sign_ms ms" "$(rate "$ours_sign_ms")" "$their_sign_ms ms" "$(rate "$their_sign_ms")" "$(ratio "$their_sign_ms" "$ours_sign_ms")"
  printf '%-24s %-7s %11s %10s %11s %10s %8s\n' "" "verify" "$ours_verify_ms ms" "$(rate "$ours_verify_ms")" "$their_verify_ms ms" "$(rate "$their_verify_ms")" "$(ratio "$their_verify_ms" "$ours_verify_ms")"
done
echo "(one thread each; fastest mean of $rounds alternating rounds of N=$n; both outputs cross-verified before timing)"
