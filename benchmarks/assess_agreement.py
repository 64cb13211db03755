"""How often does the reply assessor agree with the hand labels in labelled_replies.yaml, and
how well does the move recogniser (coursework_kit.chat.understand) read the held-out corpus?

Prints, for each flag, how many of the hand-labelled replies the assessor agrees with, and the
same for the jargon and spelling lists (exact match). With --show FLAG it lists the replies it
gets wrong for that flag.

Then, for the move recogniser, on the held-out split of the labelled corpus
(datasets/chat/corpus/messages-heldout.yaml, which training never sees): precision and recall
for each move, and the p95 time of one understand() call once warm. Goal: 95% precision and
recall for each move, p95 under 5 ms. The held-out split measures; it must never be used to
choose features or settings (README in datasets/chat/model/).

    .venv/bin/python benchmarks/assess_agreement.py [--show paraphrase] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

from coursework_kit.chat import FLAGS, assess_reply, load_scenario
from coursework_kit.chat.moves import MOVES
from coursework_kit.chat.understand import understand
from coursework_kit.datasets import load_yaml

# The stages at which the customer has passed security (as in datasets/chat/model/train.py).
VERIFIED_STAGES = {"after_security", "resolving", "closing"}
# The phrase-list assessor's flag that does the same job as a move (the baseline).
BASELINE = {
    "greet": "greeting",
    "ask_security": "identity_check",
    "acknowledge_feelings": "empathy",
    "apologise": "apology",
    "paraphrase": "paraphrase",
    "escalate": "escalation",
    "close": "closing_question",
    "blame_or_negative": "blame_or_negative",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="list the disagreements for this flag or list")
    parser.add_argument("--split", default="heldout", help="corpus split for the moves section")
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds for understand()")
    args = parser.parse_args()
    flags_section(args.show)
    moves_section(args.split, args.rounds)


def flags_section(show: str | None) -> None:
    entries = load_yaml("chat/labelled_replies.yaml")["replies"]
    results = [
        (
            e,
            assess_reply(
                e["reply"],
                customer_message=e.get("customer_message", ""),
                customer_name=e.get("customer_name"),
            ),
        )
        for e in entries
    ]
    print(f"{len(entries)} hand-labelled replies")
    print(f"{'flag':20} {'agree':>7} {'rate':>7} {'missed':>7} {'extra':>7}")
    for flag in (*FLAGS, "jargon", "spelling_errors"):
        if flag in FLAGS:
            pairs = [(e["flags"][flag], getattr(a, flag)) for e, a in results]
            agree = sum(h == m for h, m in pairs)
            missed = sum(h and not m for h, m in pairs)
            extra = sum(m and not h for h, m in pairs)
        else:
            pairs = [(sorted(e[flag]), sorted(getattr(a, flag))) for e, a in results]
            agree = sum(h == m for h, m in pairs)
            missed = sum(bool(set(h) - set(m)) for h, m in pairs)
            extra = sum(bool(set(m) - set(h)) for h, m in pairs)
        print(f"{flag:20} {agree:>7} {agree / len(entries):>7.1%} {missed:>7} {extra:>7}")
    if show:
        for e, a in results:
            hand = e["flags"].get(show) if show in FLAGS else sorted(e[show])
            mine = getattr(a, show) if show in FLAGS else sorted(getattr(a, show))
            if hand != mine:
                print(
                    f"\n{e['id']} hand={hand} assessor={mine}\n  customer: "
                    f"{e.get('customer_message', '')}\n  reply: {e['reply']}"
                )
                if e.get("note"):
                    print(f"  note: {e['note']}")


def _agreement(hand: list[bool], found: list[bool]) -> tuple[float, float]:
    """Precision and recall of ``found`` against the hand labels."""
    tp = sum(h and f for h, f in zip(hand, found, strict=True))
    return (tp / sum(found) if any(found) else 1.0), (tp / sum(hand) if any(hand) else 1.0)


def moves_section(split: str, rounds: int) -> None:
    entries = load_yaml(f"chat/corpus/messages-{split}.yaml")
    scenarios = {name: load_scenario(name) for name in {e["scenario"] for e in entries}}
    cases = [
        (
            e,
            scenarios[e["scenario"]],
            scenarios[e["scenario"]].needs.verification and e["stage"] in VERIFIED_STAGES,
        )
        for e in entries
    ]
    results = [
        understand(e["text"], s, customer_message=e.get("after", ""), verified=v)
        for e, s, v in cases
    ]  # also the warm-up: loads the model and grounds each scenario once
    baseline = [
        assess_reply(
            e["text"], customer_message=e.get("after", ""), customer_name=s.persona.name
        ).flags
        for e, s, _v in cases
    ]
    print(f"\nMove recogniser on the {split} split: {len(entries)} labelled messages")
    print("(baseline: today's phrase-list flag for the same job, on the same messages)")
    print(
        f"{'move':22} {'n':>4} {'precision':>9} {'recall':>7} {'unsure':>7}"
        f"   {'baseline P':>10} {'baseline R':>10}"
    )
    totals = []
    for move in MOVES:
        hand = [move in e["moves"] for e in entries]
        precision, recall = _agreement(hand, [move in m for m in results])
        unsure = sum(m.is_unsure(move) for m in results)
        totals.append((precision, recall))
        line = f"{move:22} {sum(hand):>4} {precision:>9.1%} {recall:>7.1%} {unsure:>7}"
        if move in BASELINE:
            old_p, old_r = _agreement(hand, [f[BASELINE[move]] for f in baseline])
            line += f"   {old_p:>10.1%} {old_r:>10.1%}"
        print(line)
    print(
        f"{'mean over the moves':22} {'':>4} {statistics.mean(p for p, _ in totals):>9.1%} "
        f"{statistics.mean(r for _, r in totals):>7.1%}   (goal: 95% precision and recall each)"
    )
    exact = sum(set(m.names) == set(e["moves"]) for e, m in zip(entries, results, strict=True))
    specific = sum(m.specific == e["specific"] for e, m in zip(entries, results, strict=True))
    print(f"every move right: {exact / len(entries):.1%} of messages; ", end="")
    print(f"specific right: {specific / len(entries):.1%}; ", end="")
    print(f"some move unsure: {sum(bool(m.unsure) for m in results) / len(entries):.1%}")
    times = []
    for _ in range(rounds):
        for e, s, v in cases:
            started = time.perf_counter()
            understand(e["text"], s, customer_message=e.get("after", ""), verified=v)
            times.append(time.perf_counter() - started)
    p95 = statistics.quantiles(times, n=100)[94]
    print(
        f"understand(), warm, {len(times)} calls: median {statistics.median(times) * 1000:.2f} "
        f"ms, p95 {p95 * 1000:.2f} ms, max {max(times) * 1000:.2f} ms (goal: p95 under 5 ms)"
    )


if __name__ == "__main__":
    main()
