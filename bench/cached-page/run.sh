#!/usr/bin/env bash
# Herald's cached article page against the physical ceiling: nginx serving the very same page
# bytes as a static file (plain, and gzip_static with a precompressed .gz). Builds Herald
# (Release) from this tree ("after") and, when BEFORE names a commit, from that commit too
# ("before", extracted with git archive into a temporary folder). Each Herald serves its own copy
# of one demo database; all servers run at once on 127.0.0.1 and are loaded in turn, round after
# round, so a busy moment hits every one of them. Prints requests/s (median of the rounds) and
# Herald ÷ nginx per row. Every server is stopped on exit.
#
#   bench/cached-page/run.sh
#   BEFORE=main ROUNDS=3 DURATION=10s CONNECTIONS=32 PORT=5391 bench/cached-page/run.sh
set -euo pipefail
shopt -s inherit_errexit

before="${BEFORE:-}"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-32}"
first_port="${PORT:-5391}"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d -t herald-cached-page-XXXXXX)"
pids=()

cleanup() {
    for pid in "${pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "run.sh: a command failed at line $LINENO" >&2' ERR

say() { echo "== $*" >&2; }

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is not installed (Debian: apt-get install nginx-light)" >&2; exit 1; }

free_port() {
    local port="$1"
    while curl -s -o /dev/null "http://127.0.0.1:$port/"; do
        port=$((port + 1))
    done
    echo "$port"
}

# build NAME TREE: a Release build of Herald from TREE; prints the path of herald.dll.
build() {
    local name="$1" tree="$2"
    say "Building Herald ($name, Release)"
    dotnet build -c Release "$tree/src/Herald/Herald.csproj" -nologo -v q >"$work/build-$name.log" 2>&1 \
        || { cat "$work/build-$name.log" >&2; exit 1; }
    echo "$tree/src/Herald/bin/Release/net10.0/herald.dll"
}

# start_herald NAME DLL PORT DB: serves DB in the background and waits until it answers.
start_herald() {
    local name="$1" dll="$2" port="$3" db="$4" extra=()
    [[ -f "$db" ]] || extra=(--demo) # Only the seeding run finds no database.
    dotnet "$dll" serve --db "Data Source=$db" --urls "http://127.0.0.1:$port" "${extra[@]}" >"$work/herald-$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 240); do
        if curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; then
            return 0
        fi
        kill -0 "${pids[-1]}" 2>/dev/null || break
        sleep 0.5
    done
    echo "herald ($name) did not start on port $port; its log:" >&2
    cat "$work/herald-$name.log" >&2
    exit 1
}

declare -A dlls ports
targets=()
dlls[after]="$(build after "$repo")"
targets+=(after)
if [[ -n "$before" ]]; then
    commit="$(git -C "$repo" rev-parse --verify "$before^{commit}")"
    mkdir -p "$work/before"
    git -C "$repo" archive "$commit" | tar -x -C "$work/before"
    dlls[before]="$(build before "$work/before")"
    targets=(before after)
fi

# Each Herald seeds its own demo database: an older build cannot open a database a newer one
# migrated, and the demo's stories are the same in both.
port="$(free_port "$first_port")"
for name in "${targets[@]}"; do
    port="$(free_port "$port")"
    ports[$name]="$port"
    say "Starting Herald ($name) on port $port, seeding its demo"
    start_herald "$name" "${dlls[$name]}" "$port" "$work/$name.db"
    port=$((port + 1))
done

first="${targets[0]}"
base="http://127.0.0.1:${ports[$first]}"
article_path="$(curl -fs "$base/" | grep -o 'href="/[0-9]\{4\}/[0-9]\{2\}/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)"
[[ -n "$article_path" ]] || { echo "found no article link on the home page" >&2; exit 1; }

say "Writing the page's bytes for nginx"
mkdir -p "$work/nginx/root" "$work/nginx/logs"
curl -fs "$base$article_path" -o "$work/nginx/root/article.html"
gzip -9 -k "$work/nginx/root/article.html"
# mktemp makes the folder private; nginx's workers (not root when nginx starts as root) must read the page.
chmod 755 "$work" "$work/nginx" "$work/nginx/root"
chmod 644 "$work/nginx/root/article.html" "$work/nginx/root/article.html.gz"
nginx_port="$(free_port "$port")"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    types { text/html html; }
    client_body_temp_path $work/nginx/tmp-body;
    proxy_temp_path $work/nginx/tmp-proxy;
    fastcgi_temp_path $work/nginx/tmp-fastcgi;
    uwsgi_temp_path $work/nginx/tmp-uwsgi;
    scgi_temp_path $work/nginx/tmp-scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/nginx/root;
        gzip_static on;
        gzip_vary on;
        location = /article { try_files /article.html =404; }
    }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" &
