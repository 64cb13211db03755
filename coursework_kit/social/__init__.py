"""Managing an organisation's social media (units 1 and 2): moderation, posts and the content
calendar, on one list of platforms.

- :mod:`.moderation`: Harbour & Pine's social media policy, its moderation queue and the rules
  that judge a moderation decision (``ModerationQueue``);
- :mod:`.posts`: checking a post against the platform, the advertising rules and the brand
  voice, and a feed preview (``PostComposer``);
- :mod:`.calendar`: the team's shared content calendar (``CalendarPlanner``);
- :mod:`.platforms`: the platforms all three name (``platform_rules``).

Every public name of the three is here too, so ``from coursework_kit.social import
PostComposer, CalendarPlanner, ModerationQueue`` works; :func:`assess` judges any of their
records. The widgets load ipywidgets only when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.errors import PostsInputError
from coursework_kit.social.assess import assess
from coursework_kit.social.calendar import (
    STATUSES,
    CalendarPost,
    CalendarRecord,
    CalendarReview,
    CalendarRuleError,
    CalendarWork,
    ContentCalendar,
    TeamMember,
    calendar_csv,
    load_calendar,
    write_calendar_csv,
)
from coursework_kit.social.moderation import (
    ChoiceCheck,
    EscalationCheck,
    Judgement,
    ModerationError,
    ModerationRecord,
    ModerationSession,
    ModerationWork,
    Policy,
    QueueItem,
    QueueSummary,
    ReplyCheck,
    check_choice,
    get_item,
    judge,
    load_policy,
    load_queue,
    personal_details,
)
from coursework_kit.social.platforms import platform_ids, platform_rules
from coursework_kit.social.posts import (
    PostCheck,
    PostPreview,
    PostRecord,
    PostWork,
    brand_voice,
    check_post,
    preview_post,
    readability,
)

if TYPE_CHECKING:
    from coursework_kit.social.calendar.widget import CalendarPlanner
    from coursework_kit.social.moderation.widget import ModerationQueue
    from coursework_kit.social.posts.widget import PostComposer

__all__ = [
    "STATUSES",
    "CalendarPlanner",
    "CalendarPost",
    "CalendarRecord",
    "CalendarReview",
    "CalendarRuleError",
    "CalendarWork",
    "ChoiceCheck",
    "ContentCalendar",
    "EscalationCheck",
    "Judgement",
    "ModerationError",
    "ModerationQueue",
    "ModerationRecord",
    "ModerationSession",
    "ModerationWork",
    "Policy",
    "PostCheck",
    "PostComposer",
    "PostPreview",
    "PostRecord",
    "PostWork",
    "PostsInputError",
    "QueueItem",
    "QueueSummary",
    "ReplyCheck",
    "TeamMember",
    "assess",
    "brand_voice",
    "calendar_csv",
    "check_choice",
    "check_post",
    "get_item",
    "judge",
    "load_calendar",
    "load_policy",
    "load_queue",
    "personal_details",
    "platform_ids",
    "platform_rules",
    "preview_post",
    "readability",
    "write_calendar_csv",
]


_WIDGETS = {
    "CalendarPlanner": "coursework_kit.social.calendar.widget",
    "ModerationQueue": "coursework_kit.social.moderation.widget",
    "PostComposer": "coursework_kit.social.posts.widget",
}


__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
