#!/bin/sh
# Export time and peak memory of `herald export wxr` on bench/corpus databases.
# Usage: bench/wordpress/export.sh HERALD_DLL DB_FILE OUT_FILE
# (build first: dotnet build -c Release src/Herald/Herald.csproj -o /tmp/herald-release)
set -eu
dll=$1 db=$2 out=$3
echo "# $(nproc) cores, $(uname -m), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f 'wall %e s, peak RSS %M KB' dotnet "$dll" export wxr "$out" --site-url https://bench.example.org --db "Data Source=$db"
