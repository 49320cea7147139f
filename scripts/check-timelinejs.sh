#!/usr/bin/env bash
# Loads the TimelineJS export of every demo thread in headless Chromium at 1280x720 and fails
# on a console error, a TimelineJS error message, or a story panel of 300 px or less.
# Saves a screenshot of each key-moments export to reports/demo/<thread>/timelinejs.png; the
# `--all` export of each thread is checked too (its screenshot stays in the temp dir, kept
# with KEEP=1).
#
# Needs Chromium (apt-get install -y chromium) and Node with npm; installs TimelineJS and
# playwright-core from scripts/timelinejs-check/package-lock.json on first use. Not part of
# `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
check_dir=$root/scripts/timelinejs-check

export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $CHROMIUM ]]; then
    echo "no Chromium at $CHROMIUM: apt-get install -y chromium" >&2
    exit 2
fi
if [[ ! -d $check_dir/node_modules/@knight-lab/timelinejs || ! -d $check_dir/node_modules/playwright-core ]]; then
    (cd "$check_dir" && npm ci --no-audit --no-fund)
fi

cargo build --release --quiet
bin=$root/target/release/storyline

tmp=$(mktemp -d "${TMPDIR:-/tmp}/storyline-timelinejs.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
    echo "keeping $tmp"
else
    trap 'rm -rf "$tmp"' EXIT
fi

db=$tmp/demo.db
"$bin" --quiet --db "$db" demo --out "$tmp/demo" >/dev/null

jobs=()
for dir in "$tmp"/demo/*/; do
    thread=$(basename "$dir")
    "$bin" --db "$db" export --thread "$thread" --format timelinejs -o "$tmp/$thread.json" >/dev/null
    "$bin" --db "$db" export --thread "$thread" --format timelinejs --all -o "$tmp/$thread-all.json" >/dev/null
    jobs+=("$thread=$tmp/$thread.json=$root/reports/demo/$thread/timelinejs.png")
    jobs+=("$thread --all=$tmp/$thread-all.json=$tmp/$thread-all.png")
done
if [[ ${#jobs[@]} -eq 0 ]]; then
    echo "the demo wrote no thread under $tmp/demo" >&2
    exit 1
fi

node "$check_dir/check.mjs" "${jobs[@]}"
