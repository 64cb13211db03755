"""Each learner's own customer details in a chat scenario (coursework_kit.chat.personal)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from coursework_kit.chat import (
    ChatRecord,
    ChatWidget,
    Conversation,
    assess_transcript,
    understand,
)
from coursework_kit.chat.personal import (
    PATTERN_FIELDS,
    Detail,
    fill_placeholders,
    placeholders,
    translate,
)
from coursework_kit.chat.scenario import list_scenarios, load_scenario
from coursework_kit.errors import CourseworkError
from coursework_kit.records import RecordFile

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = list_scenarios()
LEARNERS = [f"learner{n:03d}" for n in range(300)]


def strings(value, skip=("original",)):
    """Every string a scenario holds, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item, skip)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item, skip)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name not in skip:
                yield from strings(getattr(value, f.name), skip)


def compact(text):
    return re.sub(r"[\s\-?]|\\s", "", text).upper()


def traces(detail):
    """Tests finding ``detail`` in a string, however the text or a pattern writes it."""
    v = detail.value
    if detail.kind == "name":
        first, _, surname = v.partition(" ")
        words = [re.escape(first), re.escape(surname).replace("'", "['’]")]
        return [lambda s, w=w: re.search(rf"\b{w}\b", s, re.IGNORECASE) for w in words]
    if detail.kind == "email":
        return [lambda s: v.lower() in s.lower().replace("\\.", ".")]
    if detail.kind == "money":
        amount = re.escape(str(int(float(v)))) if float(v).is_integer() else re.escape(v)
        return [lambda s: re.search(rf"£(?: \?| )?{amount}(?:\\?\.00)?(?!\d|[.,]\d)", s)]
    if detail.kind == "date_of_birth":
        day, month, year = v.split("/")
        return [lambda s: v in s or (f"{day}(/| )({month}" in s and year in s)]
    if detail.kind == "card":
        return [lambda s: re.search(rf"(?<!\d){v}(?!\d)", s)]
    code = compact(v)
    return [lambda s: code in compact(s)]


def plain(detail):
    """How a learner would type the detail in a chat."""
    return f"£{detail.value}" if detail.kind == "money" else detail.value


def test_every_scenario_declares_its_customer():
    """Does every shipped scenario declare its customer's name, with a gender, and are the
    details with order numbers and postcodes declared where the scenario checks identity?"""
    for sid in SCENARIOS:
        s = load_scenario(sid)
        kinds = [d.kind for d in s.personal]
        assert kinds.count("name") == 1, sid
        assert next(d for d in s.personal if d.kind == "name").gender in ("female", "male")
        if s.needs.verification and "order number" in s.verification_asks_for:
            assert {"order", "postcode"} <= set(kinds), sid


def test_the_same_learner_always_gets_the_same_details():
    """Is a learner's copy the same each time, kept under the same id and marked with the
    learner, and is personalising a personalised copy the same as personalising the original?"""
    for sid in SCENARIOS:
        s = load_scenario(sid)
        a = s.for_learner("ab123")
        assert a == load_scenario(sid).for_learner("ab123")
        assert a.id == s.id
        assert a.learner == "ab123"
        assert a.original == s
        assert a.for_learner("cd456") == s.for_learner("cd456")
        assert a != s


@pytest.mark.slow
def test_different_learners_get_different_details():
    """Over 300 learner ids, does every learner get a customer of their own (all details
    together), and are names alone rarely shared?"""
    for sid in SCENARIOS:
        s = load_scenario(sid)
        seen = [tuple(d.value for d in s.for_learner(who).personal) for who in LEARNERS]
        names = {details[0] for details in seen}
        if len(s.personal) > 1:
            assert len(set(seen)) == len(LEARNERS), sid
        assert len(names) >= 0.85 * len(LEARNERS), (sid, len(names))


def test_no_original_detail_is_left_anywhere():
    """Is every original detail gone from every string of a learner's copy: the customer's
    lines, the facts, the notes, the patterns, the persona?"""
    for sid in SCENARIOS:
        s = load_scenario(sid)
        assert all(any(t(x) for x in strings(s)) for d in s.personal for t in traces(d)), sid
        for who in LEARNERS[:20]:
            mine = s.for_learner(who)
            for d in s.personal:
                for trace in traces(d):
                    left = [x for x in strings(mine) if trace(x)]
                    assert not left, (sid, who, d.value, left)


