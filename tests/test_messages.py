"""Do the kit's messages read right for 0, 1 and many, and is no slip of English left in what
learners and tutors are shown?

Three kinds of test: each message that holds a count, checked with 0, 1 and several of the
thing counted; the slips named in the issue, each at its cause, with cases of our own; and a
sweep that runs every activity kind's assess() on shipped records, every workbook's cells and
every widget with typed input, and checks every message, repr and _repr_html_ with
:func:`coursework_kit._english.slips`. Input errors are checked to appear under the box they
are about, naming it.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import json
import re
from datetime import date
from pathlib import Path

import ipywidgets as w
import pytest

from coursework_kit._english import count, slips

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "tests" / "golden" / "records"


def texts_of(thing: object, seen: set[int] | None = None) -> list[str]:
    """Every piece of text ``thing`` shows: its repr and HTML, or a widget's labels and HTML."""
    seen = set() if seen is None else seen
    if id(thing) in seen:
        return []
    seen.add(id(thing))
    found: list[str] = []
    if isinstance(thing, w.Widget):
        shows_value = isinstance(thing, (w.HTML, w.HTMLMath, w.Label))
        for name in ("description", "tooltip", "placeholder", *(["value"] * shows_value)):
            value = getattr(thing, name, None)
            if isinstance(value, str):
                found.append(value)
        for option in getattr(thing, "options", ()) or ():
            label = option[0] if isinstance(option, tuple) else option
            if isinstance(label, str):
                found.append(label)
        for child in getattr(thing, "children", ()) or ():
            found += texts_of(child, seen)
        if isinstance(thing, w.Output):
            for output in thing.outputs:
                found += [v for v in output.get("data", {}).values() if isinstance(v, str)]
                found += [output["text"]] if "text" in output else []
        return found
    found.append(repr(thing))
    to_html = getattr(thing, "_repr_html_", None)
    if callable(to_html):
        found.append(to_html() or "")
    for finding in getattr(thing, "findings", ()) or ():
        found += [getattr(finding, "message", ""), getattr(finding, "why", "")]
    return found


def shown_under(root: w.Widget, box: w.Widget) -> str:
    """The text of the widget directly under ``box`` (or under the row of boxes holding it)."""
    children = list(getattr(root, "children", ()) or ())
    for number, child in enumerate(children):
        in_row = isinstance(child, w.HBox) and box in child.children
        if child is box or in_row:
            after = children[number + 1 : number + 2]
            return "".join(texts_of(after[0])) if after else ""
        found = shown_under(child, box)
        if found:
            return found
    return ""


def slips_in(*things: object) -> list[str]:
    return [
        f"{slip} in {text[:80]!r}" for t in things for text in texts_of(t) for slip in slips(text)
    ]


# -- counts with 0, 1 and many ----------------------------------------------------------------


@pytest.mark.parametrize("found", [0, 1, 2])
def test_a_multiple_answer_quiz_counts_what_was_found(found):
    """Does "you found N of the M right answers" read right for 0, 1 and 2 found?"""
    from coursework_kit.quiz import load_bank

    bank = load_bank("unit1-measuring")
    question = next(q for q in bank.questions if q.kind == "multiple" and len(q.correct_ids) >= 2)
    right = sorted(question.correct_ids)[:found]
    wrong = [o.id for o in question.options if o.id not in question.correct_ids][:1]
    result = question.mark(right + wrong)
    assert f"you found {found} of the {count(len(question.correct_ids), 'right answer')}" in (
        result.summary
    )
    assert slips_in(result) == []


