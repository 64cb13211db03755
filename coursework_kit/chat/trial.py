"""Try a live-chat scenario with a script of adviser replies, and see how the chat is marked.

For tutors writing or checking a scenario: :func:`try_scenario` plays the replies to the
simulated customer one by one in practice mode (no clock, so no chasing and no penalty for slow
replies), stops when the chat ends, and assesses the chat with the same judge a learner's chat
gets (:func:`coursework_kit.chat.assess_record.assess_work`). ``coursework scenarios try``
prints the result.

A replies file is plain UTF-8 text with one adviser message on each line; blank lines and lines
starting with ``#`` are left out::

    # a model chat for late-delivery
    Hello Priya, you're through to Sam at Harbour & Pine. How can I help?
    For security, could I take your order number and postcode, please?
"""

from __future__ import annotations

import difflib
import html
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from coursework_kit.chat.assess_record import Mark, assess_work, mark
from coursework_kit.chat.engine import Conversation
from coursework_kit.chat.record import EndedBy, Turn
from coursework_kit.chat.scenario import Scenario, list_scenarios, load_scenario
from coursework_kit.errors import CourseworkError, DatasetError, ReplyTypeError
from coursework_kit.feedback import SEVERITIES, Feedback, Finding

__all__ = ["Reply", "Trial", "read_replies", "replies_from_text", "scenario_from", "try_scenario"]

_SPEAKERS = {"agent": "Adviser:", "customer": "Customer:"}
_HEADINGS = {
    "must fix": "Must fix",
    "should fix": "Should fix",
    "unsure": "Not sure (a person should look)",
    "good": "Good",
}
_ENDINGS = {
    "agent": "The adviser ended the chat.",
    "customer": "The customer ended the chat.",
    None: "The chat was still open after the last reply.",
}


@dataclass(frozen=True)
class Reply:
    """One adviser message to send, and where it came from ("line 4", "reply 2")."""

    text: str
    where: str


@dataclass(frozen=True)
class Trial:
    """A scenario tried with a script of replies: the chat, its report and what was not sent.

    ``turns`` is the whole conversation, the customer's opening first; ``feedback`` is the
    chat's report; ``sent`` holds the replies sent, in order, and ``not_sent`` those left over
    when the chat ended early.
    """

    scenario: Scenario
    turns: tuple[Turn, ...]
    feedback: Feedback
    sent: tuple[Reply, ...] = ()
    not_sent: tuple[Reply, ...] = ()
    ended_by: EndedBy | None = None

    @property
    def share(self) -> float:
        """The share of the criteria that apply that were met, 0 to 1 (``feedback.share``)."""
        return self.feedback.share

    @property
    def mark(self) -> Mark:
        """The chat's mark as grading gives it: the share met, after any cap (see
        :func:`coursework_kit.chat.assess_record.mark`)."""
        return mark(self.feedback)

    @property
    def customer_lines(self) -> tuple[str, ...]:
        """What the customer said, in order (the opening first)."""
        return tuple(t.text for t in self.turns if t.speaker == "customer")

    def text(self, *, width: int = 78) -> str:
        """The conversation and its report as plain text, wrapped to ``width`` characters."""
        width = max(width, 40)
        s = self.scenario
        lines = [
            *textwrap.wrap(f"{s.title} ({s.id}, {s.channel_label})", width),
            *textwrap.wrap(
                f"The customer: {s.persona.name}, {s.persona.mood} at the start.", width
            ),
            "",
        ]
        for turn in self.turns:
            lines += _wrapped(_SPEAKERS[turn.speaker], turn.text, width)
        lines += ["", _ENDINGS[self.ended_by]]
        if self.not_sent:
            lines.append("These replies were not sent, because the chat had ended:")
            for reply in self.not_sent:
                lines += _wrapped(f"  {reply.where}:", reply.text, width, indent=4)
        lines += ["", "Report", "======", *textwrap.wrap(self.feedback.summary, width)]
        for severity in SEVERITIES:
            found = self.feedback.of(severity)
            if found:
                lines += ["", f"{_HEADINGS[severity]} ({len(found)})"]
                for finding in found:
                    lines += _finding_lines(finding, self._where(finding), width)
        lines += ["", self._criteria_line()]
        return "\n".join(lines)

    def _criteria_line(self) -> str:
        """How many criteria were met, such as "Criteria met: 7 out of 10 (70%)."."""
        feedback = self.feedback
        if not feedback.out_of:
            if not self.sent:
                return "Criteria met: none yet, because no reply was sent."
            return "Criteria met: none, because no criteria applied to this chat."
        line = f"Criteria met: {feedback.score:g} out of {feedback.out_of:g} ({self.share:.0%})."
        given = self.mark
        if given.capped:
            line += f" Mark: {given.share:.0%}, capped because {given.why}."
        return line

    def _where(self, finding: Finding) -> str:
        """Where a finding is, with the line of the replies file when that differs."""
        number = finding.where.removeprefix("reply ")
        if number.isdigit() and 0 < int(number) <= len(self.sent):
            line = self.sent[int(number) - 1].where
            if line != finding.where:
                return f"{finding.where} ({line})"
        return finding.where

    def __repr__(self) -> str:
        sent = len(self.sent)
        return (
            f"<Trial of {self.scenario.id}: {sent} repl{'y' if sent == 1 else 'ies'} sent, "
            f"{len(self.not_sent)} not sent. {self._criteria_line()}>"
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<p style='margin:2px 0'><strong>{_SPEAKERS[t.speaker]}</strong> "
            f"{html.escape(t.text)}</p>"
            for t in self.turns
        )
        parts = [
            f"<div class='ck-trial'><h4>{html.escape(self.scenario.title)}</h4>{rows}",
            f"<p><em>{html.escape(_ENDINGS[self.ended_by])}</em></p>",
        ]
        if self.not_sent:
            items = "".join(
                f"<li>{html.escape(r.where)}: {html.escape(r.text)}</li>" for r in self.not_sent
            )
            parts.append(
                f"<p>These replies were not sent, because the chat had ended:</p><ul>{items}</ul>"
            )
        parts += [self.feedback._repr_html_(), f"<p>{html.escape(self._criteria_line())}</p></div>"]
        return "".join(parts)


