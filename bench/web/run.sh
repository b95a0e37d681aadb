#!/usr/bin/env bash
# What the output cache buys on the public pages: builds Herald (Release), generates a corpus
# into a temporary folder, then serves it twice, one server after the other (output cache on,
# then --no-output-cache), and loads the home page and one article page with wrk.
# Prints a Markdown table. Everything stays on 127.0.0.1; the servers are stopped on exit.
#
#   bench/web/run.sh [ARTICLES]          default 10000
#   DURATION=20s CONNECTIONS=32 PORT=5281 bench/web/run.sh 10000
set -euo pipefail
shopt -s inherit_errexit

articles="${1:-10000}"
duration="${DURATION:-20s}"
connections="${CONNECTIONS:-32}"
first_port="${PORT:-5281}"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d -t herald-web-bench-XXXXXX)"
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
article_path=""
port="$first_port"
for mode in cached uncached; do
    if [[ "$mode" == cached ]]; then
        say "Serving with the output cache on port $port"
        start_server "$port"
    else
        say "Serving with --no-output-cache on port $port"
        start_server "$port" --no-output-cache
    fi
    base="http://127.0.0.1:$port"
    if [[ -z "$article_path" ]]; then
        # The newest story on the home page: the article readers are most likely to open.
        article_path="$(curl -fs "$base/" | grep -o 'href="/[0-9]\{4\}/[0-9]\{2\}/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)"
        [[ -n "$article_path" ]] || { echo "found no article link on the home page" >&2; exit 1; }
    fi
    say "  home page"
    results[home-$mode]="$(measure "home-$mode" "$base/")"
    say "  article $article_path"
    results[article-$mode]="$(measure "article-$mode" "$base$article_path")"
    stop_server
    port=$((port + 1))
done

echo
echo "wrk --latency -t2 -c$connections -d$duration --timeout 30s, after a 3 s warm-up; $articles articles; article page: \`$article_path\`"
echo
echo "| Page | Output cache | Requests/s | p50 | p99 | Errors |"
echo "|---|---|---:|---:|---:|---:|"
for page in home article; do
    for mode in cached uncached; do
        read -r rps p50 p99 errors <<<"${results[$page-$mode]}"
        label=$([[ "$mode" == cached ]] && echo on || echo off)
        echo "| $page | $label | $rps | $p50 | $p99 | $errors |"
    done
done
echo
for page in home article; do
    read -r cached _ <<<"${results[$page-cached]}"
    read -r uncached _ <<<"${results[$page-uncached]}"
    awk -v p="$page" -v c="$cached" -v u="$uncached" 'BEGIN { printf "Cached/uncached requests/s, %s: %.1fx\n", p, c / u }'
done
echo
echo "Corpus: $corpus_line"
