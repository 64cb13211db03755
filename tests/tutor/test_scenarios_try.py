"""`coursework scenarios try` and try_scenario(): a script of replies played to a scenario.

The way chats are judged is still being improved, so these tests check the conversation, the
shape of the report and that a model chat beats a generic script, not exact marks or verdicts.
"""

from __future__ import annotations

import dataclasses
import io
import sys

import pytest

from coursework_kit.chat.scenario import load_scenario
from coursework_kit.chat.trial import Reply, Trial, read_replies, try_scenario
from coursework_kit.datasets import data_path
from coursework_kit.errors import CourseworkError, DatasetError, ReplyTypeError
from coursework_kit.feedback import SEVERITIES
from coursework_kit.tutor.cli import main

GOOD = """\
# A model chat for late-delivery: greet, pass security, paraphrase, a plan with a time, close.
Hello Priya, thank you for contacting Harbour & Pine, you're through to Sam. I'm sorry your \
order hasn't arrived, I can understand how frustrating that is.
For security, could I take your order number and postcode, please?

Thanks Priya. So your oak side table was due on Tuesday and still hasn't turned up, is that right?
It was last scanned at the Leeds depot on Wednesday. I'm going to chase the courier, Evri, for \
you now, and I'll email you an update by 5pm today. Does that sound OK?
Is there anything else I can help you with today?
Thank you for getting in touch, Priya. Have a lovely evening.
"""

# Every phrase a marker might look for, none of it about this customer or her parcel.
SCRIPT = [
    "Hello, thank you for contacting us, my name is Sam. How can I help?",
    "I understand how frustrating that must be and I apologise for any inconvenience caused.",
    "So what I'm hearing is that you have an issue, is that right?",
    "I will chase the courier, arrange a replacement, refund and escalate to my manager.",
    "Is there anything else I can help you with today?",
]


@pytest.fixture(scope="module")
def good_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("replies") / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def good(good_file):
    return try_scenario("late-delivery", good_file)


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_model_chat_gets_the_customer_to_a_happy_goodbye(good):
    """Does the customer pass security, confirm the paraphrase, accept the plan and say goodbye?"""
    scenario = load_scenario("late-delivery")
    customer = good.customer_lines
    assert customer[0] == scenario.opening
    assert customer[2] == scenario.verification_reply
    assert customer[3] in scenario.lines("confirm")
    assert customer[4] in scenario.lines("resolved")
    assert customer[-1] in scenario.lines("goodbye")
    assert good.ended_by == "customer"
    speakers = [t.speaker for t in good.turns]
    assert speakers == ["customer"] + ["agent", "customer"] * 5


def test_replies_after_the_chat_ends_are_listed_as_not_sent(good):
    """Is the line after the customer's goodbye left unsent, with its line in the file?"""
    assert good.not_sent == (
        Reply("Thank you for getting in touch, Priya. Have a lovely evening.", "line 8"),
    )
    assert sum(t.speaker == "agent" for t in good.turns) == 5
    assert "These replies were not sent" in good.text()
    assert "line 8: Thank you for getting in touch" in good.text()


def test_the_report_has_findings_grouped_by_severity_and_a_mark(good):
    """Does the printed report group the findings under headings, in order, then give the mark?"""
    feedback = good.feedback
    assert feedback.findings
    assert feedback.of("good")
    assert not feedback.of("must fix")  # nothing given out before security
    assert feedback.out_of
    assert 0 < good.share <= 1
    text = good.text()
    report = text[text.index("Report") :]
    headings = {"must fix": "Must fix (", "should fix": "Should fix (", "good": "Good ("}
    places = [report.index(headings[s]) for s in SEVERITIES if s in headings and feedback.of(s)]
    assert places == sorted(places)
    assert text.rstrip().endswith(
        f"Criteria met: {feedback.score:g} out of {feedback.out_of:g} ({good.share:.0%})."
    )
    assert " ".join(feedback.summary.split()) in " ".join(text.split())


