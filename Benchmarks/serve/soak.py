#!/usr/bin/env python3
"""Soak: N accept/reject actions from C concurrent clients against one review of a running
`duizhao serve`, each client retrying on 409 with the version the server names; then checks
that the review file parses and holds every action, in order, and that each claim's state is
its last action's.

    python3 Benchmarks/serve/soak.py URL WORKSPACE REVIEW [--actions 10000] [--clients 8]
"""
import argparse
import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse


def token_of(url):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port)
    connection.request("GET", "/")
    page = connection.getresponse().read().decode()
    return re.search(r'name="duizhao-token" content="([0-9a-f]+)"', page).group(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("workspace")
    parser.add_argument("review")
    parser.add_argument("--actions", type=int, default=10000)
    parser.add_argument("--clients", type=int, default=8)
    arguments = parser.parse_args()
    parts = urllib.parse.urlsplit(arguments.url)
    token = token_of(arguments.url)
    with open(f"{arguments.workspace}/reviews/{arguments.review}.json", encoding="utf-8") as file:
        start = json.load(file)
    claims = [claim["id"] for claim in start["claims"] if claim["candidates"]]
    first_version = start["version"]
    lock = threading.Lock()
    state = {"version": first_version, "done": 0, "conflicts": 0, "errors": [], "latencies": []}
    per_client = [arguments.actions // arguments.clients + (1 if i < arguments.actions % arguments.clients else 0)
                  for i in range(arguments.clients)]

    def client(number, count):
        rng = random.Random(number)
        connection = http.client.HTTPConnection(parts.hostname, parts.port)
        headers = {"Content-Type": "application/json", "X-Duizhao-Token": token}
        version = state["version"]
        done = 0
        while done < count:
            claim = rng.choice(claims)
            action = rng.choice(["accept", "reject"])
            while True:
                body = json.dumps({"action": action, "version": version})
                began = time.perf_counter()
                connection.request("POST", f"/reviews/{arguments.review}/claims/{claim}/actions", body, headers)
                response = connection.getresponse()
                text = response.read()
                elapsed = time.perf_counter() - began
                if response.status == 200:
                    version = json.loads(text)["version"]
                    with lock:
                        state["done"] += 1
                        state["latencies"].append(elapsed)
                    done += 1
                    break
                if response.status == 409:
                    version = int(response.getheader("X-Duizhao-Version"))
                    with lock:
                        state["conflicts"] += 1
                    continue
                with lock:
                    state["errors"].append((response.status, text[:200]))
                return

    began = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i, n)) for i, n in enumerate(per_client)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began

    with open(f"{arguments.workspace}/reviews/{arguments.review}.json", encoding="utf-8") as file:
        review = json.load(file)  # raises if the file does not parse
    actions = review["actions"][len(start["actions"]):]
    problems = list(state["errors"])
    if len(actions) != arguments.actions:
        problems.append(f"the file holds {len(actions)} new actions, not {arguments.actions}")
    if [a["version"] for a in actions] != list(range(first_version + 1, first_version + 1 + len(actions))):
        problems.append("the actions' versions are not consecutive")
    if review["version"] != first_version + arguments.actions:
        problems.append(f"version {review['version']}, expected {first_version + arguments.actions}")
    last = {}
    for a in review["actions"]:
        last[a["claim"]] = a["kind"]
    expected = {"accept": "accepted", "reject": "rejected"}
    for claim in review["claims"]:
        if claim["id"] in last and claim["decision"]["state"] != expected[last[claim["id"]]]:
            problems.append(f"{claim['id']} is {claim['decision']['state']}, its last action was {last[claim['id']]}")
    latencies = sorted(state["latencies"])
    def percentile(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")
    print(f"soak: {state['done']} actions from {arguments.clients} clients in {elapsed:.1f} s "
          f"({state['done'] / elapsed:.0f}/s), {state['conflicts']} stale writes refused and retried; "
          f"latency p50 {percentile(0.5):.1f} ms, p99 {percentile(0.99):.1f} ms; "
          f"review file {len(review['actions'])} actions, version {review['version']}")
    if problems:
        print("soak: FAIL: " + "; ".join(map(str, problems[:10])), file=sys.stderr)
        sys.exit(1)
    print("soak: ok: the review file parses and holds every action, each claim in its last action's state")


if __name__ == "__main__":
    main()
