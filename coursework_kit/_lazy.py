"""What a package offers but imports only when first asked for: its widgets (which load
ipywidgets) and anything else heavy, so ``import coursework_kit.<package>`` stays light."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, names: Mapping[str, str], public: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The package's ``__getattr__`` and ``__dir__``: each of ``names`` (name -> the module that
    defines it) is imported from its module when first asked for, and ``dir()`` lists
    ``public`` (the package's ``__all__``)."""
    listed = sorted(public)

    def getattr_(name: str) -> Any:
        if name in names:
            return getattr(importlib.import_module(names[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def dir_() -> list[str]:
        return list(listed)

    return getattr_, dir_
