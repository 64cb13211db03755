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
    assert problem.line > 1
    assert "not valid YAML" in problem.message


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
