"""Finding, loading and validating the datasets, and per-learner variants."""

from __future__ import annotations

import pytest

from coursework_kit.datasets import (
    data_dir,
    data_path,
    load_campaigns,
    load_contacts,
    load_email_sends,
    load_rows,
    table_schema,
)
from coursework_kit.datasets._tables import read_csv
from coursework_kit.errors import DatasetError


def test_found_from_any_working_folder(tmp_path, monkeypatch):
    """Are the datasets found when the working folder is somewhere else entirely?"""
    monkeypatch.chdir(tmp_path)
    assert (data_dir() / "metrics" / "weekly_channels.csv").is_file()
    assert len(load_rows("metrics/weekly_channels.csv")) == 72


def test_missing_and_escaping_paths():
    """Are a missing file and a path that climbs out of datasets/ refused plainly?"""
    with pytest.raises(DatasetError, match="There is no data file"):
        data_path("metrics/nope.csv")
    with pytest.raises(DatasetError, match="outside the datasets folder"):
        data_path("../pyproject.toml")


def test_campaign_table_shape_and_types():
    """Is the campaign table 12 weeks x 6 channels, with whole-number counts and units?"""
    frame = load_campaigns()
    assert len(frame) == 72
    assert sorted(frame["channel"].unique()) == sorted(
        ["paid_search", "paid_social", "organic_social", "email", "display", "affiliate"]
    )
    assert frame["week"].nunique() == 12
    assert str(frame["clicks"].dtype) == "Int64"
    assert str(frame["week_start"].dtype).startswith("datetime64")
    assert frame.attrs["units"]["spend"] == "£"


def test_contact_centre_table_has_blank_survey_answers():
    """Do contacts carry blanks (not zeros) where a customer did not answer the survey?"""
    frame = load_contacts()
    assert set(frame["channel"].unique()) == {"live_chat", "email", "phone", "social"}
    assert frame["csat_rating"].isna().any()
    answered = frame["csat_rating"].dropna()
    assert answered.between(1, 5).all()


def test_variants_are_stable_per_learner_and_differ_between_learners():
    """Does a learner get the same figures every time, and a different learner different ones?"""
    first = load_campaigns(learner="ab123")
    again = load_campaigns(learner="ab123")
    other = load_campaigns(learner="cd456")
    assert first.equals(again)
    assert not first["clicks"].equals(other["clicks"])
    assert not first["clicks"].equals(load_campaigns()["clicks"])
    assert not load_contacts(learner="ab123").equals(load_contacts(learner="cd456"))


def test_a_learners_email_table_matches_their_campaign_table():
    """Do a learner's email sends agree with the email rows of their campaign table?"""
    campaigns = load_campaigns(learner="ab123")
    sends = load_email_sends(learner="ab123")
    email = campaigns[campaigns["channel"] == "email"].reset_index(drop=True)
    assert list(email["impressions"]) == list(sends["delivered"])


@pytest.mark.parametrize("bad", ["", "   "])
def test_a_blank_learner_id_is_refused(bad):
    """Is a blank learner id refused rather than silently giving everyone the same figures?"""
    with pytest.raises(DatasetError, match="learner id"):
        load_campaigns(learner=bad)


SCHEMA = "metrics/weekly_channels.csv"


def _copy_with(tmp_path, edit):
    lines = data_path(SCHEMA).read_text().splitlines()
    lines = edit(lines)
    path = tmp_path / "weekly_channels.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda ls: [ls[0].replace("clicks", "klicks"), *ls[1:]], "the columns are"),
        (lambda ls: [ls[0], ls[1] + ",extra", *ls[2:]], "values for 14 columns"),
        (
            lambda ls: [ls[0], ls[1].replace(",paid_search,", ",tv,"), *ls[2:]],
            "row 2: channel is 'tv'",
        ),
        (
            lambda ls: [
                ls[0],
                ",".join(c if i != 3 else "-5" for i, c in enumerate(ls[1].split(","))),
                *ls[2:],
            ],
            "impressions is -5, below its minimum",
        ),
        (lambda ls: [ls[0], ls[1], ls[1], *ls[2:]], "a second row for"),
        (
            lambda ls: [ls[0], ls[1].replace("2026-01-05", "5th Jan"), *ls[2:]],
            "should be a date written 2026-01-31",
        ),
        (lambda ls: [], "is empty"),
    ],
)
def test_a_broken_table_is_explained(tmp_path, edit, message):
    """Does a damaged CSV fail with a message naming the row and the problem?"""
    with pytest.raises(DatasetError, match=message):
        read_csv(_copy_with(tmp_path, edit), table_schema(SCHEMA))


def test_clicks_above_impressions_is_caught(tmp_path):
    """Is a row whose clicks exceed its impressions caught by the at_most rule?"""
    schema = table_schema(SCHEMA)
    names = schema.names

    def swap(lines):
        cells = lines[1].split(",")
        i, c = names.index("impressions"), names.index("clicks")
        cells[i], cells[c] = cells[c], cells[i]
        return [lines[0], ",".join(cells), *lines[2:]]

    with pytest.raises(DatasetError, match=r"\(\d+\) is more than impressions"):
        read_csv(_copy_with(tmp_path, swap), schema)


def test_every_schema_column_is_in_its_readme():
    """Does each folder's README document every column of its tables?"""
    for relative in [
        "metrics/weekly_channels.csv",
        "metrics/email_sends.csv",
        "contact_centre/contacts.csv",
    ]:
        readme = data_path(relative.split("/")[0] + "/README.md").read_text()
        for column in table_schema(relative).names:
            assert f"`{column}`" in readme, (relative, column)
