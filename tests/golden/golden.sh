#!/usr/bin/env bash
# Golden test: builds every sample and compares `dxc inspect app.dxb` and `dxc build --dump=lower` with the
# checked-in dumps. Usage: golden.sh <dxc> [--regen]
set -euo pipefail
dxc="$1"; regen="${2:-}"
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
status=0
for dir in "$root"/samples/*/; do
  name="$(basename "$dir")"
  [ -f "$dir/pages/index.tsx" ] || continue
  "$dxc" build "$dir" -o "$tmp/$name" --quiet
  "$dxc" inspect "$tmp/$name/app.dxb" > "$tmp/$name.dxb.txt"
  "$dxc" build "$dir" --stop-after lower --dump lower > "$tmp/$name.lower.txt"
  for kind in dxb lower; do
    got="$tmp/$name.$kind.txt"; want="$here/$name.$kind.txt"
    if [ "$regen" = "--regen" ]; then cp "$got" "$want"; echo "wrote tests/golden/$name.$kind.txt"; continue; fi
    if ! diff -u "$want" "$got" > "$tmp/diff"; then
      echo "golden mismatch: tests/golden/$name.$kind.txt (regenerate with tools/regen-golden.sh and review)"; cat "$tmp/diff"; status=1
    else
      echo "ok $name.$kind"
    fi
  done
done
exit $status
