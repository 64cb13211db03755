"""Quiz banks: loading, the sense checks beyond the schema, and marking."""

from __future__ import annotations

import pytest

from coursework_kit.errors import DatasetError, QuizError
from coursework_kit.quiz import load_bank


def test_shipped_banks_load():
    """Does every bank under datasets/quizzes load and make sense?"""
    from coursework_kit.datasets import data_dir

    names = [p.stem for p in (data_dir() / "quizzes").glob("*.yaml")]
    assert "unit1-measuring" in names
    for name in names:
        bank = load_bank(name)
        assert bank.questions


def test_unit1_bank_covers_the_misconceptions():
    """Does unit 1's quiz cover the three misconceptions the unit names?"""
    text = " ".join(q.prompt.lower() for q in load_bank("unit1-measuring").questions)
    assert "seo" in text
    assert "followers" in text
    assert "email" in text


def test_marking_single_multiple_and_true_false(write_bank):
    """Are answers marked right or not, with the feedback for each choice?"""
    bank = load_bank(write_bank())
    right = bank.question("pick-one").mark(["a"])
    assert right.correct
    assert right.feedback == ("Yes: clicks per 100 impressions.",)
    partly = bank.question("pick-many").mark(["a", "c"])
    assert not partly.correct
    assert partly.summary == "Not yet: you found 1 of the 2 right answers and 1 that is not right."
    assert bank.question("pick-many").mark(["b", "a"]).correct
    assert bank.question("yes-no").mark(["false"]).correct


def test_marking_refuses_impossible_answers(write_bank):
    """Are no answer, two answers to a single question, or an unknown option refused?"""
    q = load_bank(write_bank()).question("pick-one")
    with pytest.raises(QuizError, match="Choose an answer"):
        q.mark([])
    with pytest.raises(QuizError, match="takes one answer"):
        q.mark(["a", "b"])
    with pytest.raises(QuizError, match="has no option 'z'"):
        q.mark(["z"])


def test_an_unknown_question_or_option_lists_the_ones_there_are(write_bank):
    """Does asking for a question or option that is not there name it and list the real ones?"""
    bank = load_bank(write_bank())
    ids = ", ".join(q.id for q in bank.questions)
    with pytest.raises(QuizError) as raised:
        bank.question("pick-none")
    assert str(raised.value) == f"There is no question 'pick-none'; its questions are {ids}."
    with pytest.raises(QuizError) as raised:
        bank.question("pick-one").option("A")
    options = ", ".join(o.id for o in bank.question("pick-one").options)
    assert str(raised.value) == f"Question 'pick-one' has no option 'A'; its options are {options}."
    with pytest.raises(QuizError, match=r"^There is no question 'x{50}") as raised:
        bank.question("x" * 10_000)
    assert len(str(raised.value)) < 200


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('correct: false, feedback: "Clicks', 'correct: true, feedback: "Clicks'),
            "has 2 correct options",
        ),
        (("id: pick-many", "id: pick-one"), "two questions share an id"),
        (("{id: c, text: CPM", "{id: a, text: CPM"), "two options with the same id"),
        (("kind: single", "kind: ranking"), "does not match its schema"),
        (("prompt: Which is a rate?", "promt: Which is a rate?"), "does not match its schema"),
        (('id: "true"', 'id: "yes"'), "ids 'true' and 'false'"),
        (("title: Demo quiz", "title: [unclosed"), "not valid YAML at line"),
    ],
)
def test_broken_banks_are_explained(write_bank, sample_bank, change, message):
    """Does a broken bank fail with a message that says what is wrong and where?"""
    with pytest.raises(DatasetError, match=message):
        load_bank(write_bank(sample_bank.replace(*change, 1)))


def test_missing_bank(tmp_path):
    """Is a bank that does not exist reported plainly?"""
    with pytest.raises(DatasetError):
        load_bank("no-such-quiz")
    with pytest.raises(DatasetError, match="There is no file"):
        load_bank(tmp_path / "missing.yaml")


def test_misconceptions_bank_validates_and_covers_the_unit():
    """Does the bank load, have at least 10 questions with feedback on every option, and
    cover the misconceptions the units name?"""
    bank = load_bank("unit2-misconceptions")
    assert bank.unit == 2
    assert len(bank.questions) >= 10
    assert all(o.feedback for q in bank.questions for o in q.options)
    text = " ".join(q.prompt.lower() for q in bank.questions)
    for idea in ("seo", "followers", "email", "five times a day", "moderation", "own social"):
        assert idea in text, idea
