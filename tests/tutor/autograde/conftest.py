"""Real services for the autograde tests: a PostgreSQL server and a Dask cluster, on loopback.

``postgres`` starts Debian's PostgreSQL (``apt-get install postgresql``) in a fresh temporary
folder, as the ``postgres`` system user when the tests run as root (PostgreSQL refuses to run
as root). It listens on 127.0.0.1 only, with trust authentication for local connections only,
and yields a :class:`Postgres` whose ``database(name)`` makes a fresh database and returns its
SQLAlchemy URL, ready for nbgrader's ``db_url``.

``dask_cluster`` starts ``dask scheduler`` and two ``dask worker`` processes (one thread each)
from this Python environment, all on 127.0.0.1, and yields the scheduler's address.

Without PostgreSQL the tests that need it are skipped with that advice, except under
``CI=true``, where it fails the run. Both services are stopped and their folders removed at the
end of the session, whether or not the tests passed.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[3]
START_TIMEOUT = 60.0  # seconds for a service to be ready; both take a few seconds here
STOP_TIMEOUT = 20.0
POSTGRES_ADVICE = (
    "PostgreSQL is not installed, so the PostgreSQL gradebook tests cannot run. "
    "On Debian or Ubuntu: sudo apt-get install postgresql"
)


def _unavailable(message: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":  # .ci/run installs postgresql
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return f"(no log at {path})"
    return "\n".join(text.splitlines()[-lines:])


def _stop(process: subprocess.Popen[bytes], how: signal.Signals) -> None:
    """Ask a process we started to stop; kill its process group if it does not."""
    if process.poll() is None:
        process.send_signal(how)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_TIMEOUT)
    # Each service runs in a session of its own, so its group id is its pid; this also ends
    # children it left behind (a Dask nanny's worker, a PostgreSQL backend).
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_TIMEOUT)


@pytest.fixture(autouse=True)
def _python_tools_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put this Python's scripts first on PATH: nbgrader runs ``alembic`` from PATH when it
    makes a new gradebook, and the graders run ``nbgrader`` and ``jupyter``."""
    scripts = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", os.pathsep.join(filter(None, [scripts, os.environ.get("PATH")])))


# ---------------------------------------------------------------- PostgreSQL


