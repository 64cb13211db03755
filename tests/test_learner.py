"""Who the learner is, and their variant seed; on Binder, the id kept in evidence/."""

from __future__ import annotations

import os
import re
import threading

import pytest

import coursework_kit
from coursework_kit.errors import EvidenceError
from coursework_kit.learner import (
    BINDER_VARIABLES,
    ID_FILE,
    learner_card,
    learner_id,
    on_binder,
    set_learner_id,
    variant_seed,
)
from coursework_kit.tutor.grading import current_learner

# What a Binder session's environment holds: BinderHub's variables and a user name with a
# random suffix that changes every launch.
BINDER = {
    "BINDER_REQUEST": "v2/gh/example/coursework-kit/main",
    "BINDER_LAUNCH_HOST": "https://mybinder.org/",
    "JUPYTERHUB_USER": "example-coursework-kit-a1b2c3d4",
}
MADE = re.compile(r"learner-[abcdefghjkmnpqrstuvwxyz23456789]{6}")


def launch(number: int) -> dict[str, str]:
    """The environment of the ``number``th Binder launch (a new hub user name each time)."""
    return {**BINDER, "JUPYTERHUB_USER": f"example-coursework-kit-{number:08x}"}


@pytest.mark.parametrize("login", ["jovyan", "root", "ab123"])
def test_jupyterhub_user_wins_where_nbgrader_uses_it(login, monkeypatch):
    """Is JUPYTERHUB_USER used when the server runs as an account everyone shares (as
    nbgrader names the hand-in after it there), or as the learner's own same-named account?"""
    monkeypatch.setattr("getpass.getuser", lambda: login)
    assert learner_id({"JUPYTERHUB_USER": "ab123"}) == "ab123"


@pytest.mark.parametrize(("login", "hub"), [("jupyter-ab123", "ab123"), ("s1234567", "amira")])
def test_the_learners_own_account_wins_on_a_hub_that_names_accounts_its_own_way(
    login, hub, monkeypatch
):
    """On The Littlest JupyterHub (accounts "jupyter-<name>"), or any hub whose accounts are not
    the hub names, is the account name used, the name nbgrader files the hand-in under, so the
    figures a learner sees are the ones they are marked against?"""
    from nbgrader.utils import get_username

    monkeypatch.setattr("getpass.getuser", lambda: login)
    monkeypatch.setattr("nbgrader.utils.get_osusername", lambda: login)
    monkeypatch.setenv("JUPYTERHUB_USER", hub)
    assert learner_id({"JUPYTERHUB_USER": hub}) == login == get_username()


def test_while_autograding_the_graders_learner_wins(monkeypatch):
    """In the grader's sandbox (its own account, JUPYTERHUB_USER set to the learner being
    graded), are the figures drawn for that learner, not for the sandbox's account?"""
    monkeypatch.setattr("getpass.getuser", lambda: "nobody")
    graded = {"JUPYTERHUB_USER": "ab123", "NBGRADER_EXECUTION": "autograde"}
    assert learner_id(graded) == "ab123"
    assert learner_id({"JUPYTERHUB_USER": "ab123"}) == "nobody"


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


# --- telling Binder apart ----------------------------------------------------------------------


@pytest.mark.parametrize("name", BINDER_VARIABLES)
def test_each_binder_variable_means_binder(name):
    """Is any one of the variables BinderHub sets enough to know the session is on Binder?"""
    assert on_binder({name: "v2/gh/example/repo/main"})


@pytest.mark.parametrize(
    "env",
    [{}, {"JUPYTERHUB_USER": "ab123"}, {"BINDER_REQUEST": ""}, {"BINDER_REPO_URL": "  "}],
)
def test_a_hub_or_a_laptop_is_not_binder(env):
    """Are a hub, a laptop and empty Binder variables not taken for Binder?"""
    assert not on_binder(env)


