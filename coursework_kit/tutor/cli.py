"""The ``coursework`` command, for tutors: ``coursework`` on its own lists the commands (and
``coursework scenarios`` on its own, that group's), and each command's ``--help`` says what
every argument is for. The commands: scenarios (lint, list, try), criteria-report, portfolio,
similarity, autograde, grading-report, export-grades and demo-class.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NoReturn

__all__ = ["main"]


def _lint(args: argparse.Namespace) -> int:
    from coursework_kit.chat.lint import lint_paths

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        for path in missing:
            print(f"{path}: there is no such file or folder.", file=sys.stderr)
        return 2
    problems = lint_paths(args.paths)
    for problem in problems:
        print(problem)
    count = len(problems)
    if count:
        print(f"{count} problem{'s' if count != 1 else ''} found.")
        return 1
    print("No problems found.")
    return 0


def _list(_args: argparse.Namespace) -> int:
    from coursework_kit.chat.scenario import list_scenarios, load_scenario

    for name in list_scenarios():
        scenario = load_scenario(name)
        print(f"{name:24} {scenario.title} ({scenario.channel_label})")
    return 0


def _try(args: argparse.Namespace) -> int:
    import shutil

    from coursework_kit.chat.trial import read_replies, scenario_from, try_scenario
    from coursework_kit.errors import CourseworkError

    try:
        scenario = scenario_from(args.scenario)  # before waiting for replies to be typed
        if args.replies == "-":
            if sys.stdin.isatty():
                print(
                    "Type the replies, one on each line, then press Ctrl+D "
                    "(on Windows, Ctrl+Z then Enter).",
                    file=sys.stderr,
                )
            replies = read_replies(sys.stdin.buffer, name="standard input")
        else:
            replies = read_replies(args.replies)
        trial = try_scenario(scenario, replies)
    except CourseworkError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(trial.text(width=min(shutil.get_terminal_size().columns, 100)))
    return 0


def _criteria_report(args: argparse.Namespace) -> int:
    from coursework_kit._english import count
    from coursework_kit.errors import CourseworkError
    from coursework_kit.tutor.report_pages import write_criteria_report
    from coursework_kit.tutor.reports import criteria_matrix

    out = args.out or args.course_dir / "reports"
    try:
        matrix = criteria_matrix(args.course_dir)
        written = write_criteria_report(matrix, out)
    except CourseworkError as exc:
        print(exc, file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"The report could not be written to {out}: {exc.strerror or exc}.", file=sys.stderr)
        return 2
    print(f"Criteria report for {count(len(matrix.learners), 'learner')} written to {out}:")
    for path in written[:3]:
        print(f"  {path}")
    print(f"  and {count(len(written) - 3, 'learner page')} in {out / 'learners'}")
    return 0


def _similarity(args: argparse.Namespace) -> int:
    from coursework_kit.errors import CourseworkError
    from coursework_kit.tutor.similarity import similarity_report

    try:
        report = similarity_report(args.course_dir, args.assignment)
    except CourseworkError as exc:
        print(exc, file=sys.stderr)
        return 2
    out = args.out or args.course_dir / "reports" / f"similarity-{args.assignment}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report.html(), encoding="utf-8")
    print(report)
    print(f"\nWritten to {out}")
    return 0


def _grading_report(args: argparse.Namespace) -> int:
    from coursework_kit.errors import CourseworkError
    from coursework_kit.tutor.graded import grading_report

    try:
        report = grading_report(args.course_dir, args.assignment)
    except CourseworkError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(report)
    return 1 if report.not_graded else 0


def _autograde(args: argparse.Namespace) -> int:
    from coursework_kit.errors import CourseworkError
    from coursework_kit.tutor.autograde import Outcome, plan_autograde, run_autograde

    try:
        plan = plan_autograde(
            args.course, args.assignment, learners=args.student or (), force=args.force
        )
        if not plan.to_grade:
            unchanged = len(plan.unchanged)
            which = f"all {unchanged} hand-ins were" if unchanged > 1 else "the one hand-in was"
            print(
                f"{args.assignment}: {which} graded already and nothing has changed since. "
                "--force grades them again."
            )
            return 0
        if args.jobs is not None and args.jobs < 1:
            raise CourseworkError(f"--jobs must be 1 or more, not {args.jobs}.")
        if args.scheduler and plan.course.db_url.startswith("sqlite"):
            print(
                "Note: the gradebook is a SQLite file. That is safe while every Dask worker "
                "runs on this computer; across machines, use a PostgreSQL gradebook (see the "
                "README).",
                file=sys.stderr,
            )
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no helper thread: the workers are forked from here
        bar = tqdm(
            total=len(plan.to_grade),
            desc=f"Autograding {args.assignment}",
            unit="learner",
            disable=None,  # a bar on a terminal; one line per learner in a log file
        )
        with bar:

            def done(outcome: Outcome) -> None:
                bar.update(1)
                if bar.disable:
                    said = "graded" if outcome.graded else "NOT graded"
                    print(f"  {outcome.learner}: {said}", flush=True)

            run = run_autograde(plan, jobs=args.jobs, scheduler=args.scheduler, on_done=done)
    except CourseworkError as exc:
        print(exc, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "\nStopped. Learners already graded keep their marks; run the same command again "
            "to grade the rest.",
            file=sys.stderr,
        )
        return 130
    print(run)
    return 1 if run.failed else 0


def _export_grades(args: argparse.Namespace) -> int:
    from coursework_kit.errors import CourseworkError
    from coursework_kit.tutor.export import export_file

    try:
        made, written = export_file(
            args.assignment,
            course=args.course,
            format=args.format,
            roster=args.roster,
            out=args.out,
            item_name=args.item_name,
            by=args.by,
        )
    except CourseworkError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(made.summary(written))
    return 0 if made.complete else 1


def _bar(done: int, total: int, label: str) -> None:
    """A progress bar on a terminal; one line per step when the output is a log file."""
    width = 30
    filled = width * done // max(total, 1)
    line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label}"
    if sys.stdout.isatty():
        end = "\n" if done == total else ""
        print(f"\r{line:<100}", end=end, flush=True)
    else:
        print(line, flush=True)


def _demo_class(args: argparse.Namespace) -> int:
    from coursework_kit.errors import CourseworkError
    from coursework_kit.tutor.demo import build_demo_class

    print(f"Building a demo class in {args.dir}: about five minutes.")
    try:
        demo = build_demo_class(args.dir, course=args.course, progress=_bar)
    except CourseworkError as exc:
        print(f"\n{exc}", file=sys.stderr)
        return 2
    print()
    print(demo.summary())
    return 0


COURSE_HELP = "the nbgrader course folder, with nbgrader_config.py in it (default: this folder)"
FOLDER_HELP = "the nbgrader course folder (with source/, submitted/ and gradebook.db in it)"
ASSIGNMENT_HELP = "the assignment's name in nbgrader, for example unit3"
MORE = "give as many as you like"
SCENARIO_HELP = "a scenario id (see `coursework scenarios list`) or your own scenario file"
REPLIES_HELP = "a text file with one adviser message on each line, or - to type them in"
SIMILAR_OUT_HELP = "the HTML page to write (default COURSE_DIR/reports/similarity-ASSIGNMENT.html)"
STUDENT_HELP = "grade only this learner (their nbgrader id); give --student again for more"
JOBS_HELP = "how many learners to grade at a time (default: one per processor core)"
FORCE_HELP = "grade again learners already graded whose hand-in has not changed"
SCHEDULER_HELP = "send each learner to a Dask cluster, e.g. tcp://10.0.0.5:8786 (see the README)"


class _Parser(argparse.ArgumentParser):
    """argparse, with a pointer to --help after a mistake and plain headings."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._positionals.title = "what to give it"
        self._optionals.title = "options"

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\nFor what each part means: {self.prog} --help\n")


