"""Assess a chat record: the one judge of a live chat, as the kit's shared :class:`Feedback`.

The widget's end-of-chat report, the portfolio page and grading all call :func:`assess`, so
none of them can disagree. Each reply is read once, by :mod:`.reading` (the step the simulated
customer used during the chat), and the criteria are judged by :mod:`.transcript`.

The findings, in the order a learner should act on them:

- a rule broken (``check`` is the rule: "data_protection", "remit", "promise", "template",
  "policy", "fact" (a wrong fact); ``where`` is the reply), "must fix" for a data protection
  breach or an offer beyond the adviser's remit, otherwise "should fix";
- each criterion that applies (``check`` is its key, such as "greeting"): "good" when met,
  "should fix" when not; the message is its label and the adviser's words or what was
  missing (:func:`evidence_of`), ``why`` the tip;
- the CRM record, once saved (``check`` "crm"): each thing missing or not matching the chat.

``score`` is the number of criteria met and ``out_of`` the number that apply. The chat's mark
(:func:`mark`) is the share met, capped: at half when personal data was given out or asked for
where it should not have been, and at 40% when the customer's problem was never dealt with,
so a memorised script that sounds right but solves nothing cannot pass.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coursework_kit.chat.catalogue import criteria_catalogue, next_steps
from coursework_kit.chat.crm import check_crm
from coursework_kit.chat.reading import closing_findings
from coursework_kit.chat.record import ChatRecord, ChatWork
from coursework_kit.chat.rules import RULES
from coursework_kit.chat.scenario import Scenario, load_scenario
from coursework_kit.chat.transcript import assess_transcript
from coursework_kit.feedback import Feedback, Finding
from coursework_kit.records import Record

__all__ = [
    "BREACH_CAP",
    "RULES",
    "UNRESOLVED_CAP",
    "Mark",
    "assess",
    "assess_work",
    "breached",
    "criteria_met",
    "evidence_of",
    "improvements",
    "mark",
    "unsure_of",
]

BREACH_CAP = 0.5  # personal data given out or asked for where it should not have been
UNRESOLVED_CAP = 0.4  # the customer's problem never dealt with


def assess(
    record: Record[ChatWork],
    *,
    scenario: Scenario | None = None,
    attempt: int | None = None,
) -> Feedback:
    """How the chat went: the latest attempt, or attempt number ``attempt``.

    ``scenario`` is the scenario the chat was held in (loaded by its id when not given, which
    finds the course's own scenarios; pass a tutor's own scenario in).
    """
    chosen = record.latest if attempt is None else record.attempt(attempt)
    if chosen is None:
        return Feedback(activity=record.activity, summary="No chat has been saved yet.")
    return assess_work(
        chosen.work, scenario or load_scenario(record.scenario), activity=record.activity
    )


def assess_work(work: ChatWork, scenario: Scenario, *, activity: str = "") -> Feedback:
    """Assess one attempt's work (what :func:`assess` does for the attempt it picks)."""
    activity = activity or ChatRecord.activity_for(scenario.id)
    report = assess_transcript(work.turns, scenario=scenario)
    catalogue = criteria_catalogue()
    findings = [*report.findings, *closing_findings(work.turns, scenario, work.ended_by)]
    codes: dict[str, bool] = {}
    met = applicable = 0
    replies = [i for i, t in enumerate(work.turns) if t.speaker == "agent"]
    for key, result in report.criteria.items():
        if result.met is None:
            continue
        info = catalogue[key]
        if result.unsure:  # not counted either way: the tutor decides
            findings.append(
                Finding(
                    severity="unsure",
                    check=key,
                    message=_labelled(info.label, result.evidence),
                    why=info.tip,
                    criteria=info.codes,
                    where=f"reply {replies.index(result.turn) + 1}"
                    if result.turn in replies
                    else "",
                )
            )
            continue
        applicable += 1
        met += bool(result.met)
        for code in info.codes:
            codes[code] = codes.get(code, True) and bool(result.met)
        findings.append(
            Finding(
                severity="good" if result.met else "should fix",
                check=key,
                message=_labelled(info.label, result.evidence),
                why="" if result.met else info.tip,
                criteria=info.codes,
            )
        )
    findings += _crm(work, scenario)
    feedback = Feedback(
        activity=activity,
        summary="You have not replied to the customer yet.",
        findings=tuple(findings),
        score=met,
        out_of=applicable,
        criteria=codes,
    )
    if not work.replies:
        return feedback
    share = round(100 * met / applicable) if applicable else 0
    summary = f"Score: {share}% of the criteria that apply."
    given = mark(feedback)
    if given.capped:
        summary += f" Mark: {given.share:.0%}, because {given.why}."
    return replace(feedback, summary=summary)


