"""Who the learner is, and their variant seed."""

from __future__ import annotations

from coursework_kit.learner import learner_id, variant_seed


def test_jupyterhub_user_wins():
    """Is JUPYTERHUB_USER (the nbgrader student id on a hub) used when set?"""
    assert learner_id({"JUPYTERHUB_USER": "ab123"}) == "ab123"


def test_login_name_otherwise(monkeypatch):
    """Is the login name used when there is no hub?"""
    monkeypatch.setattr("getpass.getuser", lambda: "sam")
    assert learner_id({}) == "sam"


def test_no_login_name_at_all(monkeypatch):
    """Does a container with no login name still get an id rather than crashing?"""

    def no_user():
        raise OSError("no user")

    monkeypatch.setattr("getpass.getuser", no_user)
    assert learner_id({}) == "learner"


def test_seeds_are_stable_and_differ_by_learner_and_purpose():
    """Is the seed the same every time for a learner, and different for others?"""
    assert variant_seed("ab123", "campaigns") == variant_seed("ab123", "campaigns")
    assert variant_seed("ab123", "campaigns") != variant_seed("ab124", "campaigns")
    assert variant_seed("ab123", "campaigns") != variant_seed("ab123", "contact-centre")
    # Pinned: a change here would change every learner's figures mid-course.
    assert variant_seed("ab123", "campaigns") == 178614449379894
