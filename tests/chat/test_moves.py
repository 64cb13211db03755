"""The move vocabulary and the result type that understand() returns."""

from __future__ import annotations

import dataclasses

import pytest

from coursework_kit.chat.moves import DESCRIPTIONS, MOVES, Move, Moves

GUIDE_MOVES = {
    "greet", "introduce", "ask_security", "ask_password", "acknowledge_feelings", "apologise",
    "paraphrase", "generic_paraphrase", "check_understanding", "explain_findings",
    "offer_remedy", "escalate", "signpost", "check_plan_suits", "warn_abuse", "close",
    "ask_question", "blame_or_negative", "disclose_details", "promise_cannot_keep",
}  # fmt: skip


def _moves() -> Moves:
    return Moves(
        text="Hi Priya, could you pop your order number & postcode in?",
        found=(
            Move("greet", "Hi Priya", 0.97, 0.3),
            Move("ask_security", "order number & postcode", 0.99, 0.8),
        ),
        specific=True,
        specific_words=("Priya",),
        unsure=(Move("ask_question", "could you pop", 0.31, 0.35),),
    )


def test_vocabulary_is_the_labelling_guides():
    """Are the moves exactly the twenty the labelling guide names, each described?"""
    assert set(MOVES) == GUIDE_MOVES
    assert len(MOVES) == len(GUIDE_MOVES)
    assert all(DESCRIPTIONS[m] and DESCRIPTIONS[m][0].islower() for m in MOVES)


def test_moves_is_frozen():
    """Can a result be changed after it is made? (It must not: graders rely on it.)"""
    moves = _moves()
    with pytest.raises(dataclasses.FrozenInstanceError):
        moves.specific = False  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        moves.found[0].words = "Hello"  # type: ignore[misc]


def test_names_membership_and_get():
    """Do names, `in` and get() agree about which moves were found?"""
    moves = _moves()
    assert moves.names == ("greet", "ask_security")
    assert "ask_security" in moves
    assert "close" not in moves
    found = moves.get("ask_security")
    assert found is not None
    assert found.words == "order number & postcode"
    assert moves.get("close") is None


def test_get_with_a_misspelt_move_says_what_the_moves_are():
    """Does asking for a move that does not exist explain, rather than quietly say no?"""
    with pytest.raises(KeyError, match="There is no move called 'apologize'"):
        _moves().get("apologize")


def test_unsure_covers_moves_found_or_not():
    """Can a caller tell that a decision was too close to call, whichever way it went?"""
    moves = _moves()
    assert moves.is_unsure("ask_question")
    assert "ask_question" not in moves
    assert not moves.is_unsure("greet")


def test_repr_shows_the_words_behind_each_move():
    """Does the plain-text form show each move with its words, and the unsure ones?"""
    text = repr(_moves())
    assert "greet: 'Hi Priya'" in text
    assert "unsure about ask_question" in text
    assert repr(Moves(text="ok")) == "Moves(no moves found)"


def test_html_escapes_the_learners_words():
    """Is the learner's message escaped in the notebook table, so it cannot inject markup?"""
    html = Moves(
        text="<b>hi</b> & bye", found=(Move("greet", "<b>hi</b>", 0.9),), specific=False
    )._repr_html_()
    assert "<b>hi</b>" not in html
    assert "&lt;b&gt;hi&lt;/b&gt; &amp; bye" in html
    assert "greet" in html


def test_html_lists_the_unsure_moves_not_found():
    """Does the notebook table say which moves it could not decide?"""
    html = _moves()._repr_html_()
    assert "perhaps" in html
    assert "ask question" in html
    assert "Priya" in html
