"""check_post: platform limits, the feed cut-off, hashtags, links, alt text and ad labels."""

from __future__ import annotations

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.social.posts import PostsInputError, check_post, platform_rules
from coursework_kit.social.posts._drafts import draft

SALE = "Our winter sale starts today: 20% off throws and cushions until Sunday."


@pytest.mark.parametrize(
    ("platform", "limit"),
    [
        ("x", 280),
        ("facebook", 63206),
        ("instagram", 2200),
        ("linkedin", 3000),
        ("tiktok", 4000),
        ("threads", 500),
    ],
)
def test_limits_as_published(platform, limit):
    """Is each platform's character limit the published one, dated November 2026?"""
    rules = platform_rules(platform)
    assert rules.limit == limit
    assert rules.character_limit.checked.startswith("2026-11")
    assert rules.character_limit.source


@pytest.mark.parametrize(
    ("platform", "length", "severity"),
    [
        ("x", 280, "good"),
        ("x", 281, "must fix"),
        ("threads", 500, "good"),
        ("threads", 501, "must fix"),
        ("instagram", 2200, "good"),
        ("instagram", 2201, "must fix"),
        ("linkedin", 3001, "must fix"),
        ("tiktok", 4001, "must fix"),
    ],
)
def test_length_against_the_limit(platform, length, severity):
    """Is a post one character over the limit a must fix, and one at the limit fine?"""
    text = ("Cosy " * 1000)[:length]
    result = check_post(text, platform=platform)
    (finding,) = [f for f in result.findings if f.check == "length"]
    assert finding.severity == severity


@pytest.mark.parametrize(
    ("platform", "length", "cut"),
    [
        ("instagram", 125, False),
        ("instagram", 126, True),
        ("facebook", 126, True),
        ("linkedin", 141, True),
        ("x", 280, False),
        ("threads", 500, False),
    ],
)
def test_cut_off_in_the_feed(platform, length, cut):
    """Is a post longer than the 'see more' point told to put its message first?"""
    text = ("Warm " * 200)[:length]
    assert ("cutoff" in check_post(text, platform=platform).rules("should fix")) is cut


def test_x_counts_links_as_23_and_emoji_as_2():
    """Does X count a long link as 23 characters and an emoji as 2?"""
    link = "https://harbourandpine.example/" + "a" * 100
    assert check_post(f"Sale {link}", platform="x").length == 5 + 23
    assert check_post("Sale 🕯️", platform="x").length == 7
    assert check_post("Sale 🕯️", platform="instagram").length == 6


@pytest.mark.parametrize(
    ("platform", "tags", "severity"),
    [
        ("x", 2, None),
        ("x", 3, "should fix"),
        ("instagram", 5, None),
        ("instagram", 6, "must fix"),
        ("threads", 1, None),
        ("threads", 2, "must fix"),
        ("linkedin", 4, "should fix"),
    ],
)
def test_hashtag_counts(platform, tags, severity):
    """Are too many hashtags flagged against the platform's advice and its hard limit?"""
    words = ["Cosy", "Candles", "Oak", "Wool", "Throws", "Linen"][:tags]
    text = "New in this week. " + " ".join(f"#{w}" for w in words)
    result = check_post(text, platform=platform)
    counted = [f.severity for f in result.findings if f.check == "hashtag-count"]
    assert counted == ([severity] if severity else [])


@pytest.mark.parametrize(
    ("tag", "flagged", "suggestion"),
    [
        ("#blackfriday", True, "#BlackFriday"),
        ("#harbourandpine", True, "#HarbourAndPine"),
        ("#SUMMERSALE", True, "#SummerSale"),
        ("#BlackFriday", False, ""),
        ("#candles", False, ""),
        ("#homeware", False, ""),
    ],
)
def test_camel_case_hashtags(tag, flagged, suggestion):
    """Is a several-word hashtag in one case told to use CamelCase, for screen readers?"""
    result = check_post(f"{SALE} {tag}", platform="instagram")
    case = [f for f in result.findings if f.check == "hashtag-case"]
    assert bool(case) is flagged
    if flagged:
        assert suggestion in case[0].message
        assert "screen reader" in case[0].why.lower()


def test_hashtags_in_the_middle_of_sentences():
    """Are hashtags scattered through a sentence flagged, but a tag list at the end not?"""
    spammy = "Our #new #cosy throws are #here for winter."
    assert "hashtag-placement" in check_post(spammy, platform="facebook").rules("should fix")
    tidy = "Our new cosy throws are here for winter. #CosyHome #Throws"
    assert "hashtag-placement" not in check_post(tidy, platform="facebook").rules()


@pytest.mark.parametrize(
    ("platform", "severity"),
    [("instagram", "should fix"), ("tiktok", "should fix"), ("x", "good"), ("facebook", "good")],
)
def test_links(platform, severity):
    """Is a link in a caption flagged where it cannot be tapped, and fine where it can?"""
    result = check_post(f"{SALE} harbourandpine.example/sale", platform=platform)
    (finding,) = [f for f in result.findings if f.check == "link"]
    assert finding.severity == severity


@pytest.mark.parametrize(
    ("has_image", "alt", "severity"),
    [
        (True, None, "must fix"),
        (True, "   ", "must fix"),
        (False, "A grey wool throw on an oak bench.", "good"),
        (True, "Image of a throw on a bench.", "should fix"),
        (True, "Throw", "should fix"),
        (True, "A grey wool throw folded on an oak bench.", "good"),
        (False, None, None),
    ],
)
def test_alt_text(has_image, alt, severity):
    """Does an image without alt text have to be fixed, and is weak alt text improved?"""
    result = check_post(SALE, platform="instagram", has_image=has_image, image_alt_text=alt)
    found = [f.severity for f in result.findings if f.check == "alt-text"]
    assert found == ([severity] if severity else [])


