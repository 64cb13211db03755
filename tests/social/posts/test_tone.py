"""Reading a post's tone from what its words do: blaming customers, over-promising, pressure."""

from __future__ import annotations

import pytest

from coursework_kit.datasets import load_yaml
from coursework_kit.social.posts import brand_voice, check_post
from coursework_kit.social.posts._tone import read_tone
from coursework_kit.social.posts.voice import tone


def kinds(text):
    return set(read_tone(text).kinds)


@pytest.mark.parametrize(
    "text",
    [
        "Our customers are idiots who cannot read a size chart",
        "Honestly, some of our buyers are just thick.",
        "Shoppers who can't count to ten shouldn't be ordering sofas.",
        "Our custommers are so lazy it hurts.",
        "Tbh some people are complete numpties.",
    ],
)
def test_insults_are_a_must_fix_that_quotes_the_words(text):
    """Is a post that calls customers names not ready, with the writer's own words quoted?"""
    result = check_post(text, platform="facebook")
    assert not result.ready
    finding = next(f for f in result.must_fix if f.check == "blames-customers")
    assert text.strip(" .").split(",")[0][:20] in finding.message
    assert "Ready to post" not in result.summary


@pytest.mark.parametrize(
    "text",
    [
        "honestly some people just shouldn't shop online",
        "Customers really should not be allowed near a tape measure.",
        "If you can't work out a size chart, that's your problem.",
        "Your own fault for ignoring the care label.",
        "Sorry, but the problem was you, not the lamp.",
    ],
)
def test_contempt_in_ordinary_words(text):
    """Is contempt said without any rude word still read as blaming customers?"""
    assert "blames" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Oh great, yet another shopper who can't read a label.",
        "Lovely, another genius who thinks oak is waterproof.",
        "Stop whining about postage, honestly.",
        "Sure, blame the shop, not the person who forgot to measure.",
    ],
)
def test_sarcasm_at_customers(text):
    """Is mocking praise or sarcasm aimed at customers read as blaming them?"""
    assert "blames" in kinds(text)


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("We never blame our customers.", False),
        ("It's not your fault, and we're sorry.", False),
        ("We'd never call anyone stupid for asking.", False),
        ("Nobody should have to guess their size.", False),
        ("Don't blame us, you ordered the wrong size.", True),
        ("dont blame us, u picked the wrong colour", True),
        ("Not our fault you didn't check the measurements.", True),
        ("We're not responsible for your mistakes.", True),
    ],
)
def test_negation_is_read_both_ways(text, blames):
    """Does a negation make blame kind ("we never blame") or make it blame ("don't blame us")?"""
    assert ("blames" in kinds(text)) is blames


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("It will definitely arrive tomorrow, guaranteed.", True),
        ("Guaranteed to fit.", True),
        ("Every order is garanteed to arrive by Friday.", True),
        ("These mugs will never chip.", True),
        ("You'll 100% love this throw.", True),
        ("We can't guarantee it will arrive tomorrow.", False),
        ("Nothing is guaranteed with the weather, but we'll try.", False),
        ("We can't say for certain when it will be back.", False),
        ("Every chair has a five-year guarantee.", False),
        ("Made from 100% recycled cotton.", False),
        ("We promise to reply within a day.", False),
    ],
)
def test_guarantees_and_honest_hedges(text, over):
    """Is a guarantee nobody can be sure of caught, and an honest hedge or real policy not?"""
    assert ("over_promises" in kinds(text)) is over


@pytest.mark.parametrize(
    ("text", "pushed"),
    [
        ("Hurry, the sale ends soon.", True),
        ("Don't miss out on our sale.", True),
        ("Be quick, only a few left!", True),
        ("Huryy, ends tonight!", True),
        ("Buy now before it's too late.", True),
        ("These won't last, so order today.", True),
        ("No rush: the sale runs until Sunday.", False),
        ("There's no need to hurry, we have plenty.", False),
        ("The sale ends at 5pm on Sunday 6 December.", False),
        ("We have 12 left in sage green.", False),
        ("Fast, free delivery on everything.", False),
        ("Never miss an offer: sign up to our emails.", False),
    ],
)
def test_pressure_and_calm(text, pushed):
    """Is false urgency caught, and a calm post or a real end date or stock level not?"""
    assert ("pressure" in kinds(text)) is pushed


def test_over_promise_and_pressure_are_should_fix_with_the_reason():
    """Are over-promising and pressure should fix, each quoting the words and saying why?"""
    found = tone("Hurry! It's guaranteed to arrive tomorrow.", brand_voice())
    assert {f.check for f in found} == {"pressure", "over-promise"}
    assert all(f.severity == "should fix" and f.why for f in found)
    assert any("'It's guaranteed to arrive tomorrow'" in f.message for f in found)


def test_a_long_sentence_is_quoted_around_the_words():
    """Is only the part of a long sentence that matters quoted?"""
    text = (
        "We had a lovely week in the Kendal shop with lots of new lamps and rugs, and honestly "
        "the customers who cannot measure a window are the worst part of the job every day."
    )
    (hit,) = read_tone(text).hits
    assert "cannot measure" in hit.words
    assert len(hit.words) < len(text) - 20


def test_on_brand_writing_is_left_alone():
    """Are the guide's own good examples and the practice drafts free of tone findings?"""
    guide = brand_voice()
    drafts = load_yaml("social/drafts.yaml")["drafts"]
    texts = [good for _, good in guide.examples] + [d["text"] for d in drafts]
    assert all(tone(t, guide) == [] for t in texts)
    result = check_post(guide.examples[0][1], platform="facebook")
    assert "brand-voice" in result.rules("good")


def test_a_tone_problem_is_not_called_on_brand():
    """Is a post that blames customers never reported as sounding like the brand?"""
    result = check_post("Our customers are idiots who cannot read a size chart", platform="x")
    assert "brand-voice" not in result.rules()
    assert not any("Sounds like" in f.message for f in result.findings)


def test_the_guide_says_what_to_write_instead():
    """Does the guide give a severity, a suggestion and a reason for each kind of tone?"""
    guide = brand_voice()
    assert guide.tone_rule("blames").severity == "must fix"
    assert {r.kind for r in guide.tone} == {"blames", "over_promises", "pressure"}
    assert all(r.instead and r.why for r in guide.tone)
    assert "We never" in guide._repr_html_()


def test_text_is_required():
    """Is something that is not text refused with a plain message?"""
    with pytest.raises(TypeError, match="must be words"):
        read_tone(42)  # type: ignore[arg-type]
