"""The transcript criteria judged from what the replies do (their moves), given the scenario,
and whether the customer's problem was dealt with, and when."""

from __future__ import annotations

from collections.abc import Sequence

from coursework_kit.chat._criterion import CriterionResult, _quote, _sentence
from coursework_kit.chat.moves import DESCRIPTIONS
from coursework_kit.chat.reading import Reading, mentions_private
from coursework_kit.chat.record import Turn
from coursework_kit.chat.scenario import Scenario
from coursework_kit.feedback import Finding

# What shows the adviser has engaged with this customer's problem, said in words specific to
# it: put it back to them, told them what they found, or asked about it. A remedy alone does
# not: a script can list every remedy there is.
_ENGAGING = ("paraphrase", "explain_findings", "ask_question")
_NEXT_STEP = ("offer_remedy", "escalate", "signpost")


def _words(reading: Reading, move: str) -> str:
    """The sentence of the reply that makes ``move``, quoted (empty if it does not)."""
    found = reading.moves.get(move) if reading.moves is not None else None
    return _sentence(reading.assessment.reply, found.words) if found else ""


def _dealt_with(turns: Sequence[Turn], readings: dict[int, Reading], scenario: Scenario) -> int:
    """The index of the reply that dealt with the customer's problem (len(turns) if none did).

    In a chat with the simulated customer, the reply the customer took as dealing with it
    (they said it was sorted, or accepted the escalation, or were warned about their language
    in a chat that needed ending). In a transcript typed by hand, the first reply offering a
    remedy from the scenario (or passing the case on, where it needs escalating).
    """
    done = {"resolved", "escalated"}
    if any(t.kind for t in turns if t.speaker == "customer"):
        for i, turn in enumerate(turns):
            if turn.speaker == "customer" and turn.kind in done:
                return max((r for r in readings if r < i), default=len(turns))
        return len(turns)
    needed: tuple[str, ...] = ("escalate",) if scenario.needs.escalation else ("offer_remedy",)
    if scenario.needs.signposting:
        needed = ("offer_remedy", "signpost")
    return next((i for i, r in readings.items() if r.does(*needed)), len(turns))


