"""The demo class fixture (``demo_class``) is shared by the whole suite: see tests/conftest.py."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
