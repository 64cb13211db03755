"""The class similarity report: copies, links and near copies flagged; own work left alone."""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
from datetime import datetime, timedelta, timezone

import pytest

from coursework_kit.chat import ChatRecord, Conversation, load_scenario
from coursework_kit.errors import EvidenceError
from coursework_kit.records import RecordFile
from coursework_kit.tutor.similarity import (
    COPY,
    LINK,
    NEAR,
    SAME,
    SimilarityReport,
    similarity_report,
)

STUB = "Type your answer here."
QUESTION = (
    "Quote one paraphrase from your chat and explain why reflecting the problem back matters "
    "in a live chat, then name the check you used to confirm the customer understood."
)
ANSWERS = {
    "ann": (
        '"So just to check, you\'ve been charged £149 twice for one rug?" In a chat the customer '
        "cannot hear my tone, so repeating the problem shows I understood and catches mistakes "
        'early. I asked "Does that sound OK?" so he knew what would happen next and nothing was '
        "left. Next time I would tell him the exact time billing will contact him."
    ),
    "dan": (
        "I wrote back that he had paid for the rug twice and wanted the second payment back. "
        "Saying it back to him meant he could correct me straight away if I had got it wrong, "
        "which matters when you can only see words on a screen. At the end I asked whether the "
        "plan suited him and if there was anything else, and he said that was all."
    ),
    "fay": (
        "My paraphrase was about the double payment and his rent being due on Friday. Because "
        "live chat has no voice, the customer needs proof that I was listening, and summing up "
        "his worry did that. I checked he understood by asking him to confirm the billing team "
        "would email within two working days, which he agreed to."
    ),
    "gil": (
        "Callum said the money came out twice. I repeated the amount and the rug so we agreed "
        "on the facts before I asked for security details. It stops the adviser solving the "
        "wrong problem. To close I asked if my explanation made sense; a better check next "
        "time would be asking him what he expects to happen and when."
    ),
}
NEAR_COPY = (
    ANSWERS["ann"]
    .replace("catches mistakes early", "spots errors early")
    .replace("exact time", "precise time")
)
REPLIES = {
    "ann": [
        "Hi Callum, thanks for contacting Harbour & Pine. I'm sorry to hear that, I can "
        "understand how worrying it is with your rent due.",
        "So just to check, you've been charged £149 twice for one rug?",
        "For security, can you confirm your order number and postcode, please?",
        "Thank you. A refund of that size needs our billing team, so I'm passing this to them "
        "now as urgent and they'll email you within two working days. Does that sound OK?",
        "Is there anything else I can help you with today? Thanks for your patience.",
    ],
    "dan": [
        "Hello, you've come through to Sam. That sounds really stressful, let's get it sorted.",
        "Could you pop your order number and postcode in so I know it's your account?",
        "Thanks for those. I've sent the duplicate payment over to the billing team, marked "
        "urgent. They'll email you within 2 working days to say the money is on its way.",
        "Anything more I can do for you? Take care and good luck with the move.",
    ],
}
on_posix = pytest.mark.skipif(sys.platform == "win32", reason="links and pipes")


def notebook(answers, *, extra=None):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": f"## Task 4\n{QUESTION}"}]
    for grade_id, text in answers.items():
        info = {"grade_id": grade_id, "solution": True, "grade": True, "points": 6}
        cells.append({"cell_type": "markdown", "metadata": {"nbgrader": info}, "source": text})
    cells += extra or []
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def course_with(tmp_path, answers=None, chats=None):
    """A course with a release and one submission of unit4 per learner."""
    course = tmp_path / "course"
    (course / "release" / "unit4").mkdir(parents=True)
    (course / "release" / "unit4" / "unit4.ipynb").write_text(notebook({"task4-answer": STUB}))
    for learner, text in (answers or {}).items():
        figures = {"cell_type": "code", "metadata": {}, "source": "", "outputs": [learner]}
        written = notebook({"task4": text}, extra=[figures])  # each learner's own figures
        submission(course, learner).joinpath("unit4.ipynb").write_text(written)
    for learner, replies in (chats or {}).items():
        hold(course, learner, replies)
    return course


def submission(course, learner):
    folder = course / "submitted" / learner / "unit4"
    (folder / "evidence").mkdir(parents=True, exist_ok=True)
    return folder


