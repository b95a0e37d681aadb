#!/usr/bin/env bash
# Herald against a real WordPress on the same corpus, side by side. Starts Debian's WordPress
# stack as private instances on loopback (MariaDB on a socket in a temporary folder, PHP-FPM,
# nginx; none of the system services), installs WordPress with its stock theme, generates the
# corpus in WordPress through its own API, exports it with WordPress's own export_wp(), imports
# that file into Herald with `herald import wxr`, then loads both servers in turn, round after
# round (wrk), and prints Herald ÷ WordPress per row; then the cached page against nginx
# (bench/cached-page/run.sh). Every response is counted by status: a row with any unexpected
# status or socket error shows "-" instead of a rate. Everything started is stopped on exit.
#
#   bench/wordpress/compare/run.sh                      # as root, Debian 12
#   POSTS=1000 ROUNDS=2 DURATION=5s SKIP_ANALYSIS=1 CEILING=0 bench/wordpress/compare/run.sh
#
# Herald is measured twice: on SQLite, and on a private PostgreSQL cluster (initdb on a
# loopback port, as the tests do) holding the same import; POSTGRES=0 leaves PostgreSQL out.
#
# Needs: apt-get install -y wordpress php-fpm php-mysql mariadb-server nginx wrk curl python3
# postgresql (INSTALL=1 runs that line). Environment: POSTS (5001), ROUNDS (3), DURATION (10s),
# CONNECTIONS (8), PHP_WORKERS (8), SKIP_ANALYSIS (0), CEILING (1: also run the nginx-ceiling
# bench), POSTGRES (1), WP_PORT (5481), HERALD_PORT (5482), HERALD_PG_PORT (5483), PG_PORT
# (5484), KEEP (0: 1 keeps the work folder).
set -euo pipefail
shopt -s inherit_errexit

posts="${POSTS:-5001}"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-8}"
php_workers="${PHP_WORKERS:-8}"
skip_analysis="${SKIP_ANALYSIS:-0}"
ceiling="${CEILING:-1}"
wp_port="${WP_PORT:-5481}"
herald_port="${HERALD_PORT:-5482}"
postgres="${POSTGRES:-1}"
herald_pg_port="${HERALD_PG_PORT:-5483}"
pg_port="${PG_PORT:-5484}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
say() { echo "== $*" >&2; }
fail() { echo "run.sh: $*" >&2; exit 1; }

