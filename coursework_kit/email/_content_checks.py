"""Checks on what a marketing email says: subject, preview text, personalisation, its call
to action and its tone. Good practice for email marketing; the figures are rough guides for
teaching. Tone is read from what the words do (the social posts' tone reading, which shares the
live chat's reading of language), so "we can't guarantee it" is honest and "guaranteed by
Friday" is not."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coursework_kit._english import count
from coursework_kit.email.campaign import TOKENS, Campaign, find_tokens
from coursework_kit.feedback import Finding, Severity

if TYPE_CHECKING:
    from coursework_kit.email.mailing import Contact

_VAGUE = {"click here", "click", "here", "more", "read more", "submit", "go", "link", "this"}
_SHOUTY = re.compile(r"\b[A-Z]{4,}\b")
# What mail programs put before the subject of a reply or a forward, in English and the
# languages customers' programs often use: Re, RE, Fwd, FW, AW, SV, VS, WG, TR, RIF, Antw,
# with a count (Re[2]:, Re^2:) and any spacing ("RE :"), at the start, after any symbols.
_REPLY_PREFIX = re.compile(
    r"^[^\w{]*((?:re|fwd?|aw|sv|vs|wg|tr|rif|antw|odp)(?:\s*(?:\[\d+\]|\^\d+|\(\d+\)))?"
    r"\s*[:：])",
    re.IGNORECASE,
)
_FAKE_REPLY_SOURCE = (
    "CAP Code rules 2.1 (marketing must be obviously identifiable as marketing) and 3.1 (it must "
    "not mislead), as at 2025; in the US, the CAN-SPAM Act bans misleading subject lines "
    "(15 U.S.C. 7704(a)(2))"
)
# Words left in from a template or a first draft: the email is not finished.
_PLACEHOLDERS = re.compile(
    r"write the message here|lorem ipsum|\[(?:insert|add|your|name|link|date)[^\]]*\]"
    r"|<(?:insert|add)[^>]*>|\b(?:tbc|tbd|xxx+)\b",
    re.IGNORECASE,
)
# Words that greet or sign off: an email of only these says nothing yet.
_GREETING_WORDS = {
    "hi", "hello", "hey", "dear", "there", "thanks", "thank", "you", "regards", "best",
    "wishes", "kind", "warm", "from", "the", "team", "at", "harbour", "pine", "cheers", "love",
    "all", "everyone", "and",
}  # fmt: skip
_MIN_MESSAGE_WORDS = 3
_LENGTH_NAME = "Sophie"  # a typical first name, for lengths of tokens with no fallback


def shown_length(text: str) -> int:
    """Length as a reader sees it: each token counts as its fallback (or a typical name)."""
    for token in find_tokens(text):
        text = text.replace(token.text, token.fallback or _LENGTH_NAME, 1)
    return len(text.strip())


def check_subject(subject: str) -> list[Finding]:
    why_length = "Most phones show only about 40-60 characters of a subject line in the inbox."
    if not subject.strip():
        return [
            Finding(
                "must fix",
                "subject",
                "Write a subject line.",
                "The subject line is what people see first; it decides whether they open.",
            )
        ]
    length = shown_length(subject)
    found = []
    if length > 60:
        found.append(
            Finding(
                "should fix",
                "subject",
                f"The subject line is {count(length, 'character')}: the end may be cut off. "
                "Shorten it or put the important words first.",
                why_length,
            )
        )
    elif length < 20:
        found.append(
            Finding(
                "should fix",
                "subject",
                f"The subject line is only {count(length, 'character')}. Does it say what the "
                "email is about and why it is worth opening?",
                "A vague subject line gets fewer opens than one that names the offer.",
            )
        )
    else:
        found.append(
            Finding(
                "good",
                "subject",
                f"The subject line is {count(length, 'character')}, so it should show in full "
                "on most phones.",
                why_length,
            )
        )
    prefix = _REPLY_PREFIX.match(subject)
    if prefix:
        found.append(
            Finding(
                "must fix",
                "subject",
                f"Take '{prefix.group(1)}' off the start of the subject line: this email "
                "is not a reply or a forward.",
                "'Re:' or 'Fwd:' makes people think you are answering them or passing on their "
                "own message. Tricking people into opening marketing is misleading, and "
                "customers who feel tricked unsubscribe or report it as spam.",
                source=_FAKE_REPLY_SOURCE,
            )
        )
    if _SHOUTY.search(subject) or "!!" in subject:
        found.append(
            Finding(
                "should fix",
                "subject",
                "Avoid capital letters for whole words and repeated exclamation marks.",
                "They read as shouting, and spam filters treat them as a warning sign.",
            )
        )
    return found


def check_body(body: str) -> list[Finding]:
    """Whether the email says something: not empty, not only a greeting, not a template's
    placeholder words."""
    why = "The email text is the message itself: without it there is nothing to read or act on."
    if not body.strip():
        return [Finding("must fix", "body", "Write the email text: it is empty.", why)]
    found = []
    placeholder = _PLACEHOLDERS.search(body)
    if placeholder:
        found.append(
            Finding(
                "must fix",
                "body",
                f"Replace '{placeholder.group(0)}' with your own words.",
                "Words left in from a template tell every reader the email was not finished.",
            )
        )
    plain = re.sub(r"\{[^{}]*\}", " ", body)  # personalisation tokens are not the message
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", plain.lower())
    message = [w for w in words if w not in _GREETING_WORDS]
    if len(message) < _MIN_MESSAGE_WORDS:
        found.append(
            Finding(
                "must fix",
                "body",
                "The email text is only a greeting. Say what the email is about: the news, "
                "the offer, or what you want the reader to do.",
                why,
            )
        )
    if not found:
        found.append(
            Finding("good", "body", f"The email text has a message ({len(words)} words).", why)
        )
    return found


def check_preview(preview: str, subject: str) -> list[Finding]:
    why = (
        "Inboxes show a line of preview text after the subject. Without it they show the "
        "first words of the email, often 'View this email in your browser'."
    )
    if not preview.strip():
        return [Finding("should fix", "preview", "Add preview text to back up the subject.", why)]
    if preview.strip().lower() == subject.strip().lower():
        return [Finding("should fix", "preview", "The preview text repeats the subject line.", why)]
    if shown_length(preview) > 100:
        return [
            Finding(
                "should fix",
                "preview",
                "The preview text is over 100 characters; most inboxes show far less.",
                why,
            )
        ]
    return [Finding("good", "preview", "The preview text adds to the subject line.", why)]


def check_personalisation(campaign: Campaign, audience: Sequence[Contact]) -> list[Finding]:
    text = " ".join((campaign.subject, campaign.preview_text, campaign.body))
    tokens = find_tokens(text)
    found = []
    if text.count("{") != text.count("}"):
        found.append(
            Finding(
                "must fix",
                "personalisation",
                "A curly bracket is not closed: write tokens like {first_name|there}.",
                "A broken token is sent exactly as typed, which looks careless.",
            )
        )
    for token in {t.text: t for t in tokens}.values():
        if not token.known:
            found.append(
                Finding(
                    "must fix",
                    "personalisation",
                    f"{token.text} is not a detail we hold. Use "
                    + ", ".join("{" + name + "}" for name in TOKENS)
                    + ".",
                    "An unknown token is sent as written or left blank.",
                )
            )
        elif token.fallback is None:
            detail = TOKENS[token.name]
            missing = sum(1 for c in audience if not getattr(c, token.name))
            if not audience:
                who = f"Anyone with no {detail} would see a gap."
            elif missing == 1:
                who = f"1 contact in this audience has no {detail} and would see a gap."
            else:
                who = f"{missing} contacts in this audience have no {detail} and would see a gap."
            found.append(
                Finding(
                    "must fix",
                    "personalisation",
                    f"{token.text} has no fallback. {who} Write it as {{{token.name}|...}}, "
                    "for example {first_name|there}.",
                    "A greeting like 'Hi ,' tells the reader the email was not meant for them.",
                )
            )
    if not tokens:
        found.append(
            Finding(
                "should fix",
                "personalisation",
                "Nothing is personalised. Try a greeting such as Hi {first_name|there},",
                "Personal emails feel like a conversation, not a broadcast, and usually get "
                "more opens and clicks.",
            )
        )
    elif not found:
        found.append(
            Finding(
                "good",
                "personalisation",
                "Every personalisation token is a detail we hold, with a fallback.",
                "Everyone sees a sensible greeting, even when a detail is missing.",
            )
        )
    return found


def check_calls_to_action(actions: Sequence[str]) -> list[Finding]:
    actions = [a.strip() for a in actions if a.strip()]
    why = "One clear next step gets more clicks than several that compete for attention."
    if not actions:
        return [Finding("must fix", "call to action", "Add a call to action (a button).", why)]
    found = []
    if len(actions) > 1:
        found.append(
            Finding(
                "should fix",
                "call to action",
                f"There are {len(actions)} calls to action. Choose one main one.",
                why,
            )
        )
    for action in actions:
        if action.lower().strip(" .!>") in _VAGUE:
            found.append(
                Finding(
                    "should fix",
                    "call to action",
                    f"'{action}' does not say what happens. Try something like 'Shop the "
                    "spring sale'.",
                    "People click more when the button says what they will get.",
                )
            )
        elif len(action.split()) > 6:
            found.append(
                Finding(
                    "should fix",
                    "call to action",
                    f"'{action}' is long for a button: aim for 2 to 5 words.",
                    "Short buttons are easier to read and tap on a phone.",
                )
            )
    if not found:
        found.append(
            Finding("good", "call to action", f"One clear call to action: '{actions[0]}'.", why)
        )
    return found


# What to say about each kind of tone: (severity, what the words do, what to write instead,
# why).
_TONE: dict[str, tuple[Severity, str, str, str]] = {
    "blames": (
        "must fix",
        "insults or blames customers",
        "say what you can do to help, and never call customers names or say a problem is "
        "their fault",
        "Every reader takes it personally, and emails get forwarded and shared. Putting "
        "customers down, even as a joke or with sarcasm, loses their trust for good.",
    ),
    "over_promises": (
        "should fix",
        "promises something nobody can be sure of",
        "say what usually happens ('most orders arrive in two to four working days') or what "
        "you will do",
        "Every claim must be one you can prove before you send it (CAP Code rule 3.7, as at "
        "November 2026), and a broken promise loses more trust than an honest 'usually'.",
    ),
    "pressure": (
        "should fix",
        "pushes people to buy in a hurry",
        "say the real end date or stock level ('the sale ends at 5pm on Sunday')",
        "Pressure puts readers off and gets emails marked as spam. Claiming something is only "
        "available for a very limited time when it is not is a banned practice (Digital "
        "Markets, Competition and Consumers Act 2024, Schedule 20, as at November 2026).",
    ),
}


def check_tone(campaign: Campaign) -> list[Finding]:
    """Whether the subject, preview text, body or buttons insult or blame customers (a problem
    to fix before sending), over-promise or pressure people (worth improving), quoting the
    words."""
    from coursework_kit.social.posts._tone import read_tone

    parts = (campaign.subject, campaign.preview_text, campaign.body, *campaign.calls_to_action)
    found = []
    for part in parts:
        for hit in read_tone(part).hits:
            severity, does, instead, why = _TONE[hit.kind]
            found.append(Finding(severity, "tone", f"'{hit.words}' {does}. Try: {instead}.", why))
    if not found and any(p.strip() for p in parts):
        found.append(
            Finding(
                "good",
                "tone",
                "The tone is friendly: nothing blames the reader, over-promises or pushes.",
                "A calm, honest email keeps readers' trust, so they open the next one too.",
            )
        )
    return found
