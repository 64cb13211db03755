"""How often does the tone check agree with the hand labels in datasets/social/tone/?

For each split (tuning, then held-out) and each kind of tone (blames customers, over-promises,
pressure, and friendly: none of these), prints precision and recall of the tone check
(coursework_kit.social.posts._tone.read_tone) beside the phrase list the post check used before
it (the "avoid" words of datasets/social/brand_voice.yaml as shipped in commit cda56c1, matched
as whole words; the email check had no tone check at all, so it found nothing). Then the false
alarms on the practice drafts (datasets/social/drafts.yaml) and on the sentences of the email
checks' well-made test campaigns, and the time of one check once warm.

The held-out split measures; it must never be used to choose words or rules (see
datasets/social/tone/README.md).

    .venv/bin/python benchmarks/tone_agreement.py [--show blames] [--no-model] [--split tuning]

--show lists the tuning sentences it gets wrong; it never lists held-out ones.
"""

from __future__ import annotations

import argparse
import statistics
import time

from coursework_kit.datasets import load_yaml
from coursework_kit.social.posts._text import mask, sentences
from coursework_kit.social.posts._tone import KINDS, read_tone
from coursework_kit.social.posts.voice import phrase_pattern

FRIENDLY = "friendly"
# The phrase list before this check (brand_voice.yaml at commit cda56c1): what it stood for.
BEFORE = {
    "pressure": ["hurry", "last chance", "don't miss out", "only a few left", "selling fast"],
    "over_promises": ["best ever", "guaranteed", "number one", "no. 1", "100% eco"],
    "blames": ["obviously", "simply"],
}
# The email checks' well-made campaigns (tests/email), sentence by sentence.
EMAIL_GOOD = [
    "{first_name|Hello}, our new spring bedding is here",
    "Soft linen in six colours, from £35",
    "Hi {first_name|there}, Our spring bedding has arrived.",
    "Shop spring bedding",
]


def _before(text: str) -> set[str]:
    plain = mask(text)
    return {
        kind
        for kind, words in BEFORE.items()
        if any(phrase_pattern(w).search(plain) for w in words)
    }


def _score(pairs: list[tuple[set[str], set[str]]], kind: str) -> tuple[int, int, int]:
    tp = sum(1 for gold, got in pairs if kind in gold and kind in got)
    fp = sum(1 for gold, got in pairs if kind not in gold and kind in got)
    fn = sum(1 for gold, got in pairs if kind in gold and kind not in got)
    return tp, fp, fn


def _pct(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "   n/a"


def _split(name: str, use_model: bool, show: str | None) -> None:
    items = load_yaml(f"social/tone/{name}.yaml", schema="social/tone/tone.schema.json")
    rows = items["sentences"]
    gold = [set(r["labels"]) - {FRIENDLY} for r in rows]
    now = [set(read_tone(r["text"], use_model=use_model).kinds) for r in rows]
    then = [_before(r["text"]) for r in rows]
    print(f"\n{name}: {len(rows)} sentences")
    print(
        f"  {'kind':15} {'n':>3}   {'precision':>9} {'recall':>7}   {'before: prec':>12} {'rec':>6}"
    )
    for kind in (*KINDS, FRIENDLY):
        if kind == FRIENDLY:
            g = [{FRIENDLY} if not x else set() for x in gold]
            a = [{FRIENDLY} if not x else set() for x in now]
            b = [{FRIENDLY} if not x else set() for x in then]
        else:
            g, a, b = gold, now, then
        tp, fp, fn = _score(list(zip(g, a, strict=True)), kind)
        tp0, fp0, _ = _score(list(zip(g, b, strict=True)), kind)
        n = tp + fn
        print(
            f"  {kind:15} {n:3}   {_pct(tp, tp + fp):>9} {_pct(tp, n):>7}   "
            f"{_pct(tp0, tp0 + fp0):>12} {_pct(tp0, n):>6}"
        )
    exact = sum(1 for g, a in zip(gold, now, strict=True) if g == a)
    exact0 = sum(1 for g, b in zip(gold, then, strict=True) if g == b)
    print(f"  every label right: {_pct(exact, len(rows))} (before: {_pct(exact0, len(rows))})")
    if show and name == "tuning":  # the held-out split is never looked into
        for r, g, a in zip(rows, gold, now, strict=True):
            if (show in g) != (show in a) or (show == FRIENDLY and g != a):
                print(f"    wanted {sorted(g) or ['friendly']}, got {sorted(a) or ['friendly']}: "
                      f"{r['text']}")  # fmt: skip


def _false_alarms(use_model: bool) -> None:
    drafts = load_yaml("social/drafts.yaml", schema="social/drafts.schema.json")["drafts"]
    texts = [s for d in drafts for s in sentences(d["text"])] + EMAIL_GOOD
    alarms = [(t, sorted(read_tone(t, use_model=use_model).kinds)) for t in texts]
    flagged = [(t, k) for t, k in alarms if k]
    print(f"\nDraft posts and good emails: {len(texts)} sentences, {len(flagged)} flagged")
    for text, kinds in flagged:
        print(f"  {kinds}: {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="list the sentences it gets wrong for one kind")
    parser.add_argument("--no-model", action="store_true", help="leave out the chat's model")
    parser.add_argument(
        "--split", choices=("tuning", "heldout"), help="only this split (default: both)"
    )
    args = parser.parse_args()
    use_model = not args.no_model
    for name in (args.split,) if args.split else ("tuning", "heldout"):
        _split(name, use_model, args.show)
    _false_alarms(use_model)
    read_tone("Warm up.", use_model=use_model)
    times = []
    for _ in range(200):
        start = time.perf_counter()
        read_tone("Honestly some people just shouldn't shop online, hurry!", use_model=use_model)
        times.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"\nOne check of a two-clause sentence once warm: p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