@pytest.mark.parametrize("answered", [0, 1, 3])
def test_quiz_and_scenario_summaries_count_questions(tmp_path, answered):
    """Do the quiz's and the GDPR scenarios' summaries count what was answered plainly?"""
    from coursework_kit.gdpr import ScenarioQuiz
    from coursework_kit.gdpr.assess import assess as assess_decisions
    from coursework_kit.quiz import Quiz
    from coursework_kit.quiz.assess import assess as assess_quiz

    quiz = Quiz("unit1-measuring", folder=tmp_path)
    for question in quiz.bank.questions[:answered]:
        quiz.select(question.id, sorted(question.correct_ids)[0])
        quiz.check(question.id)
    feedback = assess_quiz(quiz.session.record)
    assert slips_in(quiz, feedback) == []
    if answered:
        total = len(quiz.bank.questions)
        assert f"{answered} of {count(total, 'question')} checked" in feedback.summary

    scenarios = ScenarioQuiz(unit=3, folder=tmp_path / "gdpr")
    for _ in range(answered):
        scenarios.choose(scenarios.current.choices[0].id)
        scenarios.check()
        scenarios.next()
    decisions = assess_decisions(scenarios.session.record)
    assert slips_in(scenarios, decisions) == []


@pytest.mark.parametrize(("total", "answered"), [(1, 1), (2, 1), (33, 0), (33, 2)])
def test_the_moderation_summary_counts_items_and_points(total, answered):
    """Is "N of M items checked ... of P points" right for a queue of 1 and of many?"""
    from coursework_kit.social.moderation.session import QueueSummary

    summary = QueueSummary(total, answered, answered, 0, answered, answered, answered, 1.0)
    assert f"{answered} of {count(total, 'item')} checked" in summary.text
    assert f"of {count(3 * total, 'point')}" in summary.text
    assert slips(summary.text) == []


@pytest.mark.parametrize("days", [1, 2, 14])
def test_a_plan_counts_its_days(days):
    """Does the plan's summary say "1 day" for a one-day campaign and "14 days" for two weeks?"""
    from datetime import timedelta

    from coursework_kit.planning import CampaignPlan, default_channels
    from coursework_kit.planning.summary import summary_html

    start = date(2026, 9, 7)
    plan = CampaignPlan(
        name="Test",
        objective="conversion",
        audience="UK adults",
        budget=1000,
        start=start,
        end=start + timedelta(days=days - 1),
        channels=default_channels({"paid_search": 40, "paid_social": 60}),
    )
    page = summary_html(plan)
    assert f"({count(days, 'day')})" in page
    assert slips(page) == []


@pytest.mark.parametrize("rows", [0, 2])
def test_looking_up_one_row_counts_what_was_found(rows):
    """Does asking for exactly one row say "There is no row" or "There are 2 rows"?"""
    from coursework_kit.datasets.rows import Rows
    from coursework_kit.errors import DatasetError

    data = [{"week": 1, "channel": "email"}] * rows + [{"week": 2, "channel": "email"}]
    table = Rows(data, columns=["week", "channel"])
    with pytest.raises(DatasetError) as raised:
        table.one(week=1)
    said = str(raised.value)
    assert said.startswith("There is no row" if rows == 0 else f"There are {rows} rows")


@pytest.mark.parametrize("learners", [0, 1, 3])
def test_the_grade_and_criteria_exports_count_learners(learners):
    """Do the export summaries say "1 learner ... is not", "3 learners ... are not"?"""
    from coursework_kit.tutor.export.grades import GradesExport
    from coursework_kit.tutor.export.portfolio import CriteriaExport

    ids = tuple(f"ab{n}" for n in range(learners))
    grades = GradesExport(
        lms="moodle",
        assignment="unit1",
        item_name="Unit 1",
        max_score=6,
        text="",
        by="ID number",
        graded=ids,
        no_hand_in=ids,
        awaiting_mark=(),
        not_on_roster=ids,
        no_lms_id=ids,
    )
    criteria = CriteriaExport("unit1", ("U1-AC1",) * max(1, learners), "", ids, ids)
    said = grades.summary(Path("out.csv")) + "\n" + criteria.summary(Path("c.csv"))
    assert f"{count(learners, 'learner')} graded" in said
    assert f"{count(learners, 'learner')} x {count(max(1, learners), 'criterion')}" in said
    if learners:
        verb = "is" if learners == 1 else "are"
        assert f"{count(learners, 'learner')} handed in unit1 but {verb} not on the roster" in said
        has = "has" if learners == 1 else "have"
        assert f"{count(learners, 'learner')} on the roster {has} no" in said
    assert slips(said) == []


# -- the slips named in the issue, at their cause ---------------------------------------------


