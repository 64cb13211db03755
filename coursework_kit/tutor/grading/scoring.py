"""Marks for each kind of check: ``mark_*`` give a :class:`Score` (points and why), used by the
grader outside the learner's kernel; ``score_*`` print the why and return the points, for a
check cell that runs in a kernel (the cell's last expression, so nbgrader takes partial credit
from it).

Nothing here writes to stderr (nbgrader gives a cell that does 0) and nothing raises: missing
or damaged evidence scores 0 with a message, and the rest of the batch carries on. Saved work
is always re-assessed from the learner's own words; a stored score is never trusted. A saved
chat is a :class:`~coursework_kit.chat.ChatRecord`, judged by the same
:func:`coursework_kit.chat.assess` as the learner's end-of-chat report.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from coursework_kit.tutor.grading.figures import AnswerForm

if TYPE_CHECKING:
    from coursework_kit.chat import ChatWork, Scenario
    from coursework_kit.feedback import Feedback
    from coursework_kit.records import Attempt, Record

__all__ = [
    "Proof",
    "Score",
    "mark_choice",
    "mark_crm",
    "mark_numeric",
    "mark_templates",
    "mark_transcript",
    "score_choice",
    "score_crm",
    "score_numeric",
    "score_templates",
    "score_transcript",
]


@dataclass(frozen=True)
class Score:
    """Points earned for one check, and why, in words a learner can read."""

    earned: float
    points: float
    why: str


def _shown(score: Score) -> float:
    """A check cell's result: the explanation on stdout, the points as the last expression."""
    print(score.why)
    return score.earned


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Keep warnings and anything a library prints to stderr out of nbgrader's way."""
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        yield


def _safely(points: float, work: Callable[[Callable[[str], None]], float]) -> Score:
    """Run ``work(say)``, collecting what it says; any failure scores 0 with a message."""
    said: list[str] = []
    try:
        with _quiet():
            earned = work(said.append)
    except Exception as exc:  # grading must never stop the batch
        return Score(0.0, points, f"0 / {points:g}: this answer could not be marked ({exc}).")
    return Score(round(max(0.0, min(points, earned)), 2), points, "\n".join(said))


def _number(answer: object) -> float | None:
    """The learner's answer as a number, read as every self-check reads it; None if it is not
    one ("1,2,3" is not 123)."""
    from coursework_kit.errors import MetricInputError
    from coursework_kit.metrics.parsing import read_answer

    try:
        return read_answer(answer).value
    except MetricInputError:
        return None


def mark_numeric(
    answer: object,
    expected: float,
    *,
    points: float = 1,
    tolerance: float | None = None,
    form: AnswerForm | None = None,
    label: str = "answer",
) -> Score:
    """Full points when ``answer`` is right for ``expected``, else 0.

    With ``form`` (the answer's unit and the places the learner is told to round to), "right"
    is the rule every self-check uses (:func:`coursework_kit.metrics.answers.close_enough`);
    with ``tolerance``, within that much either way; with neither, within 0.5% of the answer.
    ``expected`` must come from the learner's own figures (see ``current_learner``), so a
    friend's correct numbers do not match.
    """

    def work(say: Callable[[str], None]) -> float:
        from coursework_kit.metrics.answers import close_enough

        value = _number(answer)
        if value is None:
            say(f"0 / {points:g}: no number was given for the {label}.")
            return 0.0
        if tolerance is not None:
            right = abs(value - expected) <= tolerance
        else:
            shape = form or AnswerForm("ratio")
            right = close_enough(value, expected, shape.unit, places=shape.places)
        if right:
            say(f"{points:g} / {points:g}: the {label} is right.")
            return points
        say(f"0 / {points:g}: the {label} {value:g} is not right for your figures.")
        return 0.0

    return _safely(points, work)


def mark_choice(
    answer: object, expected: str, *, points: float = 1, label: str = "decision"
) -> Score:
    """Full points when the chosen option's letter matches ``expected`` (case and spaces
    ignored), else 0."""

    def work(say: Callable[[str], None]) -> float:
        chosen = str(answer).strip().lower() if isinstance(answer, str) else ""
        if not chosen:
            say(f"0 / {points:g}: no choice was given for the {label}.")
            return 0.0
        if chosen == expected.strip().lower():
            say(f"{points:g} / {points:g}: the {label} is right.")
            return points
        say(f"0 / {points:g}: the {label} is not the best choice.")
        return 0.0

    return _safely(points, work)


@dataclass(frozen=True)
class Proof:
    """What the grader knows about a submission, to check that its chats were really held:
    the submitted folder (evidence is read from here, never through a link), nbgrader's
    learner id, and the times the assignment was released and handed in (None if unknown)."""

    submission: Path
    learner: str
    released_at: datetime | None = None
    submitted_at: datetime | None = None


