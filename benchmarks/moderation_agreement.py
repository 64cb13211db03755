"""How often does the moderation reply check agree with the hand labels?

For each split of ``datasets/social/moderation-replies/`` (tuning, then held-out) it prints how
many labelled replies the check gets right (``ReplyCheck.ok`` equal to the label ``works``),
how many bad replies it lets through and how many good ones it fails, how many verdicts it
marked as unsure, and the same for the phrase-based check it replaced (kept below, in this
script only, as the baseline). The held-out split only measures: it was written before any
tuning and nothing is ever chosen by looking at it (see the README in that folder).

    .venv/bin/python benchmarks/moderation_agreement.py [--show heldout]

Figures for the phrase-based check, computed with the code and queue as they were before the
change (1 December 2026). The script computes them live too, with the old must-say patterns
kept below, and gets the same:

    tuning   59 replies: agrees with 42 (71.2%), lets through 11 bad, fails 6 good
    heldout  68 replies: agrees with 44 (64.7%), lets through 16 bad, fails 8 good
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass

from coursework_kit.chat.assess import assess_reply
from coursework_kit.datasets import load_yaml
from coursework_kit.social.moderation.decision import judge
from coursework_kit.social.moderation.policy import load_policy
from coursework_kit.social.moderation.queue import QueueItem, get_item
from coursework_kit.social.moderation.reply import repeated_details

SPLITS = ("tuning", "heldout")
SCHEMA = "social/moderation-replies/replies.schema.json"

# --- The phrase-based check as it was before the move recogniser (the baseline) ---------------
_PRIVATE_INVITE = re.compile(
    r"\b((send|drop) us an? (direct |private )?(message|DM|email)|direct message|private "
    r"message|\bDMs?\b|inbox|message us|email us|check your (direct )?messages)",
    re.IGNORECASE,
)


# The items' must-say patterns as they were (the queue now reads some of them differently).
_LAMP = r"\b(stop using|unplug|switch (it )?off|don'?t use|do not use)\b"
_OLD_MUST = {
    "lamp-1": (_LAMP,),
    "lamp-2": (_LAMP,),
    "lamp-3": (_LAMP,),
    "lamp-4": (_LAMP,),
    "question-table-fit": (r"\b(measure|measuring)\b",),
    "question-rug-spill": (r"\bblot",),
    "abuse-at-staff": (),
}


def phrase_check_ok(item: QueueItem, reply: str, *, needed: bool, private_invite: bool) -> bool:
    """Whether the old phrase-based check passed ``reply`` (its problems list was empty)."""
    if not reply.strip():
        return not needed
    tone = assess_reply(reply, customer_message=item.text, customer_name=item.name)
    if tone.blame_or_negative:
        return False
    if item.public and repeated_details(item, reply):
        return False
    if any(not tone.flags.get(flag) for flag in item.tone):
        return False
    must = _OLD_MUST.get(item.id, tuple(rule.pattern for rule in item.reply_must))
    if any(not re.search(pattern, reply, re.IGNORECASE) for pattern in must):
        return False
    return not (private_invite and not _PRIVATE_INVITE.search(reply))


# --- Measuring ------------------------------------------------------------------------------


@dataclass
class Tally:
    total: int = 0
    agree: int = 0
    let_through: int = 0
    failed_good: int = 0
    unsure: int = 0

    def add(self, ok: bool, works: bool, *, unsure: bool = False) -> None:
        self.total += 1
        self.agree += ok == works
        self.let_through += ok and not works
        self.failed_good += works and not ok
        self.unsure += unsure

    def line(self) -> str:
        share = 100 * self.agree / self.total if self.total else 0.0
        return (
            f"agrees with {self.agree} ({share:.1f}%), lets through {self.let_through} bad, "
            f"fails {self.failed_good} good"
        )


def _needs(item: QueueItem, action: str) -> tuple[bool, bool]:
    """What judge() passes to the reply check: is a reply needed, must it invite to private."""
    needed = load_policy().action(action).needs_reply or item.reply_needed
    return needed, action == "private_channel" and item.public and item.kind != "post"


def measure(split: str, *, show: bool = False) -> tuple[Tally, Tally]:
    raw = load_yaml(f"social/moderation-replies/{split}.yaml", schema=SCHEMA)
    now, before = Tally(), Tally()
    for row in raw["replies"]:
        item = get_item(row["item"])
        reply, works = str(row["reply"]), bool(row["works"])
        check = judge(item, action=row["action"], reply=reply).reply
        needed, private = _needs(item, row["action"])
        now.add(check.ok, works, unsure=bool(check.unsure))
        before.add(phrase_check_ok(item, reply, needed=needed, private_invite=private), works)
        if show and check.ok != works:
            label = "works" if works else "does not work"
            print(f"  [{item.id}, labelled {label}] {reply!r}\n    -> {check.summary}")
    return now, before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=SPLITS, help="list the disagreements on this split")
    args = parser.parse_args()
    for split in SPLITS:
        now, before = measure(split, show=args.show == split)
        print(f"{split:8} {now.total} replies")
        print(f"  move-based check:   {now.line()}; unsure about {now.unsure}")
        print(f"  phrase-based check: {before.line()}")


if __name__ == "__main__":
    main()
