"""Assess a quiz record: each question marked from the options the learner last checked."""

from __future__ import annotations

from coursework_kit._english import count
from coursework_kit.errors import QuizError
from coursework_kit.feedback import Feedback, Finding
from coursework_kit.quiz.bank import QuestionResult, QuizBank, load_bank
from coursework_kit.quiz.record import QuizRecord, QuizWork

__all__ = ["assess", "results"]


def results(work: QuizWork, bank: QuizBank) -> dict[str, QuestionResult]:
    """The result of each question's latest check (questions never checked are left out)."""
    latest = {c.question: c.chosen for c in work.checks}
    found = {}
    for question in bank.questions:
        chosen = latest.get(question.id)
        if not chosen:
            continue
        try:
            found[question.id] = question.mark(chosen)
        except QuizError:
            continue  # an option that is not in this bank (an edited file) earns nothing
    return found


def assess(record: QuizRecord, *, bank: QuizBank | None = None) -> Feedback:
    """How the latest attempt went: one finding per question checked, and the score."""
    bank = bank or load_bank(record.scenario)
    latest = record.latest
    marked = results(latest.work, bank) if latest else {}
    findings = tuple(
        Finding(
            severity="good" if result.correct else "should fix",
            check=question_id,
            message=f"Question {bank.questions.index(result.question) + 1}: {result.summary}",
            where=question_id,
        )
        for question_id, result in marked.items()
    )
    right = sum(r.correct for r in marked.values())
    total = len(bank.questions)
    summary = (
        "No answers checked yet."
        if not marked
        else f"{len(marked)} of {count(total, 'question')} checked."
    )
    return Feedback(
        activity=record.activity, summary=summary, findings=findings, score=right, out_of=total
    )