def test_new_details_are_well_formed():
    """Are the new details in the formats the course uses: HP- and five digits, a UK postcode
    with the original outward code, a drama-range mobile, an example email made from the new
    name, a name of the original's gender?"""
    female = {"Margaret", "Grace", "Priya", "Chloe", "Aisha", "Sophie", "Niamh"}
    for sid in SCENARIOS:
        s = load_scenario(sid)
        for who in LEARNERS[:30]:
            mine = s.for_learner(who)
            name = mine.persona.name
            for old, new in zip(s.personal, mine.personal, strict=True):
                assert old.kind == new.kind
                if new.kind == "order":
                    assert re.fullmatch(r"HP-[1-9]\d{4}", new.value)
                elif new.kind == "postcode":
                    assert re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", new.value)
                    assert new.value.split()[0] == old.value.split()[0]
                elif new.kind == "phone":
                    assert re.fullmatch(r"07700 900\d{3}", new.value)
                elif new.kind == "email":
                    local, domain = new.value.split("@")
                    assert domain in ("example.com", "example.org", "example.net")
                    surname = re.sub(r"[^a-z]", "", name.split()[1].lower())
                    assert surname in local
                elif new.kind == "name":
                    assert new.value == name
                    assert len(name.split()) == 2
                    assert (old.value.split()[0] in female) == (new.gender == "female")
                    assert name.split()[0] != old.value.split()[0]
                    assert name.split()[1] != old.value.split()[1]
            assert mine.persona.first_name == name.split()[0]


def test_patterns_follow_the_new_details():
    """Does each pattern that matched an original detail (an account detail, a remedy) match
    the learner's detail instead, and no longer the original?"""
    checked = 0
    for sid in SCENARIOS:
        s = load_scenario(sid)
        for who in LEARNERS[:30]:
            mine = s.for_learner(who)
            for name in PATTERN_FIELDS:
                for old_p, new_p in zip(getattr(s, name), getattr(mine, name), strict=True):
                    for old, new in zip(s.personal, mine.personal, strict=True):
                        if re.search(old_p, plain(old), re.IGNORECASE):
                            checked += 1
                            assert re.search(new_p, plain(new), re.IGNORECASE), (new_p, new)
                            assert not re.search(new_p, plain(old), re.IGNORECASE), new_p
                    re.compile(new_p)
    assert checked > 300


def test_postcodes_and_names_however_written():
    """Are "NG7 1FR", "NG71FR", "ng7 1fr", "Mr Evans", "EVANS" and "D Evans" all replaced, each
    in the style it was written in?"""
    s = load_scenario("data-request")
    extra = "NG7 1FR / NG71FR / ng7 1fr / Mr Evans / signed for by D EVANS / daniel"
    raw = dataclasses.replace(s, brief=s.brief + " " + extra)
    mine = raw.for_learner("ab123")
    first, surname = mine.persona.name.split()
    postcode = next(d.value for d in mine.personal if d.kind == "postcode")
    tail = mine.brief[-len(extra) - 20 :]
    assert f"{postcode} / {postcode.replace(' ', '')} / {postcode.lower()}" in tail
    assert f"Mr {surname}" in tail
    assert f"{first[0]} {surname.upper()}" in tail
    assert tail.endswith(first.lower())


def test_amounts_stay_on_the_same_side_of_the_refund_limit():
    """Is each amount changed by less than 30%, kept in whole pounds, on the same side of the
    adviser's refund limit and within the scenario's own bounds, and does a total still add
    up?"""
    for sid in SCENARIOS:
        s = load_scenario(sid)
        money = [d for d in s.personal if d.kind == "money"]
        for who in LEARNERS[:40]:
            mine = {
                d.value: n for d, n in zip(s.personal, s.for_learner(who).personal, strict=True)
            }
            for d in money:
                old, new = float(d.value), float(mine[d.value].value)
                assert new != old
                assert abs(new - old) <= 0.3 * old
                assert new.is_integer()
                assert (old > s.refund_limit) == (new > s.refund_limit), (sid, old, new)
                assert d.min is None or new >= d.min
                assert d.max is None or new <= d.max
                if d.sum:
                    assert new == sum(float(mine[part].value) for part in d.sum)


