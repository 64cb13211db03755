"""The chat picker: any of the course's scenarios chosen from a list, its chat started below."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from coursework_kit._ui.layout import fit_width, wide
from coursework_kit.chat.scenario import list_scenarios, load_scenario
from coursework_kit.errors import CourseworkError

if TYPE_CHECKING:
    from coursework_kit.chat.widget import ChatWidget


class ChatPicker(w.VBox):  # type: ignore[misc]
    """Choose any of the course's scenarios from a list and start that chat below."""

    def __init__(
        self, *, mode: str = "coach", folder: str | Path | None = None, live_clock: bool = True
    ) -> None:
        self._options = {name: load_scenario(name) for name in list_scenarios()}
        self._choice = w.Dropdown(
            options=[(f"{s.title} ({s.channel_label})", name) for name, s in self._options.items()],
            description="Choose a chat",
            style={"description_width": "initial"},
            layout=wide(),
        )
        start = w.Button(description="Start this chat", button_style="primary")
        start.on_click(lambda _b: self.choose(str(self._choice.value)))
        self._kwargs: dict[str, Any] = {"mode": mode, "folder": folder, "live_clock": live_clock}
        self.chat: ChatWidget | None = None
        self._slot = w.VBox()
        super().__init__([self._choice, start, self._slot])
        self.add_class("ck-chat-picker")
        fit_width(self)

    def choose(self, scenario: str) -> ChatWidget:
        """Start the chat for ``scenario`` (its id, e.g. "public-complaint")."""
        if scenario not in self._options:
            raise CourseworkError(
                f"There is no chat called {scenario!r}; choose one of {', '.join(self._options)}."
            )
        if self.chat is not None:
            self.chat.close()
        self._choice.value = scenario
        from coursework_kit.chat.widget import ChatWidget  # here: that module imports this one

        self.chat = ChatWidget(self._options[scenario], **self._kwargs)
        self._slot.children = [self.chat]
        return self.chat

    @property
    def shown(self) -> ChatWidget | None:
        """The chat shown below the list (None until one is chosen)."""
        children = self._slot.children
        return children[0] if children else None