def test_the_conversation_is_printed_and_wrapped(good):
    """Is every message printed after Adviser: or Customer:, wrapped to the width asked for?"""
    text = good.text(width=60)
    assert all(len(line) <= 60 for line in text.splitlines())
    assert "Customer: Hi, my order was supposed to arrive on Tuesday" in text
    assert "Adviser:  For security, could I take your order number and\n" in text
    chat = text[: text.index("Report")]
    labelled = [line for line in chat.splitlines() if line.startswith(("Adviser:", "Customer:"))]
    assert len(labelled) == len(good.turns)
    assert "The customer ended the chat." in chat


def test_a_keyword_stuffed_script_scores_lower_than_the_model_chat(good):
    """Does a script of stock phrases that would fit any customer earn less than the model?"""
    script = try_scenario("late-delivery", SCRIPT)
    assert script.share < good.share
    assert script.feedback.of("should fix")
    assert not script.not_sent


def test_a_trial_is_a_frozen_result_with_a_notebook_view(good):
    """Is a Trial frozen, short in its repr and shown as escaped HTML in a notebook?"""
    assert isinstance(good, Trial)
    with pytest.raises(dataclasses.FrozenInstanceError):
        good.not_sent = ()  # type: ignore[misc]
    assert repr(good).startswith("<Trial of late-delivery: 5 replies sent, 1 not sent.")
    page = good._repr_html_()
    assert "Harbour &amp; Pine" in page
    assert "Adviser:" in page
    assert "These replies were not sent" in page
    assert good.feedback._repr_html_() in page


def test_a_scenario_object_and_a_list_of_replies_work_as_well(good):
    """Given the Scenario itself and the lines as a list, is the chat the same as from files?"""
    lines = [r.text for r in read_replies(io.BytesIO(GOOD.encode("utf-8")))]
    again = try_scenario(load_scenario("late-delivery"), lines)
    assert [t.text for t in again.turns] == [t.text for t in good.turns]
    assert again.not_sent[0].where == "reply 6"


def test_a_tutors_own_scenario_file_can_be_tried(tmp_path):
    """Is a scenario file that passes lint tried, with its own customer's words?"""
    source = data_path("chat/scenarios/late-delivery.yaml").read_text(encoding="utf-8")
    own = source.replace("id: late-delivery", "id: late-sofa").replace(
        "Where is it?", "Where is my sofa?"
    )
    path = tmp_path / "late-sofa.yaml"
    path.write_text(own, encoding="utf-8")
    trial = try_scenario(str(path), ["Hello, you're through to Sam. How can I help?"])
    assert trial.scenario.id == "late-sofa"
    assert trial.turns[0].text.endswith("Where is my sofa?")
    assert len(trial.turns) == 3


def test_the_command_prints_the_chat_and_the_report(good_file, capsys):
    """Does `coursework scenarios try late-delivery FILE` print both and exit 0?"""
    code, out, err = run(["scenarios", "try", "late-delivery", str(good_file)], capsys)
    assert code == 0
    assert err == ""
    assert "Customer: Sure, it's HP-10482 and my postcode is LS6 2QT." in out
    assert "Report" in out
    assert "Criteria met: " in out


def test_the_command_reads_replies_from_standard_input(capsys, monkeypatch):
    """Does `-` read the replies from standard input, leaving out comments and blank lines?"""
    data = b"# first\n\nHello, you're through to Sam. How can I help?\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _err = run(["scenarios", "try", "late-delivery", "-"], capsys)
    assert code == 0
    assert "Adviser:  Hello, you're through to Sam. How can I help?" in out
    assert "# first" not in out
    assert out.count("Adviser:") == 1


def test_an_unknown_scenario_id_suggests_the_list(good_file, capsys):
    """Is a misspelt id a plain message naming the nearest id and `coursework scenarios list`?"""
    code, out, err = run(["scenarios", "try", "late-delivry", str(good_file)], capsys)
    assert code == 2
    assert out == ""
    assert "There is no scenario called 'late-delivry'" in err
    assert "Did you mean 'late-delivery'?" in err
    assert "coursework scenarios list" in err
    assert "Traceback" not in err


