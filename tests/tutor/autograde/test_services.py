"""Do the services the autograde tests stand on really work: an nbgrader gradebook on a real
PostgreSQL server, and a real Dask scheduler with two workers, all on loopback?"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import cloudpickle
import pytest
from distributed import Client, Lock, get_worker

THIS_MODULE = sys.modules[__name__]

# Each writer opens the gradebook, says it is ready, waits for the word to go, then adds its
# learners and their submissions one transaction at a time, as nbgrader's autograde does.
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from nbgrader.api import Gradebook

    url, prefix, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    with Gradebook(url) as gradebook:
        (folder / f"{prefix}.ready").touch()
        deadline = time.monotonic() + 60
        while not (folder / "go").exists():
            if time.monotonic() > deadline:
                sys.exit("no word to go")
            time.sleep(0.01)
        for n in range(10):
            learner = f"{prefix}-{n}"
            gradebook.add_student(learner, first_name=prefix, last_name=str(n))
            gradebook.add_submission("unit1", learner)
            grade = gradebook.find_grade("q1", "unit1", "unit1", learner)
            grade.auto_score = n % 2
            gradebook.db.commit()
    """
)


@pytest.fixture(scope="module")
def client(dask_cluster: str) -> Iterator[Client]:
    """A client of the test cluster that sends this module's functions by value (the workers
    cannot import a test module)."""
    cloudpickle.register_pickle_by_value(THIS_MODULE)
    try:
        with Client(dask_cluster, timeout=30, set_as_default=False) as connected:
            yield connected
    finally:
        cloudpickle.unregister_pickle_by_value(THIS_MODULE)


def worker_address(_: int) -> str:
    time.sleep(0.2)  # long enough that one worker cannot take every task
    return str(get_worker().address)


def count_under_lock(counter: str) -> str:
    """Read, pause, write: without the lock, tasks on two workers lose each other's counts."""
    with Lock("coursework-counter"):
        path = Path(counter)
        seen = int(path.read_text(encoding="utf-8"))
        time.sleep(0.05)
        path.write_text(str(seen + 1), encoding="utf-8")
    return str(get_worker().address)


def test_gradebook_on_postgres_keeps_a_learner_and_an_assignment(postgres):
    """Can nbgrader's Gradebook on a fresh PostgreSQL gradebook add a learner and an
    assignment, and read them back through a new connection?"""
    from nbgrader.api import Gradebook

    url = postgres.gradebook("round_trip")
    assert url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    with Gradebook(url) as gradebook:
        assert gradebook.engine.dialect.name == "postgresql"
        assert gradebook.students == []
        gradebook.add_student("learner-1", first_name="Ada", last_name="Lovelace")
        gradebook.add_assignment("unit1")

    with Gradebook(url) as gradebook:
        learner = gradebook.find_student("learner-1")
        assert (learner.first_name, learner.last_name) == ("Ada", "Lovelace")
        assert [assignment.name for assignment in gradebook.assignments] == ["unit1"]


def test_each_gradebook_is_fresh(postgres):
    """Does asking twice for the same name give two separate, empty gradebooks?"""
    from nbgrader.api import Gradebook

    first, second = postgres.gradebook("fresh"), postgres.gradebook("fresh")
    assert first != second
    with Gradebook(first) as gradebook:
        gradebook.add_student("only-in-the-first")
    with Gradebook(second) as gradebook:
        assert gradebook.students == []


def schema(url: str) -> tuple[dict[str, list[str]], list[str]]:
    """Each table's columns, and the schema version nbgrader recorded."""
    import sqlalchemy

    engine = sqlalchemy.create_engine(url)
    try:
        inspector = sqlalchemy.inspect(engine)
        tables = {
            table: sorted(column["name"] for column in inspector.get_columns(table))
            for table in inspector.get_table_names()
        }
        versions = []
        if "alembic_version" in tables:
            with engine.connect() as connection:
                query = sqlalchemy.text("SELECT version_num FROM alembic_version")
                versions = [row[0] for row in connection.execute(query)]
    finally:
        engine.dispose()
    return tables, versions


@pytest.mark.slow  # nbgrader runs `alembic heads` in a subprocess, several seconds here
def test_nbgrader_sets_up_an_empty_database_like_the_gradebook_copy(postgres):
    """Does nbgrader's own set-up of an empty PostgreSQL database give the same tables and
    schema version as the copied gradebook the other tests use, and work the same?"""
    from nbgrader.api import Gradebook

    url = postgres.database("set_up_by_nbgrader")
    assert schema(url) == ({}, [])
    with Gradebook(url) as gradebook:
        gradebook.add_student("learner-1")
    with Gradebook(url) as gradebook:
        assert [student.id for student in gradebook.students] == ["learner-1"]
    tables, versions = schema(url)
    assert "student" in tables
    assert len(versions) == 1
    assert (tables, versions) == schema(postgres.gradebook("copied"))


@pytest.mark.slow  # each writer imports nbgrader, several seconds here
def test_two_processes_write_one_gradebook_at_once(postgres, tmp_path):
    """Do two processes adding learners and submissions to one PostgreSQL gradebook at the
    same moment both succeed, with every write kept?"""
    from nbgrader.api import Gradebook

    url = postgres.gradebook("shared")
    # The tables are made once, before the writers start, as the autograde command must.
    with Gradebook(url) as gradebook:
        gradebook.add_assignment("unit1")
        gradebook.add_notebook("unit1", "unit1")
        gradebook.add_grade_cell("q1", "unit1", "unit1", max_score=1, cell_type="code")

    writers = {
        prefix: subprocess.Popen(
            [sys.executable, "-c", WRITER, url, prefix, str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for prefix in ("left", "right")
    }
    try:
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"{prefix}.ready").exists() for prefix in writers):
            assert all(writer.poll() is None for writer in writers.values()), "a writer stopped"
            assert time.monotonic() < deadline, "the writers did not open the gradebook"
            time.sleep(0.05)
        (tmp_path / "go").touch()
        results = {prefix: writer.communicate(timeout=60) for prefix, writer in writers.items()}
    finally:
        for writer in writers.values():
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    for prefix, writer in writers.items():
        assert writer.returncode == 0, f"{prefix} failed:\n{results[prefix][1]}"

    with Gradebook(url) as gradebook:
        learners = sorted(student.id for student in gradebook.students)
        assert learners == sorted(f"{side}-{n}" for side in writers for n in range(10))
        for learner in learners:
            gradebook.find_submission("unit1", learner)
            n = int(learner.rpartition("-")[2])
            assert gradebook.find_grade("q1", "unit1", "unit1", learner).auto_score == n % 2


def test_tasks_run_on_both_workers(client, dask_cluster):
    """Does a map over the cluster at this address run on both of its workers?"""
    assert dask_cluster.startswith("tcp://127.0.0.1:")
    workers = set(client.scheduler_info()["workers"])
    assert len(workers) == 2
    assert all(address.startswith("tcp://127.0.0.1:") for address in workers)
    ran_on = set(client.gather(client.map(worker_address, range(8), pure=False)))
    assert ran_on == workers


def test_a_lock_taken_in_tasks_lets_one_in_at_a_time(client, tmp_path):
    """Does a distributed Lock taken inside tasks on both workers stop them losing each
    other's writes to one shared file?"""
    counter = tmp_path / "counter"
    counter.write_text("0", encoding="utf-8")
    futures = [client.submit(count_under_lock, str(counter), pure=False) for _ in range(8)]
    ran_on = set(client.gather(futures))
    assert len(ran_on) == 2, "the tasks should have shared the two workers"
    assert counter.read_text(encoding="utf-8") == "8"
