"""The brand voice guide and the plain-language checks."""

from __future__ import annotations

import pytest

from coursework_kit.social.posts import brand_voice, check_post, readability
from coursework_kit.social.posts._text import syllables


def test_guide_loads_with_its_parts():
    """Does Harbour & Pine's guide have tone words, words to avoid, emoji and reading targets?"""
    guide = brand_voice()
    assert guide.brand == "Harbour & Pine"
    assert "warm" in guide.tone_words
    assert any("cheap" in rule.words for rule in guide.avoid)
    assert guide.emoji_limit("linkedin") == 1
    assert guide.emoji_limit("instagram") == 2
    assert guide.reading_age_max == 12
    assert "Words we avoid" in guide._repr_html_()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Cheap throws for everyone this week.", "avoid-words"),
        ("Hey guys, new cushions are in.", "avoid-words"),
        ("Hurry, the sale ends soon.", "pressure"),
        ("Don’t miss out on our sale.", "pressure"),
        ("The best ever candles are here.", "avoid-words"),
        ("HUGE savings on cushions today.", "capitals"),
        ("New cushions! New throws! New candles!", "exclamation"),
        ("New candles 🕯️🕯️🕯️ are in.", "emoji"),
    ],
)
def test_off_brand_posts(text, rule):
    """Is each kind of off-brand writing flagged as should fix?"""
    assert rule in check_post(text, platform="facebook").rules("should fix")


def test_on_brand_post():
    """Is a calm, plain post with allowed short forms (UK, VAT) counted as on brand?"""
    text = "Our new cushions are in: soft wool, three colours. Made in the UK, VAT included."
    result = check_post(text, platform="facebook")
    assert "brand-voice" in result.rules("good")


def test_words_in_hashtags_and_links_are_not_counted():
    """Is a word to avoid inside a hashtag or link left alone (it is not the wording)?"""
    text = "Our winter range is in. harbourandpine.example/cheap-and-cheerful #Store"
    assert "avoid-words" not in check_post(text, platform="facebook").rules()


def test_one_emoji_on_linkedin_is_the_limit():
    """Does LinkedIn's tighter emoji limit apply?"""
    text = "Thank you to our shop teams 🙌 for a great week 🎉"
    assert "emoji" in check_post(text, platform="linkedin").rules("should fix")
    assert "emoji" not in check_post(text, platform="facebook").rules()


def test_long_sentence_and_hard_words():
    """Are a very long sentence and hard language flagged, with the reason?"""
    text = (
        "Harbour & Pine is delighted to announce the comprehensive reorganisation of our "
        "sustainability commitments, incorporating environmentally considerate manufacturing "
        "methodologies throughout our international supply relationships and distribution "
        "infrastructure."
    )
    result = check_post(text, platform="linkedin")
    assert {"sentence-length", "reading-ease"} <= result.rules("should fix")


def test_plain_post_scores_well():
    """Does a short, plain post score as plain English with a low reading age?"""
    score = readability(
        "Our sale starts on Friday. Throws and cushions are 20% off. Come and see us."
    )
    assert score.reading_ease >= 80
    assert score.reading_age <= 9
    assert score.sentences == 3


def test_reading_ease_formula():
    """Does reading ease follow Flesch's formula from the counts?"""
    score = readability("The cat sat on the mat. The dog ran to the park and back.")
    expected = (
        206.835 - 1.015 * (score.words / score.sentences) - 84.6 * (score.syllables / score.words)
    )
    assert score.reading_ease == pytest.approx(min(100, expected), abs=0.1)


@pytest.mark.parametrize(
    ("word", "count"),
    [("cat", 1), ("candle", 2), ("cushions", 2), ("beautiful", 3), ("sale", 1), ("wanted", 2)],
)
def test_syllables(word, count):
    """Are syllables counted about right from the spelling?"""
    assert syllables(word) == count


