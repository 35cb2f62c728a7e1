#!/usr/bin/env python3
"""Event propagation, scenario 3: a registry correction -> the gateway's report read model has the
corrected file. Opens COUNT households, waits until the gateway's read model holds each one (its
first inbox row of consumer report-model-households) and the read model has its first rating, then
corrects each once at RATE per second. The latency of a change runs from the registry's commit of
the correction (its revision's changed_at) to the gateway's first report-model-households inbox row
of that household applied at or after it (applied_at): both stamped by the same PostgreSQL, so no
clock skew between processes enters. Second figure, from the same corrections: the registry's
commit to the read model's next rating of the household (consumer report-model-ratings: credit-rating
re-rated after its debounce and the gateway applied it). Standard library only; psql reads the
stamps. Prints one JSON line.

  bench/propagation.py REGISTRY_URL TOKEN_URL COUNT RATE     (BENCH_GATEWAY_DB: the gateway's database, gateway_test)
"""
import json, os, random, subprocess, sys, time, urllib.request

registry, token_url, count, rate = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def rid(male):
    seq = random.randrange(0, 100) * 10 + (1 + 2 * random.randrange(5) if male else 2 * random.randrange(5))
    first = f"330281{random.randrange(1950, 2000)}{random.randrange(1, 13):02d}{random.randrange(1, 29):02d}{seq:03d}"
    return first + "10X98765432"[sum(int(a) * b for a, b in zip(first, W)) % 11]


def token():
    form = "grant_type=password&client_id=rural-credit-console&username=official-linshan&password=demo-password"
    with urllib.request.urlopen(urllib.request.Request(token_url, data=form.encode())) as r:
        return json.load(r)["access_token"]


def call(method, url, body, bearer):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method=method,
                                 headers={"Authorization": "Bearer " + bearer, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def psql(db, sql):
    out = subprocess.run(["psql", "-X", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-tA", "-F", "\t", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def ids_sql(ids):
    return "ARRAY[" + ",".join(f"'{i}'" for i in ids) + "]"


GATEWAY_DB = os.environ.get("BENCH_GATEWAY_DB", "gateway_test")
HOUSEHOLDS, RATINGS = "report-model-households", "report-model-ratings"


def seen(consumer, ids):
    """How many of these households the gateway's consumer has applied an event of."""
    return int(psql(GATEWAY_DB, f"SELECT count(DISTINCT aggregate_id) FROM inbox_event WHERE consumer = '{consumer}' "
                                    f"AND aggregate_id = ANY({ids_sql(ids)})")[0][0])


def first_applied(consumer, ids, changed):
    """Per household: when the consumer first applied one of its events at or after the correction's commit."""
    applied = {}
    for h, at in psql(GATEWAY_DB, f"SELECT aggregate_id, extract(epoch FROM applied_at) FROM inbox_event "
                                      f"WHERE consumer = '{consumer}' AND aggregate_id = ANY({ids_sql(ids)})"):
        if h in changed and float(at) >= changed[h]:
            applied[h] = min(applied.get(h, float("inf")), float(at))
    return applied


def figures(applied, changed):
    latencies = sorted((applied[h] - changed[h]) * 1000 for h in applied)
    pct = lambda p: latencies[max(0, min(len(latencies) - 1, -(-p * len(latencies) // 100) - 1))] if latencies else 0
    return {"propagated": len(latencies), "p50_ms": round(pct(50), 1), "p95_ms": round(pct(95), 1),
            "max_ms": round(latencies[-1] if latencies else 0, 1)}


bearer, fetched = token(), time.time()
files = {}
for _ in range(count):
    file = {"villageCode": "330281100202", "address": "临山镇临山村 12 号", "yearsResident": 20,
            "members": [{"name": "陈建国", "relation": "HEAD", "residentId": rid(True), "labourStatus": "FULL"}],
            "income": {"businessIncome": 90000, "wageIncome": 20000, "transferIncome": 0, "productionExpenses": 30000,
                       "livingExpenses": 20000, "asOf": "2026-05-01", "source": "入户调查"}}
    status, body = call("POST", registry + "/api/v1/households", {"reason": "入户建档", "file": file}, bearer)
    if status == 201:
        files[body["id"]] = file
ids = list(files)

# every household in the read model, and rated there once, before the clock starts: a first rating
# applied after a correction would pass for its re-rating
deadline = time.time() + 300
while time.time() < deadline and (seen(HOUSEHOLDS, ids) < len(ids) or seen(RATINGS, ids) < len(ids)):
    time.sleep(1)

start = time.time()
for n, (hid, file) in enumerate(files.items()):
    due = start + n / rate
    if due > time.time():
        time.sleep(due - time.time())
    if time.time() - fetched > 200:
        bearer, fetched = token(), time.time()
    file = dict(file, yearsResident=21)
    call("PUT", f"{registry}/api/v1/households/{hid}", {"reason": "核实居住年限", "expectedVersion": 1, "file": file}, bearer)

deadline = time.time() + 120
changed, model, rated = {}, {}, {}
while time.time() < deadline:
    changed = {r[0]: float(r[1]) for r in psql("registry_test",
               f"SELECT household_id, extract(epoch FROM changed_at) FROM household_revision WHERE version = 2 "
               f"AND household_id::text = ANY({ids_sql(ids)})")}
    model, rated = first_applied(HOUSEHOLDS, ids, changed), first_applied(RATINGS, ids, changed)
    if len(model) == len(rated) == len(changed) == len(ids):
        break
    time.sleep(2)
print(json.dumps({"changes": len(changed), **figures(model, changed),
                  "rating": figures(rated, changed)}))