def hold(course, learner, replies, start=datetime(2026, 3, 5, 10, 0, tzinfo=timezone.utc)):
    now = [start]
    chat = Conversation(load_scenario("charged-twice"), clock=lambda: now[0])
    for reply in replies:
        now[0] += timedelta(seconds=20 + len(reply) / 4)
        chat.reply(reply)
    record = ChatRecord.holding("charged-twice", chat.work(coach=False), mode="assessment")
    RecordFile(ChatRecord, "charged-twice", submission(course, learner) / "evidence").save(record)


def pairs(report):
    return {(m.learners, m.how) for m in report.matches}


def test_independent_work_is_not_flagged(tmp_path):
    """Are four learners' own answers and two learners' own chats left alone?"""
    report = similarity_report(course_with(tmp_path, ANSWERS, REPLIES), "unit4")
    assert report.learners == ("ann", "dan", "fay", "gil")
    assert report.matches == ()
    assert "no pairs of learners" in str(report)


def test_copies_links_and_near_copies_are_flagged(tmp_path):
    """Is a copied notebook a byte-for-byte copy, a linked chat a link to another learner's
    file, an answer with a few words changed near-identical, and the same replies typed into
    a chat of one's own the same text?"""
    course = course_with(tmp_path, ANSWERS, REPLIES)
    ann = submission(course, "ann")
    shutil.copy(ann / "unit4.ipynb", submission(course, "ben") / "unit4.ipynb")
    submission(course, "cal").joinpath("unit4.ipynb").write_text(notebook({"task4": NEAR_COPY}))
    name = "chat-charged-twice.json"
    (submission(course, "eve") / "evidence" / name).symlink_to(ann / "evidence" / name)
    hold(course, "hal", REPLIES["dan"], start=datetime(2026, 3, 6, 14, 0, tzinfo=timezone.utc))

    report = similarity_report(course, "unit4")
    found = pairs(report)
    assert (("ann", "ben"), COPY) in found
    assert (("ann", "ben"), SAME) in found  # the answer inside the copied notebook
    assert (("eve", "ann"), LINK) in found
    near = [m for m in report.matches if m.learners == ("ann", "cal")]
    assert [m.how for m in near] == ["near-identical"]
    assert NEAR <= near[0].similarity < 1
    assert (("dan", "hal"), SAME) in found  # held again, so not the same file
    everyone = {learner for m in report.matches for learner in m.learners}
    assert everyone <= {"ann", "ben", "cal", "dan", "eve", "hal"}
    assert {("ann", "cal"), ("ben", "cal")} >= {
        m.learners for m in report.matches if m.how == "near-identical"
    }
    text = str(report)
    assert "eve and ann: the file evidence/chat-charged-twice.json is a link to another" in text
    assert "not a mark" in text


def test_given_and_short_text_is_ignored(tmp_path):
    """Are answers left as the release's stub, answers that only quote the question or a
    pre-written response, and very short answers not flagged, however many learners share
    them?"""
    from coursework_kit.chat.knowledge import templates

    template = templates()[0].text
    given = {
        "a1": STUB,
        "a2": STUB,
        "b1": QUESTION,
        "b2": QUESTION,
        "c1": "I asked if that was OK for him.",
        "c2": "I asked if that was OK for him.",
        "d1": template,
        "d2": template,
    }
    report = similarity_report(course_with(tmp_path, given), "unit4")
    assert report.matches == ()


def test_learner_text_is_escaped_in_html(tmp_path):
    """Is a learner's markup shown as text in the HTML report, never run?"""
    hostile = "<script>alert('hi')</script> <b>bold</b> " + ANSWERS["dan"]
    course = course_with(tmp_path, {"ann": hostile, "<i>ben": hostile})
    report = similarity_report(course, "unit4")
    assert report.matches
    page = report.html()
    assert "<script>" not in page
    assert "<b>bold" not in page
    assert "&lt;script&gt;" in page
    assert "&lt;i&gt;ben" in page
    assert report._repr_html_() == page