def _wrapped(label: str, text: str, width: int, *, indent: int = 10) -> list[str]:
    """``label`` then ``text``, each paragraph wrapped with a hanging indent."""
    lead = f"{label:<{indent - 1}} "
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(
            paragraph,
            width,
            initial_indent=lead if not lines else " " * len(lead),
            subsequent_indent=" " * len(lead),
            break_on_hyphens=False,
        ) or [lead.rstrip()]
    return lines


def _finding_lines(finding: Finding, where: str, width: int) -> list[str]:
    where = f"{where}: " if where else ""
    lines = textwrap.wrap(
        f"{where}{finding.message}", width, initial_indent="  - ", subsequent_indent="    "
    )
    if finding.quote:
        lines += textwrap.wrap(
            f"“{finding.quote}”", width, initial_indent="    ", subsequent_indent="    "
        )
    if finding.why:
        lines += textwrap.wrap(
            f"Why it matters: {finding.why}",
            width,
            initial_indent="    ",
            subsequent_indent="    ",
        )
    return lines


# -- reading the inputs --------------------------------------------------------------------------


def replies_from_text(text: str) -> tuple[Reply, ...]:
    """The replies in a script: one a line, leaving out blank lines and ``#`` comments.

    >>> [r.where for r in replies_from_text("# opening\\nHello!\\n\\nHow can I help?")]
    ['line 2', 'line 4']
    """
    return tuple(
        Reply(line.strip(), f"line {number}")
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    )


def read_replies(path: str | Path | BinaryIO, *, name: str = "") -> tuple[Reply, ...]:
    """The replies in a UTF-8 text file, one a line (see :func:`replies_from_text`).

    ``path`` may also be a file opened for reading bytes, such as ``sys.stdin.buffer``;
    ``name`` is what messages call it ("standard input").
    """
    if not isinstance(path, (str, Path)):
        return _replies_in(path.read(), name or str(getattr(path, "name", "")) or "the replies")
    path = Path(path)
    if path.is_dir():
        raise DatasetError(f"{path} is a folder. Give a text file of replies, one on each line.")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DatasetError(f"There is no replies file at {path}.") from None
    except OSError as exc:
        raise DatasetError(f"The replies file {path} cannot be opened ({exc.strerror}).") from None
    return _replies_in(data, name or str(path))


