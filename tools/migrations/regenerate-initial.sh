#!/usr/bin/env bash
# Herald keeps one Initial migration per provider until its first release. After a model change,
# this script makes both again from the model, and puts back the hand-written structures EF Core
# cannot model: the search schema (SearchSchema.cs) and the archive triggers (ArchiveSchema.cs). Run from anywhere; needs `dotnet tool restore` once.
set -euo pipefail
cd "$(dirname "$0")/../.."

for provider in Sqlite Postgres; do
    folder=src/Herald/Storage/Migrations/$provider
    rm -f "$folder"/*.cs
    dotnet ef migrations add Initial --project src/Herald --context "${provider}HeraldDbContext" \
        --output-dir "Storage/Migrations/$provider" >/dev/null
    migration=$(ls "$folder"/*_Initial.cs)
    # The search structures and the archive triggers: created last in Up, dropped first in Down.
    python3 - "$migration" "$provider" <<'PY'
import re, sys
path, provider = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8-sig").read()
up = text.index("protected override void Up(")
down = text.index("protected override void Down(")
end_of_up = text.rindex("        }", up, down)
text = text[:end_of_up] + f"\n            SearchSchema.Create{provider}(migrationBuilder);\n            ArchiveSchema.Create{provider}(migrationBuilder);\n" + text[end_of_up:]
down = text.index("protected override void Down(")
body = text.index("{", down) + 1
text = text[:body] + f"\n            ArchiveSchema.Drop{provider}(migrationBuilder);\n            SearchSchema.Drop{provider}(migrationBuilder);\n" + text[body:]
open(path, "w", encoding="utf-8-sig").write(text)
PY
done
# The repository's format (.editorconfig) for the generated files.
dotnet format src/Herald/Herald.csproj --include src/Herald/Storage/Migrations/ >/dev/null
ls src/Herald/Storage/Migrations/*/
