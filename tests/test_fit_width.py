"""Every activity stays inside the notebook's width at 200% zoom: rows of controls wrap and
no control keeps ipywidgets' fixed 300-pixel width (checked in a real browser by
tests/browser; this checks the layout every widget is given)."""

from __future__ import annotations

import ipywidgets as w
import pytest

from coursework_kit._ui.layout import fit_width
from coursework_kit.chat import list_scenarios


def _controls(widget):
    if isinstance(widget, w.Box):
        yield widget
        for child in widget.children:
            yield from _controls(child)
    else:
        yield widget


def test_rows_wrap_and_controls_shrink():
    """Does an HBox wrap, and does a control get a maximum width, without undoing a width
    someone set on purpose?"""
    chosen = w.Dropdown(options=["a"], layout=w.Layout(max_width="10em"))
    row = w.HBox([w.Dropdown(options=["a", "b"]), w.Button(description="Go"), chosen])
    fit_width(w.VBox([row, w.Text()]))
    assert row.layout.flex_flow == "row wrap"
    assert row.children[0].layout.max_width == "calc(100% - 4px)"
    assert row.children[1].layout.max_width == "calc(100% - 4px)"
    assert chosen.layout.max_width == "10em"


def _activities():
    from coursework_kit.chat import ChatPicker
    from coursework_kit.email import CampaignBuilder
    from coursework_kit.gdpr import (
        AccessDeadlineCalculator,
        BreachHelper,
        MarketingPermissionChecker,
        ScenarioQuiz,
    )
    from coursework_kit.journeys import JourneyBuilder, JourneyMapper
    from coursework_kit.metrics import ChannelDashboard, MetricCalculator
    from coursework_kit.planning import CampaignPlanner, MatchingActivity
    from coursework_kit.quiz import Quiz
    from coursework_kit.search import SearchAdBuilder, SnippetPreview
    from coursework_kit.social import CalendarPlanner, ModerationQueue, PostComposer

    return {
        "campaign planner": lambda tmp: CampaignPlanner(folder=tmp, export_folder=tmp),
        "journey builder": lambda tmp: JourneyBuilder(folder=tmp),
        "matching activity": lambda tmp: MatchingActivity("pestle", folder=tmp),
        "chat": lambda tmp: ChatPicker(folder=tmp),
        "email campaign builder": lambda tmp: CampaignBuilder(folder=tmp),
        "GDPR scenarios": lambda tmp: ScenarioQuiz(unit=3, folder=tmp),
        "marketing checker": lambda tmp: MarketingPermissionChecker(),
        "access request deadline": lambda tmp: AccessDeadlineCalculator(),
        "breach helper": lambda tmp: BreachHelper(),
        "journey mapper": lambda tmp: JourneyMapper(folder=tmp),
        "channel dashboard": lambda tmp: ChannelDashboard(),
        "metric calculator": lambda tmp: MetricCalculator(),
        "content calendar": lambda tmp: CalendarPlanner(folder=tmp, csv_folder=tmp),
        "post composer": lambda tmp: PostComposer(),
        "search ad": lambda tmp: SearchAdBuilder(folder=tmp),
        "search snippet": lambda tmp: SnippetPreview(folder=tmp),
        "moderation queue": lambda tmp: ModerationQueue(folder=tmp),
        "quiz": lambda tmp: Quiz("unit1-measuring", folder=tmp),
    }


@pytest.mark.parametrize("name", sorted(_activities()))
def test_every_activity_fits_at_200_percent(name, tmp_path, monkeypatch):
    """Does every row of controls wrap, and every control have a maximum width?"""
    monkeypatch.chdir(tmp_path)
    activity = _activities()[name](tmp_path)
    if name == "chat":  # the chat itself appears once one is chosen (the list starts on the first)
        activity.choose(list_scenarios()[0])
    for widget in _controls(activity):
        if isinstance(widget, w.HBox):
            assert widget.layout.flex_flow == "row wrap", (name, widget)
        elif not isinstance(widget, w.Box) and isinstance(widget, w.DOMWidget):
            assert widget.layout.max_width, (name, widget)