def _postgres_bin() -> Path | None:
    """The newest Debian PostgreSQL ``bin`` folder that has initdb, pg_ctl and postgres."""
    found = []
    for folder in Path("/usr/lib/postgresql").glob("*/bin"):
        if all((folder / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            version = folder.parent.name
            found.append((int(version) if version.isdigit() else 0, folder))
    if found:
        return max(found)[1]
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


@dataclass
class Postgres:
    """A running PostgreSQL server on 127.0.0.1; superuser ``postgres``, no password."""

    host: str
    port: int
    user: str = "postgres"
    _made: set[str] = field(default_factory=set, repr=False)
    _template: str | None = field(default=None, repr=False)

    def url(self, name: str) -> str:
        """The SQLAlchemy URL (psycopg 3 driver) of database ``name`` on this server."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{name}"

    def database(self, name: str) -> str:
        """Create a fresh, empty database and return its SQLAlchemy URL.

        ``name`` is used as given the first time; asking again for a name already made in this
        session makes ``name_2``, ``name_3`` and so on, so each call gets a database of its own.
        """
        return self._create(name, template=None)

    def gradebook(self, name: str) -> str:
        """Create a fresh database holding an empty nbgrader gradebook (its tables, and
        nbgrader's schema version) and return its SQLAlchemy URL. Names as for ``database``.

        nbgrader sets up a new gradebook by running ``alembic heads`` in a subprocess, several
        seconds here; this copies a gradebook set up once per session instead.
        """
        if self._template is None:
            self._template = _nbgrader_template(self)
        return self._create(name, template=self._template)

    def _create(self, name: str, *, template: str | None) -> str:
        import psycopg
        from psycopg import sql

        if not name or not name.isascii() or not name.replace("_", "").isalnum():
            raise ValueError(f"use letters, digits and _ in a database name, not {name!r}")
        actual, number = name, 1
        while actual in self._made:
            number += 1
            actual = f"{name}_{number}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(actual))
        if template is not None:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(statement)
        self._made.add(actual)
        return self.url(actual)


def _nbgrader_template(service: Postgres) -> str:
    """A database set up by nbgrader's own Gradebook, with the schema version looked up in
    this process rather than by nbgrader's ``alembic heads`` subprocess."""
    from unittest import mock

    import nbgrader.api
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(Path(nbgrader.api.__file__).with_name("alembic")))
    head = scripts.get_current_head()
    url = service.database("nbgrader_template")
    with (
        mock.patch.object(nbgrader.api, "get_alembic_version", return_value=head),
        nbgrader.api.Gradebook(url),
    ):
        pass  # closing it disposes its connections, so the template can be copied
    return url.rpartition("/")[2]


def _as_service_user(command: list[str]) -> list[str]:
    """Run as the ``postgres`` system user when we are root (setpriv execs, so the pid we
    start is the server's own)."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--", *command]


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A real PostgreSQL server for the session; yields a :class:`Postgres`."""
    bin_folder = _postgres_bin()
    if bin_folder is None:
        _unavailable(POSTGRES_ADVICE)
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            _unavailable(
                "PostgreSQL refuses to run as root and there is no 'postgres' user to run it "
                "as. Reinstalling Debian's package makes one: sudo apt-get install --reinstall "
                "postgresql"
            )
        if shutil.which("setpriv") is None:
            _unavailable("setpriv is missing: sudo apt-get install util-linux")

    # Not under pytest's own temporary folder: that is private to root, and the server user
    # must be able to reach its data folder.
    base = Path(tempfile.mkdtemp(prefix="coursework-postgres-"))
    server: subprocess.Popen[bytes] | None = None
    try:
        data, sockets, log = base / "data", base / "sockets", base / "server.log"
        sockets.mkdir()
        if owner is not None:
            for path in (base, sockets):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        initdb = subprocess.run(
            _as_service_user(
                [
                    str(bin_folder / "initdb"),
                    f"--pgdata={data}",
                    "--username=postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-locale",
                    "--no-sync",
                ]
            ),
            cwd=base,
            capture_output=True,
            text=True,
            check=False,
        )
        if initdb.returncode != 0:
            pytest.fail(f"initdb failed:\n{initdb.stdout}\n{initdb.stderr}")
        # Trust only connections from this machine: the Unix socket and loopback.
        (data / "pg_hba.conf").write_text(
            "local all all trust\nhost all all 127.0.0.1/32 trust\n", encoding="utf-8"
        )
        port = _free_port()
        with log.open("wb") as log_file:
            server = subprocess.Popen(
                _as_service_user(
                    [
                        str(bin_folder / "postgres"),
                        "-D",
                        str(data),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        f"port={port}",
                        "-c",
                        f"unix_socket_directories={sockets}",
                        # a test server: speed over durability
                        "-c",
                        "fsync=off",
                        "-c",
                        "synchronous_commit=off",
                        "-c",
                        "full_page_writes=off",
                    ]
                ),
                cwd=base,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        service = Postgres(host="127.0.0.1", port=port)
        _wait_for_postgres(service, server, log)
        yield service
    finally:
        if server is not None:
            _stop(server, signal.SIGINT)  # SIGINT is PostgreSQL's "fast" shutdown
        shutil.rmtree(base, ignore_errors=True)


def _wait_for_postgres(service: Postgres, server: subprocess.Popen[bytes], log: Path) -> None:
    import psycopg

    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with psycopg.connect(
                host=service.host,
                port=service.port,
                user=service.user,
                dbname="postgres",
                connect_timeout=2,
            ):
                return
        except psycopg.OperationalError as error:
            if server.poll() is not None:
                pytest.fail(f"PostgreSQL stopped while starting:\n{_tail(log)}")
            if time.monotonic() > deadline:
                pytest.fail(
                    f"PostgreSQL was not ready after {START_TIMEOUT:.0f} s ({error}):\n{_tail(log)}"
                )
            time.sleep(0.1)


# ---------------------------------------------------------------- Dask


def _dask(command: str, *arguments: str) -> list[str]:
    """``dask scheduler`` / ``dask worker`` from the Python that runs the tests."""
    return [sys.executable, "-m", f"distributed.cli.dask_{command}", *arguments]


@pytest.fixture(scope="session")
def dask_cluster() -> Iterator[str]:
    """A Dask scheduler and two single-thread workers on loopback; yields the scheduler's
    address (``tcp://127.0.0.1:PORT``)."""
    from distributed import Client

    base = Path(tempfile.mkdtemp(prefix="coursework-dask-"))
    scheduler_file = base / "scheduler.json"
    env = dict(os.environ)
    # The workers import coursework_kit from this checkout, whether or not it is installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    # and run this Python's scripts (nbgrader, jupyter, alembic) from PATH
    env["PATH"] = os.pathsep.join(filter(None, [str(Path(sys.executable).parent), env.get("PATH")]))
    env["DASK_CONFIG"] = str(base / "config")  # no settings from the tester's own ~/.config
    env.pop("DASK_SCHEDULER_ADDRESS", None)
    # Every server here, including the HTTP endpoints Dask serves even without a dashboard,
    # listens on loopback, on a port the system picks.
    loopback = ("--host", "127.0.0.1", "--no-dashboard", "--dashboard-address", "127.0.0.1:0")
    commands = {
        "scheduler": _dask(
            "scheduler", *loopback, "--port", "0", "--scheduler-file", str(scheduler_file)
        ),
        **{
            f"worker-{n}": _dask(
                "worker",
                *loopback,
                "--scheduler-file",
                str(scheduler_file),
                "--name",
                f"worker-{n}",
                "--nworkers",
                "1",
                "--nthreads",
                "1",
                "--local-directory",
                str(base / f"worker-{n}"),
            )
            for n in (1, 2)
        },
    }
    started: dict[str, subprocess.Popen[bytes]] = {}

    def logs() -> str:
        return "\n".join(f"--- {name}:\n{_tail(base / f'{name}.log')}" for name in commands)

    try:
        for name, command in commands.items():
            with (base / f"{name}.log").open("wb") as log_file:
                started[name] = subprocess.Popen(
                    command,
                    cwd=base,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
        address = _wait_for_dask(scheduler_file, started, logs)
        with (
            warnings.catch_warnings(),
            Client(address, timeout=START_TIMEOUT, set_as_default=False) as client,
        ):
            warnings.simplefilter("ignore")
            try:
                client.wait_for_workers(2, timeout=START_TIMEOUT)
            except TimeoutError:
                pytest.fail(f"the two Dask workers did not join in time:\n{logs()}")
        yield address
    finally:
        # Workers first, so they do not keep trying to reach a scheduler that has gone.
        for name, process in started.items():
            if name != "scheduler":
                _stop(process, signal.SIGTERM)
        if "scheduler" in started:
            _stop(started["scheduler"], signal.SIGTERM)
        shutil.rmtree(base, ignore_errors=True)


def _wait_for_dask(
    scheduler_file: Path, started: dict[str, subprocess.Popen[bytes]], logs: Callable[[], str]
) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        for name, process in started.items():
            if process.poll() is not None:
                pytest.fail(f"Dask {name} stopped while starting:\n{logs()}")
        try:
            address = json.loads(scheduler_file.read_text(encoding="utf-8"))["address"]
        except (OSError, ValueError, KeyError):
            if time.monotonic() > deadline:
                pytest.fail(f"the Dask scheduler did not start in time:\n{logs()}")
            time.sleep(0.1)
        else:
            return str(address)
