"""What an adviser's message does in a live chat: its moves, and the words that show each one.

The vocabulary is the one the labelled corpus uses (``datasets/chat/corpus``). A :class:`Moves`
result is what :func:`coursework_kit.chat.understand.understand` returns for one message; the
simulated customer, the coach and the criteria read it instead of matching the raw text again.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

__all__ = ["DESCRIPTIONS", "MOVES", "Move", "Moves"]

# In the order a chat usually runs: opening, listening, dealing with it, closing; then the
# moves that count against the adviser.
DESCRIPTIONS: dict[str, str] = {
    "greet": "greets the customer",
    "introduce": "says who the adviser is or which company this is",
    "ask_security": "asks for the security details the scenario needs",
    "ask_password": "asks for a password or a full card number",
    "acknowledge_feelings": "recognises how the customer feels or what they are going through",
    "apologise": "says sorry for the problem or the wait",
    "paraphrase": "sums up this customer's problem in the adviser's own words",
    "generic_paraphrase": "sums up the problem in words that would fit any customer",
    "check_understanding": "checks the adviser has understood, or that the customer has",
    "explain_findings": "tells the customer what the adviser found",
    "offer_remedy": "offers or commits to something that puts the problem right",
    "escalate": "passes the case to another team, a team leader or a manager",
    "signpost": "points the customer to another organisation, page or channel",
    "check_plan_suits": "asks whether the plan suits the customer",
    "warn_abuse": "warns calmly that abusive language must stop",
    "close": "closes the chat, or offers to",
    "ask_question": "asks a question about the problem",
    "blame_or_negative": "blames the customer, refuses flatly or is rude or dismissive",
    "disclose_details": "gives out account or order details",
    "promise_cannot_keep": "promises something the adviser cannot promise",
}
MOVES: tuple[str, ...] = tuple(DESCRIPTIONS)


@dataclass(frozen=True)
class Move:
    """One move a message makes: its name, the words that show it, and how sure the model is.

    ``confidence`` is the model's probability (0 to 1); ``threshold`` is where it decides.
    """

    name: str
    words: str
    confidence: float
    threshold: float = 0.5

    def __repr__(self) -> str:
        return f"Move({self.name}, {self.words!r}, {self.confidence:.2f})"


@dataclass(frozen=True)
class Moves:
    """The moves one adviser message makes.

    ``found`` holds the moves the message makes, in the order of :data:`MOVES`. ``specific``
    says whether the message holds anything specific to this customer or scenario, and
    ``specific_words`` which words those are. ``unsure`` holds the moves, found or not, whose
    confidence is close to the threshold: a caller should say it is unsure about them rather
    than mark a learner down. ``remedy_words`` are the words that name one of the scenario's
    own remedies (its ``resolution``: "chase the courier", "the billing team"), not negated;
    ``specific_by_remedy`` says the message is specific only because it names one (a script
    can list every remedy there is, so that shows nothing of this customer).
    """

    text: str
    found: tuple[Move, ...] = ()
    specific: bool = False
    specific_words: tuple[str, ...] = ()
    unsure: tuple[Move, ...] = ()
    remedy_words: tuple[str, ...] = ()
    specific_by_remedy: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the moves found."""
        return tuple(m.name for m in self.found)

    def __contains__(self, name: object) -> bool:
        return any(m.name == name for m in self.found)

    def get(self, name: str) -> Move | None:
        """The move called ``name`` if the message makes it, else None."""
        if name not in DESCRIPTIONS:
            raise KeyError(f"There is no move called {name!r}. The moves are: {', '.join(MOVES)}.")
        return next((m for m in self.found if m.name == name), None)

    def is_unsure(self, name: str) -> bool:
        """Whether the decision about ``name`` (made or not) is too close to call."""
        return any(m.name == name for m in self.unsure)

    def __repr__(self) -> str:
        found = ", ".join(f"{m.name}: {m.words!r}" for m in self.found) or "no moves found"
        extra = f"; unsure about {', '.join(m.name for m in self.unsure)}" if self.unsure else ""
        return f"Moves({found}{extra})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th scope='row'>{html.escape(m.name.replace('_', ' '))}</th>"
            f"<td>{html.escape(m.words)}</td><td>{m.confidence:.0%}"
            f"{' (unsure)' if self.is_unsure(m.name) else ''}</td></tr>"
            for m in self.found
        )
        unsure = [m for m in self.unsure if m.name not in self]
        if unsure:
            rows += (
                "<tr><th scope='row'>perhaps</th><td colspan='2'>"
                f"{html.escape(', '.join(m.name.replace('_', ' ') for m in unsure))}</td></tr>"
            )
        specific = ", ".join(self.specific_words) if self.specific else "no"
        rows += (
            f"<tr><th scope='row'>specific</th><td colspan='2'>{html.escape(specific)}</td></tr>"
        )
        return f"<table><caption>{html.escape(self.text)}</caption>{rows}</table>"
