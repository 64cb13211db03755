"""How well does the wrong-fact reader (coursework_kit.chat.facts) agree with the corpus's
``wrong_fact`` labels, beside today's courier-only check?

For one split of the labelled messages (datasets/chat/corpus/messages-SPLIT.yaml): how many
labelled wrong facts each check catches, its false alarms, precision and recall, and the
findings by kind; then the time of one ``wrong_facts()`` call. Some labelled wrong facts are a
refund over the adviser's limit: those are the remit check's finding, shown on its own line.
Tune on the tuning split only; the held-out split only measures (see the corpus README).

    .venv/bin/python benchmarks/fact_agreement.py [--split tuning] [--show missed|alarms]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

from coursework_kit.chat import load_scenario
from coursework_kit.chat.facts import wrong_facts
from coursework_kit.chat.rules import check_reply
from coursework_kit.datasets import load_yaml

VERIFIED_STAGES = {"after_security", "resolving", "closing"}


def _line(name: str, found: list[bool], labelled: list[bool]) -> str:
    caught = sum(f and lab for f, lab in zip(found, labelled, strict=True))
    alarms = sum(f and not lab for f, lab in zip(found, labelled, strict=True))
    precision = caught / (caught + alarms) if caught + alarms else 1.0
    recall = caught / sum(labelled) if any(labelled) else 1.0
    return f"{name:34} {caught:>6} {alarms:>7} {precision:>10.1%} {recall:>7.1%}"


def _rule(finding: object) -> str:
    """The rule a finding of the chat's rule checks is for."""
    return str(getattr(finding, "check", getattr(finding, "kind", "")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="tuning", choices=("tuning", "heldout"))
    parser.add_argument("--show", choices=("missed", "alarms", "caught"))
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds")
    args = parser.parse_args()
    entries = load_yaml(f"chat/corpus/messages-{args.split}.yaml")
    scenarios = {name: load_scenario(name) for name in {e["scenario"] for e in entries}}
    labelled = [bool(e.get("wrong_fact")) for e in entries]
    mine = [
        wrong_facts(e["text"], scenarios[e["scenario"]], customer_message=e.get("after", ""))
        for e in entries
    ]
    rules = [
        check_reply(
            e["text"],
            scenarios[e["scenario"]],
            verified=e["stage"] in VERIFIED_STAGES,
        )
        for e in entries
    ]
    courier = [any(_rule(f) == "fact" for f in r) for r in rules]
    remit = [any(_rule(f) == "remit" for f in r) for r in rules]
    found = [bool(m) for m in mine]
    print(f"{args.split} split: {len(entries)} messages, {sum(labelled)} labelled wrong_fact")
    print(f"{'check':34} {'caught':>6} {'alarms':>7} {'precision':>10} {'recall':>7}")
    print(_line("courier only (today's check)", courier, labelled))
    print(_line("wrong_facts() (this reader)", found, labelled))
    print(_line("remit check (refund over limit)", remit, labelled))
    either = [a or b for a, b in zip(found, remit, strict=True)]
    print(_line("wrong_facts() or remit", either, labelled))
    kinds = Counter(w.kind for m in mine for w in m)
    print("findings by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    if args.show:
        for e, m, lab in zip(entries, mine, labelled, strict=True):
            show = {
                "missed": lab and not m,
                "alarms": bool(m) and not lab,
                "caught": lab and bool(m),
            }[args.show]
            if show:
                print(f"\n{e['id']} {e['scenario']}: {e['text']}")
                for w in m:
                    print(f"  {w.kind}: {w.quote!r} / {w.shown!r}")
    times = []
    for _ in range(args.rounds):
        for e in entries:
            started = time.perf_counter()
            wrong_facts(e["text"], scenarios[e["scenario"]], customer_message=e.get("after", ""))
            times.append(time.perf_counter() - started)
    print(
        f"wrong_facts(), warm, {len(times)} calls: median "
        f"{statistics.median(times) * 1000:.3f} ms, p95 "
        f"{statistics.quantiles(times, n=100)[94] * 1000:.3f} ms (goal: under 1 ms)"
    )


if __name__ == "__main__":
    main()