@pytest.mark.parametrize(
    ("text", "written", "listed"),
    [
        ("We are utilising new fabrics.", "utilising", "utilise"),
        ("Utilisation of space is key.", "Utilisation", "utilise"),
        ("It utilizes every corner.", "utilizes", "utilise"),
        ("Rooms optimised for light.", "optimised", "optimise"),
        ("Optimizing your living room.", "Optimizing", "optimise"),
        ("We leveraged our suppliers.", "leveraged", "leverage"),
        ("Storage solutions for small homes.", "solutions", "solution"),
        ("Cheaper than ever this week.", "Cheaper", "cheap"),
        ("Crazier deals inside.", "Crazier", "crazy"),
        ("Unbelievably soft throws.", "Unbelievably", "unbelievable"),
        ("Real synergies with our makers.", "synergies", "synergy"),
    ],
)
def test_every_form_of_a_word_to_avoid_is_found(text, written, listed):
    """Is a word to avoid found in its other forms and American spelling, and does the
    message quote the learner's word and the word on the list?"""
    found = check_post(text, platform="facebook").findings
    (finding,) = [f for f in found if f.check == "avoid-words"]
    assert f"'{written}' (a form of '{listed}')" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Keep them stored flat.",  # "store" is listed exactly: "stored" is another word
        "Storing them is easy.",
        "Our shop is open late.",
        "Used every day, made to last.",
        "Solid oak, oiled by hand.",
        "Sustainable oak, optimum thickness.",
    ],
)
def test_exact_words_and_ordinary_words_are_not_forms_of_a_word_to_avoid(text):
    """Are words marked exact found only as written, and are ordinary words left alone?"""
    assert "avoid-words" not in check_post(text, platform="facebook").rules()


def test_the_guide_lists_each_word_once_and_marks_exact_words():
    """Does the guide name a word once (forms are found from it) and mark the few that must
    match exactly?"""
    from coursework_kit.social.posts._forms import word_forms

    guide = brand_voice()
    exact = {w for rule in guide.avoid if rule.exact for w in rule.words}
    assert {"store", "ASAP"} <= exact
    assert set(word_forms("store", exact=True)) == {"store"}
    assert {"utilising", "utilised", "utilises", "utilisation", "utilizing"} <= set(
        word_forms("utilise")
    )
    assert word_forms("no. 1") == ("no. 1",)


@pytest.mark.parametrize(
    "text",
    [
        "buy our lovely candles today " * 400,  # one sentence of 2,000 words
        "Incomprehensibilities. " * 12,  # one huge word a sentence
        "and " * 120 + "then we went home.",
    ],
)
def test_odd_text_is_said_to_be_very_hard_to_read(text):
    """Is the reading age of an endless sentence or huge words kept at 21 and said as "over 20
    (very hard to read)", in the score and in the post's finding, never as a made-up age?"""
    score = readability(text)
    assert score.reading_age == 21
    assert score.reading_age_words == "over 20 (very hard to read)"
    assert "reading age <strong>over 20 (very hard to read)</strong>" in score._repr_html_()
    (finding,) = [
        f for f in check_post(text, platform="facebook").findings if f.check == "reading-ease"
    ]
    assert "reading age over 20 (very hard to read)." in finding.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hi.", "about 5"),  # the lowest age people read at
        ("Our sale starts on Friday. Throws and cushions are 20% off.", "about 6"),
    ],
)
def test_a_plain_text_keeps_its_reading_age(text, words):
    """Does plain text keep the reading age the formula gives (at least 5), said as "about"?"""
    score = readability(text)
    assert score.reading_age_words == words
    assert f"reading age <strong>{words}</strong>" in score._repr_html_()


def test_the_score_counts_one_word_and_one_sentence_in_the_singular():
    """Does a one-word post say "1 word in 1 sentence", not "1 words"?"""
    assert ": 1 word in 1 sentence." in readability("Hello")._repr_html_()
    assert ": 4 words in 2 sentences." in readability("Hello there. Bye now.")._repr_html_()
