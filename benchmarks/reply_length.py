"""How long reading one adviser reply takes as the reply grows, before and after reading was
made linear in the reply's length (issue 19).

For replies of 500, 1,000, 2,000 and 3,000 characters (adviser messages from the corpus's
tuning split run together), prints the time per reply of

- ``featurise`` (the features the move recogniser reads),
- ``misspelt`` (the spelling check),
- ``understand`` (what the reply does, which reads its features),
- ``judge`` (the moderation queue's judgement of a reply, capped at 3,000 characters),

with the baseline (``features.py`` and ``spelling.py`` as they were at BASELINE_COMMIT, taken
from the git history into a temporary module) side by side with today's. Then the p95 of one
``understand()`` call on the tuning split's ordinary messages, both ways (goal: under 5 ms).

    .venv/bin/python benchmarks/reply_length.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from unittest import mock

from coursework_kit.chat import spelling
from coursework_kit.chat.scenario import load_scenario
from coursework_kit.datasets import load_yaml
from coursework_kit.social.moderation import _reading, decision

# The module, not the function of the same name that coursework_kit.chat exports.
understand_module = importlib.import_module("coursework_kit.chat.understand")

ROOT = Path(__file__).resolve().parent.parent
# The last commit with the quadratic reading (features.py and spelling.py as they were).
BASELINE_COMMIT = "e1e7ae5"
LENGTHS = (500, 1_000, 2_000, 3_000)
SCENARIO = "late-delivery"
QUEUE_ITEM = "phone-number-public"


def _from_history(path: str, name: str, folder: Path) -> ModuleType | None:
    """The module at ``path`` as it was at BASELINE_COMMIT (None without the git history)."""
    try:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{BASELINE_COMMIT}:{path}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    file = folder / f"{name}.py"
    file.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, file)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@contextmanager
def _baseline(old_features: ModuleType, old_spelling: ModuleType) -> Iterator[None]:
    """Today's kit reading replies with the baseline's features and spelling check."""
    assess = importlib.import_module("coursework_kit.chat.assess")
    with (
        mock.patch.object(understand_module, "featurise", old_features.featurise),
        mock.patch.object(_reading, "featurise", old_features.featurise),
        mock.patch.object(assess, "misspelt", old_spelling.misspelt),
    ):
        yield


def _replies(length: int, count: int) -> list[str]:
    """``count`` different replies of ``length`` characters, tuning-split messages run
    together."""
    texts = [e["text"] for e in load_yaml("chat/corpus/messages-tuning.yaml")]
    out = []
    for start in range(count):
        parts: list[str] = []
        i = start * 37
        while sum(len(p) + 1 for p in parts) < length:
            parts.append(texts[i % len(texts)])
            i += 11
        out.append(" ".join(parts)[:length])
    return out


def _per_reply(call: Callable[[str], object], replies: list[str], rounds: int) -> float:
    """The median time of ``call`` over ``replies``, in seconds per reply (one warm-up)."""
    call(replies[0])
    times = []
    for _ in range(rounds):
        for reply in replies:
            started = time.perf_counter()
            call(reply)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def _calls() -> dict[str, Callable[[str], object]]:
    scenario = load_scenario(SCENARIO)
    model = understand_module._model()
    ground = understand_module._grounding_for(scenario, model)
    count = iter(range(10**9))

    def judged(reply: str) -> object:  # judge() keeps its answers: make each reply new
        return decision.judge(QUEUE_ITEM, action="reply", reply=f"{reply[:-8]} {next(count):07}")

    return {
        "featurise": lambda reply: understand_module.featurise(
            reply, ground, chars=model.chars, char_weight=model.char_weight
        ),
        "misspelt": lambda reply: spelling.misspelt(reply),
        "understand": lambda reply: understand_module.understand(reply, scenario),
        "judge": judged,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds per length")
    parser.add_argument("--replies", type=int, default=4, help="different replies per length")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old_features = _from_history(
            "coursework_kit/chat/features.py", "_baseline_features", Path(tmp)
        )
        old_spelling = _from_history(
            "coursework_kit/chat/spelling.py", "_baseline_spelling", Path(tmp)
        )
    if old_features is None or old_spelling is None:
        print(f"(no git history with {BASELINE_COMMIT} here, so no baseline)")
    calls = _calls()
    print(f"Time per reply, median of {args.rounds} rounds x {args.replies} replies, in ms")
    print(f"{'':12}" + "".join(f"{f'{n:,} chars':>24}" for n in LENGTHS))
    print(f"{'':12}" + f"{'baseline':>12}{'today':>12}" * len(LENGTHS))
    for name, call in calls.items():
        line = f"{name:12}"
        for length in LENGTHS:
            replies = _replies(length, args.replies)
            old = "-"
            if old_features is not None and old_spelling is not None:
                with _baseline(old_features, old_spelling):
                    baseline_call = old_spelling.misspelt if name == "misspelt" else call
                    old = f"{_per_reply(baseline_call, replies, args.rounds) * 1000:.2f}"
            now = _per_reply(call, replies, args.rounds) * 1000
            line += f"{old:>12}{now:>12.2f}"
        print(line)
    _ordinary(old_features, old_spelling, args.rounds)


def _ordinary(
    old_features: ModuleType | None, old_spelling: ModuleType | None, rounds: int
) -> None:
    """understand()'s p95 on the tuning split's ordinary messages, both ways."""
    entries = load_yaml("chat/corpus/messages-tuning.yaml")
    scenarios = {name: load_scenario(name) for name in {e["scenario"] for e in entries}}

    def p95() -> float:
        times = []
        for _ in range(rounds):
            for e in entries:
                started = time.perf_counter()
                understand_module.understand(
                    e["text"], scenarios[e["scenario"]], customer_message=e.get("after", "")
                )
                times.append(time.perf_counter() - started)
        return statistics.quantiles(times, n=100)[94] * 1000

    p95()  # warm: the model and each scenario's grounding
    line = f"\nunderstand() on {len(entries)} ordinary messages, p95: today {p95():.2f} ms"
    if old_features is not None and old_spelling is not None:
        with _baseline(old_features, old_spelling):
            line += f", baseline {p95():.2f} ms"
    print(line + " (goal: under 5 ms)")


if __name__ == "__main__":
    main()