def test_outside_binder_an_id_file_is_ignored(tmp_path):
    """Away from Binder, does the id still come from the hub, whatever evidence/ holds?"""
    (tmp_path / ID_FILE).write_text("learner-zzzzzz\n")
    assert learner_id({"JUPYTERHUB_USER": "ab123"}, folder=tmp_path) == "ab123"


# --- the id on Binder ----------------------------------------------------------------------------


def test_binder_id_is_made_once_and_kept_across_launches(tmp_path):
    """Does every Binder launch (each with a new hub user name) get the same id, kept in
    evidence/, so the figures stay the same?"""
    first = learner_id(launch(1), folder=tmp_path)
    assert MADE.fullmatch(first)
    assert (tmp_path / ID_FILE).read_text() == first + "\n"
    later = [learner_id(launch(n), folder=tmp_path) for n in range(2, 6)]
    assert later == [first] * 4
    assert first != launch(1)["JUPYTERHUB_USER"]


def test_each_new_binder_gets_its_own_id(tmp_path):
    """Do two learners' Binders (two empty evidence folders) get different ids?"""
    ids = {learner_id(BINDER, folder=tmp_path / str(n)) for n in range(20)}
    assert len(ids) == 20


def test_uploaded_evidence_brings_the_figures_back(tmp_path):
    """Does a learner who uploads their learner-id.txt into a new Binder get their old
    figures back?"""
    old_session, new_session = tmp_path / "old", tmp_path / "new"
    old = learner_id(launch(1), folder=old_session)
    new_session.mkdir()
    (new_session / ID_FILE).write_bytes((old_session / ID_FILE).read_bytes())
    assert learner_id(launch(2), folder=new_session) == old
    seed = variant_seed(learner_id(launch(2), folder=new_session), "campaigns")
    assert seed == variant_seed(old, "campaigns")


def test_the_default_folder_is_evidence_beside_the_notebook(tmp_path, monkeypatch):
    """Is the id kept in evidence/ in the notebook's folder (where the records are)?"""
    monkeypatch.chdir(tmp_path)
    made = learner_id(BINDER)
    assert (tmp_path / "evidence" / ID_FILE).read_text().strip() == made


@pytest.mark.parametrize(
    "saved",
    [
        "learner-7f3k2q",
        "learner-7f3k2q\r\n",
        "  ab123  \n",
        "AB.123_x-y",
    ],
)
def test_a_saved_id_is_read_as_written(tmp_path, saved):
    """Is an id saved by hand (spaces, a Windows line end, capitals) read as the id?"""
    (tmp_path / ID_FILE).write_text(saved, newline="")
    assert learner_id(BINDER, folder=tmp_path) == saved.strip()