@on_posix
def test_hostile_files_are_noted_and_the_rest_are_read(tmp_path):
    """Do a notebook that is not JSON, a pipe, a huge or deep chat file and a link out of the
    class each become a note, while the other learners are still compared?"""
    course = course_with(tmp_path, {"ann": ANSWERS["ann"], "ben": ANSWERS["ann"]})
    (submission(course, "cal") / "unit4.ipynb").write_text("{not json")
    os.mkfifo(submission(course, "dan") / "evidence" / "chat-charged-twice.json")
    (submission(course, "eve") / "evidence" / "chat-charged-twice.json").write_bytes(
        b"[" * 100_000 + b"]" * 100_000
    )
    (submission(course, "fay") / "evidence" / "chat-data-request.json").write_bytes(
        b" " * 3_000_000
    )
    outside = tmp_path / "secret.json"
    outside.write_text("{}")
    (submission(course, "gil") / "unit4.ipynb").symlink_to(outside)
    report = similarity_report(course, "unit4")
    assert pairs(report) == {(("ann", "ben"), SAME)}
    notes = "\n".join(report.notes)
    assert "dan: evidence/chat-charged-twice.json was not read" in notes
    assert "eve: evidence/chat-charged-twice.json was not read" in notes
    assert "fay: evidence/chat-data-request.json was not read" in notes
    assert "gil: unit4.ipynb is a link to a file outside the submissions" in notes


def test_a_class_of_300_finds_the_one_copied_pair(tmp_path):
    """Among 300 learners with answers of their own, is the one pair who share an answer with
    a word changed the only pair listed?"""
    words = [f"word{n}" for n in range(4_000)]
    rnd = random.Random(4)
    answers = {f"l{n:03d}": " ".join(rnd.choices(words, k=rnd.randint(60, 90))) for n in range(300)}
    answers["l299"] = answers["l007"].replace(answers["l007"].split()[30], "changed", 1)
    report = similarity_report(course_with(tmp_path, answers), "unit4")
    assert len(report.learners) == 300
    assert pairs(report) == {(("l007", "l299"), "near-identical")}


def test_many_copies_of_one_source_are_all_flagged(tmp_path):
    """When most of the class hands in one answer with a word changed each, is every pair still
    flagged, though the phrasing is then common in the class?"""
    words = ANSWERS["dan"].split()
    answers = {learner: text for learner, text in ANSWERS.items() if learner != "dan"}
    for n in range(12):
        changed = [*words[:n], f"changed{n}", *words[n + 1 :]]
        answers[f"copy{n:02d}"] = " ".join(changed)
    report = similarity_report(course_with(tmp_path, answers), "unit4")
    flagged = {m.learners for m in report.matches}
    copies = sorted(learner for learner in answers if learner.startswith("copy"))
    assert flagged == {(a, b) for i, a in enumerate(copies) for b in copies[i + 1 :]}


def test_bad_course_or_assignment_names_are_refused(tmp_path):
    """Is an assignment name with folders in it, or a course with no submissions, refused?"""
    with pytest.raises(EvidenceError):
        similarity_report(tmp_path, "../unit4")
    with pytest.raises(EvidenceError, match="submitted"):
        similarity_report(tmp_path, "unit4")


def test_the_report_reads_plainly():
    """Does the plain-text report say how many learners and pairs, and list each pair?"""
    from coursework_kit.tutor.similarity import Match

    report = SimilarityReport(
        "unit4",
        ("ann", "ben"),
        (
            Match(
                ("ann", "ben"),
                "the written answer task4 in unit4.ipynb",
                "near-identical",
                0.8,
                ("a…", "b…"),
            ),
        ),
        ("cal: unit4.ipynb was not read.",),
    )
    text = str(report)
    assert text.startswith("Similarity report for unit4: 2 learners, 1 pair of learners")
    assert "ann and ben: the written answer task4 in unit4.ipynb is near-identical (80% of" in text
    assert "  ann: a…" in text
    assert "Not read:\n  - cal: unit4.ipynb was not read." in text


def test_the_command_writes_the_page_and_prints_the_pairs(tmp_path, capsys):
    """Does `coursework similarity COURSE unit4` print the copied pair and write the page?"""
    from coursework_kit.tutor.cli import main

    text = next(iter(ANSWERS.values()))
    course = course_with(tmp_path, {"ann": text, "bob": text})
    assert main(["similarity", str(course), "unit4"]) == 0
    printed = capsys.readouterr().out
    assert "ann" in printed
    assert "bob" in printed
    page = course / "reports" / "similarity-unit4.html"
    assert "ann" in page.read_text()
    assert main(["similarity", str(course), "../x"]) == 2