[[ "$(id -u)" == 0 ]] || fail "run as root: the private MariaDB, PHP-FPM and nginx drop to their own users"
packages="wordpress php-fpm php-mysql mariadb-server nginx wrk curl python3 postgresql"
if [[ "${INSTALL:-0}" == 1 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y $packages >&2
fi
php_fpm="$(ls /usr/sbin/php-fpm* 2>/dev/null | head -1 || true)"
for need in wrk nginx php mariadbd mariadb-install-db mariadb curl python3; do
    command -v "$need" >/dev/null || fail "$need is missing (apt-get install -y $packages, or INSTALL=1)"
done
[[ -n "$php_fpm" && -f /usr/share/wordpress/wp-load.php ]] || fail "PHP-FPM or WordPress is missing (apt-get install -y $packages, or INSTALL=1)"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
[[ "$postgres" != 1 || -x "$pg_bin/initdb" ]] || fail "PostgreSQL is missing (apt-get install -y postgresql, or POSTGRES=0)"

work="$(mktemp -d -t herald-wp-compare-XXXXXX)"
# The servers' own users (mysql, www-data) must reach their sockets and files in here.
chmod 755 "$work"
mkdir -p "$work/logs"
# Debian's WordPress reads /etc/wordpress/config-NAME.php, NAME chosen by WORDPRESS_CONFIG.
wp_config_name="herald-bench"
wp_config="/etc/wordpress/config-$wp_config_name.php"
declare -A pids=()

stop() {
    local name="$1" pid="${pids[$1]:-}"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        wait "$pid" 2>/dev/null || true
    fi
    unset "pids[$name]"
}
cleanup() {
    for name in herald herald-pg nginx php mariadb; do stop "$name"; done
    stop_postgres
    rm -f "$wp_config"
    if [[ "${KEEP:-0}" == 1 ]]; then say "work folder kept: $work"; else rm -rf "$work"; fi
}
# The PostgreSQL cluster runs as postgres (it refuses root) and is stopped with pg_ctl.
stop_postgres() {
    if [[ -f "$work/pg/data/postmaster.pid" ]]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "run.sh: a command failed at line $LINENO (logs in $work/logs; KEEP=1 keeps them)" >&2' ERR

port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; }
port_free "$wp_port" || fail "port $wp_port is taken (WP_PORT=...)"
port_free "$herald_port" || fail "port $herald_port is taken (HERALD_PORT=...)"
wp="http://127.0.0.1:$wp_port"
herald="http://127.0.0.1:$herald_port"
herald_pg="http://127.0.0.1:$herald_pg_port"
sides=(wordpress herald)
if [[ "$postgres" == 1 ]]; then
    port_free "$herald_pg_port" || fail "port $herald_pg_port is taken (HERALD_PG_PORT=...)"
    sides+=(herald-pg)
fi

# wait_for NAME TEST...: runs TEST every half second for up to 60 s while NAME is alive.
wait_for() {
    local name="$1"
    shift
    for _ in $(seq 1 120); do
        "$@" >/dev/null 2>&1 && return 0
        kill -0 "${pids[$name]}" 2>/dev/null || break
        sleep 0.5
    done
    tail -20 "$work/logs/$name.log" >&2 || true
    fail "$name did not start"
}

say "Building Herald (Release)"
dotnet build -c Release "$repo/src/Herald/Herald.csproj" -nologo -v q >"$work/logs/build.log" 2>&1 \
    || { cat "$work/logs/build.log" >&2; exit 1; }
herald_dll="$repo/src/Herald/bin/Release/net10.0/herald.dll"

say "Starting MariaDB (private datadir, socket only)"
# mariadbd runs as mysql: its socket and log live in a folder of its own.
socket="$work/mysql-run/mysqld.sock"
mkdir -p "$work/mysql" "$work/mysql-run"
chown mysql:mysql "$work/mysql" "$work/mysql-run"
ln -s "$work/mysql-run/error.log" "$work/logs/mariadb.log"
mariadb-install-db --no-defaults --datadir="$work/mysql" --user=mysql --skip-test-db \
    --auth-root-authentication-method=socket >"$work/logs/mariadb-install.log" 2>&1
mariadbd --no-defaults --datadir="$work/mysql" --user=mysql --socket="$socket" --skip-networking \
    --pid-file="$work/mysql/mariadbd.pid" --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --log-error="$work/mysql-run/error.log" >/dev/null 2>&1 &
pids[mariadb]=$!
wait_for mariadb mariadb --no-defaults --socket="$socket" -uroot -e "select 1"
db_password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
mariadb --no-defaults --socket="$socket" -uroot <<SQL
create database wordpress character set utf8mb4;
create user 'wordpress'@'localhost' identified by '$db_password';
grant all on wordpress.* to 'wordpress'@'localhost';
SQL

# A private wp-content: the stock themes, and the one must-use plugin that lifts the comment flood limit.
mkdir -p "$work/wp-content/mu-plugins"
ln -s /usr/share/wordpress/wp-content/themes "$work/wp-content/themes"
ln -s /usr/share/wordpress/wp-content/plugins "$work/wp-content/plugins"
cp "$here/wordpress/bench-plugin.php" "$work/wp-content/mu-plugins/"
cat >"$wp_config" <<PHP
<?php
// Written by Herald's bench/wordpress/compare/run.sh for one run; removed when it ends.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$db_password');
define('DB_HOST', 'localhost:$socket');
define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', '$work/wp-content');
define('WP_CONTENT_URL', '$wp/wp-content');
// No page-load cron: its background requests would land in the middle of a measurement.
define('DISABLE_WP_CRON', true);
PHP
chmod 644 "$wp_config"

say "Starting PHP-FPM ($php_workers workers) and nginx on $wp"
cat >"$work/php-fpm.conf" <<CONF
[global]
pid = $work/php-fpm.pid
error_log = $work/logs/php.log
daemonize = no
[www]
user = www-data
group = www-data
listen = $work/php-fpm.sock
listen.owner = www-data
listen.group = www-data
pm = static
pm.max_children = $php_workers
CONF
"$php_fpm" --nodaemonize --fpm-config "$work/php-fpm.conf" >"$work/logs/php.out" 2>&1 &
pids[php]=$!
touch "$work/logs/php.log"
wait_for php test -S "$work/php-fpm.sock"
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
user www-data;
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/logs/nginx.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx/tmp-body;
    proxy_temp_path $work/nginx/tmp-proxy;
    fastcgi_temp_path $work/nginx/tmp-fastcgi;
    uwsgi_temp_path $work/nginx/tmp-uwsgi;
    scgi_temp_path $work/nginx/tmp-scgi;
    server {
        listen 127.0.0.1:$wp_port;
        root /usr/share/wordpress;
        index index.php;
        location /wp-content/ { alias $work/wp-content/; }
        location / { try_files \$uri \$uri/ /index.php?\$args; }
        location ~ \.php\$ {
            try_files \$uri =404;
            # Debian's fastcgi_params passes HTTP_HOST without the port, and WordPress would
            # then redirect every page to itself; so the parameters are written out here.
            fastcgi_param QUERY_STRING \$query_string;
            fastcgi_param REQUEST_METHOD \$request_method;
            fastcgi_param CONTENT_TYPE \$content_type;
            fastcgi_param CONTENT_LENGTH \$content_length;
            fastcgi_param SCRIPT_NAME \$fastcgi_script_name;
            fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
            fastcgi_param REQUEST_URI \$request_uri;
            fastcgi_param DOCUMENT_URI \$document_uri;
            fastcgi_param DOCUMENT_ROOT \$document_root;
            fastcgi_param SERVER_PROTOCOL \$server_protocol;
            fastcgi_param GATEWAY_INTERFACE CGI/1.1;
            fastcgi_param SERVER_SOFTWARE nginx;
            fastcgi_param REMOTE_ADDR \$remote_addr;
            fastcgi_param REMOTE_PORT \$remote_port;
            fastcgi_param SERVER_ADDR \$server_addr;
            fastcgi_param SERVER_PORT \$server_port;
            fastcgi_param SERVER_NAME 127.0.0.1;
            fastcgi_param HTTP_HOST 127.0.0.1:$wp_port;
            fastcgi_param REDIRECT_STATUS 200;
            fastcgi_param WORDPRESS_CONFIG $wp_config_name;
            fastcgi_pass unix:$work/php-fpm.sock;
        }
    }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/logs/nginx.log" >"$work/logs/nginx.out" 2>&1 &
pids[nginx]=$!
touch "$work/logs/nginx.log"
wait_for nginx curl -s -o /dev/null "$wp/wp-includes/images/blank.gif"

# PHP on the command line finds the same config through the same variable.
wp_php() { WORDPRESS_CONFIG="$wp_config_name" HTTP_HOST="127.0.0.1:$wp_port" php "$@"; }
say "Installing WordPress"
wp_php "$here/wordpress/install.php" "$wp" >&2
say "Generating $posts posts and 20 comments in WordPress"
start=$SECONDS
wp_php "$here/wordpress/corpus.php" "$posts" >"$work/corpus.txt" 2>"$work/logs/corpus.log"
corpus_seconds=$((SECONDS - start))
wp_article="$(tail -1 "$work/corpus.txt")"
say "Exporting with export_wp()"
start=$SECONDS
wp_php "$here/wordpress/export.php" >"$work/export.xml"
export_seconds=$((SECONDS - start))
grep -q '<wp:post_id>' "$work/export.xml" || fail "the export holds no posts"
import_flags=()
[[ "$skip_analysis" == 1 ]] && import_flags=(--skip-analysis)
say "Importing into Herald (herald import wxr ${import_flags[*]:-with analysis})"
start=$SECONDS
dotnet "$herald_dll" import wxr "$work/export.xml" "${import_flags[@]}" --db "Data Source=$work/herald.db" \
    >"$work/logs/import.log" 2>&1
import_seconds=$((SECONDS - start))
say "Import: $(grep -iE 'imported|analysed' "$work/logs/import.log" | tr '\n' ' ')"
if [[ "$postgres" == 1 ]]; then
    say "Starting PostgreSQL (private cluster on 127.0.0.1:$pg_port) and importing the same file"
    mkdir -p "$work/pg"
    chown postgres "$work/pg"
    runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 -N >"$work/logs/initdb.log" 2>&1
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
        -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >"$work/logs/pg_ctl.log" 2>&1 \
        || { cat "$work/pg/server.log" >&2; fail "PostgreSQL did not start"; }
    ln -s "$work/pg/server.log" "$work/logs/postgres.log"
    runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "create database herald" >&2
    pg_db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=herald"
    start=$SECONDS
    dotnet "$herald_dll" import wxr "$work/export.xml" "${import_flags[@]}" --db "$pg_db" \
        >"$work/logs/import-pg.log" 2>&1
    import_pg_seconds=$((SECONDS - start))
    say "Import into PostgreSQL: $(grep -iE 'imported|analysed' "$work/logs/import-pg.log" | tr '\n' ' ')"
fi

say "Starting Herald on $herald (--no-output-cache; comment rate limit and fill time lifted)"
Comments__RatePermits=100000000 Comments__MinimumFillTime=00:00:00 \
    dotnet "$herald_dll" serve --no-output-cache --db "Data Source=$work/herald.db" --urls "$herald" \
    >"$work/logs/herald.log" 2>&1 &
pids[herald]=$!
wait_for herald curl -fs -o /dev/null "$herald/healthz"
if [[ "$postgres" == 1 ]]; then
    say "Starting Herald on PostgreSQL on $herald_pg (same settings)"
    Comments__RatePermits=100000000 Comments__MinimumFillTime=00:00:00 \
        dotnet "$herald_dll" serve --no-output-cache --db "$pg_db" --urls "$herald_pg" \
        >"$work/logs/herald-pg.log" 2>&1 &
    pids[herald-pg]=$!
    wait_for herald-pg curl -fs -o /dev/null "$herald_pg/healthz"
fi

# The same pages on both sides: the newest post (the one with 20 comments), the home page,
# one category, a search with hits.
article_path="${wp_article#"$wp"}"
declare -A url
url[wordpress-article]="$wp$article_path"
url[herald-article]="$herald${article_path%/}"
url[wordpress-home]="$wp/"
url[herald-home]="$herald/"
url[wordpress-section]="$wp/category/politics/"
url[herald-section]="$herald/category/politics"
url[wordpress-search]="$wp/?s=Putin"
url[herald-search]="$herald/search?q=Putin"
url[wordpress-comments]="$wp/wp-comments-post.php"
url[herald-comments]="$herald/comments"
# Herald on PostgreSQL: the same paths on its own port.
for row in article home section search comments; do
    url[herald-pg-$row]="$herald_pg${url[herald-$row]#"$herald"}"
done
for row in article home section search; do
    for side in "${sides[@]}"; do
        status="$(curl -s -o "$work/page.html" -w '%{http_code} %{redirect_url}' "${url[$side-$row]}")"
        [[ "$status" == "200 " ]] || fail "$side $row (${url[$side-$row]}) answered $status"
        say "$side $row: ${url[$side-$row]} ($(wc -c <"$work/page.html") bytes)"
        [[ "$row" != search ]] || grep -q "Putin" "$work/page.html" || fail "$side search for Putin found nothing"
        [[ "$row" != article ]] || [[ "$(grep -c 'Reader 1[0-9]' "$work/page.html")" -gt 0 ]] \
            || fail "$side article page does not show the 20 comments"
    done
done
# The fields each side's comment form carries: the article's id, and for Herald the form's stamp.
declare -A article_id stamp
article_id[wordpress]="$(curl -s "${url[wordpress-article]}" | grep -o "comment_post_ID['\"] value=['\"][0-9]*" | grep -o '[0-9]*$' | head -1)"
for side in "${sides[@]}"; do
    [[ "$side" == wordpress ]] && continue
    article_id[$side]="$(curl -s "${url[$side-article]}" | grep -o 'data-article="[0-9]*"' | head -1 | grep -o '[0-9]*')"
    stamp[$side]="$(curl -s "${url[$side-home]%/}/comments/state" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["started"]))')"
    [[ -n "${article_id[$side]}" && -n "${stamp[$side]}" ]] || fail "could not find $side's comment form fields"
done
[[ -n "${article_id[wordpress]}" ]] || fail "could not find WordPress's comment form fields"

# measure SIDE ROW RUN: requests/s of one wrk run, or "-" when any response had an unexpected
# status or a socket failed (the reason goes to the log and to $work/failures).
measure() {
    local side="$1" row="$2" run="$3" expected=200 out env=()
    if [[ "$row" == comments ]]; then
        local form=herald
        [[ "$side" == wordpress ]] && form=wordpress
        expected=$([[ "$form" == herald ]] && echo 303 || echo 302)
        env=(COMMENT="$form" RUN_ID="$run-$side" ORIGIN="${url[$side-home]%/}"
            ARTICLE_ID="${article_id[$side]}" STAMP="${stamp[$side]:-}")
    fi
    out="$(env "${env[@]}" wrk -t2 -c"$connections" -d"$duration" --timeout 10s -s "$here/count.lua" "${url[$side-$row]}")"
    echo "$out" >>"$work/logs/wrk-$side-$row.log"
    local unexpected
    unexpected="$(awk -v ok="$expected" '$1 == "status" && $2 != ok { printf "%s×%s ", $3, $2 }' <<<"$out")$(grep -o 'Socket errors.*' <<<"$out" || true)"
    if [[ -n "$unexpected" ]]; then
        echo "$side $row run $run: $unexpected" | tee -a "$work/failures" >&2
        echo "-"
    else
        awk '$1 == "status" { n += $3 } END { exit n == 0 }' <<<"$out" || { echo "$side $row run $run: no response completed within $duration" >>"$work/failures"; echo "-"; return; }
        awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
    fi
}

say "Warming up (JIT, opcache, database caches)"
for row in article home section search; do
    for side in "${sides[@]}"; do
        wrk -t2 -c"$connections" -d2s "${url[$side-$row]}" >/dev/null
    done
done

rows=(article home section search comments)
declare -A runs
touch "$work/failures"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
    # Who goes first rotates, so no side always runs right after another's load.
    order=("${sides[@]:$(( (round - 1) % ${#sides[@]} ))}" "${sides[@]:0:$(( (round - 1) % ${#sides[@]} ))}")
    say "Round $round of $rounds (load: $(cut -d' ' -f1-3 /proc/loadavg)), order: ${order[*]}"
    for row in "${rows[@]}"; do
        for side in "${order[@]}"; do
            runs[$side-$row]+="$(measure "$side" "$row" "$round") "
        done
    done
done
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

# Resident memory after the load: Herald's one process against every process of the
# WordPress stack (nginx master and workers, PHP-FPM master and workers, mariadbd). RSS counts
# pages shared between the stack's processes once per process; PSS divides them, so both.
tree() { echo "$1"; pgrep -P "$1" || true; }
memory() { # memory rss|pss PID...: MiB
    local kind="$1" total=0 kb
    shift
    for pid in "$@"; do
        if [[ "$kind" == rss ]]; then kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
        else kb="$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup")"; fi
        total=$((total + kb))
    done
    echo $((total / 1024))
}
wp_pids=($(tree "${pids[nginx]}") $(tree "${pids[php]}") "${pids[mariadb]}")
wp_rss="$(memory rss "${wp_pids[@]}")"
wp_pss="$(memory pss "${wp_pids[@]}")"
declare -A rss pss answered stored
for side in "${sides[@]}"; do
    [[ "$side" == wordpress ]] && continue
    rss[$side]="$(memory rss "${pids[$side]}")"
    pss[$side]="$(memory pss "${pids[$side]}")"
done
# The PostgreSQL cluster is to Herald what MariaDB is to WordPress: counted beside the process.
if [[ "$postgres" == 1 ]]; then
    pg_pids=($(tree "$(head -1 "$work/pg/data/postmaster.pid")"))
    pg_rss="$(memory rss "${pg_pids[@]}")"
    pg_pss="$(memory pss "${pg_pids[@]}")"
fi

wp_comments="$(mariadb --no-defaults --socket="$socket" -uroot -N -e "select count(*) from wordpress.wp_comments where comment_author = 'Bench Reader'")"
stored[herald]="$(python3 -c "import sqlite3; print(sqlite3.connect('$work/herald.db').execute(\"select count(*) from Comments where AuthorName = 'Bench Reader'\").fetchone()[0])" 2>/dev/null || echo "?")"
[[ "$postgres" == 1 ]] && stored[herald-pg]="$(runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d herald -At \
    -c "select count(*) from \"Comments\" where \"AuthorName\" = 'Bench Reader'" 2>/dev/null || echo "?")"
wp_answered="$(awk '$1 == "status" && $2 == 302 { n += $3 } END { print n + 0 }' "$work/logs/wrk-wordpress-comments.log")"
for side in "${sides[@]}"; do
    [[ "$side" == wordpress ]] || answered[$side]="$(awk '$1 == "status" && $2 == 303 { n += $3 } END { print n + 0 }' "$work/logs/wrk-$side-comments.log")"
done

for name in herald herald-pg nginx php mariadb; do stop "$name"; done
stop_postgres

median() { tr ' ' '\n' | awk '$1 != "" && $1 != "-"' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v h="$1" -v w="$2" 'BEGIN { if (h == "-" || w == "-" || w == 0) print "-"; else printf "%.1f×", h / w }'; }
declare -A labels goals
labels[article]="article page, uncached (\`--no-output-cache\`)"
labels[home]="home page, uncached"
labels[section]="section (category) page, uncached"
labels[search]="search \"Putin\""
labels[comments]="comments accepted per second (flood limits lifted)"
goals[article]="≥ 100×"; goals[home]="≥ 50×"; goals[section]="≥ 50×"; goals[search]="≥ 100×"; goals[comments]="≥ 10×"

echo
echo "## Herald ÷ WordPress, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "- Machine: $(nproc) cores ($(lscpu | awk -F': *' '/^Model name/ { print $2 }')), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM; load average $load_start at the start of the rounds, $load_end at the end."
echo "- Command: \`POSTS=$posts ROUNDS=$rounds DURATION=$duration CONNECTIONS=$connections PHP_WORKERS=$php_workers SKIP_ANALYSIS=$skip_analysis POSTGRES=$postgres bench/wordpress/compare/run.sh\` at $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD && echo "" || echo " (with uncommitted changes)")."
echo "- WordPress $(php -r 'include "/usr/share/wordpress/wp-includes/version.php"; echo $wp_version;'), PHP $(php -r 'echo PHP_VERSION;'), $(mariadbd --version | grep -o 'Ver [^ ]*'), nginx $(nginx -v 2>&1 | grep -o '[0-9.]*$'); $php_workers PHP-FPM workers; stock theme; no page cache."
echo "- Corpus: $posts posts + 20 comments generated in WordPress in ${corpus_seconds} s, exported by export_wp() in ${export_seconds} s ($(( $(stat -c %s "$work/export.xml") / 1048576 )) MB), imported by \`herald import wxr${import_flags[*]:+ ${import_flags[*]}}\` in ${import_seconds} s into SQLite$([[ "$postgres" == 1 ]] && echo " and ${import_pg_seconds} s into PostgreSQL $("$pg_bin/postgres" --version | grep -oE '[0-9]+\.[0-9]+' | head -1) (a private cluster, default settings)")."
echo "- Load: \`wrk -t2 -c$connections -d$duration\`, $rounds rounds, the ${#sides[@]} servers in turn (who goes first rotates every round); median requests/s. Pages: \`$article_path\`, \`/\`, the Politics category, search for Putin."
echo "- Comments: $wp_answered answered 302 by WordPress, $wp_comments stored$(for side in "${sides[@]}"; do [[ "$side" == wordpress ]] || echo -n "; ${answered[$side]} answered 303 by $side, ${stored[$side]} stored"; done) (every side holds a first comment from an address for moderation)."
echo
# The lowest and highest Herald ÷ WordPress of the rounds (each round's two runs side by side).
spread() {
    paste -d' ' <(tr ' ' '\n' <<<"$1" | awk 'NF') <(tr ' ' '\n' <<<"$2" | awk 'NF') | awk '
        $1 != "-" && $2 != "-" && $2 > 0 { r = $1 / $2; if (n == 0 || r < lo) lo = r; if (n == 0 || r > hi) hi = r; n++ }
        END { if (n == 0) print "-"; else printf "%.1f–%.1f×", lo, hi }'
}
header="| | WordPress | Herald (SQLite) | ÷ WordPress | per round |"
rule="|---|---:|---:|---:|---:|"
if [[ "$postgres" == 1 ]]; then
    header+=" Herald (PostgreSQL) | ÷ WordPress | per round |"
    rule+="---:|---:|---:|"
fi
echo "$header goal |"
echo "$rule---|"
for row in "${rows[@]}"; do
    w="$(median <<<"${runs[wordpress-$row]}")"
    line="| ${labels[$row]} | $w |"
    for side in "${sides[@]}"; do
        [[ "$side" == wordpress ]] && continue
        h="$(median <<<"${runs[$side-$row]}")"
        line+=" $h | $(ratio "$h" "$w") | $(spread "${runs[$side-$row]}" "${runs[wordpress-$row]}") |"
    done
    echo "$line ${goals[$row]} |"
done
line="| resident memory after the load, RSS (PSS) | $wp_rss MiB ($wp_pss) for ${#wp_pids[@]} processes |"
line+=" ${rss[herald]} MiB (${pss[herald]}) | $(ratio "${rss[herald]}" "$wp_rss") | |"
if [[ "$postgres" == 1 ]]; then
    line+=" ${rss[herald-pg]} MiB (${pss[herald-pg]}), + PostgreSQL ${pg_rss} MiB (${pg_pss}) for ${#pg_pids[@]} processes | $(ratio "${rss[herald-pg]}" "$wp_rss") | |"
fi
echo "$line ≤ 200 MiB per process at 100,000 articles |"
echo
echo "Every run (requests/s, round by round): $(for row in "${rows[@]}"; do echo -n "$row:"; for side in "${sides[@]}"; do echo -n " $side ${runs[$side-$row]}/"; done; echo -n "; "; done)"
if [[ -s "$work/failures" ]]; then
    echo
    echo "Runs left out for unexpected answers:"
    sed 's/^/- /' "$work/failures"
fi

if [[ "$ceiling" == 1 ]]; then
    say "The cached page against nginx (bench/cached-page/run.sh)"
    echo
    echo "### Cached article page against nginx (bench/cached-page/run.sh, Herald's demo site)"
    echo
    ROUNDS="$rounds" DURATION="$duration" "$repo/bench/cached-page/run.sh"
fi
if [[ -s "$work/failures" ]]; then exit 1; fi