class _Chats:
    """One learner's saved chat in a scenario: the attempts worth marking, each assessed."""

    def __init__(
        self,
        scenario: str | Path,
        points: float,
        folder: str | Path,
        say: Callable[[str], None],
        proof: Proof | None = None,
    ) -> None:
        """``scenario`` is a scenario id or a tutor's own scenario file; the evidence file is
        named from the scenario's id, as the chat widget names it. With ``proof`` (the
        grader), the file is read from the submission and only attempts that prove they were
        held count (:func:`coursework_kit.tutor.grading.evidence.verify_chat`). No
        ``attempts`` means there is nothing to mark; why has already been said."""
        from coursework_kit.chat import load_scenario
        from coursework_kit.errors import CourseworkError

        self.scenario: Scenario = load_scenario(scenario)
        if proof is not None:  # an assessed chat names this learner's own details
            self.scenario = self.scenario.for_learner(proof.learner)
        self.proof = proof
        self.record: Record[ChatWork] | None = None
        self.attempts: list[Attempt[ChatWork]] = []
        try:
            self.record = self._load(Path(folder), proof)
        except CourseworkError as exc:
            say(f"0 / {points:g}: the saved chat could not be read ({exc}). Ask your tutor.")
            return
        if self.record is not None:
            self.attempts = [a for a in self.record.attempts if a.work.replies]
        if proof is not None and self.record is not None:
            self.attempts = self._proven(self.record, self.attempts, proof, say)
        if not self.attempts:
            say(f"0 / {points:g}: no saved chat was found for '{self.scenario.title}'.")

    def _load(self, folder: Path, proof: Proof | None) -> Record[ChatWork] | None:
        from coursework_kit.chat import ChatRecord
        from coursework_kit.records import RecordFile

        if proof is None:
            return RecordFile(ChatRecord, self.scenario.id, folder).load()
        from coursework_kit.tutor.grading.evidence import chat_record_from_bytes, read_evidence

        name = f"{ChatRecord.activity_for(self.scenario.id)}.json"
        data = read_evidence(proof.submission / "evidence", name, root=proof.submission)
        return None if data is None else chat_record_from_bytes(data, name=name)

    def _proven(
        self,
        record: Record[ChatWork],
        attempts: list[Attempt[ChatWork]],
        proof: Proof,
        say: Callable[[str], None],
    ) -> list[Attempt[ChatWork]]:
        from coursework_kit.tutor.grading.evidence import verify_chat

        kept = []
        for attempt in attempts:
            problems = verify_chat(
                record,
                self.scenario,
                attempt=attempt.number,
                released_at=proof.released_at,
                submitted_at=proof.submitted_at,
                learner=proof.learner,
            )
            if not problems:
                kept.append(attempt)
            for problem in problems:
                say(f"Attempt {attempt.number} of the chat does not count: {problem.message}")
        return kept

    @property
    def title(self) -> str:
        return self.scenario.title

    def assess(self, attempt: Attempt[ChatWork]) -> Feedback:
        from coursework_kit.chat import assess

        assert self.record is not None  # there are attempts only when there is a record
        return assess(self.record, scenario=self.scenario_of(attempt), attempt=attempt.number)

    def scenario_of(self, attempt: Attempt[ChatWork]) -> Scenario:
        """The scenario as the learner saw it: with the details drawn for them when the chat
        was assessed (the grader has already chosen those for this learner)."""
        if self.proof is None and attempt.mode == "assessment" and attempt.learner:
            return self.scenario.for_learner(attempt.learner)
        return self.scenario


def mark_transcript(
    scenario: str | Path,
    *,
    points: float,
    folder: str | Path = "evidence",
    criteria: list[str] | None = None,
    proof: Proof | None = None,
) -> Score:
    """Points for a saved live chat, re-assessed from the learner's words.

    ``scenario`` is the scenario's id ("late-delivery") or the path of a tutor's own scenario
    file. Every saved attempt is assessed again; the best counts. The chat's mark
    (:func:`coursework_kit.chat.assess_record.mark`: the share of ``criteria`` met, all that
    apply when None) gives the share of ``points``. It is capped at half after any data
    protection breach, and at 40% when the customer's problem was never dealt with.
    """

    def work(say: Callable[[str], None]) -> float:
        from coursework_kit.chat.assess_record import mark, unsure_of
        from coursework_kit.chat.transcript import criteria_catalogue
        from coursework_kit.errors import CourseworkError

        chat = _Chats(scenario, points, folder, say, proof)
        if not chat.attempts:
            return 0.0
        keys = list(criteria or criteria_catalogue())
        unknown = [k for k in keys if k not in criteria_catalogue()]
        if unknown:
            raise CourseworkError(f"there is no chat criterion {unknown[0]!r}")
        best, why, unsure = -1.0, "", []
        for attempt in chat.attempts:
            feedback = chat.assess(attempt)
            given = mark(feedback, keys)
            if given.share * points > best:
                best, why = given.share * points, given.why
                unsure = [f for f in unsure_of(feedback) if f.check in keys]
        capped = f" It is capped because {why}." if why else ""
        say(f"{best:g} / {points:g} for the chat '{chat.title}', from your own words.{capped}")
        for finding in unsure:  # the tutor sees these turns flagged in the feedback
            say(f"For your tutor to check ({finding.where or 'the chat'}): {finding.message}")
        return best

    return _safely(points, work)


