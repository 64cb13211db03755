"""What understand() reads in an adviser's message. Every wording here is our own: none comes
from the labelled corpus (datasets/chat/corpus), which is for training and measuring."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursework_kit.chat.moves import MOVES
from coursework_kit.chat.scenario import Scenario, load_scenario
from coursework_kit.chat.understand import featurise, understand
from coursework_kit.datasets import data_path, load_yaml

ROOT = Path(__file__).resolve().parents[2]


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(name)


def moves_in(name: str, text: str, *, verified: bool = False, customer: str | None = None):
    s = scenario(name)
    return understand(
        text, s, verified=verified, customer_message=s.opening if customer is None else customer
    )


LATE = "late-delivery"
ACCOUNT = "account-access"
REFUND = "late-refund"
TWICE = "charged-twice"
DAMAGED = "damaged-item"
DATA = "data-request"
REMIT = "outside-remit"
ABUSIVE = "abusive-customer"
MISSING = "missing-item"

# (move, scenario, verified, message): several wordings of each move, in different voices.
WORDINGS = [
    ("greet", LATE, False, "Hiya Priya!"),
    ("greet", LATE, False, "good afternoon"),
    ("greet", LATE, False, "hello priya, hope ur ok"),
    ("greet", LATE, False, "heyy priya :)"),
    ("introduce", LATE, False, "Hi, Jo here from Harbour & Pine."),
    ("introduce", LATE, False, "I am Olu, adviser of Harbour and Pine."),
    ("check_understanding", LATE, True, "Is this correct what I said?"),
    ("ask_question", MISSING, True, "Which item is missing?"),
    ("introduce", LATE, False, "Hello there, you're chatting with Tom at Harbour & Pine."),
    ("ask_security", LATE, False, "could you pop your order number and postcode in the chat"),
    ("ask_security", LATE, False, "wats ur order numbr n post code"),
    (
        "ask_security",
        LATE,
        False,
        "Please can you give me the order number and the postcode, for security.",
    ),
    ("ask_security", LATE, False, "Before I look, what's your order number and postcode?"),
    (
        "ask_security",
        ACCOUNT,
        False,
        "What's the email address on your account, and your postcode?",
    ),
    ("ask_password", ACCOUNT, False, "Can you type your password in here so I can check?"),
    ("ask_password", ACCOUNT, False, "wats ur pasword"),
    ("ask_password", REFUND, False, "Please give me the full card number you paid with."),
    ("acknowledge_feelings", LATE, False, "I can imagine how frustrating that is"),
    ("acknowledge_feelings", LATE, False, "i can imagine how anoying that is"),
    ("acknowledge_feelings", LATE, False, "that must be so anoying when ur waiting in"),
    ("acknowledge_feelings", TWICE, False, "I understand this is very stressful for you."),
    (
        "acknowledge_feelings",
        LATE,
        False,
        "that sounds really stressful when you've been waiting in all week",
    ),
    ("apologise", LATE, False, "I'm so sorry about this."),
    ("apologise", LATE, False, "soz about that!"),
    ("apologise", LATE, False, "I am very sorry for the inconvenient."),
    ("apologise", LATE, False, "Apologys for keeping you waiting, Priya, I'm here now."),
    (
        "paraphrase",
        LATE,
        False,
        "So your oak side table was due on Tuesday and still hasn't turned up?",
    ),
    (
        "paraphrase",
        LATE,
        False,
        "so ur table was ment to come tuesday but nothing yet, is that right?",
    ),
    ("paraphrase", DAMAGED, False, "So the mirror arrived with a crack across the glass?"),
    ("generic_paraphrase", LATE, False, "So you're saying there's a problem with your order?"),
    (
        "generic_paraphrase",
        DAMAGED,
        False,
        "To confirm, you have a query about an order, is that correct?",
    ),
    ("check_understanding", LATE, False, "Have I got that right?"),
    ("check_understanding", LATE, False, "does that make sense?"),
    ("check_understanding", LATE, False, "is that rite?"),
    ("check_understanding", LATE, True, "Does all of that make sense to you?"),
    ("check_understanding", LATE, True, "Have I understood that properly?"),
    ("explain_findings", LATE, True, "it's with evri, last scan was leeds depot weds 4 march"),
    (
        "explain_findings",
        LATE,
        True,
        "The tracking show the parcel is in Leeds depot since Wednesday.",
    ),
    ("offer_remedy", LATE, True, "Leave it with me, I'll chase Evri now and email you by 5pm."),
    ("offer_remedy", LATE, True, "I can send you a replacement table straight away."),
    ("offer_remedy", LATE, True, "i will chase the courier for you and let u know tomorow"),
    ("escalate", TWICE, True, "I'm going to pass this to my team leader."),
    ("escalate", TWICE, True, "I'll refer this to our billing team now."),
    ("escalate", DATA, True, "I will escalate to manager for you."),
    ("signpost", REMIT, False, "Citizens Advice can give you free advice on this."),
    ("signpost", REMIT, False, "best to go back to ElectroDirect, the shop you bought it from."),
    ("signpost", REMIT, False, "You can contact your bank about the payment."),
    ("check_plan_suits", LATE, True, "Would a replacement work for you?"),
    ("check_plan_suits", LATE, True, "is that ok with u?"),
    ("check_plan_suits", LATE, True, "Would that be OK with you?"),
    ("warn_abuse", ABUSIVE, True, "Please stop swearing at me or I'll have to end this chat."),
    (
        "warn_abuse",
        ABUSIVE,
        True,
        "I'm here to help, but I won't accept abusive language. "
        "If it continues I will close the chat.",
    ),
    ("close", LATE, True, "Is there anything else I can help with today?"),
    ("close", LATE, True, "thanks for chatting, take care!"),
    ("close", LATE, True, "Have a lovely day, bye."),
    ("ask_question", DAMAGED, True, "When did you notice the crack?"),
    ("ask_question", ACCOUNT, True, "what does the message on the screen say?"),
    ("ask_question", LATE, True, "did anyone at home sign for a parcel?"),
    ("blame_or_negative", LATE, True, "Not my problem, you should have read the T&Cs."),
    ("blame_or_negative", LATE, True, "calm down"),
    ("blame_or_negative", LATE, True, "you should of been in to take the parcel"),
    ("disclose_details", LATE, False, "Your order is going to 14 Kelso Road, Leeds."),
    ("disclose_details", LATE, False, "it's the oak side table with Evri"),
    ("promise_cannot_keep", LATE, True, "It will definitely arrive tomorrow, I promise."),
    ("promise_cannot_keep", LATE, True, "I guarantee it'll be with you by tomorrow"),
    ("promise_cannot_keep", LATE, True, "defo be there 2moro"),
]

# Wordings of our own the model does not yet read right: strict, so a better model says so.
KNOWN_MISSES = [
    ("check_plan_suits", LATE, True, "Are you happy with this plan?"),
    ("apologise", LATE, False, "Apologys for the delay in replying."),
    ("introduce", LATE, False, "my name is jo and I'll be helping u today"),
    ("introduce", LATE, False, "You're speaking to Amir at Harbour & Pine."),
]


def test_every_move_has_several_wordings():
    """Is each of the twenty moves tried in at least two wordings of our own?"""
    counts = {m: sum(w[0] == m for w in WORDINGS) for m in MOVES}
    assert min(counts.values()) >= 2, counts


@pytest.mark.parametrize(("move", "name", "verified", "text"), WORDINGS)
def test_recognises_the_move(move, name, verified, text):
    """Is the move found, whatever the voice, with words quoted from the message?"""
    moves = moves_in(name, text, verified=verified)
    assert move in moves, moves
    found = moves.get(move)
    assert found is not None
    assert found.words
    assert found.words in text
    assert 0 < found.confidence <= 1


@pytest.mark.parametrize(
    ("move", "name", "verified", "text"),
    [pytest.param(*c, marks=pytest.mark.xfail(reason="not yet read right")) for c in KNOWN_MISSES],
)
def test_known_misses(move, name, verified, text):
    """Which of our own wordings does the model still miss? (Kept to see them improve.)"""
    assert move in moves_in(name, text, verified=verified)


@pytest.mark.parametrize(
    ("move", "name", "text"),
    [
        (
            "ask_security",
            "late-delivery",
            "don't worry about the postcode, I can find the order without it",
        ),
        ("ask_security", "late-delivery", "I won't need your order number or postcode for that."),
        ("apologise", "late-delivery", "I can't apologise for Evri, they're a separate company"),
        ("apologise", "late-delivery", "I'm not able to apologise for Evri"),
        (
            "ask_password",
            "account-access",
            "please don't tell me your password, we never ask for it",
        ),
        ("promise_cannot_keep", "late-delivery", "I can't promise it will arrive tomorrow"),
        ("promise_cannot_keep", "late-delivery", "I'm not able to guarantee a delivery date"),
    ],
)
def test_negation_is_not_the_move(move, name, text):
    """Does a negated move ("don't worry about the postcode") count as not making it?"""
    assert move not in moves_in(name, text, verified=True)


def test_security_request_is_grounded_in_the_scenario():
    """Is "pop your order number and postcode in" read as the late-delivery security check?"""
    text = "could you pop your order number and postcode in the chat"
    moves = moves_in("late-delivery", text)
    assert moves.names == ("ask_security",)
    found = moves.get("ask_security")
    assert found is not None
    assert "order number and postcode" in found.words
    s = scenario("late-delivery")
    assert "g:sec_all" in featurise(text, _ground(s)).values


def test_security_fields_come_from_the_scenario():
    """Do the same words match all of one scenario's security fields but only some of another's?"""
    text = "could you pop your order number and postcode in the chat"
    assert "g:sec_all" in featurise(text, _ground(scenario("late-delivery"))).values
    account = featurise(text, _ground(scenario("account-access"))).values
    assert "g:sec_some" in account
    assert "g:sec_all" not in account


def _ground(s: Scenario):
    from coursework_kit.chat.understand import _grounding_for, _model

    return _grounding_for(s, _model())


def test_generic_restatement_is_not_a_paraphrase():
    """Is "so you're saying there's a problem" a generic paraphrase, not listening?"""
    generic = moves_in("late-delivery", "So you're saying there's a problem, is that right?")
    assert "generic_paraphrase" in generic
    assert "paraphrase" not in generic
    own = moves_in(
        "late-delivery", "So your oak side table was due on Tuesday and still hasn't turned up?"
    )
    assert "paraphrase" in own
    assert "generic_paraphrase" not in own


def test_a_bare_check_is_not_a_paraphrase():
    """Does "Have I got that right?" on its own check understanding without restating anything?"""
    moves = moves_in("late-delivery", "Have I got that right?")
    assert "check_understanding" in moves
    assert "paraphrase" not in moves
    assert "generic_paraphrase" not in moves


def test_paraphrase_quotes_the_restating_not_the_check():
    """Does the paraphrase quote the restated problem rather than "is that right"?"""
    moves = moves_in(
        "late-delivery",
        "So your oak side table was due on Tuesday and still hasn't come, is that right?",
    )
    found = moves.get("paraphrase")
    assert found is not None
    assert "Tuesday" in found.words


def test_specific_words_come_from_the_scenario():
    """Does a message about this customer's parcel count as specific, naming the words?"""
    moves = moves_in(
        "late-delivery", "I can see Evri last scanned it at the Leeds depot.", verified=True
    )
    assert moves.specific
    assert {"Evri", "Leeds"} <= set(moves.specific_words)
    generic = moves_in("late-delivery", "Is there anything else I can help with today?")
    assert not generic.specific
    assert generic.specific_words == ()


