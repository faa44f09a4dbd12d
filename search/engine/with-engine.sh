#!/usr/bin/env bash
# Runs a command with the shipped OpenSearch (what `make run` does):
#
#   search/engine/with-engine.sh [--port BASE] -- COMMAND ...
#
# - SEARCH_URL set: that engine is used, nothing is started;
# - an engine already answers on http://127.0.0.1:BASE+1 (e.g. `make search`): used, left running;
# - else, when a suitable Java (21+) is on the machine: the engine is fetched the first time
#   (Maven Central, with progress), started, used, and stopped when COMMAND ends (Ctrl-C);
# - without Java (or Maven for the first fetch): one line says so and COMMAND runs with
#   SEARCH_URL empty, so searches answer from the database.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE=9200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) BASE="$2"; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { echo "with-engine.sh: ingen kommando att köra" >&2; exit 2; }
URL="http://127.0.0.1:$((BASE + 1))"
STARTED=""

stop_engine() {
  if [[ -n "$STARTED" ]]; then
    echo "Stoppar sökmotorn …"
    "$HERE/opensearch.sh" stop --port "$BASE" >/dev/null
  fi
}
trap stop_engine EXIT
trap 'exit 130' INT TERM

database_only() {
  echo "$1: sökningen svarar från databasen (med en notis på söksidan)."
  export SEARCH_URL=""
}

if [[ -n "${SEARCH_URL:-}" ]]; then
  echo "Sökningen använder sökmotorn på SEARCH_URL=$SEARCH_URL."
elif curl -sf -m 3 "$URL" >/dev/null 2>&1; then
  echo "En sökmotor svarar redan på $URL och används (den lämnas igång efteråt)."
  export SEARCH_URL="$URL"
elif ! "$HERE/opensearch.sh" java >/dev/null 2>&1; then
  database_only "Ingen Java 21 eller senare hittades, så sökmotorn startas inte"
elif [[ ! -d "$HERE/lib" ]] && ! command -v mvn >/dev/null 2>&1; then
  database_only "Maven saknas för att hämta sökmotorn första gången"
else
  echo "Startar sökmotorn (OpenSearch) på $URL …"
  if "$HERE/opensearch.sh" start --port "$BASE"; then
    STARTED=1
    export SEARCH_URL="$URL"
    echo "Sökmotorn körs på $URL och stoppas med Ctrl-C."
  else
    database_only "Sökmotorn startade inte (se search/engine/data/$BASE/opensearch.log)"
  fi
fi

"$@"
