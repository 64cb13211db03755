"""The ``coursework`` command.

coursework scenarios lint PATH [PATH ...]   check live-chat scenario files (or folders)
coursework scenarios list                   the scenarios that come with the course
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
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
