"""Judge one moderation decision: the action, the escalation route and the reply.

Pure logic. :func:`judge` returns a :class:`Judgement` that says whether the action is the best
one, acceptable or not right, why (the policy section and the law), whether the escalation is
right, and what the reply does well or needs to fix.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from dataclasses import dataclass

from coursework_kit.social.moderation.policy import ModerationError, load_policy
from coursework_kit.social.moderation.queue import QueueItem, get_item
from coursework_kit.social.moderation.reply import MAX_REPLY_CHARS, ReplyCheck, check_reply

__all__ = ["EscalationCheck", "Judgement", "judge", "quick_outcome"]

BEST, ACCEPTABLE, NOT_RIGHT = "best", "acceptable", "not right"
# Judgements made in this process, newest last, by item, action, escalation and reply: judging
# is pure, so the same decision in the same words is judged once (a re-run notebook cell, a
# report read twice). The key is the learner's own words, never a stored verdict.
_JUDGED: OrderedDict[tuple[str, str, str | None, str], Judgement] = OrderedDict()
_JUDGED_MAX = 512


@dataclass(frozen=True)
class EscalationCheck:
    """Whether the escalation choice is right, and why."""

    chosen: str | None
    expected: str | None
    right: bool
    message: str


@dataclass(frozen=True)
class Judgement:
    """How one decision went. ``handled_well`` when action, escalation and reply are all fine."""

    item: QueueItem
    action: str
    escalate_to: str | None
    verdict: str
    feedback: str
    escalation: EscalationCheck
    reply: ReplyCheck

    @property
    def is_best(self) -> bool:
        return self.verdict == BEST

    @property
    def handled_well(self) -> bool:
        return self.verdict != NOT_RIGHT and self.escalation.right and self.reply.ok

    @property
    def points(self) -> float:
        """Up to 3: the action (1 if best, 0.5 if acceptable), the escalation and the reply."""
        action = {BEST: 1.0, ACCEPTABLE: 0.5}.get(self.verdict, 0.0)
        return action + self.escalation.right + self.reply.ok

    @property
    def why(self) -> str:
        return self.item.reason

    @property
    def sources(self) -> list[str]:
        return self.item.sources()

    @property
    def headline(self) -> str:
        label = load_policy().action(self.action).label
        return {
            BEST: f'"{label}" is the best action here.',
            ACCEPTABLE: f'"{label}" is acceptable, but not the best action.',
            NOT_RIGHT: f'"{label}" is not right here.',
        }[self.verdict]

    def __repr__(self) -> str:
        return (
            f"Judgement({self.item.id}: action {self.verdict}, escalation "
            f"{'right' if self.escalation.right else 'not right'}, reply "
            f"{'ok' if self.reply.ok else 'needs work'})"
        )

    def _repr_html_(self) -> str:
        e = html.escape
        policy = load_policy()
        colour = {BEST: "#1a7f37", ACCEPTABLE: "#9a6700", NOT_RIGHT: "#82071e"}[self.verdict]
        best = ""
        if not self.is_best:
            best = (
                f"<p>The best action is: <strong>{e(policy.action(self.item.best).label)}"
                "</strong>.</p>"
            )
        sources = "".join(f"<li>{e(s)}</li>" for s in self.sources)
        model = (
            f"<details><summary>See one good reply</summary><p>{e(self.item.model_reply)}</p>"
            "</details>"
            if self.item.model_reply
            else ""
        )
        mark = "✔" if self.escalation.right else "✘"
        return (
            f"<div role='status' style='border-left:4px solid {colour};padding:4px 10px'>"
            f"<p><strong>{e(self.headline)}</strong> {e(self.feedback)}</p>{best}"
            f"<p><strong>Why:</strong> {e(self.why)}</p>"
            f"<p><strong>Escalation {mark}</strong> {e(self.escalation.message)}</p>"
            f"<p><strong>Your reply:</strong> {e(self.reply.summary)}</p>{model}"
            "<p><small>Sources:</small></p>"
            f"<ul style='font-size:smaller'>{sources}</ul>"
            f"<p><small>Reflects UK law and guidance as at November 2026.</small></p></div>"
        )


def _action_verdict(item: QueueItem, action: str) -> tuple[str, str]:
    if action == item.best:
        return BEST, item.feedback.get(action, "That's what the policy says to do.")
    alternative = item.alternative(action)
    if alternative is not None:
        return ACCEPTABLE, alternative.note
    return NOT_RIGHT, item.feedback.get(action, load_policy().action(action).usually_wrong)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _escalation(item: QueueItem, action: str, chosen: str | None) -> EscalationCheck:
    policy = load_policy()
    expected = item.escalate_to
    role = policy.route(chosen).in_sentence if chosen else ""
    if chosen is None and action == "escalate":
        message = "You chose to escalate, so choose who to escalate to."
        if expected:
            message += f" Here it is the {policy.route(expected).in_sentence}."
        return EscalationCheck(chosen, expected, False, message)
    if chosen == expected:
        if expected is None:
            return EscalationCheck(
                chosen,
                expected,
                True,
                "Right: the social desk can deal with this without escalating.",
            )
        target = policy.route(expected).response_target
        return EscalationCheck(
            chosen, expected, True, f"Right: the {role} handles this. Response target: {target}."
        )
    if chosen is not None and chosen in item.escalation_also:
        return EscalationCheck(
            chosen, expected, True, f"Telling the {role} is also reasonable here."
        )
    if expected is None:
        return EscalationCheck(
            chosen,
            expected,
            False,
            f"This doesn't need the {role}: the social desk can deal with it. Escalating "
            "things that don't need it slows the reply and takes colleagues' time.",
        )
    needed = policy.route(expected)
    needed_role = needed.in_sentence
    if chosen is None:
        return EscalationCheck(
            chosen,
            expected,
            False,
            f"This must be escalated to the {needed_role}. Response target: "
            f"{needed.response_target}. They handle: {_lower(needed.handles)}.",
        )
    return EscalationCheck(
        chosen,
        expected,
        False,
        f"Not the {role}: this is for the {needed_role}, who handles {_lower(needed.handles)}.",
    )


def quick_outcome(
    item: QueueItem, action: str, escalate_to: str | None, reply: str, *, reply_ok: bool
) -> tuple[str, bool, bool]:
    """The action's verdict, whether the escalation is right and whether the reply is, worked
    out without reading a written reply: for one, ``reply_ok`` (what the learner was told) is
    taken as it is. Quick: for showing progress before each reply is read again."""
    chosen = load_policy().action(action)
    if not reply.strip():
        reply_ok = not (chosen.needs_reply or item.reply_needed)
    elif len(reply) > MAX_REPLY_CHARS:
        reply_ok = False
    verdict = _action_verdict(item, action)[0]
    return verdict, _escalation(item, action, escalate_to).right, reply_ok


def judge(
    item: QueueItem | str,
    *,
    action: str,
    escalate_to: str | None = None,
    reply: str = "",
) -> Judgement:
    """Judge a moderation decision on ``item`` (a queue item or its id).

    ``action`` is one of reply, private_channel, hide, delete, report, escalate, leave;
    ``escalate_to`` is a route from the escalation matrix, or None; ``reply`` is what you would
    post or send (needed when the action is a reply, or when the item says so).

    >>> j = judge("phone-number-public", action="hide", reply="Hi Dani, I'm so sorry. "
    ...           "I've hidden your comment to protect your number. I'll message you now.")
    >>> j.verdict, j.escalation.right, j.reply.ok
    ('best', True, True)
    >>> judge("phone-number-public", action="reply", reply="Hi Dani, sorry! We'll ring you "
    ...       "on 07700900461.").reply.repeated
    ['07700 900461']
    """
    policy = load_policy()
    item = get_item(item) if isinstance(item, str) else item
    if not isinstance(action, str) or not action:
        raise ModerationError("Choose an action first (for example 'reply' or 'hide').")
    chosen = policy.action(action)
    if escalate_to in ("", "none"):
        escalate_to = None
    if escalate_to is not None:
        policy.route(escalate_to)
    key = (item.id, action, escalate_to, reply)
    plain = type(reply) is str and type(action) is str and type(escalate_to) in (str, type(None))
    known = _JUDGED.get(key) if plain else None
    if known is not None and known.item is item:
        _JUDGED.move_to_end(key)
        return known
    verdict, feedback = _action_verdict(item, action)
    reply_check = check_reply(
        item,
        reply,
        needed=chosen.needs_reply or item.reply_needed,
        # On a post on someone else's account we message them directly: no public invite.
        private_invite=action == "private_channel" and item.public and item.kind != "post",
    )
    result = Judgement(
        item=item,
        action=action,
        escalate_to=escalate_to,
        verdict=verdict,
        feedback=feedback,
        escalation=_escalation(item, action, escalate_to),
        reply=reply_check,
    )
    if plain:
        _JUDGED[key] = result
    while len(_JUDGED) > _JUDGED_MAX:
        _JUDGED.popitem(last=False)
    return result