def _replies_in(data: bytes, name: str) -> tuple[Reply, ...]:
    """The replies in ``data``: UTF-8 text, or UTF-16 marked as such (as Windows often saves)."""
    name = name[:1].upper() + name[1:]  # it starts each message
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    if encoding == "utf-8-sig" and b"\0" in data:
        raise DatasetError(
            f"{name} is not a text file. Give a plain text file with one reply on each line."
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise DatasetError(
            f"{name} is not UTF-8 text, so some letters cannot be read. Save the replies again "
            "as UTF-8 (most editors offer this under Save As, then Encoding)."
        ) from None
    replies = replies_from_text(text)
    if not replies:
        raise DatasetError(
            f"{name} has no replies in it. Put one adviser message on each line "
            "(lines starting with # are left out)."
        )
    return replies


def _as_replies(replies: Sequence[str | Reply] | str | Path) -> tuple[Reply, ...]:
    if isinstance(replies, Path):
        return read_replies(replies)
    if isinstance(replies, str):  # a file's name, but it may be a reply meant as a list
        if "\n" in replies or not (Path(replies).exists() or Path(replies).suffix):
            raise DatasetError(
                f"There is no replies file called {replies!r}. To send replies straight from "
                "Python, give them as a list of text, such as ['Hello, how can I help?']."
            )
        return read_replies(replies)
    found: list[Reply] = []
    for number, item in enumerate(replies, start=1):
        if isinstance(item, Reply):
            found.append(item)
            continue
        if not isinstance(item, str):
            raise ReplyTypeError(
                f"Reply {number} is {type(item).__name__}, not text. Give each reply as text."
            )
        if item.strip():
            found.append(Reply(item.strip(), f"reply {number}"))
    return tuple(found)


def scenario_from(scenario: Scenario | str | Path) -> Scenario:
    """The scenario to try: given as itself, by id, or as a file that passes the linter.

    Raises :class:`~coursework_kit.errors.DatasetError`, saying what to do, for an id the
    course does not have or a file that is missing or has problems.
    """
    if isinstance(scenario, Scenario):
        return scenario
    if not isinstance(scenario, (str, Path)):
        raise DatasetError(
            f"A scenario is a Scenario, a scenario id or a file, not {type(scenario).__name__}."
        )
    path = Path(scenario)
    if isinstance(scenario, str) and not path.suffix and len(path.parts) == 1:
        known = list_scenarios()
        if scenario not in known:
            close = difflib.get_close_matches(scenario, known, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise DatasetError(
                f"There is no scenario called {scenario!r}.{hint} "
                "Run `coursework scenarios list` to see the scenarios that come with the course, "
                "or give the path to your own scenario file."
            )
        return load_scenario(scenario)
    return _scenario_file(path)


def _scenario_file(path: Path) -> Scenario:
    from coursework_kit.chat.lint import lint_file

    if path.is_dir():
        raise DatasetError(f"{path} is a folder. Give one scenario file (ending .yaml).")
    if not path.exists():
        shipped = f" To try the course's own scenario, give its id: {path.stem}."
        raise DatasetError(
            f"There is no scenario file at {path}."
            + (shipped if path.stem in list_scenarios() else "")
        )
    problems = lint_file(path)
    if problems:
        shown = "\n".join(f"- line {p.line}: {p.message}" for p in problems[:5])
        more = f"\n- and {len(problems) - 5} more." if len(problems) > 5 else ""
        raise DatasetError(
            f"The scenario file {path} has problems, so it cannot be tried yet:\n{shown}{more}\n"
            f"Run `coursework scenarios lint {path}` to see each one explained, fix them and "
            "try again."
        )
    return load_scenario(path)


# -- playing the chat ----------------------------------------------------------------------------


def try_scenario(
    scenario: Scenario | str | Path, replies: Sequence[str | Reply] | str | Path
) -> Trial:
    """Play ``replies`` to ``scenario``'s simulated customer and assess the chat.

    ``scenario`` is a :class:`Scenario`, the id of one that comes with the course
    ("late-delivery") or the path to a tutor's own scenario file, which must pass
    ``coursework scenarios lint``. ``replies`` is a list of adviser messages, or the path to a
    UTF-8 text file with one on each line (blank lines and lines starting with ``#`` are left
    out), or the :class:`Reply` items :func:`read_replies` gives. The chat runs in practice
    mode, so there is no clock; it stops when the chat ends, and any replies left over are in
    :attr:`Trial.not_sent`. Problems with either input raise a
    :class:`~coursework_kit.errors.CourseworkError` that says what to do.

    >>> trial = try_scenario("late-delivery", ["Hello, you're through to Sam. How can I help?"])
    >>> trial.turns[0].speaker, trial.turns[1].speaker, trial.turns[2].speaker
    ('customer', 'agent', 'customer')
    >>> 0 <= trial.share <= 1
    True
    """
    chosen = scenario_from(scenario)
    script = _as_replies(replies)
    conversation = Conversation(chosen, practice=True)
    sent = 0
    for reply in script:
        if conversation.ended:
            break
        try:
            conversation.reply(reply.text)
        except CourseworkError as exc:
            raise CourseworkError(f"{reply.where.capitalize()} could not be sent: {exc}") from exc
        sent += 1
    return Trial(
        scenario=chosen,
        turns=tuple(conversation.turns),
        feedback=assess_work(conversation.work(), chosen),
        sent=script[:sent],
        not_sent=script[sent:],
        ended_by=conversation.ended_by,
    )
