"""The transcript criteria judged from each reply's flags and the phrases the adviser used.

With a scenario, the criteria that depend on what the replies do are judged again from their
moves (:mod:`._criteria_moves`).
"""

from __future__ import annotations

from coursework_kit.chat._criterion import Chat, CriterionResult, _sentence
from coursework_kit.chat._phrases import phrases
from coursework_kit.chat.assess import ReplyAssessment
from coursework_kit.chat.catalogue import criteria_catalogue
from coursework_kit.chat.scenario import Scenario
from coursework_kit.feedback import Finding


def _shows(a: ReplyAssessment, flag: str) -> str:
    return _sentence(a.reply, a.evidence.get(flag, ""))


def _first(assessments: dict[int, ReplyAssessment], flag: str) -> ReplyAssessment | None:
    return next((a for a in assessments.values() if getattr(a, flag)), None)


def _pattern(chat: Chat, name: str) -> str | None:
    for speaker, text, _ in chat:
        found = phrases().find(name, text) if speaker == "agent" else None
        if found:
            return _sentence(text, found)
    return None


def _criteria(
    chat: Chat,
    assessments: dict[int, ReplyAssessment],
    findings: list[Finding],
    scenario: Scenario | None,
) -> dict[str, CriterionResult]:
    needs = scenario.needs if scenario else None
    replies = list(assessments.values())
    results: dict[str, CriterionResult] = {}

    def put(key: str, met: bool | None, evidence: str) -> None:
        results[key] = CriterionResult(key, met, evidence)

    if not replies:
        for key in criteria_catalogue():
            put(key, False, "The adviser did not reply.")
        return results
    first = replies[0]
    put(
        "greeting",
        first.greeting,
        _shows(first, "greeting")
        if first.greeting
        else "The first reply did not greet the customer.",
    )

    breaches = [f for f in findings if f.check == "data_protection"]
    asked = _first(assessments, "identity_check")
    if needs and (needs.verification or needs.never_disclose):
        if breaches:
            put("identity_verification", False, str(breaches[0]))
        elif needs.verification and asked is None and needs.warning_then_end:
            put(
                "identity_verification",
                None,
                "The chat was ended for abuse before any account details were needed.",
            )
        elif needs.verification and asked is None:
            put("identity_verification", False, "The customer was never asked to pass security.")
        else:
            put(
                "identity_verification",
                True,
                _shows(asked, "identity_check")
                if asked
                else "No personal data was given out in the chat.",
            )
    else:
        put(
            "identity_verification",
            True if asked else None,
            _shows(asked, "identity_check") if asked else "Not needed in this chat.",
        )

    for key, flag, missing in (
        (
            "active_listening",
            "paraphrase",
            "The customer's problem was never put back to them in the adviser's own words.",
        ),
        ("empathy", "empathy", "The customer's feelings were not acknowledged."),
    ):
        found = _first(assessments, flag)
        put(key, found is not None, _shows(found, flag) if found else missing)

    negative = _first(assessments, "blame_or_negative")
    positive = _first(assessments, "positive_language")
    if negative:
        put(
            "positive_language",
            False,
            f"Negative or blaming: {_shows(negative, 'blame_or_negative')}",
        )
    else:
        put(
            "positive_language",
            positive is not None,
            _shows(positive, "positive_language")
            if positive
            else "No reply said what the adviser could do.",
        )

    jargon = sorted({j for a in replies for j in a.jargon})
    put(
        "no_jargon",
        not jargon,
        "No jargon or text-speak." if not jargon else "Jargon or text-speak: " + ", ".join(jargon),
    )
    spelling = list(dict.fromkeys(w for a in replies for w in a.spelling_errors))
    grammar = list(dict.fromkeys(g for a in replies for g in a.grammar))
    slips = ([f"misspelt: {', '.join(spelling)}"] if spelling else []) + grammar
    put(
        "spelling_grammar",
        not slips,
        "No spelling or grammar slips found." if not slips else "; ".join(slips),
    )

    signpost = _pattern(chat, "signposting")
    private = _pattern(chat, "private_channel")
    if needs and needs.private_channel and not private:
        put("signposting", False, "The public complaint was not moved to a private message.")
    else:
        put(
            "signposting",
            signpost is not None,
            signpost or "The customer was not told what would happen next.",
        )

    escalated = _first(assessments, "escalation")
    over = [f for f in findings if f.check == "remit"]
    if over:
        put("escalation", False, str(over[0]))
    elif needs and needs.escalation:
        put(
            "escalation",
            escalated is not None,
            _shows(escalated, "escalation")
            if escalated
            else "This case needed passing to a team leader or specialist team, and was not.",
        )
    else:
        put(
            "escalation",
            True if escalated else None,
            _shows(escalated, "escalation") if escalated else "Not needed in this chat.",
        )

    abusive = bool(needs and needs.warning_then_end)
    check = _pattern(chat, "confirm_understanding") or _pattern(chat, "understanding_checks")
    put(
        "confirm_understanding",
        None if abusive else check is not None,
        "Not expected when a chat is ended for abuse."
        if abusive
        else check or "The adviser did not check the customer was happy with the plan.",
    )
    closing = _first(assessments, "closing_question")
    if abusive:
        warned = _pattern(chat, "warning")
        put(
            "closing",
            warned is not None,
            warned or "The customer was not warned before the chat was ended.",
        )
    else:
        put(
            "closing",
            closing is not None,
            _shows(closing, "closing_question")
            if closing
            else "The adviser did not ask if there was anything else they could help with.",
        )
    put("resolves_query", None, "Judged only against a scenario: its remedies and facts.")
    return {key: results[key] for key in criteria_catalogue()}
