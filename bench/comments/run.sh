#!/usr/bin/env bash
# Comments under load: how many comments a second Herald accepts, and what the article page
# serves while they arrive. Builds Herald (Release), serves the demo site (SQLite) on 127.0.0.1,
# then runs wrk: posts alone, the cached article alone, and both at once, with held comments
# (no cache eviction) and with published ones (each evicts the article and its lists).
# Bounded in time; the server is stopped on exit. Prints Markdown rows.
#
#   DURATION=15s PORT=5291 bench/comments/run.sh
set -euo pipefail
shopt -s inherit_errexit

duration="${DURATION:-15s}"
port="${PORT:-5291}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d -t herald-comments-bench-XXXXXX)"
server_pid=""
origin="http://127.0.0.1:$port"

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
say() { echo "== $*" >&2; }
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

say "Building Herald (Release)"
dotnet build -c Release "$repo/src/Herald/Herald.csproj" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
herald_dll="$repo/src/Herald/bin/Release/net10.0/herald.dll"

# start_server HOLD_FIRST: a fresh demo site. The rate limit and the fill-time minimum are
# lifted (they exist to stop exactly this kind of traffic); every other defence stays on.
start_server() {
    rm -rf "$work/data"
    Comments__RatePermits=100000000 Comments__MinimumFillTime=00:00:00 Comments__HoldFirstComment="$1" \
        dotnet "$herald_dll" serve --demo --db "Data Source=$work/data/herald.db" --urls "$origin" >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 120); do
        curl -s -o /dev/null "$origin/healthz" && return 0
        sleep 0.5
    done
    echo "herald did not start; see $work/server.log" >&2
    exit 1
}

run_wrk() { wrk --latency -t"$1" -c"$2" -d"$duration" --timeout 30s "${@:3}"; }
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
p50() { awk '/ 50%/ {print $2}' "$1"; }
p99() { awk '/ 99%/ {print $2}' "$1"; }
errors() { awk '/Non-2xx or 3xx/ {n = $5} END {print n + 0}' "$1"; }

echo "| Scenario | Comments | Posts/s | Post p50 | Post p99 | Article req/s | Article p50 | Article p99 | Post errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
for hold in true false; do
    label=$([[ "$hold" == true ]] && echo "held (first comment)" || echo "published, evicts")
    start_server "$hold"
    article_url="$(curl -s "$origin/" | grep -o 'href="/20[0-9][0-9]/[0-9][0-9]/[^"#]*"' | head -1 | cut -d'"' -f2)"
    article_id="$(curl -s "$origin$article_url" | grep -o 'data-article="[0-9]*"' | head -1 | grep -o '[0-9]*')"
    stamp="$(curl -s "$origin/comments/state" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["started"]))')"
    export ARTICLE_ID="$article_id" STAMP="$stamp" ORIGIN="$origin"
    say "$label: article $article_url (id $article_id)"
    run_wrk 2 16 "$origin$article_url" -d3s >/dev/null
    RUN_ID="$hold-alone" run_wrk 1 8 -s "$repo/bench/comments/post.lua" "$origin/comments" >"$work/posts.txt"
    echo "| posts alone | $label | $(rate "$work/posts.txt") | $(p50 "$work/posts.txt") | $(p99 "$work/posts.txt") | – | – | – | $(errors "$work/posts.txt") |"
    run_wrk 1 16 "$origin$article_url" >"$work/article.txt"
    echo "| article alone | $label | – | – | – | $(rate "$work/article.txt") | $(p50 "$work/article.txt") | $(p99 "$work/article.txt") | – |"
    RUN_ID="$hold-both" run_wrk 1 4 -s "$repo/bench/comments/post.lua" "$origin/comments" >"$work/posts.txt" &
    posts_pid=$!
    run_wrk 1 16 "$origin$article_url" >"$work/article.txt"
    wait "$posts_pid"
    echo "| both at once | $label | $(rate "$work/posts.txt") | $(p50 "$work/posts.txt") | $(p99 "$work/posts.txt") | $(rate "$work/article.txt") | $(p50 "$work/article.txt") | $(p99 "$work/article.txt") | $(errors "$work/posts.txt") |"
    stored="$(python3 -c "import sqlite3; print(sqlite3.connect('$work/data/herald.db').execute('select Status, count(*) from Comments group by Status').fetchall())")"
    say "$label: stored comments by status: $stored"
    stop_server
done