pids+=($!)
for _ in $(seq 1 40); do
    curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/article" && break
    sleep 0.25
done
ports[nginx]="$nginx_port"

url_of() {
    if [[ "$1" == nginx ]]; then echo "http://127.0.0.1:${ports[nginx]}/article"; else echo "http://127.0.0.1:${ports[$1]}$article_path"; fi
}

# The same page: nginx serves the first Herald's stored copy, which that Herald renders again
# differing only in the comment form's time stamp, so sizes are compared, not bytes. Another
# version of Herald may write the page a little differently: its size is shown, not checked.
nginx_size="$(stat -c %s "$work/nginx/root/article.html")"
for name in "${targets[@]}"; do
    size="$(curl -fs "$(url_of "$name")" | wc -c)"
    say "Herald ($name) serves the page in $size bytes; nginx's copy has $nginx_size"
    [[ "$name" != "$first" ]] || (( size > nginx_size - 64 && size < nginx_size + 64 )) \
        || { echo "herald ($name) serves $size bytes, nginx's copy has $nginx_size" >&2; exit 1; }
    for encoding in gzip br; do
        got="$(curl -fs -o /dev/null -D - -H "Accept-Encoding: $encoding" "$(url_of "$name")" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')"
        [[ "$got" == "$encoding" ]] || { echo "herald ($name) answered Accept-Encoding: $encoding with '${got:-no encoding}'" >&2; exit 1; }
    done
done
got="$(curl -fs -o /dev/null -D - -H "Accept-Encoding: gzip" "$(url_of nginx)" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')"
[[ "$got" == gzip ]] || { echo "nginx did not serve the .gz copy" >&2; exit 1; }

# measure TARGET ENCODING: requests/s over one wrk run ("-" when any request failed).
measure() {
    local target="$1" encoding="$2" header=() out
    [[ "$encoding" == plain ]] || header=(-H "Accept-Encoding: $encoding")
    out="$(wrk -t2 -c"$connections" -d"$duration" --timeout 10s "${header[@]}" "$(url_of "$target")")"
    if grep -qE "Non-2xx|Socket errors" <<<"$out"; then
        echo "-"
    else
        awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
    fi
}

say "Warming up (JIT, cache fill)"
for target in nginx "${targets[@]}"; do
    for encoding in plain gzip br; do
        header=()
        [[ "$encoding" == plain ]] || header=(-H "Accept-Encoding: $encoding")
        wrk -t2 -c"$connections" -d2s "${header[@]}" "$(url_of "$target")" >/dev/null
    done
done

declare -A runs
for round in $(seq 1 "$rounds"); do
    say "Round $round of $rounds (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    for encoding in plain gzip br; do
        for target in nginx "${targets[@]}"; do
            [[ "$target" == nginx && "$encoding" == br ]] && continue # Debian's nginx has no Brotli module.
            runs[$target-$encoding]+="$(measure "$target" "$encoding") "
        done
    done
done

median() { tr ' ' '\n' | grep -v '^$' | grep -v '^-$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'; }

echo
echo "wrk -t2 -c$connections -d$duration, $rounds rounds alternating nginx and Herald; median requests/s; page \`$article_path\` ($(stat -c %s "$work/nginx/root/article.html") bytes, $(stat -c %s "$work/nginx/root/article.html.gz") gzipped by gzip -9)"
[[ -n "$before" ]] && echo "before: $before ($(git -C "$repo" rev-parse --short "$before")); after: this tree ($(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet && echo "" || echo ", with uncommitted changes"))"
echo
header="| Accept-Encoding | nginx |"
rule="|---|---:|"
for target in "${targets[@]}"; do
    header+=" Herald $target | $target ÷ nginx |"
    rule+="---:|---:|"
done
echo "$header"
echo "$rule"
for encoding in plain gzip br; do
    nginx_rps="$(median <<<"${runs[nginx-gzip]:-}")"
    label="$encoding"
    if [[ "$encoding" == br ]]; then
        label="br (nginx: gzip_static)"
    else
        nginx_rps="$(median <<<"${runs[nginx-$encoding]}")"
    fi
    row="| $label | $nginx_rps |"
    for target in "${targets[@]}"; do
        rps="$(median <<<"${runs[$target-$encoding]}")"
        ratio="$(awk -v h="$rps" -v n="$nginx_rps" 'BEGIN { if (h == "-" || n == "-" || n == 0) print "-"; else printf "%.2f×", h / n }')"
        row+=" $rps | $ratio |"
    done
    echo "$row"
done
echo
echo "Every run: $(for k in "${!runs[@]}"; do echo -n "$k: ${runs[$k]}; "; done)"