def _subcommands(node: argparse.ArgumentParser) -> Any:
    """The parser's subcommands (an argparse ``_SubParsersAction``), or None."""
    return next((a for a in node._actions if isinstance(a, argparse._SubParsersAction)), None)


def _listing(parser: argparse.ArgumentParser) -> str:
    """A short plain list of the commands under ``parser``, one a line with what it does."""
    import textwrap

    found: list[tuple[str, str]] = []

    def walk(node: argparse.ArgumentParser, words: str) -> None:
        group = _subcommands(node)
        for choice in group._choices_actions:
            name, child = f"{words} {choice.dest}".strip(), group.choices[choice.dest]
            if _subcommands(child):
                walk(child, name)
            else:
                found.append((name, choice.help or ""))

    walk(parser, parser.prog.partition(" ")[2])
    width = max(len(name) for name, _ in found) + 4
    lines = [
        textwrap.fill(
            what, 79, initial_indent=f"  {name:{width - 2}}", subsequent_indent=" " * width
        )
        for name, what in found
    ]
    return (
        f"{textwrap.fill(parser.description or '', 79)}\n\nCommands:\n"
        + "\n".join(lines)
        + f"\n\nFor what a command needs: {parser.prog} {_subcommands(parser).metavar} --help"
    )


def _command(groups: Any, name: str, summary: str, description: str = "", **kw: Any) -> Any:
    """A subcommand whose --help starts with what it does, in a sentence or two."""
    import textwrap

    text = textwrap.fill(description or summary[0].upper() + summary[1:] + ".", 79)
    return groups.add_parser(name, help=summary, description=text, **kw)


