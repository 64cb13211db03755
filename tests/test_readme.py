"""Is the README true: do the files, commands, make targets and options it names exist?"""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from coursework_kit.tutor.cli import parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Everything the README shows as code: `inline` and fenced blocks.
CODE = re.findall(r"`([^`\n]+)`", README) + [
    line
    for block in re.findall(r"```[a-z]*\n(.*?)```", README, re.S)
    for line in block.splitlines()
]
TOP = (
    "assignments/",
    "benchmarks/",
    "coursework_kit/",
    "datasets/",
    "docs/",
    "tests/",
    "workbooks/",
)


# Made by running things (reports, a learner's evidence), so not in a fresh clone.
MADE = ("assignments/reports/", "assignments/submitted/", "workbooks/evidence/")


def _paths() -> list[str]:
    found = set()
    for text in CODE:
        for word in text.split():
            word = word.strip("(),;:")
            named = word.startswith((*TOP, "jupyter-config/")) and "<" not in word
            if named and not word.startswith(MADE):
                found.add(word)
    return sorted(found)


@pytest.mark.parametrize("path", _paths())
def test_every_file_the_readme_names_exists(path):
    """Does each repository path the README shows exist?"""
    assert (ROOT / path).exists(), f"the README names {path}, which is not in the repository"


def _commands() -> list[list[str]]:
    found = []
    for text in CODE:
        text = text.split("#")[0].strip()
        match = re.match(r"(?:\.venv/bin/)?coursework (.+)", text)
        if match:
            words = shlex.split(match.group(1).replace("[", " ").replace("]", " "))
            found.append(words)
    return found


def _subparsers(node: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in node._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(node: argparse.ArgumentParser) -> set[str]:
    return {flag for action in node._actions for flag in action.option_strings}


def test_the_readme_names_coursework_commands():
    """Does the README show the tutor commands at all (so the next test checks something)?"""
    named = {words[0] for words in _commands()}
    assert {"autograde", "criteria-report", "export-grades", "demo-class"} <= named


@pytest.mark.parametrize("words", _commands(), ids=" ".join)
def test_every_coursework_command_and_option_in_the_readme_exists(words):
    """Is each `coursework ...` the README shows a real command, with real options?"""
    node = parser()
    for word in words:
        commands = _subparsers(node)
        if commands and not word.startswith("-"):
            assert word in commands, f"coursework has no command {word!r}"
            node = commands[word]
            continue
        if word.startswith("--"):
            flag = word.split("=")[0]
            assert flag in _options(node), f"{node.prog} has no option {flag}"


def test_every_make_target_the_readme_names_exists():
    """Is each `make X` in the README a target in the Makefile?"""
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))
    named = {m for text in CODE for m in re.findall(r"^make ([a-z][\w-]*)", text.strip())}
    assert named, "the README names no make target"
    assert named <= targets, f"not in the Makefile: {sorted(named - targets)}"


def test_saved_as_you_go_is_true(tmp_path):
    """The README says work is saved within a second of each change: does a widget's change
    reach its evidence file within a second, with no button pressed?"""
    import time

    from coursework_kit.quiz.record import QuizCheck, QuizRecord, QuizWork
    from coursework_kit.records import ActivitySession

    assert "within a second of each change" in README
    session = ActivitySession(QuizRecord, "readme", folder=tmp_path)
    session.update(QuizWork(chosen={"q1": ("a",)}, checks=(QuizCheck("q1", ("a",), "t"),)))
    deadline = time.monotonic() + 1.5
    saved = tmp_path / "quiz-readme.json"
    while time.monotonic() < deadline and not saved.exists():
        time.sleep(0.05)
    assert saved.exists()
    assert '"q1"' in saved.read_text(encoding="utf-8")
    session.close()


def test_the_evidence_file_the_readme_shows_is_the_name_a_quiz_saves_under():
    """The README's example evidence file: is it the name the unit 1 quiz really uses?"""
    from coursework_kit.quiz.record import QuizRecord

    assert "workbooks/evidence/quiz-unit1-measuring.json" in README
    assert (ROOT / "datasets" / "quizzes" / "unit1-measuring.yaml").exists()
    assert QuizRecord.activity_for("unit1-measuring") == "quiz-unit1-measuring"
