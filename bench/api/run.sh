#!/usr/bin/env bash
# Throughput of the WordPress-compatible REST API: builds Herald (Release), generates a corpus
# into a temporary folder, then serves it twice, one server after the other (output cache on,
# then --no-output-cache), and loads /wp-json/wp/v2 routes with wrk: the default post list,
# a full page of 100 posts with _embed, one post, and a search.
# Prints a Markdown table. Everything stays on 127.0.0.1; the servers are stopped on exit.
#
#   bench/api/run.sh [ARTICLES]          default 10000
#   DURATION=20s CONNECTIONS=32 PORT=5291 bench/api/run.sh 10000
set -euo pipefail
shopt -s inherit_errexit

articles="${1:-10000}"
duration="${DURATION:-20s}"
connections="${CONNECTIONS:-32}"
first_port="${PORT:-5291}"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d -t herald-api-bench-XXXXXX)"
server_pid=""

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
cleanup() {
    stop_server
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "== $*" >&2; }

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

say "Building Herald and the corpus generator (Release)"
# The corpus project references Herald, so this one build produces both.
dotnet build -c Release "$repo/bench/corpus/Herald.Bench.Corpus.csproj" -nologo -v q >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
herald_dll="$repo/src/Herald/bin/Release/net10.0/herald.dll"
corpus_dll="$repo/bench/corpus/bin/Release/net10.0/herald-corpus.dll"

say "Generating $articles articles"
db="Data Source=$work/herald.db"
corpus_line="$(dotnet "$corpus_dll" --db "$db" --articles "$articles")"
echo "$corpus_line" >&2

# start_server PORT [EXTRA ARGS...]: starts herald in the background and waits until it answers.
start_server() {
    local port="$1"
    shift
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
        echo "something already listens on 127.0.0.1:$port; set PORT to a free one" >&2
        exit 1
    fi
    dotnet "$herald_dll" serve --db "$db" --urls "http://127.0.0.1:$port" "$@" >"$work/server-$port.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 120); do
        if curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; then
            return 0
        fi
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.5
    done
    echo "herald did not start on port $port; its log:" >&2
    cat "$work/server-$port.log" >&2
    exit 1
}

# measure LABEL URL: a short warm-up (JIT, cache fill, SQLite page cache), then the timed run.
# Prints "rps p50 p99 errors" where errors counts non-2xx/3xx answers and socket errors.
# The 30 s timeout is generous on purpose: a slow page should show its latency, not vanish
# into wrk's timeout count (wrk keeps no latency for timed-out requests).
measure() {
    local label="$1" url="$2" status
    status="$(curl -s -o /dev/null -w '%{http_code}' "$url")"
    [[ "$status" == 200 ]] || { echo "$url answered $status before the load test" >&2; exit 1; }
    wrk -t2 -c"$connections" -d3s "$url" >/dev/null
    wrk --latency -t2 -c"$connections" -d"$duration" --timeout 30s "$url" >"$work/wrk-$label.txt"
    awk '
        /^Requests\/sec:/ { rps = $2 }
        $1 == "50%" { p50 = $2 }
        $1 == "99%" { p99 = $2 }
        /Non-2xx or 3xx responses:/ { errors += $NF }
        /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        END { none = "0.00us"; printf "%s %s %s %d\n", rps, (p50 && p50 != none) ? p50 : "-", (p99 && p99 != none) ? p99 : "-", errors }
    ' "$work/wrk-$label.txt"
}

declare -A results
post_id=""
port="$first_port"
routes=(list embed100 one search)
for mode in cached uncached; do
    if [[ "$mode" == cached ]]; then
        say "Serving with the output cache on port $port"
        start_server "$port"
    else
        say "Serving with --no-output-cache on port $port"
        start_server "$port" --no-output-cache
    fi
    api="http://127.0.0.1:$port/wp-json/wp/v2"
    if [[ -z "$post_id" ]]; then
        post_id="$(curl -fs "$api/posts?per_page=1&_fields=id" | grep -o '[0-9]\+' | head -1)"
        [[ -n "$post_id" ]] || { echo "the API listed no post" >&2; exit 1; }
    fi
    declare -A urls=(
        [list]="$api/posts"
        [embed100]="$api/posts?per_page=100&_embed"
        [one]="$api/posts/$post_id"
        [search]="$api/posts?search=harbour"
    )
    for route in "${routes[@]}"; do
        say "  $route: ${urls[$route]}"
        results[$route-$mode]="$(measure "$route-$mode" "${urls[$route]}")"
    done
    stop_server
    port=$((port + 1))
done

echo
echo "wrk --latency -t2 -c$connections -d$duration --timeout 30s, after a 3 s warm-up; $articles articles"
echo
echo "| Route | Output cache | Requests/s | p50 | p99 | Errors |"
echo "|---|---|---:|---:|---:|---:|"
declare -A names=(
    [list]="/wp-json/wp/v2/posts"
    [embed100]="/wp-json/wp/v2/posts?per_page=100&_embed"
    [one]="/wp-json/wp/v2/posts/$post_id"
    [search]="/wp-json/wp/v2/posts?search=harbour"
)
for route in "${routes[@]}"; do
    for mode in cached uncached; do
        read -r rps p50 p99 errors <<<"${results[$route-$mode]}"
        label=$([[ "$mode" == cached ]] && echo on || echo off)
        echo "| \`${names[$route]}\` | $label | $rps | $p50 | $p99 | $errors |"
    done
done
echo
for route in "${routes[@]}"; do
    read -r cached _ <<<"${results[$route-cached]}"
    read -r uncached _ <<<"${results[$route-uncached]}"
    awk -v p="${names[$route]}" -v c="$cached" -v u="$uncached" 'BEGIN { printf "Cached/uncached requests/s, %s: %.1fx\n", p, c / u }'
done
echo
echo "Corpus: $corpus_line"
