"""Social media posts (units 1 and 2): check a post, preview it in the feed, keep to the brand
voice.

- ``check_post`` checks a post against the platform's rules (dated figures, as checked in
  November 2026), the advertising label rules (CAP Code rule 2.1; ASA/CMA influencer guidance,
  as at November 2026) and Harbour & Pine's brand voice guide (``brand_voice()``), and
  ``preview_post`` shows how it would look cut off in the feed.
- ``PostComposer`` checks as the learner types; its work is a ``PostRecord``
  (``evidence/post-<task>.json``), judged by ``assess``.

The checks are plain functions; the composer loads ipywidgets only when first asked for. The
platforms come from :mod:`coursework_kit.social.platforms`, the one list the calendar and the
moderation queue use too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.errors import PostsInputError
from coursework_kit.social.platforms import platform_rules
from coursework_kit.social.posts._text import readability
from coursework_kit.social.posts.assess import assess
from coursework_kit.social.posts.check import PostCheck, check_post
from coursework_kit.social.posts.preview import PostPreview, preview_post
from coursework_kit.social.posts.record import PostRecord, PostWork
from coursework_kit.social.posts.voice import brand_voice

if TYPE_CHECKING:
    from coursework_kit.social.posts.widget import PostComposer

__all__ = [
    "PostCheck",
    "PostComposer",
    "PostPreview",
    "PostRecord",
    "PostWork",
    "PostsInputError",
    "assess",
    "brand_voice",
    "check_post",
    "platform_rules",
    "preview_post",
    "readability",
]


_WIDGETS = {"PostComposer": "coursework_kit.social.posts.widget"}


__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