BROKEN = {
    "empty": b"",
    "spaces inside": b"learner 7f3k2q",
    "a path": b"../../etc/passwd",
    "two lines": b"learner-a\nlearner-b\n",
    "too long": b"x" * 65,
    "not text": b"\xff\xfe\x00l\x00e",
    "starts with a dot": b".hidden",
    "markup": b"<script>alert(1)</script>",
    "huge": b"a" * 100_000,
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_an_unreadable_id_file_is_moved_aside_and_replaced(tmp_path, content):
    """Is an id file that is not a usable id kept under another name (never deleted), a new
    id made, and the learner told?"""
    (tmp_path / ID_FILE).write_bytes(content)
    card = learner_card(BINDER, folder=tmp_path)
    assert MADE.fullmatch(card.id)
    assert (tmp_path / ID_FILE).read_text() == card.id + "\n"
    (aside,) = tmp_path.glob("learner-id.unreadable-*.txt")
    assert aside.read_bytes() == content
    assert any(aside.name in notice and "nothing was deleted" in notice for notice in card.notices)
    assert learner_id(launch(2), folder=tmp_path) == card.id  # and it stays


def test_a_link_is_not_followed(tmp_path):
    """Is a learner-id.txt that links to another file (even one holding an id) moved aside,
    leaving the file it points to untouched?"""
    target = tmp_path / "elsewhere.txt"
    target.write_text("learner-aaaaaa\n")
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    (evidence / ID_FILE).symlink_to(target)
    made = learner_id(BINDER, folder=evidence)
    assert made != "learner-aaaaaa"
    assert target.read_text() == "learner-aaaaaa\n"
    assert not (evidence / ID_FILE).is_symlink()
    (aside,) = evidence.glob("learner-id.unreadable-*.txt")
    assert aside.is_symlink()


def test_a_folder_in_the_ids_place_is_moved_aside(tmp_path):
    """Is a folder called learner-id.txt (with whatever is in it) kept, and a new id made?"""
    (tmp_path / ID_FILE).mkdir()
    (tmp_path / ID_FILE / "work.json").write_text("{}")
    made = learner_id(BINDER, folder=tmp_path)
    assert (tmp_path / ID_FILE).read_text() == made + "\n"
    (aside,) = tmp_path.glob("learner-id.unreadable-*.txt")
    assert (aside / "work.json").read_text() == "{}"


def test_kernels_starting_together_agree_on_one_id(tmp_path):
    """Do several workbooks opened at the same moment on a new Binder all get the same id?"""
    results: list[str] = []
    start = threading.Barrier(8)

    def open_workbook() -> None:
        start.wait()
        results.append(learner_id(BINDER, folder=tmp_path))

    threads = [threading.Thread(target=open_workbook) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1
    assert (tmp_path / ID_FILE).read_text() == results[0] + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [ID_FILE]  # no temporary files left


def test_nowhere_to_save_the_id_still_gives_figures(tmp_path):
    """When the evidence folder cannot be made, does the learner still get an id for now, and
    a plain notice that their figures may change?"""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    card = learner_card(BINDER, folder=blocked / "evidence")
    assert card.id == BINDER["JUPYTERHUB_USER"]
    assert any("could not be saved" in notice for notice in card.notices)


# --- what the learner sees -----------------------------------------------------------------------


def test_the_card_says_what_the_id_is_for(tmp_path):
    """Does the start page show the id and say, plainly, to keep it with downloaded work?"""
    card = learner_card(BINDER, folder=tmp_path)
    text = repr(card)
    assert text.startswith(f"Your learner id is {card.id}.")
    assert "Keep this id with your downloaded work" in text
    assert f'coursework_kit.set_learner_id("{card.id}")' in text
    assert f"<code>{card.id}</code>" in card._repr_html_()


def test_the_card_on_a_hub_says_the_id_comes_from_the_login():
    """On a hub, does the card show the login id and not talk about Binder?"""
    card = learner_card({"JUPYTERHUB_USER": "ab<123>"})
    assert card.source == "hub"
    assert "login" in repr(card)
    assert "Binder" not in repr(card)
    assert "ab&lt;123&gt;" in card._repr_html_()
    assert "<123>" not in card._repr_html_()


# --- setting the id ------------------------------------------------------------------------------


def test_setting_the_id_carries_on_earlier_work(tmp_path):
    """After set_learner_id, does every notebook use that id (and so the old figures)?"""
    learner_id(launch(1), folder=tmp_path)  # the new Binder made its own id first
    card = set_learner_id("learner-7f3k2q", folder=tmp_path, environ=launch(1))
    assert card.id == "learner-7f3k2q"
    assert repr(card).startswith("Your learner id is now learner-7f3k2q.")
    assert "Restart Kernel and Run All Cells" in repr(card)
    assert learner_id(launch(2), folder=tmp_path) == "learner-7f3k2q"


def test_setting_a_new_id_keeps_the_old_one(tmp_path):
    """Is the id it replaces kept in a file (never deleted), and named in the message so the
    learner can go back?"""
    old = learner_id(BINDER, folder=tmp_path)
    card = set_learner_id("learner-7f3k2q", folder=tmp_path, environ=BINDER)
    (aside,) = tmp_path.glob("learner-id.replaced-*.txt")
    assert aside.read_text().strip() == old
    assert any(old in notice and aside.name in notice for notice in card.notices)


def test_setting_the_same_id_again_changes_nothing(tmp_path):
    """Does setting the id already in use leave no extra files behind?"""
    set_learner_id("learner-7f3k2q", folder=tmp_path, environ=BINDER)
    set_learner_id(" learner-7f3k2q ", folder=tmp_path, environ=BINDER)
    assert sorted(p.name for p in tmp_path.iterdir()) == [ID_FILE]


def test_setting_over_an_unreadable_file_keeps_it(tmp_path):
    """Is an unreadable id file moved aside, not overwritten, when a learner sets their id?"""
    (tmp_path / ID_FILE).write_bytes(b"\x00\x01 broken")
    set_learner_id("learner-7f3k2q", folder=tmp_path, environ=BINDER)
    (aside,) = tmp_path.glob("learner-id.unreadable-*.txt")
    assert aside.read_bytes() == b"\x00\x01 broken"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "learner 7f3k2q",
        "../evidence",
        "a/b",
        "a\\b",
        "-rf",
        ".learner",
        "learner-7f3k2q\nsecond",
        "learnér",
        "x" * 65,
        "learner;rm",
        None,
        12345,
    ],
)
def test_unsafe_ids_are_refused_with_a_plain_message(tmp_path, bad):
    """Is an id with unsafe characters (or not text at all) refused, saying what an id
    looks like, with nothing written?"""
    with pytest.raises(EvidenceError, match=r'set_learner_id\("learner-7f3k2q"\)'):
        set_learner_id(bad, folder=tmp_path, environ=BINDER)
    assert list(tmp_path.iterdir()) == []


