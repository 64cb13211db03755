"""`coursework scenarios lint`: each problem explained, with its line."""

from __future__ import annotations

from coursework_kit.chat.lint import lint_file
from coursework_kit.datasets import data_path
from coursework_kit.tutor.cli import main

SOURCE = data_path("chat/scenarios/late-delivery.yaml").read_text()


def write(tmp_path, text, name="late-delivery.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def line_of(text, fragment):
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_shipped_scenarios_are_clean(capsys):
    """Do all the scenarios that come with the course pass the linter?"""
    assert (
        main(["scenarios", "lint", str(data_path("chat/scenarios/late-delivery.yaml").parent)]) == 0
    )
    assert "No problems found." in capsys.readouterr().out


def test_a_misspelt_field_is_named_with_a_suggestion(tmp_path):
    """Is 'mod:' for 'mood:' reported at its line with 'did you mean'?"""
    text = SOURCE.replace("  mood: annoyed", "  mod: annoyed")
    (problem, *rest) = lint_file(write(tmp_path, text))
    assert problem.line == line_of(text, "persona:")
    assert "'mod' is not a field here; did you mean 'mood'?" in problem.message
    assert any("'mood' is missing" in p.message for p in rest)


def test_a_value_not_allowed_lists_the_choices(tmp_path):
    """Is a mood that is not allowed reported at its own line with the allowed moods?"""
    text = SOURCE.replace("mood: annoyed", "mood: furious")
    (problem,) = lint_file(write(tmp_path, text))
    assert problem.line == line_of(text, "mood: furious")
    assert "'furious' is not allowed; use one of: calm, worried, annoyed, angry" in problem.message


def test_wrong_type(tmp_path):
    """Is patience written as words reported as needing a whole number?"""
    text = SOURCE.replace("patience_seconds: 90", "patience_seconds: ninety")
    (problem,) = lint_file(write(tmp_path, text))
    assert "should be a whole number" in problem.message


def test_bad_yaml_gives_its_line(tmp_path):
    """Is broken YAML reported at the line where it breaks, with advice?"""
    text = SOURCE.replace("persona:\n", "persona:\n  name: [unclosed\n")
    (problem,) = lint_file(write(tmp_path, text))
    assert problem.line == line_of(text, "name: [unclosed")
    assert "is not closed" in problem.message


def _break_line(text, number, old, new):
    lines = text.splitlines(keepends=True)
    assert old in lines[number - 1], lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "".join(lines)


def _quoted_lines(text):
    """Lines that hold one whole double-quoted value, and nothing after it."""
    return [
        i
        for i, line in enumerate(text.splitlines(), start=1)
        if line.rstrip().endswith('"')
        and line.count('"') == 2
        and (': "' in line or line.lstrip().startswith('- "'))
    ]


def test_an_unclosed_quote_is_reported_on_the_line_it_opens(tmp_path):
    """Is a quote left open reported where it opens, not where the parser gives up?"""
    checked = 0
    for number in _quoted_lines(SOURCE):
        text = _break_line(SOURCE, number, '"\n', "\n")
        (problem,) = lint_file(write(tmp_path, text))
        assert problem.line == number, (number, problem)
        assert "quote" in problem.message
        assert "scalar" not in problem.message
        assert "block" not in problem.message
        checked += 1
    assert checked >= 15


SYNTAX = {
    # what is broken, the fragment on the line to report, and words the message must use
    "colon in text": ("mood: annoyed", "mood: annoyed: very", "colon and a space"),
    "tab indent": ("  mood: annoyed", "\tmood: annoyed", "tab"),
    "line out of step": ("  mood: annoyed", " mood: annoyed", "does not line up"),
    "text after quote": (
        '    - "guarantee"',
        '    - "guarantee" or else',
        "after the closing quote",
    ),
    "unknown escape": ('    - "guarantee"', '    - "guar\\dantee"', "backslash"),
    "single quote left open": ('    - "guarantee"', "    - 'guarantee", "quote"),
}


def test_each_kind_of_yaml_mistake_is_explained_in_plain_words(tmp_path):
    """Is each common YAML slip reported at its own line, in words and not the parser's?"""
    for kind, (old, new, words) in SYNTAX.items():
        assert old in SOURCE, kind
        text = SOURCE.replace(old, new, 1)
        (problem,) = lint_file(write(tmp_path, text))
        assert problem.line == line_of(text, new.strip()), (kind, problem)
        assert words in problem.message, (kind, problem.message)
        for jargon in ("scalar", "<block", "mapping values", "expected key"):
            assert jargon not in problem.message, (kind, problem.message)


def test_a_key_given_twice_is_refused_naming_both_lines(tmp_path):
    """Is a second replies: (or any key twice in one section) an error naming both lines?"""
    text = SOURCE.replace("persona:\n", "persona:\n  mood: calm\n", 1)
    (problem,) = lint_file(write(tmp_path, text))
    first, second = line_of(text, "mood: calm"), line_of(text, "mood: annoyed")
    assert problem.line == second
    assert f"on line {first} and again on line {second}" in problem.message
    top = SOURCE + "title: Another title\n"
    (problem,) = lint_file(write(tmp_path, top))
    assert "'title' appears twice" in problem.message
    assert problem.line == len(top.splitlines())


def test_a_key_given_twice_is_refused_when_a_scenario_is_loaded(tmp_path):
    """Does loading a tutor's scenario (as the chat widget does) refuse a repeated key too?"""
    import pytest

    from coursework_kit.chat.scenario import load_scenario
    from coursework_kit.errors import DatasetError

    text = SOURCE.replace("persona:\n", "persona:\n  mood: calm\n", 1)
    with pytest.raises(
        DatasetError, match=r"not valid YAML at line \d+: 'mood' appears twice"
    ) as c:
        load_scenario(write(tmp_path, text))
    assert f"line {line_of(text, 'mood: annoyed')}" in str(c.value)


def test_the_same_key_in_different_sections_is_fine(tmp_path):
    """Are keys that repeat only across sections (each customer turn's text) still allowed?"""
    assert lint_file(write(tmp_path, SOURCE)) == []


def test_an_empty_file_says_so(tmp_path):
    """Is an empty scenario file (or one with only comments) reported as empty?"""
    for text in ("", "# to do\n"):
        (problem,) = lint_file(write(tmp_path, text))
        assert "empty" in problem.message


def test_an_empty_folder_is_not_a_pass(tmp_path, capsys):
    """Does a folder with no scenario files say so and exit non-zero, not 'No problems'?"""
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["scenarios", "lint", str(empty)]) == 1
    out = capsys.readouterr().out
    assert "no scenario files in this folder" in out
    assert "No problems found" not in out
    misnamed = tmp_path / "misnamed"
    misnamed.mkdir()
    (misnamed / "late-delivery.yml").write_text(SOURCE)
    (misnamed / "README.md").write_text("notes")
    assert main(["scenarios", "lint", str(misnamed)]) == 1
    assert "rename late-delivery.yml to late-delivery.yaml" in capsys.readouterr().out


