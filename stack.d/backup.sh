#!/usr/bin/env bash
# backup.sh — logical backups of the platform's databases on one machine, and their restore.
# Called by `./stack backup` and `./stack restore`; usable on its own.
#
#   backup.sh backup  [--test] [--databases a,b,...] [--out DIR]
#   backup.sh restore [DIR] [--into SUFFIX] [--over-originals]
#
# backup: for each database (default the five services' databases; --test their *_test twins),
# opens a REPEATABLE READ transaction, exports its snapshot, counts every table's rows in that
# snapshot and runs `pg_dump -Fc --snapshot=...` on the same snapshot, so the manifest's counts are
# exactly what the dump holds. Writes .stack/backups/<UTC timestamp>/ (or --out DIR):
#   <db>.dump        pg_dump custom format (compressed, restorable table by table)
#   databases.tsv    database, owner, dump file, bytes, sha256
#   counts.tsv       database, schema.table, rows (in the dump's snapshot)
#   backup.txt       when, server and pg_dump versions
# Each database is consistent in itself; the five are dumped one after the other (they are
# separate databases and the services reconcile through events, as after any outage).
#
# restore: takes DIR (default the newest under .stack/backups/), checks each dump's sha256,
# creates a fresh database <db><SUFFIX> (default suffix _restored) owned by the original owner,
# pg_restore's into it and compares every table's row count with counts.tsv. A target that
# already exists is refused. --over-originals instead restores into <db>_restoring, checks it,
# then renames the original to <db>_before_<timestamp> (kept, drop it yourself) and the restored
# one to <db>; it refuses while a service started by ./stack is running.
set -Eeuo pipefail
trap 'printf "backup.sh: unexpected failure (exit %s) at line %s: %s\n" "$?" "$LINENO" "$BASH_COMMAND" >&2' ERR

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BACKUPS="$ROOT/.stack/backups"
PG_HOST="${PGHOST_OVERRIDE:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
MAIN_DATABASES=(registry rating morality sme gateway)
SERVICES=(farmer-registry credit-rating morality-score sme-archive gateway)

say()  { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die()  { printf 'backup.sh: %s\n' "$*" >&2; exit 1; }

# The superuser over TCP (trust or ~/.pgpass), else the postgres OS user over the local socket.
pick_superuser() {
  if psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -w -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    PG_ARGS=(-h "$PG_HOST" -p "$PG_PORT" -U postgres -w)
    RUN=()
  elif command -v runuser >/dev/null 2>&1 && (cd / && runuser -u postgres -- psql -X -q -d postgres -tAc 'select 1' >/dev/null 2>&1); then
    PG_ARGS=(-p "$PG_PORT")
    RUN=(runuser -u postgres --)
  else
    die "cannot connect to PostgreSQL as postgres (127.0.0.1:$PG_PORT or the local socket)"
  fi
}
sql() {  # sql DB QUERY: unaligned tuples, tab separated
  local db="$1"; shift
  (cd / && ${RUN[@]+"${RUN[@]}"} psql -X -q -v ON_ERROR_STOP=1 "${PG_ARGS[@]}" -d "$db" -tA -F $'\t' -c "$1")
}
db_exists() { [[ "$(sql postgres "select count(*) from pg_database where datname = '$1'")" == 1 ]]; }
valid_name() { [[ "$1" =~ ^[a-z_][a-z0-9_]*$ ]] || die "not a plain database name: $1"; }

# One row per table of the user's schemas: schema.table <TAB> exact row count.
COUNT_SQL="select n.nspname || '.' || c.relname,
  (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
  and not c.relispartition
order by 1;"

cmd_backup() {
  local databases=("${MAIN_DATABASES[@]}") out="" arg stamp db
  while (( $# )); do
    case "$1" in
      --test) databases=("${MAIN_DATABASES[@]/%/_test}") ;;
      --databases) shift; IFS=, read -r -a databases <<<"${1:?--databases needs a list}" ;;
      --out) shift; out="${1:?--out needs a directory}" ;;
      *) die "backup: unknown argument $1" ;;
    esac
    shift
  done
  for db in "${databases[@]}"; do valid_name "$db"; done
  pick_superuser
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  out="${out:-$BACKUPS/$stamp}"
  [[ -e "$out" ]] && die "backup: $out exists already"
  mkdir -p "$out.partial"
  for db in "${databases[@]}"; do db_exists "$db" || die "backup: database $db does not exist"; done
  {
    printf 'started\t%s\n' "$(date -u +%FT%TZ)"
    printf 'server\t%s\n' "$(sql postgres 'show server_version')"
    printf 'pg_dump\t%s\n' "$(pg_dump --version)"
    printf 'databases\t%s\n' "${databases[*]}"
  } >"$out.partial/backup.txt"
  : >"$out.partial/databases.tsv"
  : >"$out.partial/counts.tsv"
  say "backup of ${databases[*]} into $out"
  for db in "${databases[@]}"; do
    dump_one "$db" "$out.partial"
  done
  printf 'finished\t%s\n' "$(date -u +%FT%TZ)" >>"$out.partial/backup.txt"
  mv "$out.partial" "$out"
  say "backup complete: $out"
}