@pytest.mark.parametrize(
    ("ratings", "said"),
    [
        ([5, 4, 3, 4.5], "Ratings are whole numbers from 1 to 5; 4.5 (number 4 in your list)"),
        ([5, 6], "Ratings are whole numbers from 1 to 5; 6 (number 2 in your list) is not one"),
        ([0], "Ratings are whole numbers from 1 to 5; 0 (number 1 in your list) is not one"),
        ([2.5], "Ratings are whole numbers from 1 to 5; 2.5 (number 1 in your list) is not one"),
        ([5, "x"], "number 2 in your list is 'x', but each one must be a number"),
        ([-1], "-1 (number 1 in your list) cannot be negative"),
    ],
)
def test_a_rating_that_is_not_one_is_explained_plainly(ratings, said):
    """Is a rating of 4.5 (or 6, or "x") refused saying what ratings are, not "4.5 ratings
    number 4"?"""
    from coursework_kit.errors import CourseworkError
    from coursework_kit.metrics import csat

    with pytest.raises(CourseworkError) as raised:
        csat(ratings)
    assert said in str(raised.value)
    assert "ratings number" not in str(raised.value)
    assert slips(str(raised.value)) == []


def test_scores_out_of_range_are_explained_the_same_way():
    """Are NPS scores told the same rule: whole numbers from 0 to 10?"""
    from coursework_kit.errors import CourseworkError
    from coursework_kit.metrics import nps

    with pytest.raises(CourseworkError, match=r"Scores are whole numbers from 0 to 10; 7\.5"):
        nps([9, 7.5])


def test_the_calculator_explains_a_half_rating_beside_the_box(tmp_path):
    """Typed into the calculator, is "5, 4.5" explained under the ratings box, plainly?"""
    from coursework_kit.metrics import MetricCalculator

    calculator = MetricCalculator("csat", folder=tmp_path)
    (box,) = calculator.boxes
    calculator.type(**{box: "5, 4.5, 3"})
    calculator.calculate()
    beside = calculator.problem(box)
    assert "4.5 (number 2 in your list) is not one" in beside
    assert beside in shown_under(calculator, calculator._boxes[box])
    assert slips(beside) == []


@pytest.mark.parametrize(
    ("power", "article"), [(0.8, "an 80%"), (0.5, "a 50%"), (0.85, "an 85%"), (0.9, "a 90%")]
)
def test_a_sample_size_says_a_or_an_by_the_sound(power, article):
    """Does "To have a 80% chance" come out as "an 80% chance", and "a 90% chance"?"""
    from coursework_kit.planning import sample_size

    found = sample_size(2.5, 0.5, power=power)
    assert f"To have {article} chance" in found.summary
    assert slips_in(found) == []


@pytest.mark.parametrize(("effect", "words"), [(1, "+1 percentage point,"), (2, "+2 percentage")])
def test_a_sample_size_counts_percentage_points(effect, words):
    """Is a rise of 1 percentage point said in the singular?"""
    from coursework_kit.planning import sample_size

    found = sample_size(5, effect)
    assert words in found.summary
    assert slips(found.summary) == []


@pytest.mark.parametrize(
    "bank", ["unit1-measuring", "unit2-misconceptions", "unit3-contact-centre"]
)
def test_a_right_answer_does_not_say_right_twice(bank):
    """When an option's feedback opens with "Right.", is the verdict not said again?"""
    from coursework_kit.quiz import load_bank

    for question in load_bank(bank).questions:
        result = question.mark(sorted(question.correct_ids))
        assert slips_in(result) == [], question.id
        assert not re.search(r"Right\.\s+Right", repr(result))


def test_a_verdict_is_not_said_twice_in_a_self_check():
    """Does a self-check whose message opens with its verdict show the verdict once?"""
    from coursework_kit._ui.snippets import verdict

    shown = verdict(True, "Right: the social desk can deal with this.")
    assert "Right!</strong> The social desk can deal with this." in shown
    assert slips(shown) == []
    assert "Not yet.</strong> Not so" in verdict(False, "Not so: a 3 is not satisfied.")