def test_sense_checks(tmp_path):
    """Are a bad pattern and an unknown knowledge-base article found, each at its line?"""
    text = SOURCE.replace('    - "guarantee"', '    - "guarantee("').replace(
        "kb: [delivery-times, lost-parcels]", "kb: [delivery-times, no-such-article]"
    )
    problems = lint_file(write(tmp_path, text))
    messages = " ".join(p.message for p in problems)
    assert "is not a valid pattern" in messages
    assert "no knowledge-base article 'no-such-article'" in messages
    assert {p.line for p in problems} == {line_of(text, "guarantee("), line_of(text, "kb:")}


def test_id_must_match_file_name(tmp_path):
    """Is an id that differs from the file name reported?"""
    (problem,) = lint_file(write(tmp_path, SOURCE, name="other.yaml"))
    assert "should match the file name 'other'" in problem.message


def test_command_line_exit_codes(tmp_path, capsys):
    """Does the command exit 1 with each problem listed, and 2 for a missing path?"""
    bad = write(tmp_path, SOURCE.replace("mood: annoyed", "mood: furious"))
    assert main(["scenarios", "lint", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:" in out
    assert "1 problem found." in out
    assert main(["scenarios", "lint", str(tmp_path / "missing.yaml")]) == 2


def test_the_installed_console_script(tmp_path):
    """Does the installed `coursework` command run the linter from any folder?"""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).parent / "coursework"
    bad = write(tmp_path, SOURCE.replace("mood: annoyed", "mood: furious"))
    result = subprocess.run(
        [str(script), "scenarios", "lint", str(bad)], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "'furious' is not allowed" in result.stdout
    listing = subprocess.run(
        [str(script), "scenarios", "list"], capture_output=True, text=True, check=True
    )
    assert "late-delivery" in listing.stdout