def test_forbidden_promise_is_decided_by_the_scenarios_remit():
    """Is a promise the scenario's remit forbids found with full confidence and its words?"""
    moves = moves_in(
        "late-delivery", "It will definitely arrive tomorrow, I promise.", verified=True
    )
    found = moves.get("promise_cannot_keep")
    assert found is not None
    assert found.confidence == 1.0
    assert "definitely arrive tomorrow" in found.words


def test_disclosing_before_security_is_noticed():
    """Is reading out the delivery address before security seen as giving out details?"""
    moves = moves_in("late-delivery", "Your order is going to 14 Kelso Road, Leeds.")
    assert "disclose_details" in moves
    assert "Kelso" in moves.specific_words


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        pytest.param("ok", marks=pytest.mark.xfail(strict=True, reason="read as dismissive")),
        "👍",
        "....",
        "£89.00",
    ],
)
def test_nothing_much_makes_no_moves(text):
    """Does a message with nothing in it make no moves (rather than a guess)?"""
    assert moves_in("late-delivery", text, verified=True).found == ()


def test_a_message_must_be_text():
    """Does passing something other than text say so plainly?"""
    with pytest.raises(TypeError, match="A message must be text, not int"):
        understand(42, scenario("late-delivery"))  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_gives_quotes_from_itself(text):
    """Whatever is typed, does understand() answer, quoting only words that are in the message?"""
    moves = understand(text, scenario("damaged-item"), customer_message="it came cracked")
    for move in moves.found + moves.unsure:
        assert move.name in MOVES
        assert move.words in text
        assert 0 <= move.confidence <= 1
    assert all(word in text for word in moves.specific_words)