@pytest.mark.parametrize(
    ("channel", "label"), [("paid_social", "Paid social"), ("paid_search", "Paid search")]
)
def test_a_projection_check_names_the_channel_in_words(channel, label):
    """Is a channel named as people say it ("Paid social"), never "paid_social"?"""
    from coursework_kit.planning import CampaignPlan, check_projection, default_channels, project

    plan = CampaignPlan(
        name="Test",
        objective="conversion",
        audience="UK adults",
        budget=1000,
        start=date(2026, 9, 7),
        end=date(2026, 9, 20),
        channels=default_channels({"paid_search": 40, "paid_social": 60}),
    )
    for answer in (None, 1, "£4,920"):
        result = check_projection("clicks", answer, project(plan), channel=channel)
        assert result.label == f"Clicks ({label})"
        assert slips_in(result) == []


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"share": -5}, "share of budget for paid social cannot be negative"),
        ({"cost": -1}, "CPM for paid social cannot be negative"),
        ({"cost": 0}, "Paid social: a CPM of £0"),
        ({"aov": -10}, "average order value for paid social cannot be negative"),
    ],
)
def test_plan_errors_name_the_channel_in_words(change, words):
    """Does an impossible channel figure name the channel in words, not as "paid_social"?"""
    from coursework_kit.planning import Channel
    from coursework_kit.planning.plan import PlanError

    figures = {
        "name": "paid_social",
        "share": 50,
        "cost_model": "cpm",
        "cost": 4,
        "ctr": 1.2,
        "conversion_rate": 2,
        "aov": 55,
    }
    with pytest.raises(PlanError) as raised:
        Channel(**{**figures, **change})
    assert words in str(raised.value)
    assert slips(str(raised.value)) == []


@pytest.mark.parametrize("repeated", [["paid_social"], ["paid_social", "email"]])
def test_a_channel_listed_twice_is_named_with_the_right_verb(repeated):
    """Is "Paid social appears" singular, and "Paid social and Email each appear" plural?"""
    from coursework_kit.planning import CampaignPlan, Channel
    from coursework_kit.planning.plan import PlanError

    def channel(name: str) -> Channel:
        return Channel(name, 10, "cpc", 0.5, 2, 2, 50)

    with pytest.raises(PlanError) as raised:
        CampaignPlan(
            name="Test",
            objective="conversion",
            audience="UK adults",
            budget=1000,
            start=date(2026, 9, 7),
            end=date(2026, 9, 20),
            channels=[channel(n) for n in repeated * 2],
        )
    said = str(raised.value)
    assert ("appears more than once" if len(repeated) == 1 else "each appear") in said
    assert slips(said) == []


@pytest.mark.parametrize(
    "text",
    [
        "buy our lovely candles today " * 1000,  # one sentence of 5,000 words
        "a " * 300,
        "Supercalifragilisticexpialidocious. " * 3,
        "Antidisestablishmentarianism notwithstanding. " * 4,
    ],
)
def test_a_reading_age_stays_in_a_sensible_range(text):
    """Is the reading age of odd text (one endless sentence, huge words) kept in a range
    people have, and said as "very hard to read", never "reading age about 1952"?"""
    from coursework_kit.social.posts._text import readability

    score = readability(text)
    assert 5 <= score.reading_age <= 21
    shown = score._repr_html_()
    assert "very hard to read" in shown
    assert not re.search(r"reading age about <strong>(2[1-9]|[3-9]\d|\d{3,})", shown)


def test_a_chat_reports_criteria_in_words():
    """Does a chat's feedback name each criterion in words, never its id, and say nothing twice?"""
    feedback = _assess_golden("chat")
    assert slips_in(feedback) == []


# -- errors beside the box --------------------------------------------------------------------


def test_the_calculator_shows_each_problem_under_its_own_box(tmp_path):
    """Is a figure that cannot be read explained under its own box, naming it?"""
    from coursework_kit.metrics import MetricCalculator

    calculator = MetricCalculator("ctr", folder=tmp_path)
    calculator.type(clicks="lots", impressions="1,800")
    calculator.calculate()
    assert "lots" in calculator.problem("clicks")
    assert "clicks" in calculator.problem("clicks")
    assert calculator.problem("clicks") in shown_under(calculator, calculator._boxes["clicks"])
    assert calculator.problem("impressions") == ""
    assert slips(calculator.problem("clicks")) == []


