"""How fast is the reply assessor? Prints replies assessed per second and the p95 of one reply.

Every reply in the hand-labelled bank is assessed in turn, several rounds over, after one
warm-up round (which loads the phrase lists and the word list). Goal: p95 under 5 ms.

    .venv/bin/python benchmarks/assess_speed.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import statistics
import time

from coursework_kit.chat import assess_reply
from coursework_kit.datasets import load_yaml


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    entries = load_yaml("chat/labelled_replies.yaml")["replies"]
    cases = [(e["reply"], e.get("customer_message", ""), e.get("customer_name")) for e in entries]
    started = time.perf_counter()
    for reply, message, name in cases:  # warm-up: loads and compiles everything once
        assess_reply(reply, customer_message=message, customer_name=name)
    print(f"first round (includes loading the lists): {time.perf_counter() - started:.2f} s")
    times = []
    for _ in range(args.rounds):
        for reply, message, name in cases:
            t = time.perf_counter()
            assess_reply(reply, customer_message=message, customer_name=name)
            times.append(time.perf_counter() - t)
    p95 = statistics.quantiles(times, n=100)[94]
    print(f"{len(times)} replies assessed: {len(times) / sum(times):,.0f} replies per second")
    print(
        f"median {statistics.median(times) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, "
        f"max {max(times) * 1000:.2f} ms (goal: p95 under 5 ms)"
    )


if __name__ == "__main__":
    main()