def test_shipped_model_covers_every_move_and_is_small():
    """Does moves.json score every move (and `specific`) and stay well under 1 MB?"""
    path = data_path("chat/model/moves.json")
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["outputs"] == [*MOVES, "specific"]
    assert len(model["threshold"]) == len(model["bias"]) == len(MOVES) + 1
    assert path.stat().st_size < 1_000_000


def test_importing_and_understanding_loads_nothing_heavy():
    """Does understand() run on the standard library alone (no sklearn, numpy, yaml, jsonschema)?"""
    raw = load_yaml("chat/scenarios/late-delivery.yaml")
    code = (
        "import json, sys\n"
        "from coursework_kit.chat.scenario import from_mapping\n"
        "from coursework_kit.chat.understand import understand\n"
        f"s = from_mapping(json.loads({json.dumps(json.dumps(raw))}))\n"
        "m = understand('hiya priya, could u pop ur order no and postcode in', s)\n"
        "assert 'ask_security' in m, m\n"
        "heavy = ['sklearn', 'numpy', 'scipy', 'yaml', 'jsonschema', 'ipywidgets', 'pandas']\n"
        "print(sorted(h for h in heavy if h in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_model(tmp_path):
    """Does running train.py again write moves.json byte for byte?"""
    out = tmp_path / "moves.json"
    subprocess.run(
        [sys.executable, str(ROOT / "datasets/chat/model/train.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert out.read_bytes() == data_path("chat/model/moves.json").read_bytes()