@pytest.mark.parametrize("sid", SCENARIOS)
def test_a_good_adviser_still_wins_with_the_learners_details(sid, clock):
    """Does each scenario's model chat, with a learner's details in place of the original ones,
    still win every criterion with no rule broken, for several learners (the recogniser reads
    the new details as it read the old)?"""
    chats = yaml.safe_load((Path(__file__).parent / "model_chats.yaml").read_text())
    for who in ("ab123", "cd456", "demo-all-right"):
        mine = load_scenario(sid).for_learner(who)
        chat = Conversation(mine, clock=clock)
        for reply in chats[sid]:
            clock.wait(20)
            chat.reply(translate(reply, mine), at=clock())
        assert [str(f) for f in chat.findings] == [], who
        assert chat.resolved or chat.warned, who
        report = assess_transcript(chat.transcript(), scenario=mine)
        assert report.score == 100, (who, {k for k, c in report.criteria.items() if not c.met})


GOOD = [
    "Hello {first_name}, thank you for contacting Harbour & Pine. My name is Sam and I'm happy "
    "to help. What can I do for you today?",
    "So just to check, you'd like a copy of all the personal information we hold about you?",
    "For security, can you confirm your full name, the email address on the account and your "
    "postcode, please?",
    "Thank you. I'm passing your request to our data protection team, who will reply within "
    "one month. You can also email privacy@harbourandpine.example. Does that sound OK?",
    "Is there anything else I can help you with today? Thanks for contacting us.",
]


def hold(scenario, replies, clock):
    chat = Conversation(scenario, clock=clock)
    for reply in replies:
        clock.wait(40)
        chat.reply(fill_placeholders(reply, scenario), at=clock())
    return chat


def test_a_copied_chat_does_not_replay_for_another_learner(clock):
    """Does a good chat held with learner A's details replay exactly against A's copy, but not
    against learner B's or the scenario as written?"""
    s = load_scenario("data-request")
    mine, friend = s.for_learner("ab123"), s.for_learner("cd456")
    chat = hold(mine, GOOD, clock)
    assert {"verification", "escalated"} <= {t.kind for t in chat.turns}
    assert Conversation.replay(mine, chat.turns) is not None
    assert Conversation.replay(friend, chat.turns) is None
    assert Conversation.replay(s, chat.turns) is None


def test_the_recogniser_reads_the_new_details(clock):
    """With a learner's details, is a security request still read as one, a paraphrase naming
    the new order number as a paraphrase, and the new name (not the old one) as the customer's
    name?"""
    s = load_scenario("late-delivery")
    mine = s.for_learner("ab123")
    first = mine.persona.first_name
    order = placeholders(mine)["order"]
    asks = understand(f"hiya {first}, can u pop ur order number n postcode in pls", mine)
    assert "ask_security" in asks
    assert "greet" in asks
    said = understand(
        f"So just to check, your order {order} was meant to arrive on Tuesday and still "
        "hasn't turned up?",
        mine,
        customer_message=mine.opening,
        verified=True,
    )
    assert "paraphrase" in said
    assert order in said.specific_words
    assert first in understand(f"Hi {first}, thanks for waiting.", mine).specific_words
    assert "Priya" not in understand("Hi Priya, thanks for waiting.", mine).specific_words


def test_giving_out_the_new_details_before_security_is_a_breach():
    """Before security, is reading out the learner's customer's phone number a data protection
    breach, and is the original customer's number not one?"""
    s = load_scenario("data-request")
    mine = s.for_learner("ab123")
    new_phone = placeholders(mine)["phone"]
    for phone, breach in ((new_phone, True), ("07700 900263", False)):
        chat = Conversation(mine, practice=True)
        chat.reply(f"Hi, is your mobile {phone}?")
        kinds = {f.check for f in chat.findings}
        assert ("data_protection" in kinds) is breach, (phone, chat.findings)


def test_placeholders():
    """Are {first_name}, {order}... filled from the scenario, and is an unknown one refused?"""
    mine = load_scenario("charged-twice").for_learner("ab123")
    known = placeholders(mine)
    assert known["name"] == mine.persona.name
    assert known["reference2"].endswith(str(int(known["reference"][-5:]) + 1))
    assert fill_placeholders("Hi {first_name} ({order})", mine) == (
        f"Hi {mine.persona.first_name} ({known['order']})"
    )
    with pytest.raises(CourseworkError, match="not a detail"):
        fill_placeholders("Hi {nickname}", mine)
    with pytest.raises(CourseworkError):
        mine.for_learner("  ")


