#!/usr/bin/env bash
# Does a change leave the analysis alone? Analyse the same inputs and run every gold-set
# evaluation at two git revisions, then compare: analysis JSON byte for byte, evaluation
# figures (speed figures excepted) value for value. For refactors that must change nothing.
#
#   benchmarks/same_output.sh BASE_REV [NEW_REV]      (NEW_REV defaults to the work tree)
#
# Inputs (read from ../shared, never copied): the seed article, the 30 real articles of
# golden/articles, the first 250 AllSides articles; evaluations: seed, plover, conflibert,
# hedges, checkthat, extraction, polnear dev, and score.py's seed and articles scorers.
# Takes ~15 minutes per revision on 2 cores. Exit status 0 when everything is the same.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${NEWSGRAPH_SHARED:-$ROOT/../shared}
PY=$ROOT/.venv/bin/python
[ -d "$SHARED/golden" ] || { echo "same_output: $SHARED/golden is absent (gold data lives in ../shared)" >&2; exit 2; }
WORK=$(mktemp -d /tmp/same-output.XXXXXX)
echo "same_output: working in $WORK" >&2

python3 "$SHARED/eval/score.py" articles-inputs "$SHARED/golden/articles" "$WORK/in_articles.jsonl" >/dev/null
"$PY" - "$SHARED" "$WORK/in_allsides.jsonl" <<'PYEOF'
import gzip, itertools, sys
src = f"{sys.argv[1]}/eval/data/corpora/allsides-article-bias/articles.jsonl.gz"
with gzip.open(src, "rt") as f, open(sys.argv[2], "w") as out:
    out.writelines(itertools.islice(f, 250))
PYEOF

tree_at() {  # a directory holding the source of revision $1 ("" = the work tree)
  if [ -z "$1" ]; then echo "$ROOT"; return; fi
  local dir="$WORK/tree-$(git rev-parse --short "$1")"
  git worktree add --detach -f "$dir" "$1" >/dev/null 2>&1
  # The installed package declares a spaCy factory entry point that spaCy imports whenever it
  # loads a pipeline; a revision older than that module gets a stub so that spaCy loads.
  if [ ! -f "$dir/src/newsgraph/nlp/component.py" ]; then
    printf 'def make_newsgraph(nlp, name, **config):\n    raise RuntimeError("no newsgraph component in this revision")\n' \
      >"$dir/src/newsgraph/nlp/component.py"
  fi
  echo "$dir"
}

run_at() {  # run_at SRC_TREE OUT
  local tree=$1 out=$2; mkdir -p "$out"
  local ng=(env PYTHONPATH="$tree/src" "$PY" -c 'import sys; from newsgraph.cli import main; sys.argv[0] = "newsgraph"; main()')
  "${ng[@]}" analyze "$SHARED/golden/seed/article.txt" --published 2023-04-17 >"$out/seed.json" 2>"$out/seed.err" || true
  "${ng[@]}" analyze "$WORK/in_articles.jsonl" --format jsonl >"$out/articles.jsonl" 2>"$out/articles.err" || true
  "${ng[@]}" analyze "$WORK/in_allsides.jsonl" --format jsonl >"$out/allsides.jsonl" 2>"$out/allsides.err" || true
  python3 "$SHARED/eval/score.py" seed "$out/seed.json" >"$out/seed.score" 2>&1 || true
  python3 "$SHARED/eval/score.py" articles "$out/articles.jsonl" "$SHARED/golden/articles" >"$out/articles.score" 2>&1 || true
  for s in seed plover conflibert hedges checkthat extraction; do
    "${ng[@]}" eval "$s" --format json >"$out/eval-$s.json" 2>"$out/eval-$s.err" || true
  done
  "${ng[@]}" eval polnear --split dev --format json >"$out/eval-polnear.json" 2>"$out/eval-polnear.err" || true
}

A=$(tree_at "$1"); B=$(tree_at "${2:-}")
run_at "$A" "$WORK/a"; run_at "$B" "$WORK/b"
rc=0
for f in seed.json articles.jsonl allsides.jsonl seed.score articles.score; do
  if cmp -s "$WORK/a/$f" "$WORK/b/$f"; then echo "same  $f"; else echo "DIFF  $f"; rc=1; fi
done
for f in "$WORK"/a/eval-*.json; do
  n=$(basename "$f")
  if "$PY" - "$f" "$WORK/b/$n" <<'PYEOF'
import json, sys
def figures(path):
    try:
        metrics = json.load(open(path))["metrics"]
    except (OSError, ValueError, KeyError) as e:
        return {"error": f"{type(e).__name__}: {e}"}
    return {k: v for k, v in metrics.items() if "/s" not in k and "per_s" not in k}
a, b = figures(sys.argv[1]), figures(sys.argv[2])
for k in sorted(set(a) | set(b)):
    if a.get(k) != b.get(k):
        print(f"    {k}: {a.get(k)} -> {b.get(k)}")
sys.exit(a != b or "error" in a)
PYEOF
  then echo "same  $n figures"; else echo "DIFF  $n figures"; rc=1; fi
done
tail -n 1 "$WORK/b/articles.score"
echo "same_output: outputs kept in $WORK/a and $WORK/b" >&2
for d in "$WORK"/tree-*; do [ -d "$d" ] && git worktree remove --force "$d"; done
exit $rc