def mark_crm(
    scenario: str | Path,
    *,
    points: float,
    folder: str | Path = "evidence",
    proof: Proof | None = None,
) -> Score:
    """Points for the CRM record saved with a live chat, checked again against that chat.

    Full points for a complete record that agrees with the transcript; half for a record with
    one thing missing or wrong; otherwise 0. The best saved attempt counts.
    """

    def work(say: Callable[[str], None]) -> float:
        chat = _Chats(scenario, points, folder, say, proof)
        recorded = [a for a in chat.attempts if a.work.crm is not None]
        if chat.attempts and not recorded:
            say(f"0 / {points:g}: the chat was saved without a CRM record.")
        best, problems = 0.0, ["no CRM record was saved"]
        for attempt in recorded:
            feedback = chat.assess(attempt)
            issues = [
                f.message for f in feedback.findings if f.check == "crm" and f.severity != "good"
            ]
            earned = points if not issues else points / 2 if len(issues) == 1 else 0.0
            if earned >= best:
                best, problems = earned, issues
        if recorded:
            why = "complete and agrees with the chat" if not problems else "; ".join(problems)
            say(f"{best:g} / {points:g} for the CRM record: {why}")
        return best

    return _safely(points, work)


def mark_templates(
    scenario: str | Path,
    *,
    points: float,
    folder: str | Path = "evidence",
    proof: Proof | None = None,
) -> Score:
    """Points for using pre-written responses and making them the customer's own.

    Full points when at least one reply in a saved chat was built from a pre-written response
    and every such reply was personalised; half when one was sent with a placeholder left in or
    word for word; 0 when none was used. The best saved attempt counts.
    """

    def work(say: Callable[[str], None]) -> float:
        from coursework_kit.chat.knowledge import template_behind

        chat = _Chats(scenario, points, folder, say, proof)
        best, why = 0.0, "no pre-written response was used"
        for attempt in chat.attempts:
            uses = [
                use
                for turn in attempt.work.replies
                if (use := template_behind(turn.text)) is not None
            ]
            if not uses:
                continue
            slips = [f"'{u.template.title}': {u.why_not}" for u in uses if not u.personalised]
            earned = points if not slips else points / 2
            if earned > best or (earned == best and why.startswith("no ")):
                best = earned
                why = (
                    f"{len(uses)} pre-written response(s), all personalised"
                    if not slips
                    else "not personalised: " + "; ".join(slips)
                )
        if chat.attempts:
            say(f"{best:g} / {points:g} for pre-written responses: {why}.")
        return best

    return _safely(points, work)


# -- the same checks as a check cell's result: explained on stdout, the points returned --------


def score_numeric(
    answer: object,
    expected: float,
    *,
    points: float = 1,
    tolerance: float | None = None,
    form: AnswerForm | None = None,
    label: str = "answer",
) -> float:
    """:func:`mark_numeric`, explained on stdout; returns the points earned."""
    return _shown(
        mark_numeric(answer, expected, points=points, tolerance=tolerance, form=form, label=label)
    )


def score_choice(
    answer: object, expected: str, *, points: float = 1, label: str = "decision"
) -> float:
    """:func:`mark_choice`, explained on stdout; returns the points earned."""
    return _shown(mark_choice(answer, expected, points=points, label=label))


def score_transcript(
    scenario: str | Path,
    *,
    points: float,
    folder: str | Path = "evidence",
    criteria: list[str] | None = None,
) -> float:
    """:func:`mark_transcript`, explained on stdout; returns the points earned."""
    return _shown(mark_transcript(scenario, points=points, folder=folder, criteria=criteria))


def score_crm(scenario: str | Path, *, points: float, folder: str | Path = "evidence") -> float:
    """:func:`mark_crm`, explained on stdout; returns the points earned."""
    return _shown(mark_crm(scenario, points=points, folder=folder))


def score_templates(
    scenario: str | Path, *, points: float, folder: str | Path = "evidence"
) -> float:
    """:func:`mark_templates`, explained on stdout; returns the points earned."""
    return _shown(mark_templates(scenario, points=points, folder=folder))
