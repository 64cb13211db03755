"""The ``coursework`` command.

coursework scenarios lint PATH [PATH ...]   check live-chat scenario files (or folders)
coursework scenarios list                   the scenarios that come with the course
coursework scenarios try SCENARIO REPLIES   play a script of replies (one a line; - reads
                                            standard input) to a scenario and see the report
coursework criteria-report COURSE_DIR       which criteria each learner has evidenced
coursework similarity COURSE_DIR ASSIGNMENT  near-identical chats and written answers
coursework autograde ASSIGNMENT             nbgrader autograde for the whole class, several
                                            learners at a time (--jobs N, --student ID,
                                            --force, --scheduler ADDRESS for a Dask cluster)
coursework grading-report COURSE_DIR ASSIGNMENT  who autograde marked, who not, why, what to do
coursework demo-class DIR                   the whole nbgrader workflow on three demo learners
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    from coursework_kit.errors import CourseworkError
    from coursework_kit.tutor.report_pages import write_criteria_report
    from coursework_kit.tutor.reports import criteria_matrix

    try:
        matrix = criteria_matrix(args.course_dir)
    except CourseworkError as exc:
        print(exc, file=sys.stderr)
        return 2
    out = args.out or args.course_dir / "reports"
    written = write_criteria_report(matrix, out)
    print(f"Criteria report for {len(matrix.learners)} learners written to {out}:")
    for path in written[:3]:
        print(f"  {path}")
    print(f"  and {len(written) - 3} learner pages in {out / 'learners'}")
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
            print(
                f"{args.assignment}: all {len(plan.unchanged)} hand-ins were graded already and "
                "nothing has changed since. --force grades them again."
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


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="coursework", description="coursework-kit tools")
    groups = top.add_subparsers(dest="group", required=True)
    scenarios = groups.add_parser("scenarios", help="live-chat scenarios")
    actions = scenarios.add_subparsers(dest="action", required=True)
    lint = actions.add_parser("lint", help="check scenario files and explain each problem")
    lint.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    lint.set_defaults(run=_lint)
    listing = actions.add_parser("list", help="list the scenarios that come with the course")
    listing.set_defaults(run=_list)
    trying = actions.add_parser(
        "try", help="play a script of adviser replies to a scenario and see the report"
    )
    trying.add_argument(
        "scenario",
        metavar="SCENARIO",
        help="a scenario id (see `coursework scenarios list`) or your own scenario file",
    )
    trying.add_argument(
        "replies",
        metavar="REPLIES",
        help="a text file with one adviser message on each line, or - to read standard input",
    )
    trying.set_defaults(run=_try)
    report = groups.add_parser(
        "criteria-report", help="which criteria each learner has evidenced (CSV and HTML)"
    )
    report.add_argument(
        "course_dir",
        type=Path,
        metavar="COURSE_DIR",
        help="the nbgrader course folder (with gradebook.db and source/)",
    )
    report.add_argument("--out", type=Path, help="where to write it (default COURSE_DIR/reports)")
    report.set_defaults(run=_criteria_report)
    similar = groups.add_parser(
        "similarity",
        help="learners whose chats or written answers are near-identical (a flag, not a mark)",
    )
    similar.add_argument(
        "course_dir",
        type=Path,
        metavar="COURSE_DIR",
        help="the nbgrader course folder (with submitted/)",
    )
    similar.add_argument("assignment", metavar="ASSIGNMENT", help="for example unit3")
    similar.add_argument(
        "--out",
        type=Path,
        help="the HTML page (default COURSE_DIR/reports/similarity-ASSIGNMENT.html)",
    )
    similar.set_defaults(run=_similarity)
    grade = groups.add_parser(
        "autograde",
        help="nbgrader autograde for the whole class, several learners at a time",
    )
    grade.add_argument("assignment", metavar="ASSIGNMENT", help="for example unit3")
    grade.add_argument(
        "--course",
        type=Path,
        default=Path("."),
        help="the nbgrader course folder (default: this folder)",
    )
    grade.add_argument(
        "--student",
        action="append",
        metavar="ID",
        help="grade only this learner (give it again for more)",
    )
    grade.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="learners graded at a time on this computer (default: one per processor core)",
    )
    grade.add_argument(
        "--force",
        action="store_true",
        help="grade again learners already graded whose hand-in has not changed",
    )
    grade.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="send each learner to a Dask cluster, e.g. tcp://10.0.0.5:8786 (see the README)",
    )
    grade.set_defaults(run=_autograde)
    graded = groups.add_parser(
        "grading-report",
        help="after nbgrader autograde: who was graded, who was not, why, and what to do",
    )
    graded.add_argument(
        "course_dir", type=Path, metavar="COURSE_DIR", help="the nbgrader course folder"
    )
    graded.add_argument("assignment", metavar="ASSIGNMENT", help="for example unit3")
    graded.set_defaults(run=_grading_report)
    demo = groups.add_parser(
        "demo-class",
        help="release, submit, collect, autograde and report on three demo learners",
    )
    demo.add_argument("dir", type=Path, metavar="DIR", help="a new, empty folder for it")
    demo.add_argument(
        "--course",
        type=Path,
        default=Path("assignments"),
        help="the course folder to copy (default: assignments)",
    )
    demo.set_defaults(run=_demo_class)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
