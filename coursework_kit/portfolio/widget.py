"""The start page's portfolio button: it collects the learner's saved work into one page and
offers it to download (the page is built only when the button is pressed, so opening the start
page stays quick)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as w

from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import CourseworkError

if TYPE_CHECKING:
    from coursework_kit.portfolio.build import Portfolio

__all__ = ["PortfolioButton"]


class PortfolioButton(w.VBox):  # type: ignore[misc]
    """**Make my portfolio**: builds the portfolio from ``evidence`` (a folder, or several),
    saves it as ``portfolio.html`` beside the notebook and shows a link to download it."""

    def __init__(
        self,
        evidence: str | Path | list[str | Path] = "evidence",
        *,
        save_as: str | Path = "portfolio.html",
        learner: str | None = None,
    ) -> None:
        self._evidence, self._save_as, self._learner = evidence, Path(save_as), learner
        self._button = w.Button(
            description="Make my portfolio",
            button_style="primary",
            tooltip="Collect all your saved work into one page you can download",
            layout=w.Layout(width="auto"),
        )
        self._shown = w.HTML()
        self._button.on_click(lambda _: self.make())
        super().__init__([self._button, self._shown])
        self.add_class("ck-portfolio-button")

    def make(self) -> Portfolio | None:
        """Press the button: build the portfolio, save it and show the download link."""
        from coursework_kit.portfolio.build import build_portfolio

        self._shown.value = status("Collecting your work…")
        try:
            portfolio = build_portfolio(self._evidence, learner=self._learner)
        except CourseworkError as exc:
            self._shown.value = alert(str(exc))
            return None
        try:
            saved = f" It is also saved as <code>{portfolio.write(self._save_as)}</code>."
        except CourseworkError as exc:
            saved = f" ({exc} Use the download link instead.)"
        self._shown.value = portfolio._repr_html_() + status(f"Your portfolio is ready.{saved}")
        return portfolio

    @property
    def shown(self) -> str:
        """What is shown under the button (HTML)."""
        return str(self._shown.value)
