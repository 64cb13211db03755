"""Formative self-checks for the workbook: the learner types an action or an escalation route
for a queue item in place of ``None`` and is told whether it fits the policy.
"""

from __future__ import annotations

from coursework_kit._english import choices
from coursework_kit.feedback import SelfCheck
from coursework_kit.social.moderation.policy import ModerationError, load_policy
from coursework_kit.social.moderation.queue import get_item

__all__ = ["ChoiceCheck", "check_choice"]


# The kit's one self-check result; the old name keeps working in notebooks.
ChoiceCheck = SelfCheck


def check_choice(item_id: str, answer: object, *, part: str = "action") -> SelfCheck:
    """Check a learner's ``answer`` for one ``part`` ("action" or "route") of a queue item.

    >>> check_choice("defamation-named-manager", "legal", part="route").correct
    True
    >>> check_choice("defamation-named-manager", "complaints", part="route").correct
    False
    """
    if part not in ("action", "route"):
        raise ModerationError("part must be 'action' or 'route'.")
    item, policy = get_item(item_id), load_policy()
    if answer is None:
        return SelfCheck(
            False, "Type your answer in place of None, then run the cell again.", answered=False
        )
    if not isinstance(answer, str):
        return SelfCheck(False, 'Type the code in quotes, for example "hide".')
    code = answer.strip().strip("\"'").lower().replace(" ", "_")
    codes = [a.id for a in policy.actions] if part == "action" else [r.id for r in policy.routes]
    if part == "route" and code == "none":
        if item.escalate_to is None:
            return SelfCheck(True, "No escalation is needed: the social desk can deal with it.")
        return SelfCheck(False, "This one does need a colleague. Look again at Part D.")
    if code not in codes:
        return SelfCheck(
            False, f"{answer!r} is not one of the codes. Use one of: {choices(codes)}."
        )
    source = "; ".join(item.sources(policy))
    if part == "action":
        if code == item.best:
            return SelfCheck(True, f"{item.reason} ({source})")
        other = item.alternative(code)
        hint = other.note if other else item.feedback.get(code, policy.action(code).usually_wrong)
        return SelfCheck(False, f"{hint} Read the policy sections on {_sections(item_id)}.")
    if code == item.escalate_to:
        route = policy.route(code)
        return SelfCheck(
            True,
            f"The {route.in_sentence} handles this: {_lower(route.handles)}. "
            f"Response target: {route.response_target}.",
        )
    chosen = policy.route(code)
    return SelfCheck(
        False,
        f"The {chosen.in_sentence} handles {_lower(chosen.handles)}. "
        "Look again at the escalation matrix: who handles this kind of risk?",
    )


def _sections(item_id: str) -> str:
    policy = load_policy()
    return " and ".join(policy.section(s).title.lower() for s in get_item(item_id).policy)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]
