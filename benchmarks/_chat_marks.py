"""Play the labelled whole chats and the memorised scripts with the simulated customer, and
print what the kit makes of them as JSON. Run by ``assess_agreement.py``, once with today's kit
and once, in a subprocess, with the baseline kit (an older commit on ``PYTHONPATH``), so both
are measured the same way in one run. Uses only what both kits have.

    python benchmarks/_chat_marks.py SPLIT [SPLIT ...]
"""

from __future__ import annotations

import json
import sys
from typing import Any

from coursework_kit.chat import load_scenario
from coursework_kit.chat.assess_record import assess_work, breached, criteria_met
from coursework_kit.chat.engine import Conversation
from coursework_kit.chat.scenario import list_scenarios
from coursework_kit.datasets import load_yaml

# The memorised, keyword-stuffed script the chat-understanding issue quotes, as a learner
# might paste it into any scenario.
ISSUE_SCRIPT = [
    "Hi, thanks for contacting us, I'm sorry to hear that, I understand how frustrating that "
    "is. Can you confirm your postcode and order number for security?",
    "So to check I understand, you're saying there's a problem, is that right? I'm sorry, I "
    "understand. I will escalate this to the specialist team who will contact you by 5pm "
    "tomorrow. Is there anything else I can help with today?",
]

# Memorised scripts written for this benchmark (not from the corpus), each trying a different
# way to game a chat: catch-all teams and remedies, every security field, a paraphrase that
# names a problem without any detail.
WRITTEN_SCRIPTS = {
    "catch-all escalation": [
        "Hello, thank you for contacting Harbour & Pine, my name is Alex. I'm so sorry to hear "
        "about this, I completely understand how upsetting it must be. For security, could you "
        "confirm your full name, email address, postcode and order number?",
        "Thank you. So just to confirm, you're unhappy with your order and would like it "
        "sorted, is that right?",
        "I've passed your case to the relevant team with all your details, and they'll be in "
        "touch by email within 24 hours to sort this out for you. Does that sound okay?",
        "Is there anything else I can help you with today? Thank you for contacting Harbour & "
        "Pine, have a lovely day.",
    ],
    "every remedy named": [
        "Hi there, you're through to Harbour & Pine. I'm really sorry, that must be so "
        "frustrating. Can I take your order number, postcode and email to check your account?",
        "Thanks. I can refund or replace it, chase the courier, book a collection, or pass it "
        "to our billing team or data protection team, whichever you need, and you'll hear back "
        "within one month.",
        "Does that make sense? Is there anything else I can help with?",
    ],
    "apology loop": [
        "Hi, I'm so sorry for the inconvenience, I understand how you feel.",
        "I completely understand and I sincerely apologise. I will look into this for you.",
        "I'm sorry again. I have escalated this as a priority. Is there anything else I can help "
        "with today?",
    ],
}


def _mark(feedback: Any) -> float:
    try:
        from coursework_kit.chat.assess_record import mark
    except ImportError:  # the baseline: the share met, capped at half after a breach
        met = criteria_met(feedback)
        share = sum(met.values()) / len(met) if met else 0.0
        return min(share, 0.5) if breached(feedback) else share
    return mark(feedback).share


def play(scenario_id: str, replies: list[str]) -> dict[str, Any]:
    """One chat, played in practice mode: each criterion's verdict, the criteria the assessor
    was unsure of (left out of the mark), and the chat's mark."""
    scenario = load_scenario(scenario_id)
    conversation = Conversation(scenario, practice=True)
    for reply in replies:
        if conversation.ended:
            break
        conversation.reply(reply)
    feedback = assess_work(conversation.work(), scenario)
    unsure = [f.check for f in feedback.findings if f.severity == "unsure"]
    return {"criteria": criteria_met(feedback), "unsure": unsure, "mark": _mark(feedback)}


def main(splits: list[str]) -> None:
    out: dict[str, Any] = {"chats": {}, "scripts": []}
    scripts = [("the issue's example script", ISSUE_SCRIPT), *WRITTEN_SCRIPTS.items()]
    for split in splits:
        for chat in load_yaml(f"chat/corpus/chats-{split}.yaml"):
            out["chats"][chat["id"]] = play(chat["scenario"], chat["replies"])
            if chat["kind"] == "gamed":
                scripts.append((f"{chat['id']}'s script", chat["replies"]))
    for name, replies in scripts:  # each memorised script pasted into every scenario
        marks = {s: play(s, replies)["mark"] for s in list_scenarios()}
        best = max(marks, key=marks.__getitem__)
        out["scripts"].append({"script": name, "best": marks[best], "in": best})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
