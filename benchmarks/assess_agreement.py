"""How often does the reply assessor agree with the hand labels in labelled_replies.yaml?

Prints, for each flag, how many of the hand-labelled replies the assessor agrees with, and the
same for the jargon and spelling lists (exact match). With --show FLAG it lists the replies it
gets wrong for that flag.

    .venv/bin/python benchmarks/assess_agreement.py [--show paraphrase]
"""

from __future__ import annotations

import argparse

from coursework_kit.chat import FLAGS, assess_reply
from coursework_kit.datasets import load_yaml


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="list the disagreements for this flag or list")
    args = parser.parse_args()
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
    if args.show:
        for e, a in results:
            hand = e["flags"].get(args.show) if args.show in FLAGS else sorted(e[args.show])
            mine = getattr(a, args.show) if args.show in FLAGS else sorted(getattr(a, args.show))
            if hand != mine:
                print(
                    f"\n{e['id']} hand={hand} assessor={mine}\n  customer: "
                    f"{e.get('customer_message', '')}\n  reply: {e['reply']}"
                )
                if e.get("note"):
                    print(f"  note: {e['note']}")


if __name__ == "__main__":
    main()