def test_a_scenario_file_that_fails_lint_points_to_the_linter(tmp_path, good_file, capsys):
    """Is a broken scenario file refused, with its problems and `coursework scenarios lint`?"""
    source = data_path("chat/scenarios/late-delivery.yaml").read_text(encoding="utf-8")
    path = tmp_path / "late-delivery.yaml"
    path.write_text(source.replace("title:", "titel:"), encoding="utf-8")
    code, out, err = run(["scenarios", "try", str(path), str(good_file)], capsys)
    assert code == 2
    assert out == ""
    assert "did you mean 'title'?" in err
    assert f"coursework scenarios lint {path}" in err
    missing = tmp_path / "missing.yaml"
    code, _out, err = run(["scenarios", "try", str(missing), str(good_file)], capsys)
    assert code == 2
    assert f"There is no scenario file at {missing}." in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "There is no replies file at"),
        (b"", "has no replies in it"),
        (b"# only a comment\n\n   \n", "has no replies in it"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a text file"),
        ("Hello, I'm Zoë from the café.\n".encode("latin-1"), "is not UTF-8 text"),
    ],
    ids=["missing", "empty", "only-comments", "binary", "latin-1"],
)
def test_a_replies_file_that_cannot_be_used_is_explained(tmp_path, capsys, content, expected):
    """Is a missing, empty, binary or wrongly encoded replies file a plain message, exit 2?"""
    path = tmp_path / "replies.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(["scenarios", "try", "late-delivery", str(path)], capsys)
    assert code == 2
    assert out == ""
    assert expected in err
    assert "Traceback" not in err


def test_a_folder_or_bad_standard_input_is_explained(tmp_path, capsys, monkeypatch):
    """Are a folder given as the replies and undecodable standard input plain messages too?"""
    code, _out, err = run(["scenarios", "try", "late-delivery", str(tmp_path)], capsys)
    assert code == 2
    assert "is a folder" in err
    stdin = io.TextIOWrapper(io.BytesIO(b"caf\xe9\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, _out, err = run(["scenarios", "try", "late-delivery", "-"], capsys)
    assert code == 2
    assert "Standard input is not UTF-8 text" in err


def test_a_windows_utf16_replies_file_is_read(tmp_path):
    """Is a replies file saved as UTF-16 with its byte order mark (PowerShell's `>`) read?"""
    path = tmp_path / "replies.txt"
    path.write_bytes("Hello, you're through to Sam.\r\nHow can I help?\r\n".encode("utf-16"))
    assert [r.text for r in read_replies(path)] == [
        "Hello, you're through to Sam.",
        "How can I help?",
    ]


def test_replies_given_in_python_are_checked():
    """Are a reply that is not text and a sentence given instead of a list plain errors?"""
    with pytest.raises(ReplyTypeError, match="Reply 2 is int, not text"):
        try_scenario("late-delivery", ["Hello", 42])  # type: ignore[list-item]
    with pytest.raises(DatasetError, match="give them as a list of text"):
        try_scenario("late-delivery", "Hello, how can I help?")
    with pytest.raises(CourseworkError, match="coursework scenarios list"):
        try_scenario("no-such-scenario", ["Hello"])


def test_findings_about_a_reply_name_its_line_in_the_file(tmp_path):
    """Does a finding about reply 2 also give the line it is on when comments come before it?"""
    path = tmp_path / "replies.txt"
    path.write_text("# a breach on purpose\n\nHello.\nIt's an oak side table, isn't it?\n")
    trial = try_scenario("late-delivery", path)
    assert [r.where for r in trial.sent] == ["line 3", "line 4"]
    about_reply_2 = [f for f in trial.feedback.findings if f.where == "reply 2"]
    assert about_reply_2  # the order's details were given out before security
    assert "reply 2 (line 4): " in trial.text(width=100)


def test_the_scenario_is_checked_before_standard_input_is_read(capsys, monkeypatch):
    """With `-` and a wrong id, is the mistake reported without waiting for replies?"""
    stdin = io.TextIOWrapper(io.BytesIO(b"Hello\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, _out, err = run(["scenarios", "try", "no-such-scenario", "-"], capsys)
    assert code == 2
    assert "There is no scenario called 'no-such-scenario'." in err
    assert stdin.buffer.tell() == 0


def test_a_course_scenario_given_as_a_file_name_points_to_its_id(capsys, good_file):
    """Is `late-delivery.yaml` (not there) answered with the id to use instead?"""
    code, _out, err = run(["scenarios", "try", "late-delivery.yaml", str(good_file)], capsys)
    assert code == 2
    assert "give its id: late-delivery" in err
