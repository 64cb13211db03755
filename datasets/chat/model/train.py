"""Train the chat's move recogniser and write ``moves.json`` beside this file.

Reads ONLY the tuning split (``datasets/chat/corpus/messages-tuning.yaml``), and, if SETTINGS
asks for it, the older hand-labelled replies (``datasets/chat/labelled_replies.yaml``) for the
moves their flags match; the held-out split is never read here. For each move, and for
``specific`` (does the message hold anything specific to this customer?), a logistic
regression is fitted on the features ``coursework_kit.chat.understand.featurise`` makes. Each
threshold and "unsure" band comes from cross-validated predictions on the tuning split, and the
figures printed are cross-validated too, with each fold's threshold chosen on the other folds.
Everything is seeded and the solver (liblinear) is deterministic: two runs write the same bytes.

    .venv/bin/python datasets/chat/model/train.py           # writes moves.json, prints CV figures
    .venv/bin/python datasets/chat/model/train.py --search  # compares settings by CV only
    .venv/bin/python datasets/chat/model/train.py --out /tmp/moves.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

from coursework_kit.chat.knowledge import knowledge_base
from coursework_kit.chat.moves import MOVES
from coursework_kit.chat.scenario import Persona, Scenario, list_scenarios, load_scenario
from coursework_kit.chat.understand import Features, content_words, featurise, grounding
from coursework_kit.datasets import data_path

HERE = Path(__file__).resolve().parent
TUNING = "chat/corpus/messages-tuning.yaml"
REPLIES = "chat/labelled_replies.yaml"
OUTPUTS = (*MOVES, "specific")
# The stages at which the customer has passed security (when the scenario asks for it).
VERIFIED_STAGES = frozenset({"after_security", "resolving", "closing"})
FEATURE_SETTINGS = ("chars", "char_weight")
# Outputs a rule decides together with the model, and the feature that triggers the rule: a
# promise the scenario's remit forbids (its `cannot_promise` patterns), outside a negation.
RULES = ("promise_cannot_keep",)
RULE_FEATURES = ("g:cannot",)
# Outputs that need one of these features: a paraphrase restates THIS customer's story, so it
# holds some of their words or of the facts on screen (every paraphrase in the corpus does).
REQUIRES = {"paraphrase": ["g:cust1", "g:fact1"]}

# Chosen by `--search` (cross-validated on the tuning split); README.md gives the figures.
SETTINGS: dict[str, Any] = {
    "chars": [3, 4],  # letter groups of 3 and 4 inside each word
    "char_weight": 0.3,  # a letter group counts 0.3 of a whole word
    "C": 10.0,  # inverse L2 penalty
    "class_weight": None,
    "keep": 1500,  # strongest weights kept per move (then refitted on those features only)
    "replies": [],  # labelled_replies.yaml moves to train on too ([] : tuning data only)
    "common_df": 7,  # a word in this many scenarios' facts is too common to ground anything
    "folds": 5,  # grouped by voice
    "seed": 20260301,
}
SEARCH: dict[str, list[Any]] = {
    "chars": [[3, 4], [3, 5], [9, 8]],  # [9, 8]: no letter groups at all
    "char_weight": [0.3, 0.5, 1.0],
    "C": [1.0, 3.0, 10.0, 30.0],
    "class_weight": [None, "balanced"],
    "keep": [0, 400, 800, 1500],
    "replies": [[], ["greet", "apologise", "acknowledge_feelings", "escalate"]],
}
# labelled_replies.yaml flags that mean the same as a move (its other flags do not).
REPLY_FLAGS = {
    "greet": "greeting",
    "apologise": "apology",
    "acknowledge_feelings": "empathy",
    "escalate": "escalation",
    "blame_or_negative": "blame_or_negative",
}


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")


def read(relative: str) -> Any:
    """A YAML file under datasets/ (PyYAML's C parser when there is one: it is much faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(data_path(relative).read_text("utf-8"), loader)


@dataclass(frozen=True)
class Corpus:
    x: sparse.csr_matrix  # tuning messages x features
    labels: np.ndarray  # tuning messages x outputs, 0/1
    extra_x: sparse.csr_matrix  # labelled replies x features
    extra_labels: np.ndarray  # labelled replies x outputs, 0/1, or -1 where unknown
    names: list[str]  # feature names
    rules: np.ndarray  # tuning messages x RULES: 1.0 where the rule fires
    context: np.ndarray  # features that are context ("x:"), not evidence
    has: dict[str, np.ndarray]  # output -> tuning messages with one of its REQUIRES features
    voices: np.ndarray  # each tuning message's voice: the cross-validation groups
    common: list[str]
    kb: dict[str, list[str]]


def lexicon(
    scenarios: dict[str, Scenario], common_df: int
) -> tuple[list[str], dict[str, list[str]]]:
    """Words common to many scenarios (they ground nothing), and each KB article's words.

    The "Today" fact is left out: every scenario shows a date, and it says nothing about the
    customer.
    """
    df: Counter[str] = Counter()
    for s in scenarios.values():
        shown = [f.value for f in s.facts if f.label != "Today"]
        df.update(content_words(" ".join([s.opening, s.summary, *shown, *s.account_details])))
    common = sorted(w for w, n in df.items() if n >= common_df)
    kb = {
        a.id: sorted(content_words(" ".join([a.title, *a.keywords, a.body])))
        for a in knowledge_base()
    }
    return common, kb


def matrix(x: Any) -> sparse.csr_matrix:
    """CSR with 32-bit indices, which liblinear needs."""
    x = sparse.csr_matrix(x)
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    return x


def load(settings: dict[str, Any]) -> Corpus:
    scenarios = {name: load_scenario(name) for name in list_scenarios()}
    common, kb = lexicon(scenarios, settings["common_df"])
    grounds = {
        name: grounding(s, common=frozenset(common), kb_words=kb) for name, s in scenarios.items()
    }
    options = {"chars": tuple(settings["chars"]), "char_weight": settings["char_weight"]}
    entries = read(TUNING)
    feats: list[Features] = []
    labels = np.zeros((len(entries), len(OUTPUTS)), dtype=np.int8)
    for row, e in enumerate(entries):
        s = scenarios[e["scenario"]]
        verified = s.needs.verification and e["stage"] in VERIFIED_STAGES
        feats.append(
            featurise(
                e["text"],
                grounds[e["scenario"]],
                customer_message=e.get("after", ""),
                verified=verified,
                **options,
            )
        )
        for move in e["moves"]:
            labels[row, OUTPUTS.index(move)] = 1
        labels[row, OUTPUTS.index("specific")] = int(bool(e["specific"]))
    # The older replies have no scenario: ground them in one with nothing on screen.
    bare = dataclasses.replace(
        scenarios["late-delivery"],
        facts=(),
        account_details=(),
        opening="",
        problem_keywords=(),
        resolution_keywords=(),
        cannot_promise=(),
        kb=(),
    )
    replies = read(REPLIES)["replies"] if settings["replies"] else []
    extra: list[Features] = []
    extra_labels = np.full((len(replies), len(OUTPUTS)), -1, dtype=np.int8)
    for row, e in enumerate(replies):
        persona = Persona(e.get("customer_name") or "Nobody", "calm", 60)
        ground = grounding(
            dataclasses.replace(bare, persona=persona), common=frozenset(common), kb_words=kb
        )
        extra.append(
            featurise(e["reply"], ground, customer_message=e["customer_message"], **options)
        )
        for move in settings["replies"]:
            extra_labels[row, OUTPUTS.index(move)] = int(bool(e["flags"][REPLY_FLAGS[move]]))
    vectoriser = DictVectorizer(sort=True)
    both = matrix(vectoriser.fit_transform([f.values for f in feats + extra]))
    rules = np.array([[float(n in f.values) for n in RULE_FEATURES] for f in feats])
    return Corpus(
        x=both[: len(feats)],
        labels=labels,
        extra_x=both[len(feats) :],
        extra_labels=extra_labels,
        names=[str(n) for n in vectoriser.get_feature_names_out()],
        rules=rules,
        context=np.array([n.startswith("x:") for n in vectoriser.get_feature_names_out()]),
        voices=np.array([e["voice"] for e in entries]),
        has={
            out: np.array([any(n in f.values for n in needed) for f in feats])
            for out, needed in REQUIRES.items()
        },
        common=common,
        kb=kb,
    )


def _logistic(settings: dict[str, Any]) -> LogisticRegression:
    return LogisticRegression(
        solver="liblinear",
        dual=True,
        C=settings["C"],
        class_weight=settings["class_weight"],
        random_state=settings["seed"],
        max_iter=2000,
    )


def fit(x: sparse.csr_matrix, y: np.ndarray, settings: dict[str, Any]) -> tuple[np.ndarray, float]:
    """One output's weights (the strongest ``keep``, refitted on their own) and bias."""
    model = _logistic(settings).fit(x, y)
    coef = model.coef_[0].copy()
    bias = float(model.intercept_[0])
    keep = settings["keep"]
    if keep and np.count_nonzero(coef) > keep:
        cols = np.sort(np.argsort(-np.abs(coef), kind="stable")[:keep])
        refit = _logistic(settings).fit(x[:, cols], y)
        coef = np.zeros_like(coef)
        coef[cols] = refit.coef_[0]
        bias = float(refit.intercept_[0])
    return np.round(coef, 4), round(bias, 4)


def training_rows(corpus: Corpus, k: int, rows: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The tuning rows ``rows`` plus the labelled replies that have a label for output ``k``."""
    extra = np.flatnonzero(corpus.extra_labels[:, k] >= 0)
    x = corpus.x[rows]
    y = corpus.labels[rows, k]
    if len(extra):
        x = matrix(sparse.vstack([x, corpus.extra_x[extra]]))
        y = np.concatenate([y, corpus.extra_labels[extra, k]])
    return x, y


def sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def cross_validated(corpus: Corpus, settings: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold probabilities and each message's fold, both tuning messages x outputs.

    The folds keep each voice (terse, dyslexic, EAL, text-speak...) together, so every message
    is scored by a model that has seen no message in its voice: a fairer test of writing the
    model has not seen than a random split (which scored about 0.03 F1 higher).
    """
    probs = np.zeros(corpus.labels.shape, dtype=float)
    fold_of = np.zeros(corpus.labels.shape, dtype=int)
    for k in range(len(OUTPUTS)):
        y = corpus.labels[:, k]
        folds = StratifiedGroupKFold(settings["folds"], shuffle=True, random_state=settings["seed"])
        for f, (train, test) in enumerate(folds.split(np.zeros(len(y)), y, corpus.voices)):
            coef, bias = fit(*training_rows(corpus, k, train), settings)
            # As in understand(): no move without evidence in the words pointing to it.
            evidence = corpus.x[test] @ (coef * ~corpus.context)
            z = corpus.x[test] @ coef + bias
            probs[test, k] = np.where(evidence > 0, sigmoid(z), 0.0)
            if OUTPUTS[k] in REQUIRES:
                probs[test, k] *= corpus.has[OUTPUTS[k]][test]
            if OUTPUTS[k] in RULES:
                probs[test, k] = np.maximum(
                    probs[test, k], corpus.rules[test, RULES.index(OUTPUTS[k])]
                )
            fold_of[test, k] = f
    return probs, fold_of


def choose_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The threshold with the best F1 on cross-validated probabilities (the middle of ties)."""
    best, ties = -1.0, [0.5]
    for t in np.round(np.arange(0.05, 0.951, 0.01), 2):
        pred = p >= t
        f1 = 2 * int(np.sum(pred & (y == 1))) / max(1, int(pred.sum()) + int(y.sum()))
        if f1 > best + 1e-12:
            best, ties = f1, [float(t)]
        elif abs(f1 - best) <= 1e-12:
            ties.append(float(t))
    return round(ties[len(ties) // 2], 2)


def unsure_band(p: np.ndarray, y: np.ndarray, threshold: float) -> float:
    """Half-width (in log-odds) of the widest band round the threshold where cross-validated
    decisions were wrong at least a third of the time: inside it the model is close to guessing.
    """
    logit = np.log(np.clip(p, 1e-9, 1 - 1e-9) / np.clip(1 - p, 1e-9, 1))
    distance = np.abs(logit - np.log(threshold / (1 - threshold)))
    wrong = (p >= threshold) != (y == 1)
    order = np.argsort(distance, kind="stable")
    rate = np.cumsum(wrong[order]) / np.arange(1, len(order) + 1)
    inside = np.flatnonzero((rate >= 1 / 3) & (np.arange(len(order)) >= 4))
    return round(float(distance[order[inside[-1]]]), 3) if len(inside) else 0.0


def honest(probs: np.ndarray, labels: np.ndarray, fold_of: np.ndarray) -> np.ndarray:
    """Decisions where each fold's threshold was chosen on the other folds only."""
    decided = np.zeros(labels.shape, dtype=bool)
    for k in range(labels.shape[1]):
        for f in np.unique(fold_of[:, k]):
            inside = fold_of[:, k] == f
            t = choose_threshold(probs[~inside, k], labels[~inside, k])
            decided[inside, k] = probs[inside, k] >= t
    return decided


def figures(decided: np.ndarray, labels: np.ndarray) -> dict[str, dict[str, float]]:
    rows = {}
    for k, name in enumerate(OUTPUTS):
        pred, y = decided[:, k], labels[:, k] == 1
        tp = int(np.sum(pred & y))
        rows[name] = {
            "n": int(y.sum()),
            "precision": round(tp / max(1, int(pred.sum())), 3),
            "recall": round(tp / max(1, int(y.sum())), 3),
        }
    return rows


def mean_f1(rows: dict[str, dict[str, float]]) -> float:
    f1 = [
        2 * r["precision"] * r["recall"] / ((r["precision"] + r["recall"]) or 1)
        for r in rows.values()
    ]
    return float(np.mean(f1[: len(MOVES)]))


def show(rows: dict[str, dict[str, float]], thresholds: list[float]) -> None:
    say(f"{'output':22} {'n':>4} {'precision':>9} {'recall':>7} {'threshold':>9}")
    for (name, r), t in zip(rows.items(), thresholds, strict=True):
        say(f"{name:22} {r['n']:>4} {r['precision']:>9.1%} {r['recall']:>7.1%} {t:>9.2f}")
    moves = [rows[m] for m in MOVES]
    say(
        f"{'mean over the moves':22} {'':>4} {np.mean([m['precision'] for m in moves]):>9.1%} "
        f"{np.mean([m['recall'] for m in moves]):>7.1%}   (mean F1 {mean_f1(rows):.3f})"
    )


def train(settings: dict[str, Any]) -> dict[str, Any]:
    corpus = load(settings)
    probs, fold_of = cross_validated(corpus, settings)
    thresholds = [choose_threshold(probs[:, k], corpus.labels[:, k]) for k in range(len(OUTPUTS))]
    bands = [unsure_band(probs[:, k], corpus.labels[:, k], t) for k, t in enumerate(thresholds)]
    cv = figures(honest(probs, corpus.labels, fold_of), corpus.labels)
    show(cv, thresholds)
    weights: dict[str, list[float]] = {}
    biases = []
    everyone = np.arange(corpus.x.shape[0])
    for k in range(len(OUTPUTS)):
        coef, bias = fit(*training_rows(corpus, k, everyone), settings)
        biases.append(bias)
        for j in np.flatnonzero(coef):
            weights.setdefault(corpus.names[j], []).extend([k, float(coef[j])])
    return {
        "about": "The chat's move recogniser (coursework_kit.chat.understand); made by train.py.",
        "outputs": list(OUTPUTS),
        "features": {k: settings[k] for k in FEATURE_SETTINGS},
        "training": {k: v for k, v in settings.items() if k not in FEATURE_SETTINGS},
        "cross_validated": cv,
        "bias": biases,
        "threshold": thresholds,
        "unsure": bands,
        "common": corpus.common,
        "kb_words": corpus.kb,
        "rules": dict(zip(RULES, RULE_FEATURES, strict=True)),
        "requires": REQUIRES,
        "weights": dict(sorted(weights.items())),
    }


def search(seeds: tuple[int, ...] = (1, 2, 3)) -> None:
    """Mean cross-validated F1 over the moves for each setting, one knob at a time, averaged
    over three shuffles of the folds (one shuffle is too noisy to choose by)."""
    for knob, values in SEARCH.items():
        for value in values:
            settings = {**SETTINGS, knob: value}
            corpus = load(settings)
            f1 = []
            for seed in seeds:
                probs, fold_of = cross_validated(corpus, {**settings, "seed": seed})
                f1.append(mean_f1(figures(honest(probs, corpus.labels, fold_of), corpus.labels)))
            chosen = " (chosen)" if value == SETTINGS[knob] else ""
            say(f"{knob}={json.dumps(value)}: mean F1 {np.mean(f1):.3f} ± {np.std(f1):.3f}{chosen}")


def dump(artefact: dict[str, Any]) -> str:
    return json.dumps(artefact, separators=(",", ":"), ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "moves.json")
    parser.add_argument("--search", action="store_true", help="compare settings; write nothing")
    args = parser.parse_args(argv)
    if args.search:
        search()
        return
    text = dump(train(SETTINGS))
    args.out.write_text(text, encoding="utf-8")
    say(f"wrote {args.out} ({len(text.encode()) / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
