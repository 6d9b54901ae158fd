#!/bin/sh
# Smoke test: kill -9 at awkward moments costs nothing already finished. A run killed while it works leaves the
# previous results of its folder exactly as they were (it wrote into a staging folder, which the next run removes);
# a simulation killed after a checkpoint resumes to the same time series as a run that was never stopped, and
# leaves no temporary file behind.
#   kill-smoke.sh PRODUCT_DIR OUT_DIR
set -eu
PRODUCT=$(cd "$1" && pwd)
OUT=$2
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$OUT"
RECWB="$PRODUCT/recwb"
export RECWB_JAVA_OPTS=-Xmx1g
fail() {
  echo "kill smoke test: $1" >&2
  for f in *.err; do echo "--- $f" >&2; cat "$f" >&2; done
  exit 1
}
# waits (at most 120 s) until the shell test in $1 holds
await() {
  i=0
  while ! eval "$1"; do
    i=$((i + 1))
    [ "$i" -gt 1200 ] && fail "timed out waiting for: $1"
    sleep 0.1
  done
}

cat > k.yaml <<SPEC
name: k
dataset: {adapter: synthetic, options: {users: 6000, items: 4000, interactions: 1000000}}
split: {method: user-holdout, options: {test-fraction: 0.2}}
algorithms: [{id: most-popular}, {id: item-knn}]
metrics: [NDCG@10]
SPEC
"$RECWB" run k.yaml > first.out 2> first.err || fail "the first run failed"
before=$(cat results/k/* | cksum)

# kill -9 while the second run fits: its staging folder holds half a run, results/k the first run
"$RECWB" run k.yaml --seed 7 > second.out 2> second.err &
pid=$!
await "grep -q 'item-knn' second.err"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[ "$(cat results/k/* | cksum)" = "$before" ] || fail "the killed run changed the previous results"
ls -a results | grep -q '^\.k\.staging-' || fail "no staging folder: did the run write into results/k directly?"

"$RECWB" run k.yaml --seed 7 > third.out 2> third.err || fail "the rerun failed"
ls -a results | grep -q '^\.k\.' && fail "the rerun left the killed run's staging folder: $(ls -a results)"
[ "$(cat results/k/* | cksum)" != "$before" ] || fail "the rerun with another seed wrote the same results"
grep -q '"seed" : 7\|"seed": 7' results/k/results.json || fail "results.json is not the seed-7 run's"

# a simulation killed after its first checkpoint, then resumed, equals one that ran through
cat > sim.yaml <<SPEC
name: sim
seed: 42
simulator: {id: latent-factor, params: {users: 2000, items: 300, dimension: 8, slate-size: 3, candidates: 50}}
steps: 300000
record-every: 20000
checkpoint: {every: 100000}
policies: [{id: linucb}, {id: ucb1}]
SPEC
"$RECWB" simulate sim.yaml -o through > through.out 2> through.err || fail "the uninterrupted simulation failed"
"$RECWB" simulate sim.yaml -o killed > killed.out 2> killed.err &
pid=$!
await "ls killed/checkpoints/*.ckpt >/dev/null 2>&1"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[ -f killed/summary.csv ] && fail "the killed simulation has a summary: it claims to have finished"
"$RECWB" simulate sim.yaml -o killed --resume > resumed.out 2> resumed.err || fail "--resume failed"
cmp through/timeseries.csv killed/timeseries.csv || fail "the resumed time series differs from the uninterrupted one"
cmp through/summary.csv killed/summary.csv || fail "the resumed summary differs from the uninterrupted one"
find killed -name '*.tmp' | grep -q . && fail "temporary files were left: $(find killed -name '*.tmp')"
echo "kill smoke test: killed run left the previous results intact; killed simulation resumed to identical files"
