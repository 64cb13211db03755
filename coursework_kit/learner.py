"""Who the learner is, the seed that gives them their own figures, and whether nbgrader is
running the notebook.

In a learner's session the id comes from ``JUPYTERHUB_USER`` (set by JupyterHub, and equal to
the nbgrader student id in a standard deployment) or else the login name. The seed is a hash of
the id, so the same learner always gets the same figures and different learners get different
ones; nothing the learner types can change it. While nbgrader autogrades or validates a
notebook it sets ``NBGRADER_EXECUTION``; widgets then must not wait for anyone.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from collections.abc import Mapping

__all__ = ["autograding", "learner_id", "variant_seed"]


def learner_id(environ: Mapping[str, str] | None = None) -> str:
    """The current learner's id: ``JUPYTERHUB_USER``, else the login name, else "learner"."""
    env = os.environ if environ is None else environ
    hub_user = env.get("JUPYTERHUB_USER", "").strip()
    if hub_user:
        return hub_user
    try:
        return getpass.getuser().strip() or "learner"
    except (OSError, KeyError):  # no login name in some containers
        return "learner"


def variant_seed(learner: str, purpose: str) -> int:
    """A stable seed for ``learner``'s variant of ``purpose`` (e.g. "campaigns").

    >>> variant_seed("ab123", "campaigns") == variant_seed("ab123", "campaigns")
    True
    >>> variant_seed("ab123", "campaigns") != variant_seed("cd456", "campaigns")
    True
    """
    digest = hashlib.sha256(f"coursework-kit|{purpose}|{learner.strip()}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


def autograding(environ: Mapping[str, str] | None = None) -> bool:
    """True while nbgrader runs the notebook (autograde or validate): widgets must not wait.

    >>> autograding({"NBGRADER_EXECUTION": "autograde"}), autograding({})
    (True, False)
    """
    env = os.environ if environ is None else environ
    return bool(env.get("NBGRADER_EXECUTION"))