def _understood(
    turns: Sequence[Turn],
    readings: dict[int, Reading],
    findings: list[Finding],
    scenario: Scenario,
) -> dict[str, CriterionResult]:
    """The criteria judged from what the replies do (their moves), given the scenario, and
    whether the customer's problem was dealt with, and when."""
    needs = scenario.needs
    results: dict[str, CriterionResult] = {}

    def put(key: str, met: bool | None, evidence: str) -> None:
        results[key] = CriterionResult(key, met, evidence)

    def first(*moves: str, after: int = -1, specific: bool = False) -> Reading | None:
        return next(
            (
                r
                for i, r in readings.items()
                if i >= after
                and r.does(*moves)
                and (not specific or (r.moves is not None and r.moves.specific))
            ),
            None,
        )

    dealt = _dealt_with(turns, readings, scenario)
    engaged = any(r.does(*_ENGAGING) and _about_this_customer(r) for r in readings.values())
    broken = {f.check for f in findings}
    # The greeting and the identity check are judged in _criteria: a reply's flags are its
    # moves, so the two readings agree there.
    listened = first("paraphrase")
    generic = first("generic_paraphrase")
    put(
        "active_listening",
        listened is not None,
        _words(listened, "paraphrase")
        if listened
        else f"{_words(generic, 'generic_paraphrase')} would fit any customer: put this "
        "customer's own problem back to them."
        if generic
        else "The customer's problem was never put back to them in the adviser's own words.",
    )
    feeling = first("acknowledge_feelings")
    put(
        "empathy",
        feeling is not None and engaged,
        _words(feeling, "acknowledge_feelings")
        if feeling and engaged
        else f"{_words(feeling, 'acknowledge_feelings')} was said, but nothing in the chat dealt "
        "with this customer's own problem."
        if feeling
        else "The customer's feelings were not acknowledged.",
    )
    negative = first("blame_or_negative")
    positive = next((r for r in readings.values() if r.assessment.positive_language), None)
    if negative:
        put(
            "positive_language",
            False,
            f"Negative or blaming: {_words(negative, 'blame_or_negative')}",
        )
    else:
        put(
            "positive_language",
            positive is not None,
            _sentence(
                positive.assessment.reply, positive.assessment.evidence.get("positive_language", "")
            )
            if positive
            else "No reply said what the adviser could do.",
        )

    moved = first("signpost") if needs.private_channel else None
    step = first(*_NEXT_STEP, specific=True)
    if (
        needs.private_channel
        and not any(t.kind == "moved_private" for t in turns)
        and not (moved and mentions_private(moved.assessment.reply))
    ):
        put("signposting", False, "The public complaint was not moved to a private message.")
    elif step is not None:
        move = next(m for m in _NEXT_STEP if step.does(m))
        put("signposting", True, _words(step, move))
    else:
        put(
            "signposting",
            False,
            "The customer was not told what would happen next for their problem.",
        )

    escalated = first("escalate")
    passed_on = next(
        (r for r in readings.values() if r.does("escalate") and r.moves and r.moves.remedy_words),
        None,
    )
    over = [f for f in findings if f.check == "remit"]
    if over:
        put("escalation", False, str(over[0]))
    elif needs.escalation:
        put(
            "escalation",
            passed_on is not None,
            _words(passed_on, "escalate")
            if passed_on
            else f"{_words(escalated, 'escalate')} does not say which team this customer's case "
            "is being passed to."
            if escalated
            else "This case needed passing to a team leader or specialist team, and was not.",
        )
    elif escalated is not None:
        put(
            "escalation",
            False,
            f"{_words(escalated, 'escalate')}: this case did not need passing on. The adviser "
            "could have dealt with it themselves.",
        )
    else:
        put("escalation", None, "Not needed in this chat.")

    abusive = needs.warning_then_end
    check = first("check_understanding", "check_plan_suits", after=dealt)
    if check is not None:
        move = "check_understanding" if check.does("check_understanding") else "check_plan_suits"
        put("confirm_understanding", True, _words(check, move))
    else:
        early = first("check_understanding", "check_plan_suits")
        put(
            "confirm_understanding",
            False,
            "The adviser checked before the problem had been dealt with, not after."
            if early is not None
            else "The adviser did not check the customer was happy with the plan.",
        )
    if abusive:
        warned = first("warn_abuse")
        put(
            "closing",
            warned is not None,
            _words(warned, "warn_abuse")
            if warned
            else "The customer was not warned before the chat was ended.",
        )
    else:
        closed = first("close", after=dealt)
        early = first("close")
        put(
            "closing",
            closed is not None,
            _words(closed, "close")
            if closed
            else "The chat was closed before the customer's problem was dealt with."
            if early is not None
            else "The adviser did not ask if there was anything else they could help with.",
        )

    remedy = readings.get(dealt)
    wrong = broken & {"remit", "promise", "fact"}
    if remedy is None:
        put("resolves_query", False, "The customer's problem was not dealt with.")
    elif wrong:
        why = next(f for f in findings if f.check in wrong)
        put("resolves_query", False, f"Dealt with, but not accurately: {why}")
    elif not engaged:
        put(
            "resolves_query",
            False,
            f"“{_quote(remedy.assessment.reply)}” was offered, but nothing in the chat showed "
            "this customer's own problem had been understood or looked into.",
        )
    elif not (remedy.moves is not None and remedy.moves.specific):
        put(
            "resolves_query",
            False,
            f"“{_quote(remedy.assessment.reply)}” says nothing specific to this customer's "
            "problem.",
        )
    else:
        put("resolves_query", True, f"“{_quote(remedy.assessment.reply)}”")
    return _unsure(results, readings, dealt)


# The move behind each criterion, for saying "not sure" instead of "not met".
_CRITERION_MOVES = {
    "greeting": ("greet",),
    "identity_verification": ("ask_security",),
    "active_listening": ("paraphrase",),
    "empathy": ("acknowledge_feelings",),
    "escalation": ("escalate",),
    "confirm_understanding": ("check_understanding", "check_plan_suits"),
    "closing": ("close",),
}


def _unsure(
    results: dict[str, CriterionResult], readings: dict[int, Reading], dealt: int
) -> dict[str, CriterionResult]:
    """A criterion not met where a reply may well make its move (the recogniser cannot call
    it) is marked unsure, quoting the reply, instead of held against the adviser."""
    first = min(readings)
    for key, moves in _CRITERION_MOVES.items():
        result = results.get(key)
        if result is None or result.met is not False or "breach" in result.evidence:
            continue
        later = {"confirm_understanding", "closing"}
        for i, reading in readings.items():
            if reading.moves is None or (key == "greeting" and i != first):
                continue
            if key in later and i < dealt:
                continue
            maybe = [m for m in moves if reading.moves.is_unsure(m) and m not in reading.moves]
            if maybe:
                results[key] = CriterionResult(
                    key,
                    False,
                    f"Not sure whether “{_quote(reading.assessment.reply)}” "
                    f"{DESCRIPTIONS[maybe[0]]}: the assessor cannot tell. It is not counted "
                    "against you; your tutor will check it.",
                    unsure=True,
                    turn=i,
                )
                break
    return results


def _about_this_customer(reading: Reading) -> bool:
    """Does the reply hold something of this customer's own story or of the facts on screen,
    not just the names of remedies (which a script can list)? A paraphrase restates the
    customer's story, so one word of it will do; anything else needs two."""
    moves = reading.moves
    if moves is None or not moves.specific or moves.specific_by_remedy:
        return False
    remedies = {w.lower() for w in moves.remedy_words}
    own = {w.lower() for w in moves.specific_words if len(w) > 2} - remedies
    return len(own) >= (1 if "paraphrase" in moves else 2)
