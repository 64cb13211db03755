"""The feed preview: where a post is cut off, what is past the limit, and its links."""

from __future__ import annotations

from coursework_kit.social.posts import preview_post


def test_preview_cuts_at_the_feed_point():
    """Does the preview cut an Instagram caption near 125 characters, at a word break?"""
    text = "Our hand-poured candles are back for winter, in three scents. " * 4
    preview = preview_post(text, "instagram")
    assert preview.truncated
    assert len(preview.shown) <= 125
    assert not preview.shown.endswith(" ")
    assert "... more" in preview._repr_html_()
    assert preview.shown + " " + preview.hidden == text.strip()


def test_preview_marks_text_over_the_limit():
    """Is text past X's limit shown apart, in red, with a plain warning?"""
    preview = preview_post("a " * 150, "x")
    assert preview.over_limit
    assert "past the limit" in preview._repr_html_()
    assert len(preview.shown) == 280


def test_preview_greys_links_that_cannot_be_tapped():
    """Is a link shown greyed out on Instagram but blue on Facebook?"""
    text = "See harbourandpine.example/sale for more."
    assert "color:#57606a'>harbourandpine" in preview_post(text, "instagram")._repr_html_()
    assert "color:#0969da'>harbourandpine" in preview_post(text, "facebook")._repr_html_()
    assert "<script>" not in preview_post("<script>x</script>", "x")._repr_html_()