def test_the_planner_shows_a_share_problem_under_its_box(tmp_path):
    """Is a share that cannot be used explained under that channel's box, naming the channel?"""
    from coursework_kit.planning import CampaignPlanner

    planner = CampaignPlanner(folder=tmp_path)
    name = planner.plan.channels[0].name
    planner.type_share(name, float("nan"))
    beside = planner.share_problem(name)
    assert "share of budget for paid search" in beside
    assert beside in shown_under(planner, planner._shares[name])
    assert all(planner.share_problem(c.name) == "" for c in planner.plan.channels[1:])
    planner.type_share(name, 30)
    assert planner.share_problem(name) == ""


def test_the_planner_shows_a_budget_problem_under_the_campaign_boxes(tmp_path):
    """Is a budget that cannot be read explained under the campaign boxes, naming the budget?"""
    from coursework_kit.planning import CampaignPlanner

    planner = CampaignPlanner(folder=tmp_path)
    planner.type_budget("lots")
    assert "budget" in planner.campaign_problem.lower()
    assert slips(planner.campaign_problem) == []


def test_the_journey_mapper_shows_an_empty_box_under_that_box(tmp_path):
    """Is "type a few words" shown under the friction form's own box, naming it?"""
    from coursework_kit.journeys import JourneyMapper

    mapper = JourneyMapper(folder=tmp_path)
    mapper.add_friction_from_form()
    form = mapper._friction_form
    assert "Type a few words first in the &quot;What goes wrong&quot; box" in form.problem.value
    shown = form.shown
    assert shown[shown.index(form.text) + 1] is form.problem
    assert mapper._opportunity_form.problem.value == ""


def test_the_access_deadline_calculator_shows_a_bad_date_beside_the_date_box(tmp_path):
    """Is a date the rules cannot handle shown beside the date box?"""
    from coursework_kit.gdpr import AccessDeadlineCalculator

    calculator = AccessDeadlineCalculator(folder=tmp_path)
    assert calculator.calculate(date(9999, 12, 15)) is None
    assert calculator.problem
    assert slips(calculator.problem) == []


def test_the_breach_helper_shows_a_bad_time_beside_the_time_box(tmp_path):
    """Is a time that is not a time shown beside the time box?"""
    from coursework_kit.gdpr import BreachHelper

    helper = BreachHelper(folder=tmp_path)
    helper.fill(day=date(2026, 3, 2), time="half nine", risk="likely")
    helper.decide()
    assert "half nine" in helper.problem or "time" in helper.problem.lower()
    assert slips(helper.problem) == []


def test_a_quiz_shows_its_problem_under_the_question(tmp_path):
    """Is "choose an answer" shown under the question it is about?"""
    from coursework_kit.quiz import Quiz

    quiz = Quiz("unit1-measuring", folder=tmp_path)
    first, second = quiz.bank.questions[:2]
    quiz.check(first.id)
    assert "Choose an answer" in quiz.feedback(first.id)
    assert quiz.feedback(second.id) == ""


def test_the_calendar_shows_a_form_problem_under_its_box(tmp_path):
    """Is a post with no owner chosen explained under the owner box, naming it?"""
    from coursework_kit.social import CalendarPlanner

    planner = CalendarPlanner(folder=tmp_path)
    planner.fill_form(owner=None)
    assert planner.press_add() is None
    assert "Owner box" in planner.shown["said"]  # the message line points to the box
    assert "owner" in shown_under(planner, planner._owner).lower()
    assert planner.problem("owner") in shown_under(planner, planner._owner)


def test_the_email_builder_shows_a_bad_time_under_the_time_box(tmp_path):
    """Is a send time of "25:99" explained under the time box, naming it?"""
    from coursework_kit.email import CampaignBuilder

    builder = CampaignBuilder(folder=tmp_path)
    builder.schedule("2026-12-01", "25:99")
    builder.check()
    assert "25:99" in shown_under(builder, builder._time)
    assert builder.schedule_problem in shown_under(builder, builder._time)


