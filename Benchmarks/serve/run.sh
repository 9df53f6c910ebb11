#!/usr/bin/env bash
# Load figures for `duizhao serve` (docs/BENCHMARKS.md): wrk against the review page of an
# article with 100 claims (50 connections, loopback), then a soak of 10,000 accept/reject
# actions from 8 clients.
#   Benchmarks/serve/run.sh [BINARY]     (default .build/release/duizhao)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="${1:-.build/release/duizhao}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

python3 Benchmarks/serve/make_workspace.py "$work/workspace" --claims 100
DUIZHAO_CACHE_DIR="$work/cache" "$binary" serve "$work/workspace" --port 0 --no-model >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do grep -q ' at http://' "$work/server.log" && break; sleep 0.1; done
url="$(sed -n 's/.* at \(http:[^ ]*\).*/\1/p' "$work/server.log" | head -1)"
token="$(curl -s "$url" | sed -n 's/.*name="duizhao-token" content="\([0-9a-f]*\)".*/\1/p')"
curl -s -X POST "${url}reviews" -H 'Content-Type: application/json' -H "X-Duizhao-Token: $token" \
    -d '{"article":"article.md","sources":["sources"]}'
echo
claims="$(curl -s "${url}reviews/article-1" | grep -o 'class="claim-panel' | wc -l)"
echo "review page: $claims claims, $(curl -s "${url}reviews/article-1" | wc -c) bytes"

echo "== wrk -t2 -c50 -d30s --latency ${url}reviews/article-1"
wrk -t2 -c50 -d30s --latency "${url}reviews/article-1"

echo "== soak: 10,000 actions, 8 clients"
python3 Benchmarks/serve/soak.py "$url" "$work/workspace" article-1 --actions 10000 --clients 8
ls -l "$work/workspace/reviews/article-1.json"