def parser() -> argparse.ArgumentParser:
    from coursework_kit.portfolio import command as portfolio_command
    from coursework_kit.tutor.export.command import EPILOG, add_arguments

    top = _Parser(prog="coursework", description="coursework-kit: tools for running the course.")
    groups = top.add_subparsers(dest="group", metavar="COMMAND", parser_class=_Parser)
    scenarios = _command(
        groups,
        "scenarios",
        "live-chat scenarios: check them, list them, try them out",
        "Live-chat scenarios: check your own scenario files, list the ones that come with "
        "the course, or play a script of replies to one.",
    )
    actions = scenarios.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    lint = _command(actions, "lint", "check scenario files and explain each problem")
    lint.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help=f"a scenario file or folder; {MORE}"
    )
    lint.set_defaults(run=_lint)
    _command(actions, "list", "list the scenarios that come with the course").set_defaults(
        run=_list
    )
    trying = _command(
        actions,
        "try",
        "play a script of adviser replies to a scenario and see the report",
        "Play a script of adviser replies to a scenario, as a learner would type them, and "
        "see what the customer says back and how the chat is judged.",
    )
    trying.add_argument("scenario", metavar="SCENARIO", help=SCENARIO_HELP)
    trying.add_argument("replies", metavar="REPLIES", help=REPLIES_HELP)
    trying.set_defaults(run=_try)
    report = _command(
        groups,
        "criteria-report",
        "which criteria each learner has evidenced (CSV and HTML)",
        "Which assessment criteria each learner has evidenced, from the gradebook: a CSV "
        "file, a page with a chart, and a page for each learner.",
    )
    report.add_argument("course_dir", type=Path, metavar="COURSE_DIR", help=FOLDER_HELP)
    report.add_argument(
        "--out", type=Path, metavar="DIR", help="where to write it (default COURSE_DIR/reports)"
    )
    report.set_defaults(run=_criteria_report)
    folio = _command(
        groups,
        "portfolio",
        "a learner's portfolio of evidence as one HTML page (or every learner's)",
        "A dated, self-contained HTML portfolio of a learner's evidence in unit order: what "
        "they did, when, the feedback it got, their reflection and the criteria it evidences, "
        "with a coverage table per unit. For tutors, --from a hand-in or --class for everyone, "
        "beside the criteria report.",
    )
    portfolio_command.add_arguments(folio)
    folio.set_defaults(run=portfolio_command.run)
    similar = _command(
        groups,
        "similarity",
        "learners whose chats or written answers are near-identical (a flag, not a mark)",
        "Learners whose chats or written answers are the same or nearly the same. It is a "
        "flag for you to look at, not a mark: read the work before you decide anything.",
    )
    similar.add_argument("course_dir", type=Path, metavar="COURSE_DIR", help=FOLDER_HELP)
    similar.add_argument("assignment", metavar="ASSIGNMENT", help=ASSIGNMENT_HELP)
    similar.add_argument("--out", type=Path, metavar="FILE", help=SIMILAR_OUT_HELP)
    similar.set_defaults(run=_similarity)
    grade = _command(
        groups,
        "autograde",
        "nbgrader autograde for the whole class, several learners at a time",
        "Run nbgrader autograde for every learner who handed in ASSIGNMENT, several at a "
        "time. Learners already graded whose work has not changed are skipped.",
    )
    grade.add_argument("assignment", metavar="ASSIGNMENT", help=ASSIGNMENT_HELP)
    grade.add_argument("--course", type=Path, default=Path("."), metavar="DIR", help=COURSE_HELP)
    grade.add_argument("--student", action="append", metavar="ID", help=STUDENT_HELP)
    grade.add_argument("--jobs", type=int, metavar="N", help=JOBS_HELP)
    grade.add_argument("--force", action="store_true", help=FORCE_HELP)
    grade.add_argument("--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP)
    grade.set_defaults(run=_autograde)
    graded = _command(
        groups,
        "grading-report",
        "after nbgrader autograde: who was graded, who was not, why, and what to do",
    )
    graded.add_argument("course_dir", type=Path, metavar="COURSE_DIR", help=FOLDER_HELP)
    graded.add_argument("assignment", metavar="ASSIGNMENT", help=ASSIGNMENT_HELP)
    graded.set_defaults(run=_grading_report)
    export = _command(
        groups,
        "export-grades",
        "grades for Moodle or Canvas, or the criteria each learner has met, as a CSV file",
        "Write ASSIGNMENT's grades from the gradebook as a CSV file that Moodle or Canvas "
        "imports, or the criteria each learner has met as a CSV file for an e-portfolio. The "
        "gradebook is only read. A learner with nothing handed in gets no grade, not 0.",
        epilog=EPILOG,
    )
    add_arguments(export, assignment_help=ASSIGNMENT_HELP, course_help=COURSE_HELP)
    export.set_defaults(run=_export_grades)
    demo = _command(
        groups,
        "demo-class",
        "release, submit, collect, autograde and report on three demo learners",
        "Build a demo class in a new folder: release every assignment, hand in work for three "
        "demo learners, collect it, autograde it and write the reports (about five minutes).",
    )
    demo.add_argument("dir", type=Path, metavar="DIR", help="a new, empty folder for it")
    demo.add_argument(
        "--course",
        type=Path,
        default=Path("assignments"),
        metavar="DIR",
        help="the course folder to copy (default: assignments)",
    )
    demo.set_defaults(run=_demo_class)
    return top


def main(argv: list[str] | None = None) -> int:
    top = parser()
    args = top.parse_args(argv)
    if not hasattr(args, "run"):  # a group of commands with no command after it
        node = top
        for word in (args.group, getattr(args, "action", None)):
            node = _subcommands(node).choices[word] if word else node
        print(_listing(node))
        return 0
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