# -- the sweep: every activity kind, every workbook, the tutor commands -----------------------


def _assess_golden(kind: str):
    from coursework_kit.portfolio._pieces import ASSESSORS
    from coursework_kit.records import load_any

    record = load_any(json.loads((RECORDS / f"{kind}.json").read_text("utf-8")))
    if kind == "quiz":  # the golden quiz is of a made-up bank: mark it as a course quiz
        from coursework_kit.quiz import QuizCheck, QuizRecord, QuizWork

        at = "2026-11-03T14:05:00+00:00"
        work = QuizWork(
            chosen={"seo-one-time-task": ("false",)},
            checks=(QuizCheck("seo-one-time-task", ("false",), at),),
        )
        record = QuizRecord.new("unit1-measuring").with_work(work, learner="ab123", at=at)
    module, _, name = ASSESSORS[kind].partition(":")
    return getattr(importlib.import_module(module), name)(record)


@pytest.mark.parametrize("kind", [p.stem for p in sorted(RECORDS.glob("*.json"))])
def test_every_activity_kinds_feedback_reads_right(kind):
    """Does each activity kind's assess() give feedback with no slip in any message or why?"""
    assert slips_in(_assess_golden(kind)) == []


def _run_workbook(path: Path, monkeypatch) -> list[object]:
    """Run a workbook's code cells here, as Run All would; what each cell shows."""
    import IPython.display

    shown: list[object] = []
    monkeypatch.setattr(IPython.display, "display", lambda *things, **_: shown.extend(things))
    namespace: dict[str, object] = {"__name__": "__main__"}
    for cell in json.loads(path.read_text("utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        last = tree.body[-1] if tree.body else None
        body = tree.body[:-1] if isinstance(last, ast.Expr) else tree.body
        exec(compile(ast.Module(body, []), str(path), "exec"), namespace)
        if isinstance(last, ast.Expr):
            value = eval(compile(ast.Expression(last.value), str(path), "eval"), namespace)
            if value is not None:
                shown.append(value)
    return shown


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted((ROOT / "workbooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_every_workbook_shows_no_slips(path, tmp_path, monkeypatch):
    """Run All on a workbook: does anything it shows (self-checks, tables, widgets) hold a slip?"""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JUPYTERHUB_USER", "ab123")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert slips_in(*_run_workbook(path, monkeypatch)) == []


def test_the_calendar_never_shows_an_empty_label(tmp_path):
    """Does the content calendar's feedback never show "Why it matters:" with nothing after it?"""
    from coursework_kit.social import CalendarPlanner

    assert slips_in(CalendarPlanner(folder=tmp_path)) == []


# Text as people type it: nothing, one word, one character, and a lot.
_TYPED = ["", "a", "Sale", "Big sale on now! 1 day only. " * 12]


def _type_into(name: str, folder: Path, text: str) -> object:
    """Make the widget called ``name`` and type ``text`` into its boxes, as a learner would."""
    if name == "snippet":
        from coursework_kit.search import SnippetPreview

        widget: object = SnippetPreview("oak shelves", folder=folder)
        widget.fill(title=text, description=text)
    elif name == "search ad":
        from coursework_kit.search import SearchAdBuilder

        widget = SearchAdBuilder("oak shelves", folder=folder)
        widget.set_headline(1, text)
        widget.set_description(1, text)
        widget.set_path(text[:10])
    elif name == "post":
        from coursework_kit.social import PostComposer

        widget = PostComposer("x", folder=folder)
        widget.type(text)
        widget.set_image(True, text)
    elif name == "calendar":
        from coursework_kit.social import CalendarPlanner

        widget = CalendarPlanner(folder=folder)
        widget.fill_form(text=text, image_alt_text=text)
        widget.press_add()
    elif name == "email":
        from coursework_kit.email import CampaignBuilder

        widget = CampaignBuilder(folder=folder)
        widget.set_subject(text)
        widget.set_body(text)
        widget.set_call_to_action(text)
        widget.send()
    elif name == "journey map":
        from coursework_kit.journeys import JourneyMapper

        widget = JourneyMapper(folder=folder)
        widget._friction_form.text.value = text
        widget.add_friction_from_form()
        widget.check()
    elif name == "planner":
        from coursework_kit.planning import CampaignPlanner

        widget = CampaignPlanner(folder=folder)
        widget.type_budget(text)
    elif name == "breach helper":
        from coursework_kit.gdpr import BreachHelper

        widget = BreachHelper(folder=folder)
        widget.fill(day=date(2026, 3, 2), time=text, risk="likely")
        widget.decide()
    else:
        from coursework_kit.metrics import MetricCalculator

        widget = MetricCalculator("aov", folder=folder)
        widget.type(revenue=text, orders=text)
        widget.calculate()
    return widget


_WIDGETS = (
    "calculator",
    "breach helper",
    "planner",
    "journey map",
    "email",
    "snippet",
    "search ad",
    "post",
    "calendar",
)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param(
            name,
            text,
            id=f"{name}-{['empty', 'one-letter', 'one-word', 'long'][_TYPED.index(text)]}",
        )
        for name in _WIDGETS
        for text in _TYPED
    ],
)
def test_widgets_read_right_whatever_is_typed(tmp_path, name, text):
    """With nothing, one letter, one word or a lot typed in, does any widget show a slip?"""
    assert slips_in(_type_into(name, tmp_path, text)) == []


@pytest.mark.parametrize(
    ("figures", "metric"),
    [
        ({"clicks": "0", "impressions": "48000"}, "ctr"),
        ({"clicks": "1", "impressions": "1"}, "ctr"),
        ({"clicks": "12", "impressions": "48,000"}, "ctr"),
        ({"clicks": "-3", "impressions": "0"}, "ctr"),
        ({"clicks": "", "impressions": "1.5"}, "ctr"),
    ],
)
def test_the_calculator_reads_right_for_any_figures(tmp_path, figures, metric):
    """With 0, 1, many and nonsense typed in, does the calculator show no slip?"""
    from coursework_kit.metrics import MetricCalculator

    calculator = MetricCalculator(metric, folder=tmp_path)
    calculator.type(**figures)
    calculator.calculate()
    assert slips_in(calculator) == []


@pytest.mark.parametrize("answer", [None, 0, 1, 2.5, "2.5%", "£1,200", "lots", True])
@pytest.mark.parametrize("metric", ["ctr", "csat", "aht", "roi", "cac"])
def test_self_checks_read_right_for_any_answer(metric, answer):
    """Does each self-check's verdict read right, whatever the learner types?"""
    from coursework_kit.metrics import check_answer

    figures = {
        "ctr": {"clicks": 1, "impressions": 48000},
        "csat": {"ratings": [5, 4, 1]},
        "aht": {"total_handle_seconds": 1, "contacts": 1},
        "roi": {"revenue": 1, "cost": 1},
        "cac": {"cost": 100, "new_customers": 1},
    }[metric]
    assert slips_in(check_answer(metric, answer, **figures)) == []


@pytest.mark.parametrize("answer", [None, "hide", "legal", "nonsense", 3])
def test_moderation_self_checks_read_right(answer):
    """Are moderation self-checks free of slips, codes shown in quotes?"""
    from coursework_kit.social import check_choice

    for part in ("action", "route"):
        assert slips_in(check_choice("defamation-named-manager", answer, part=part)) == []


def test_the_tutor_commands_print_plain_english(capsys, tmp_path):
    """Do the cheap tutor commands (help, list, lint) print no slip?"""
    from coursework_kit.tutor.cli import main

    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "broken.yaml").write_text("id: broken\nreplies: [\n", encoding="utf-8")
    for argv in (
        ["--help"],
        ["scenarios", "--help"],
        ["scenarios", "list"],
        ["scenarios", "lint", str(folder)],
        ["scenarios", "lint", str(tmp_path / "e")],
    ):
        with contextlib.suppress(SystemExit):
            main(argv)
    printed = capsys.readouterr()
    text = printed.out + printed.err
    assert "1 problem found." in text
    assert slips(text) == []