def test_alt_text_over_x_limit():
    """Is alt text over X's 1,000 characters a must fix?"""
    result = check_post(SALE, platform="x", image_alt_text="A throw. " * 150)
    assert "alt-text" in result.rules("must fix")


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (f"#ad {SALE}", "good"),
        (f"Ad | {SALE}", "good"),
        (f"AD: {SALE}", "good"),
        (f"{SALE} #ad", "must fix"),
        (f"{SALE} #spon", "must fix"),
        (f"#gifted {SALE}", "must fix"),
        (f"Sponsored: {SALE}", "must fix"),
        (SALE, "must fix"),
    ],
)
def test_paid_posts_need_ad_at_the_start(text, severity):
    """Is a paid or gifted post labelled clearly (#ad) at the start, per CAP Code 2.1?"""
    result = check_post(text, platform="instagram", paid_partnership=True)
    (finding,) = [f for f in result.findings if f.check == "disclosure"]
    assert finding.severity == severity
    assert "CAP Code rule 2.1" in finding.source
    assert "November 2026" in finding.source


def test_unpaid_posts_need_no_label():
    """Does a post that is not paid for get no disclosure finding?"""
    assert "disclosure" not in check_post(SALE, platform="instagram").rules()


def test_every_finding_says_why():
    """Does every problem found say why it matters?"""
    d = draft("influencer-candles")
    result = check_post(d.text, platform=d.platform, has_image=True, paid_partnership=True)
    for finding in result.must_fix + result.should_fix:
        assert len(finding.why) > 20, finding


@pytest.mark.parametrize("draft_id", ["influencer-candles", "x-too-long"])
def test_drafts_show_their_problems(draft_id):
    """Does each fix-the-draft task's draft show every problem it was written to have?"""
    d = draft(draft_id)
    result = check_post(
        d.text,
        platform=d.platform,
        has_image=d.has_image,
        image_alt_text=d.image_alt_text,
        paid_partnership=d.paid_partnership,
    )
    found = result.rules("must fix") | result.rules("should fix")
    assert set(d.problems) <= found
    assert not result.ready


def test_a_good_post_is_ready():
    """Does a well-written post pass with only good findings?"""
    text = (
        "#ad Mia here. Harbour & Pine sent me their new oak candle holders. They are solid, "
        "simple and made in Cumbria. #CandleHolders"
    )
    result = check_post(
        text,
        platform="instagram",
        has_image=True,
        image_alt_text="Two oak candle holders with lit white candles on a windowsill.",
        paid_partnership=True,
    )
    assert result.ready
    assert result.should_fix == []
    assert "Ready to post on Instagram" in repr(result)
    assert "Why it matters" in result._repr_html_()


def test_empty_post_and_bad_input():
    """Is an empty post a must fix, and are wrong inputs plain errors?"""
    assert check_post("  ", platform="x").rules("must fix") == {"empty"}
    with pytest.raises(PostsInputError, match="not a platform"):
        check_post(SALE, platform="myspace")
    with pytest.raises(CourseworkError, match="must be text"):
        check_post(42, platform="x")
    with pytest.raises(TypeError, match="True or False"):
        check_post(SALE, platform="x", paid_partnership="yes")


def test_platform_names_are_accepted():
    """Can a platform be named as people say it ('Twitter', 'Instagram')?"""
    assert platform_rules("Twitter").id == "x"
    assert platform_rules("Instagram").id == "instagram"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (f"This isn't an ad. {SALE}", "isn't an ad"),
        (f"This is not an ad! {SALE}", "not an ad"),
        (f"Not an #ad, just love it. {SALE}", "Not an #ad"),
        (f"No ad here, honest. {SALE}", "No ad"),
        (f"This post is NOT sponsored. {SALE}", "NOT sponsored"),
        (f"This isn’t really an advert. {SALE}", "isn’t really an advert"),
        (f"Never an ad, always honest. {SALE}", "Never an ad"),
    ],
)
def test_a_post_that_says_it_is_not_an_ad_is_not_labelled(text, quoted):
    """Is "This isn't an ad" (and other denials) read as the opposite of a label, quoting the
    learner's words?"""
    result = check_post(text, platform="instagram", paid_partnership=True)
    (finding,) = [f for f in result.findings if f.check == "disclosure"]
    assert finding.severity == "must fix"
    assert f"says it is not an ad ('{quoted}')" in finding.message


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (f"Ad: {SALE}", "good"),
        (f"#ad We can't get enough of these. {SALE}", "good"),
        ("Not for everyone? #ad Our winter sale starts today.", "good"),
        (f"Our ad-free app is out. {SALE}", "must fix"),
        (f"An ad hoc sale. {SALE}", "must fix"),
    ],
)
def test_a_negation_elsewhere_or_ad_free_is_not_a_denial_or_a_label(text, severity):
    """Does a label stay a label when a negation elsewhere in the post is about something
    else, and is "ad-free" or "ad hoc" no label at all?"""
    result = check_post(text, platform="instagram", paid_partnership=True)
    (finding,) = [f for f in result.findings if f.check == "disclosure"]
    assert finding.severity == severity
    assert "says it is not an ad" not in finding.message
