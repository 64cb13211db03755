"""Which learners' files and texts are alike: copies, the same text, and near-identical texts
(most of their three-word runs in common), with the strongest match kept for each pair."""

from __future__ import annotations

from collections import Counter, defaultdict

from coursework_kit.tutor._similarity_match import COPY, LINK, NEAR_LABEL, SAME, Match
from coursework_kit.tutor._similarity_reading import MIN_RUNS, _Class, _Text

NEAR = 0.5  # share of three-word runs in common (Jaccard) that counts as near-identical
RING = 0.8  # the same share counting phrasing the class shares (many copies of one source)
COMMON_SHARE, COMMON_MIN = 0.1, 5  # a run more learners than this use is common phrasing
_ORDER = {LINK: 0, COPY: 1, SAME: 2, NEAR_LABEL: 3}


def _copies(found: _Class) -> list[Match]:
    matches = []
    for held in found.files.values():
        for i, (first, place) in enumerate(held):
            for second, other in held[i + 1 :]:
                if first != second:
                    shown = place if place == other else f"{place} (as {other})"
                    matches.append(Match((first, second), f"the file {shown}", COPY, 1.0))
    return matches


def _alike(found: _Class) -> list[Match]:
    by_what: dict[str, list[_Text]] = defaultdict(list)
    for text in found.texts:
        by_what[text.what].append(text)
    matches = []
    for what, texts in by_what.items():
        same: dict[str, list[_Text]] = defaultdict(list)
        for text in texts:
            same[text.words].append(text)
        for group in same.values():
            for i, a in enumerate(group):
                matches += [_match(what, SAME, 1.0, a, b) for b in group[i + 1 :]]
        users = Counter(run for learner in _by_learner(texts) for run in learner)
        crowd = max(COMMON_MIN, COMMON_SHARE * len(found.learners))
        common = {run for run, count in users.items() if count > crowd}
        own = [(t, t.runs - common) for t in texts]
        matches += _near(what, [(t, runs) for t, runs in own if len(runs) >= MIN_RUNS], NEAR)
        matches += _near(what, [(t, t.runs) for t in texts], RING)  # one source, many copies
    return [m for m in matches if m.learners[0] != m.learners[1]]


def _near(what: str, texts: list[tuple[_Text, set[int]]], least: float) -> list[Match]:
    """Pairs whose runs are at least ``least`` in common (Jaccard), the same text left out."""
    ordered = sorted(texts, key=lambda pair: len(pair[1]))
    matches = []
    for i, (a, runs_a) in enumerate(ordered):
        for b, runs_b in ordered[i + 1 :]:
            if len(runs_a) < least * len(runs_b):
                break  # every later text is longer still, so none can reach ``least``
            if a.words == b.words or a.learner == b.learner:
                continue
            shared = len(runs_a & runs_b)
            share = shared / (len(runs_a) + len(runs_b) - shared)
            if share >= least:
                matches.append(_match(what, NEAR_LABEL, share, a, b))
    return matches


def _match(what: str, how: str, share: float, a: _Text, b: _Text) -> Match:
    first, second = sorted((a, b), key=lambda t: t.learner)
    excerpts = (first.excerpt, second.excerpt)
    return Match((first.learner, second.learner), what, how, share, excerpts)


def _by_learner(texts: list[_Text]) -> list[set[int]]:
    runs: dict[str, set[int]] = defaultdict(set)
    for text in texts:
        runs[text.learner] |= text.runs
    return list(runs.values())


def _strongest(matches: list[Match]) -> tuple[Match, ...]:
    best: dict[tuple[tuple[str, str], str], Match] = {}
    for match in matches:
        pair = tuple(sorted(match.learners))
        key = ((pair[0], pair[1]), match.what)
        held = best.get(key)
        if held is None or (_ORDER[match.how], -match.similarity) < (
            _ORDER[held.how],
            -held.similarity,
        ):
            best[key] = match
    return tuple(
        sorted(best.values(), key=lambda m: (_ORDER[m.how], -m.similarity, m.learners, m.what))
    )
