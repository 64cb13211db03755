"""The `coursework` command line: plain help for every argument, and a list of the commands
when run with none (`coursework export-grades` itself is tested in test_export.py)."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from coursework_kit.tutor.cli import main, parser


def commands(node: argparse.ArgumentParser, words: tuple[str, ...] = ()):
    """Every command the parser has, as (words, its parser), however deep."""
    for action in node._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from commands(child, (*words, name))
            return
    yield words, node


ALL = list(commands(parser()))


def test_every_command_is_found():
    names = {" ".join(words) for words, _ in ALL}
    assert {"scenarios lint", "scenarios try", "autograde", "export-grades", "portfolio"} <= names
    assert len(names) == 10


@pytest.mark.parametrize(("words", "command"), ALL, ids=[" ".join(w) for w, _ in ALL])
def test_every_argument_of_every_command_says_what_it_is_for(words, command, capsys):
    """Does each command's --help open with what it does, and explain every argument and
    option in words (not just its name)?"""
    with pytest.raises(SystemExit) as stopped:
        main([*words, "--help"])
    assert stopped.value.code == 0
    shown = capsys.readouterr().out
    assert command.description
    assert command.description.split()[0] in shown
    for action in command._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help, f"{' '.join(words)}: {action.dest} has no help"
        assert len(action.help.split()) >= 4, f"{' '.join(words)}: {action.help!r} says too little"
        assert action.help.split()[0] in shown
    assert "required: " not in shown


@pytest.mark.parametrize("words", [[], ["scenarios"]])
def test_a_group_with_nothing_after_it_lists_its_commands_plainly(words, capsys):
    assert main(words) == 0
    shown = capsys.readouterr()
    listed = [w for w, _ in ALL if list(w[: len(words)]) == words]
    for command in listed:
        assert " ".join(command) in shown.out
    assert "--help" in shown.out
    assert "required" not in shown.out + shown.err
    assert all(len(line) <= 80 for line in shown.out.splitlines())


def test_the_installed_command_with_no_arguments_lists_the_commands():
    """The same through a real process: no argparse error, exit status 0."""
    run = subprocess.run(
        [sys.executable, "-m", "coursework_kit.tutor.cli"], capture_output=True, text=True
    )
    assert run.returncode == 0
    assert "export-grades" in run.stdout
    assert "demo-class" in run.stdout
    assert run.stderr == ""


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["export-grades"], "required: ASSIGNMENT, --format"),
        (["export-grades", "unit1", "--format", "blackboard"], "invalid choice: 'blackboard'"),
        (["nosuch"], "invalid choice: 'nosuch'"),
        (["autograde", "unit1", "--jobs", "many"], "invalid int value: 'many'"),
    ],
)
def test_a_mistake_says_what_was_wrong_and_where_the_help_is(argv, said, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert said in err
    assert f"coursework {argv[0] if argv[0] != 'nosuch' else ''}".strip() + " --help" in err
