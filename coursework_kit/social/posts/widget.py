"""The post composer: a thin layout over the pure checks (:mod:`.check`, :mod:`.preview`).

Every user action is a method (``type``, ``choose_platform``, ``set_image``, ``save``...), so
tests and notebooks drive it without a browser. Its work is a :class:`.record.PostRecord` held
by an :class:`~coursework_kit.records.ActivitySession` (through the writing activities' shared
:class:`~coursework_kit._ui.activity.Activity`): every change is saved within a second, and a
new composer on the same folder (after a kernel restart, say) shows the learner's latest post.
Nothing here waits for input, so the widget just renders while nbgrader runs a notebook.
"""

from __future__ import annotations

import contextlib
import html
from pathlib import Path

import ipywidgets as w

from coursework_kit._ui.activity import Activity, button, watch
from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import status as info
from coursework_kit.errors import CourseworkError
from coursework_kit.records import Mode, now
from coursework_kit.social.platforms import platform_ids, platform_rules
from coursework_kit.social.posts._drafts import draft
from coursework_kit.social.posts.assess import check_draft
from coursework_kit.social.posts.check import PostCheck
from coursework_kit.social.posts.preview import preview_post
from coursework_kit.social.posts.record import FREE, PostDraft, PostRecord, PostWork, SavedPost

__all__ = ["PostComposer"]

_STYLE = {"description_width": "initial"}


class PostComposer(Activity):
    """Write a post and see the checks and a feed preview update as you type."""

    def __init__(
        self,
        platform: str = "instagram",
        *,
        text: str = "",
        draft_id: str | None = None,
        task: str | None = None,
        folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        """``draft_id`` starts from a draft in ``datasets/social/drafts.yaml``; ``task`` names
        the activity, so each task in a notebook has its own evidence file
        (``evidence/post-<task>.json``); ``mode`` is "practice" or "assessment"."""
        start = draft(draft_id) if draft_id else None
        self.task = task or draft_id or FREE
        resumed = self._open(PostRecord, self.task, folder, mode)
        self._versions: tuple[SavedPost, ...] = ()
        names = [(platform_rules(p).name, p) for p in platform_ids()]
        first = platform_rules(start.platform if start else platform).id
        self._platform = w.Dropdown(options=names, value=first, description="Platform")
        self._text = w.Textarea(
            value=start.text if start else text,
            placeholder="Write your post here.",
            description="Your post",
            style=_STYLE,
            layout=wide("700px"),
            rows=6,
        )
        self._image = w.Checkbox(
            value=bool(start and start.has_image), description="The post has an image", indent=False
        )
        self._alt = w.Text(
            value=(start.image_alt_text or "") if start else "",
            placeholder="Describe the image for people who cannot see it",
            description="Image alt text",
            style=_STYLE,
            layout=wide("700px"),
        )
        self._paid = w.Checkbox(
            value=bool(start and start.paid_partnership),
            description="Paid for, or made in return for a gift (needs an ad label)",
            indent=False,
            layout=wide(),
        )
        self._counter, self._preview, self._results = w.HTML(), w.HTML(), w.HTML()
        if resumed is not None:
            self._restore(resumed)
        controls = (self._platform, self._text, self._image, self._alt, self._paid)
        watch(controls, self._on_change)
        brief = f"<p>{html.escape(start.brief)}</p>" if start else ""
        save = button("Save draft", "Save this draft as evidence", self.save, "primary")
        self._brief = w.HTML(brief)
        super().__init__(
            [
                self._brief,
                self._platform,
                self._text,
                self._counter,
                self._image,
                self._alt,
                self._paid,
                self._preview,
                self._results,
                w.HBox([save]),
                self._line,
            ]
        )
        self.add_class("ck-post-composer")
        fit_width(self)
        self._refresh()

    @property
    def text(self) -> str:
        return str(self._text.value)

    @property
    def work(self) -> PostWork:
        """The post as it stands, and each version saved with "Save draft"."""
        post = PostDraft(
            platform=str(self._platform.value),
            text=self.text,
            has_image=bool(self._image.value),
            image_alt_text=str(self._alt.value),
            paid_partnership=bool(self._paid.value),
        )
        return PostWork(post=post, saved=self._versions)

    @property
    def shown(self) -> dict[str, str]:
        """What the learner sees (HTML): the brief, counter, preview and checks."""
        return {
            "brief": str(self._brief.value),
            "counter": str(self._counter.value),
            "preview": str(self._preview.value),
            "checks": str(self._results.value),
        }

    @property
    def alt_text_shown(self) -> bool:
        """Whether the alt text box is shown (it is, once the post has an image)."""
        return bool(self._alt.layout.display != "none")

    @property
    def result(self) -> PostCheck:
        """The checks on the post as it is now."""
        return check_draft(self.work.post)

    def type(self, text: str) -> PostCheck:
        """Type ``text`` at the end of the post, as a learner would."""
        self._text.value = self.text + text
        return self.result

    def set_text(self, text: str) -> PostCheck:
        """Replace the whole post with ``text``."""
        self._text.value = text
        return self.result

    def choose_platform(self, platform: str) -> PostCheck:
        self._platform.value = platform_rules(platform).id
        return self.result

    def set_image(self, has_image: bool, alt_text: str = "") -> PostCheck:
        self._alt.value, self._image.value = alt_text, has_image
        return self.result

    def set_paid(self, paid: bool) -> PostCheck:
        self._paid.value = paid
        return self.result

    def save(self) -> bool:
        """Press "Save draft": this version is kept in the evidence file, saved at once.
        True when the file holds it."""
        self._versions = (*self._versions, SavedPost(self.work.post, now()))
        self.session.update(self.work)
        return self.session.flush()

    def _restore(self, work: PostWork) -> None:
        with contextlib.suppress(CourseworkError):  # a platform unknown here: keep the task's
            self._platform.value = platform_rules(work.post.platform).id
        self._text.value, self._alt.value = work.post.text, work.post.image_alt_text
        self._image.value, self._paid.value = work.post.has_image, work.post.paid_partnership
        self._versions = work.saved

    def _refresh(self) -> None:
        self._alt.layout.display = None if self._image.value else "none"
        result = self.result
        self._counter.value = info(
            f"{result.length:,} of {result.platform.limit:,} characters "
            f"(about {result.platform.cutoff:,} show before '... more')."
        )
        self._preview.value = preview_post(self.text, result.platform.id)._repr_html_()
        self._results.value = result._repr_html_()
