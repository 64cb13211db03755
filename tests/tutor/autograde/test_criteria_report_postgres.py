"""The criteria report on a PostgreSQL gradebook named by db_url in nbgrader_config.py."""

from __future__ import annotations

import pytest

from coursework_kit.tutor.reports import criteria_matrix


def _contents(url):
    """Every row of every table, so a change of any kind shows."""
    from sqlalchemy import MetaData, create_engine, select

    engine = create_engine(url)
    try:
        tables = MetaData()
        tables.reflect(engine)
        with engine.connect() as connection:
            return {
                name: sorted(map(repr, connection.execute(select(table))))
                for name, table in tables.tables.items()
            }
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_postgresql_gradebook_is_read_and_left_as_it_was(
    postgres, small_course, gradebook_filler
):
    """Is the gradebook db_url names on PostgreSQL read, and every row the same after?"""
    url = postgres.gradebook("criteria")
    gradebook_filler(url, tables=False)
    course = small_course(db_url=url)
    before = _contents(url)
    matrix = criteria_matrix(course)
    assert matrix.learners == ["ab123", "cd456", "ef789"]
    assert matrix.status("ab123", "U1-AC1").status == "met"
    assert matrix.status("ab123", "U1-AC2").status == "not marked"
    assert matrix.status("cd456", "U1-AC1").status == "not yet met"
    assert _contents(url) == before


@pytest.mark.slow
def test_a_postgresql_database_that_is_not_a_gradebook_is_explained(postgres, small_course):
    """Is an empty PostgreSQL database refused in plain words, and left empty?"""
    from coursework_kit.errors import CourseworkError

    url = postgres.database("notagradebook")
    course = small_course(db_url=url)
    with pytest.raises(CourseworkError, match="is empty"):
        criteria_matrix(course)
    assert _contents(url) == {}