def test_setting_an_id_away_from_binder_is_refused(tmp_path):
    """Away from Binder (where the login gives the id), is setting an id refused, plainly?"""
    with pytest.raises(EvidenceError, match="only for Binder"):
        set_learner_id("learner-7f3k2q", folder=tmp_path, environ={"JUPYTERHUB_USER": "ab123"})
    assert list(tmp_path.iterdir()) == []


def test_the_package_offers_set_learner_id(tmp_path, monkeypatch):
    """Does coursework_kit.set_learner_id (what the start page tells learners to type) work,
    on the evidence folder beside the notebook?"""
    monkeypatch.chdir(tmp_path)
    for name, value in BINDER.items():
        monkeypatch.setenv(name, value)
    card = coursework_kit.set_learner_id("learner-7f3k2q")
    assert card.file is not None
    assert card.file.resolve() == (tmp_path / "evidence" / ID_FILE).resolve()
    assert learner_id() == "learner-7f3k2q"


# --- autograding is not affected -----------------------------------------------------------------


def test_autograde_ignores_the_id_file(tmp_path):
    """While nbgrader autogrades, is the grader's id used, even with Binder's variables and an
    id file in the submission's evidence?"""
    (tmp_path / ID_FILE).write_text("learner-7f3k2q\n")
    env = {**BINDER, "JUPYTERHUB_USER": "ab123", "NBGRADER_EXECUTION": "autograde"}
    assert learner_id(env, folder=tmp_path) == "ab123"
    assert (tmp_path / ID_FILE).read_text() == "learner-7f3k2q\n"


def test_the_grader_still_takes_the_submission_folder(tmp_path):
    """Does the grader's learner stay the submission's folder name, whatever the learner's
    evidence or environment says?"""
    folder = tmp_path / "autograded" / "ab123" / "unit1"
    (folder / "evidence").mkdir(parents=True)
    (folder / "evidence" / ID_FILE).write_text("learner-7f3k2q\n")
    env = {**BINDER, "NBGRADER_EXECUTION": "autograde"}
    assert current_learner(cwd=folder, environ=env) == "ab123"
    assert os.listdir(folder / "evidence") == [ID_FILE]