def test_a_scenario_without_personal_details_is_only_marked(make_scenario):
    """Is a tutor's scenario with no personal block given back unchanged but for the learner?"""
    s = make_scenario(personal=[])
    mine = s.for_learner("ab123")
    assert mine.learner == "ab123"
    assert dataclasses.replace(mine, learner="", original=None) == s


def test_assessment_widget_uses_the_learners_own_details(tmp_path, clock, monkeypatch):
    """Does an assessment chat widget give the learner their own customer and save the attempt
    for that learner, while a coaching widget keeps the usual customer?"""
    monkeypatch.setenv("JUPYTERHUB_USER", "ab123")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    mine = load_scenario("late-delivery").for_learner("ab123")
    assessed = ChatWidget(
        "late-delivery", mode="assessment", folder=tmp_path / "a", clock=clock, live_clock=False
    )
    coached = ChatWidget("late-delivery", folder=tmp_path / "c", clock=clock, live_clock=False)
    try:
        assert assessed.scenario == mine
        assert assessed.scenario.learner == "ab123"
        assert coached.scenario == load_scenario("late-delivery")
        clock.wait(20)
        answer = assessed.send("Hi, for security can you confirm your order number and postcode?")
        assert answer[0].text == mine.verification_reply
        record = assessed.record
        assert record.latest is not None
        assert record.latest.learner == "ab123"
    finally:
        assessed.close()
        coached.close()


@pytest.mark.parametrize("learner", ["demo-all-right", "demo-partly-right"])
def test_demo_learners_hold_their_chats_with_their_own_details(tmp_path, learner):
    """Does each demo learner's chat use their own customer (it replays against their copy of
    the scenario and not the original), saved for them, and does the good chat still pass
    security and deal with the problem?"""
    from coursework_kit.tutor.demo import _hold_chat, demo_answers

    answers = demo_answers(ROOT / "assignments")
    kind = "good" if learner == "demo-all-right" else "partial"
    for sid in answers["chats"]:
        _hold_chat(tmp_path, sid, kind, answers, learner=learner)
        record = RecordFile(ChatRecord, sid, tmp_path).load()
        attempt = record.latest
        assert attempt is not None
        assert attempt.learner == learner
        work = attempt.work
        mine = load_scenario(sid).for_learner(learner)
        assert Conversation.replay(mine, work.turns, ended_by=work.ended_by) is not None
        kinds = {t.kind for t in work.turns}
        again = Conversation.replay(load_scenario(sid), work.turns, ended_by=work.ended_by)
        # A chat that gets as far as security names this learner's customer's details, so it
        # replays for no one else; one that never does is worth little to copy.
        assert (again is None) == ("verification" in kinds), sid
        text = " ".join(t.text for t in work.turns)
        assert "{" not in text
        if kind == "good":
            assert "verification" in kinds, sid
            assert kinds & {"resolved", "escalated"}, (sid, kinds)
            if "{first_name}" in answers["chats"][sid][kind][0]:
                assert f" {mine.persona.first_name}, " in work.replies[0].text


def test_a_stale_declaration_is_a_problem():
    """Does a scenario that declares a detail its text never uses, or a total of amounts it does
    not declare, fail to load with a message saying where?"""
    from coursework_kit.chat.knowledge import knowledge_base
    from coursework_kit.chat.scenario import sense_problems
    from coursework_kit.datasets import load_yaml

    raw = load_yaml("chat/scenarios/missing-item.yaml", schema="chat/scenario.schema.json")
    kb = {a.id for a in knowledge_base()}
    assert sense_problems(raw, kb_ids=kb) == []
    raw["personal"] += [
        {"kind": "order", "value": "HP-99999"},
        {"kind": "money", "value": "70.00", "sum": ["22.00", "48.01"]},
    ]
    found = dict(sense_problems(raw, kb_ids=kb))
    assert "HP-99999" in found[("personal", 7)]
    assert "48.01" in found[("personal", 8)]


def test_detail_from_mapping():
    """Is a detail read from YAML with its value as text (a card keeps a leading zero)?"""
    d = Detail.from_mapping({"kind": "money", "value": 48, "sum": [22, 26]})
    assert d.value == "48"
    assert d.sum == ("22", "26")
    card = Detail.from_mapping({"kind": "card", "value": "0417"})
    assert card.value == "0417"