# dump_one DB DIR: counts and dump in one exported snapshot.
dump_one() {
  local db="$1" dir="$2" snapshot line owner bytes sum tables=0 rows=0
  owner="$(sql postgres "select pg_get_userbyid(datdba) from pg_database where datname = '$db'")"
  # A psql session that holds the snapshot open while pg_dump reads it.
  coproc HOLDER { cd / && exec ${RUN[@]+"${RUN[@]}"} psql -X -q -v ON_ERROR_STOP=1 "${PG_ARGS[@]}" -d "$db" -tA -F $'\t'; }
  local to_holder="${HOLDER[1]}" from_holder="${HOLDER[0]}" holder_pid="$HOLDER_PID"
  printf 'begin isolation level repeatable read read only;\nselect pg_export_snapshot();\n' >&"$to_holder"
  IFS= read -r -t 30 snapshot <&"$from_holder" || die "backup: no snapshot from $db"
  printf '%s\nselect %s;\n' "$COUNT_SQL" "'--end--'" >&"$to_holder"
  while IFS= read -r -t 600 line <&"$from_holder"; do
    [[ "$line" == "--end--" ]] && break
    printf '%s\t%s\n' "$db" "$line" >>"$dir/counts.tsv"
    tables=$((tables + 1)); rows=$((rows + ${line##*$'\t'}))
  done
  (cd / && ${RUN[@]+"${RUN[@]}"} pg_dump "${PG_ARGS[@]}" -d "$db" -Fc --snapshot="$snapshot") >"$dir/$db.dump" \
    || die "backup: pg_dump of $db failed"
  printf 'commit;\n\\q\n' >&"$to_holder"
  wait "$holder_pid" 2>/dev/null || true
  bytes="$(stat -c %s "$dir/$db.dump")"
  sum="$(sha256sum "$dir/$db.dump" | cut -d' ' -f1)"
  printf '%s\t%s\t%s\t%s\t%s\n' "$db" "$owner" "$db.dump" "$bytes" "$sum" >>"$dir/databases.tsv"
  note "$db: $tables tables, $rows rows, $bytes bytes (snapshot $snapshot)"
}

cmd_restore() {
  local dir="" suffix="_restored" over=0 stamp db owner file bytes sum target svc pidfile pid
  while (( $# )); do
    case "$1" in
      --into) shift; suffix="${1:?--into needs a suffix}" ;;
      --over-originals) over=1 ;;
      -*) die "restore: unknown option $1" ;;
      *) dir="$1" ;;
    esac
    shift
  done
  if [[ -z "$dir" ]]; then
    dir="$(find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d -name '20*Z' 2>/dev/null | sort | tail -n 1)"
    [[ -n "$dir" ]] || die "restore: no backup under $BACKUPS (run ./stack backup first)"
  fi
  [[ -f "$dir/databases.tsv" && -f "$dir/counts.tsv" ]] || die "restore: $dir is not a complete backup"
  [[ "$suffix" =~ ^_[a-z0-9_]+$ ]] || die "restore: the suffix must look like _name (got $suffix)"
  pick_superuser
  if (( over )); then
    suffix="_restoring"
    for svc in "${SERVICES[@]}"; do
      pidfile="$ROOT/.stack/pids/$svc.pid"
      if [[ -f "$pidfile" ]]; then
        pid="$(cut -d' ' -f1 "$pidfile")"
        kill -0 "$pid" 2>/dev/null && die "restore --over-originals: $svc is running (./stack down first)"
      fi
    done
  fi
  say "restore of $dir"
  while IFS=$'\t' read -r db owner file bytes sum; do
    valid_name "$db"
    [[ "$(sha256sum "$dir/$file" | cut -d' ' -f1)" == "$sum" ]] || die "restore: $file does not match its sha256"
    target="$db$suffix"
    valid_name "$target"
    db_exists "$target" && die "restore: database $target exists already (drop it, or choose another --into)"
    sql postgres "create database \"$target\" owner \"$owner\" template template0" >/dev/null
    (cd / && ${RUN[@]+"${RUN[@]}"} pg_restore "${PG_ARGS[@]}" --exit-on-error -d "$target" /dev/stdin) <"$dir/$file" \
      || die "restore: pg_restore of $file into $target failed"
    check_counts "$db" "$target" "$dir/counts.tsv"
    if (( over )); then
      stamp="$(date -u +%Y%m%d%H%M%S)"
      sql postgres "select pg_terminate_backend(pid) from pg_stat_activity where datname = '$db'" >/dev/null
      sql postgres "alter database \"$db\" rename to \"${db}_before_$stamp\"" >/dev/null
      sql postgres "alter database \"$target\" rename to \"$db\"" >/dev/null
      note "$db replaced; the previous one is kept as ${db}_before_$stamp"
    fi
  done <"$dir/databases.tsv"
  say "restore complete"
}

# check_counts DB TARGET COUNTS: every table of DB in the manifest has its row count in TARGET.
check_counts() {
  local db="$1" target="$2" counts="$3" expected actual tables rows
  expected="$(awk -F'\t' -v db="$db" '$1 == db {print $2 "\t" $3}' "$counts")"
  actual="$(sql "$target" "$COUNT_SQL")"
  if [[ "$expected" != "$actual" ]]; then
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") >&2 || true
    die "restore: $target's tables or row counts differ from the manifest (above: < manifest, > restored)"
  fi
  tables="$(printf '%s\n' "$expected" | grep -c . || true)"
  rows="$(printf '%s\n' "$expected" | awk -F'\t' '{s += $2} END {print s + 0}')"
  note "$target: $tables tables, $rows rows, every count as in the manifest"
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  command -v pg_dump >/dev/null && command -v pg_restore >/dev/null || die "needs pg_dump and pg_restore (apt-get install -y postgresql-client)"
  case "$cmd" in
    backup) cmd_backup "$@" ;;
    restore) cmd_restore "$@" ;;
    *) die "usage: backup.sh backup [--test] [--databases a,b] [--out DIR] | restore [DIR] [--into SUFFIX] [--over-originals]" ;;
  esac
}

main "$@"