def _labelled(label: str, evidence: str) -> str:
    """A criterion's finding: its label, then the evidence, unless the evidence only says the
    label again ("No jargon or text-speak: No jargon or text-speak." reads as a stammer)."""
    said = evidence.strip()
    if said.rstrip(".!").strip().casefold() in ("", label.strip().casefold()):
        return f"{label}."
    return f"{label}: {said}"


def _crm(work: ChatWork, scenario: Scenario) -> list[Finding]:
    if work.crm is None or not work.replies:
        return []
    check = check_crm(work.crm, work.turns, scenario=scenario)
    if check.ok:
        return [
            Finding(
                "good", "crm", "The CRM record is complete and agrees with the chat.", where="CRM"
            )
        ]
    return [
        Finding("should fix", "crm", m, where="CRM") for m in check.missing + check.disagreements
    ]


# -- reading a Feedback back ---------------------------------------------------------------------


def criteria_met(feedback: Feedback) -> dict[str, bool]:
    """Each criterion that applies (by key) and whether it was met, in report order."""
    catalogue = criteria_catalogue()
    return {
        f.check: f.severity == "good"
        for f in feedback.findings
        if f.check in catalogue and f.severity != "unsure"
    }


def unsure_of(feedback: Feedback) -> list[Finding]:
    """The criteria the assessor could not call, each with the reply it is unsure about: not
    counted in the mark, for the tutor to check."""
    return [
        f for f in feedback.findings if f.severity == "unsure" and f.check in criteria_catalogue()
    ]


def evidence_of(finding: Finding) -> str:
    """A criterion finding's evidence: the adviser's words, or what was missing."""
    info = criteria_catalogue().get(finding.check)
    return finding.message.removeprefix(f"{info.label}: ") if info else finding.message


def breached(feedback: Feedback) -> bool:
    """Was any personal data given out or asked for where it should not have been?"""
    return any(f.check == "data_protection" for f in feedback.findings)


def improvements(feedback: Feedback) -> list[str]:
    """Two or three things to do better next time, the most serious first."""
    unmet = [k for k, ok in criteria_met(feedback).items() if not ok]
    rules = [(f.check, f.message) for f in feedback.findings if f.check in RULES]
    return next_steps(rules, unmet)


@dataclass(frozen=True)
class Mark:
    """A chat's mark: ``share`` (0 to 1) of the criteria met, after any cap, and why it was
    capped (``why`` is empty when it was not)."""

    share: float
    why: str = ""

    @property
    def capped(self) -> bool:
        return bool(self.why)


def mark(feedback: Feedback, criteria: list[str] | None = None) -> Mark:
    """The mark for an assessed chat: the share of ``criteria`` met (all that apply when None),
    capped at :data:`BREACH_CAP` after a data protection breach and at :data:`UNRESOLVED_CAP`
    when the customer's problem was never dealt with. A criterion the assessor is unsure of
    (:func:`unsure_of`) is left out, neither met nor missed, for the tutor to check."""
    met = criteria_met(feedback)
    keys = list(criteria or met)
    applicable = [met[k] for k in keys if k in met]
    share = sum(applicable) / len(applicable) if applicable else 0.0
    if not applicable and any(f.check in keys for f in unsure_of(feedback)):
        share = 1.0  # only criteria the assessor cannot call: the benefit of the doubt
    caps = []
    if breached(feedback):
        caps.append((BREACH_CAP, "personal data was given out or asked for where it should not be"))
    if met.get("resolves_query") is False:
        caps.append((UNRESOLVED_CAP, "the customer's problem was not dealt with"))
    for cap, why in sorted(caps):
        if share > cap:
            return Mark(cap, why)
    return Mark(share)
