"""The sandbox a learner's kernel runs in while autograding: it sees only a scratch copy of the
learner's own submission, and cannot reach the course, the tutor's files or the network.

The kernel checks run as one small notebook in one shared sandbox (nbclient, as nbgrader runs
it); each test reads its own cell's result. Tests that end a kernel have a sandbox each.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import coursework_kit
from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.grading import sandbox
from coursework_kit.tutor.grading.sandbox import Limits, Sandbox, SandboxUnavailableError

REPO = Path(__file__).resolve().parents[3]
MARK = "@@sandbox-check@@ "
LIMITS = Limits(processes=48, file_bytes=2**20)  # small enough to test quickly

PRELUDE = f"""\
import errno, json, os, socket, subprocess, sys, time

def report(value):
    print({MARK!r} + json.dumps(value))

def attempt(action):
    try:
        result = action()
    except BaseException as exc:
        return type(exc).__name__
    return "ok" if result is None else result

def read(path):
    with open(path, encoding="utf-8", errors="replace") as file:
        return file.read()

def write(path, text="written by the kernel"):
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)
"""

CHECKS = {
    "where": """
files = sorted(os.path.relpath(os.path.join(root, name))
               for root, _, names in os.walk(".") for name in names)
report({"uid": os.getuid(), "cwd": os.getcwd(), "files": files,
        "above": attempt(lambda: sorted(os.listdir(".."))),
        "processes": sorted(int(p) for p in os.listdir("/proc") if p.isdigit())})
""",
    "evidence": 'report(attempt(lambda: read("evidence/chat.json")))',
    "course": """
report({"read": {path: attempt(lambda: read(path)) for path in HOST["secrets"]},
        "write": {path: attempt(lambda: write(path)) for path in HOST["targets"]}})
""",
    "repository": """
report({"listing": attempt(lambda: sorted(os.listdir(HOST["repo"]))),
        "assignments": attempt(lambda: sorted(os.listdir(HOST["assignments"]))),
        "config": attempt(lambda: read(HOST["assignments"] + "/nbgrader_config.py"))})
""",
    "home": """
report({"listing": attempt(lambda: sorted(os.listdir(HOST["home"]))),
        "files": {path: attempt(lambda: read(path)) for path in HOST["home_files"]}})
""",
    "passwd": 'report(attempt(lambda: read("/etc/passwd")))',
    "environment": "report(dict(os.environ))",
    "network": """
def connect(address):
    with socket.create_connection(address, timeout=3):
        pass
report({"loopback": attempt(lambda: connect(("127.0.0.1", HOST["port"]))),
        "public": attempt(lambda: connect(("1.1.1.1", 53))),
        "dns": attempt(lambda: socket.getaddrinfo("example.com", 443))})
""",
    "memory": 'report(attempt(lambda: len(bytearray(HOST["too_much"]))))',
    "alive": 'report("still running")',
    "libraries": """
import pandas, matplotlib, ipywidgets
import matplotlib.pyplot as plt
from coursework_kit.datasets import load_campaigns
from coursework_kit.chat import ChatWidget
plt.plot([1, 2, 3])
report(type(load_campaigns(learner="x")).__name__)
""",
    "fork_bomb": """
children, stopped_by = [], None
try:
    for _ in range(200):  # a bounded bomb: even without a limit it stops here
        children.append(subprocess.Popen(["sleep", "60"]))
except OSError as exc:
    stopped_by = type(exc).__name__
for child in children:
    child.kill()
    child.wait()
report({"started": len(children), "stopped_by": stopped_by})
""",
    "big_file": """
def write_big():
    with open("/tmp/big.bin", "wb") as file:
        file.write(b"x" * (HOST["file_bytes"] + 1))
try:
    write_big()
    report("written")
except OSError as exc:
    report(errno.errorcode.get(exc.errno, str(exc.errno)))
""",
    "writes": """
report({"evidence": attempt(lambda: write("evidence/chat.json", "CHANGED BY THE KERNEL")),
        "new": attempt(lambda: write("notes.txt"))})
""",
}


def run_checks(box: Sandbox, checks: dict[str, str], host: dict, **execute) -> dict:
    """Run ``checks`` as one notebook in the sandbox: each cell's reported value, by name."""
    prelude = PRELUDE + f"HOST = json.loads({json.dumps(host)!r})\n"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(prelude)] + [
        nbformat.v4.new_code_cell(code, metadata={"check": name}) for name, code in checks.items()
    ]
    client = NotebookClient(nb, km=box.kernel_manager(), timeout=60, allow_errors=True)
    client.owns_km = True  # as the grader does: shut the kernel down when the notebook is done
    client.execute(**execute)
    results = {}
    for cell in nb.cells[1:]:
        for output in cell.outputs:
            if output.output_type == "error":
                results[cell.metadata["check"]] = f"cell failed: {output.ename}: {output.evalue}"
            for line in output.get("text", "").splitlines():
                if line.startswith(MARK):
                    results[cell.metadata["check"]] = json.loads(line[len(MARK) :])
    return results


def pid_namespace_members(namespace: str) -> list[int]:
    """The host's living processes in the pid namespace ``namespace`` (as /proc/<pid>/ns/pid
    names it). A zombie has ended; only its parent's wait is missing."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/ns/pid") != namespace:
                    continue
                state = Path(f"/proc/{entry}/stat").read_text().rpartition(")")[2].split()[0]
            except OSError:
                continue  # it ended, or is not ours to look at
            if state not in ("Z", "X"):
                found.append(int(entry))
    return found


@pytest.fixture(scope="module")
def isolation():
    problem = sandbox.isolation_problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() == "true":  # .ci/run installs bubblewrap
            pytest.fail(f"no sandbox on this machine: {problem}")
        pytest.skip(f"no sandbox on this machine: {problem}")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course folder with a gradebook, a source notebook, two learners' submissions, and in
    mine: my evidence, links to the host's /etc/passwd and to the other learner's work, a named
    pipe, a hard link and a file too big to copy."""
    root = tmp_path_factory.mktemp("course")
    (root / "gradebook.db").write_text("SECRET GRADEBOOK")
    (root / "source" / "unit1").mkdir(parents=True)
    (root / "source" / "unit1" / "unit1.ipynb").write_text("SECRET SOURCE NOTEBOOK")
    other = root / "submitted" / "other" / "unit1"
    (other / "evidence").mkdir(parents=True)
    (other / "evidence" / "chat.json").write_text("OTHER LEARNER'S WORK")
    mine = root / "submitted" / "me" / "unit1"
    (mine / "evidence").mkdir(parents=True)
    (mine / "unit1.ipynb").write_text("{}")
    (mine / "evidence" / "chat.json").write_text("MY OWN EVIDENCE")
    (mine / "passwd").symlink_to("/etc/passwd")
    (mine / "evidence" / "friend.json").symlink_to(other / "evidence" / "chat.json")
    (mine / "friend").symlink_to(other, target_is_directory=True)
    os.mkfifo(mine / "pipe")
    os.link(other / "evidence" / "chat.json", mine / "evidence" / "hard.json")
    with (mine / "big.bin").open("wb") as big:
        big.truncate(LIMITS.file_bytes + 1)
    return root


@pytest.fixture(scope="module")
def shared(isolation, course):
    """One sandbox for ``me``, with every check in CHECKS run in it: (sandbox, results)."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    home = Path.home()
    home_files = sorted(str(p) for p in home.iterdir() if p.is_file() and not p.is_symlink())
    host = {
        "secrets": [
            str(course / "gradebook.db"),
            str(course / "source" / "unit1" / "unit1.ipynb"),
            str(course / "submitted" / "other" / "unit1" / "evidence" / "chat.json"),
            str(course / "submitted" / "me" / "unit1" / "evidence" / "chat.json"),
        ],
        "targets": [
            str(course / "planted.txt"),
            str(course / "submitted" / "me" / "planted.txt"),
            str(course / "submitted" / "me" / "unit1" / "planted.txt"),
        ],
        "repo": str(REPO),
        "assignments": str(REPO / "assignments"),
        "home": str(home),
        "home_files": home_files[:5],
        "port": listener.getsockname()[1],
        "too_much": LIMITS.memory_bytes + 2**30,
        "file_bytes": LIMITS.file_bytes,
    }
    box = Sandbox(course / "submitted" / "me" / "unit1", learner="me", limits=LIMITS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COURSEWORK_GRADER_SECRET", "the grader's own")
        results = run_checks(box, CHECKS, host, cwd=str(course), env={"SECRET": "passed in"})
    try:
        results["accepted"] = "no connection"
        try:
            listener.accept()[0].close()
            results["accepted"] = "a connection arrived"
        except BlockingIOError:
            pass
        yield box, results
    finally:
        listener.close()
        box.close()


def test_without_bubblewrap_the_problem_says_how_to_install_it_or_opt_out(monkeypatch):
    """With no bwrap, does the reason say to install bubblewrap, and how to opt out at what
    cost?"""
    monkeypatch.setattr(sandbox.shutil, "which", lambda name, path=None: None)
    problem = sandbox.isolation_problem.__wrapped__()
    assert "sudo apt install bubblewrap" in problem
    assert "COURSEWORK_SANDBOX=none" in problem
    assert "gradebook" in problem


def test_a_sandbox_that_cannot_be_made_raises_a_coursework_error(monkeypatch, tmp_path):
    """Does Sandbox refuse, with the reason, when isolation is not possible?"""
    monkeypatch.setattr(sandbox, "isolation_problem", lambda: "no namespaces here")
    with pytest.raises(SandboxUnavailableError, match="no namespaces here") as caught:
        Sandbox(tmp_path, learner="me")
    assert isinstance(caught.value, CourseworkError)


@pytest.mark.slow
def test_the_kernel_works_in_a_scratch_copy_of_my_submission(shared, course):
    """Does the kernel run unprivileged in a scratch copy outside the course, with my own
    files there, wherever nbclient asked it to start?"""
    box, results = shared
    where = results["where"]
    assert where["cwd"] == "/home/learner/submission"
    assert where["uid"] != 0
    if os.geteuid() == 0:
        assert where["uid"] == 65534
    assert [name for name in where["above"] if not name.startswith(".")] == ["submission"]
    assert "unit1.ipynb" in where["files"]
    assert results["evidence"] == "MY OWN EVIDENCE"
    assert not box.work.resolve().is_relative_to(course.resolve())
    assert len(where["processes"]) <= 3  # its own pid namespace: the kernel, little else


@pytest.mark.slow
def test_links_pipes_and_oversized_files_are_not_copied(shared):
    """Are links (to /etc/passwd, to another learner's file or folder), a pipe, a hard link
    and a file over the size limit all left out of the scratch copy?"""
    box, results = shared
    left_out = {"passwd", "evidence/friend.json", "friend", "pipe", "evidence/hard.json"}
    left_out.add("big.bin")
    assert left_out <= set(box.skipped)
    for name in left_out:
        assert not os.path.lexists(box.work / name)
        assert name not in results["where"]["files"]
    assert (box.work / "unit1.ipynb").is_file()


@pytest.mark.slow
def test_the_course_folder_cannot_be_read_or_written(shared, course):
    """Can the kernel read the gradebook, source, the other learner's work or my original
    submission, or write anywhere in the course folder? It must not."""
    _, results = shared
    assert set(results["course"]["read"].values()) == {"FileNotFoundError"}
    assert set(results["course"]["write"].values()) <= {"FileNotFoundError", "PermissionError"}
    assert not list(course.rglob("planted.txt"))


@pytest.mark.slow
def test_the_repository_and_my_home_folder_are_out_of_sight(shared):
    """Are assignments/ and the tutor's home folder hidden (only what Python needs shows)?"""
    _, results = shared
    repository = results["repository"]
    assert repository["assignments"] == "FileNotFoundError"
    assert repository["config"] == "FileNotFoundError"
    if isinstance(repository["listing"], list):
        assert "assignments" not in repository["listing"]
        assert "tests" not in repository["listing"]
    home = Path.home()
    needed = {
        Path(p).relative_to(home).parts[0]
        for p in (sys.base_prefix, sys.prefix, coursework_kit.__file__)
        if Path(p).is_relative_to(home) and Path(p) != home
    }
    listing = results["home"]["listing"]
    assert listing == "FileNotFoundError" or set(listing) <= needed
    assert set(results["home"]["files"].values()) <= {"FileNotFoundError"}


@pytest.mark.slow
def test_the_hosts_passwd_file_is_not_there(shared):
    """Is /etc/passwd inside not the host's (no root, no real users)?"""
    _, results = shared
    inside = results["passwd"]
    assert inside != Path("/etc/passwd").read_text(encoding="utf-8", errors="replace")
    assert "root:" not in inside


@pytest.mark.slow
def test_the_environment_is_the_sandboxs_own(shared):
    """Does the kernel get only its own environment, not the grader's or what nbclient passed?"""
    _, results = shared
    env = results["environment"]
    assert "COURSEWORK_GRADER_SECRET" not in env
    assert "SECRET" not in env
    assert env["HOME"] == "/home/learner"
    assert env["JUPYTERHUB_USER"] == "me"
    assert env["NBGRADER_EXECUTION"] == "autograde"
    assert env["OPENBLAS_NUM_THREADS"] == "1"


@pytest.mark.slow
def test_the_network_cannot_be_reached(shared):
    """Do connections to the grader's loopback port and to the internet fail?"""
    _, results = shared
    network = results["network"]
    assert network["loopback"] == "ConnectionRefusedError"
    assert network["public"] in {"OSError", "TimeoutError", "ConnectionRefusedError"}
    assert network["dns"] == "gaierror"
    assert results["accepted"] == "no connection"


@pytest.mark.slow
def test_asking_for_too_much_memory_is_a_memory_error(shared):
    """Is memory over the limit a MemoryError in the kernel, which then carries on?"""
    _, results = shared
    assert results["memory"] == "MemoryError"
    assert results["alive"] == "still running"


@pytest.mark.slow
def test_pandas_matplotlib_and_the_kits_widgets_work_inside(shared):
    """Do pandas, matplotlib, ipywidgets, the datasets and the chat widget load in the limits?"""
    _, results = shared
    assert results["libraries"] == "DataFrame"


@pytest.mark.slow
def test_a_fork_bomb_is_stopped_by_the_process_limit(shared):
    """Does starting process after process fail before the process limit is passed?"""
    _, results = shared
    bomb = results["fork_bomb"]
    assert bomb["stopped_by"] == "BlockingIOError"
    assert bomb["started"] < LIMITS.processes


@pytest.mark.slow
def test_a_file_over_the_size_limit_cannot_be_written(shared):
    """Does writing a file bigger than file_bytes fail with 'file too large'?"""
    _, results = shared
    assert results["big_file"] == errno.errorcode[errno.EFBIG]


@pytest.mark.slow
def test_the_kernels_writes_stay_in_the_scratch_copy(shared, course):
    """Do the kernel's writes land in the scratch copy and leave my submission as it was?"""
    box, results = shared
    assert results["writes"] == {"evidence": "ok", "new": "ok"}
    mine = course / "submitted" / "me" / "unit1"
    assert (mine / "evidence" / "chat.json").read_text() == "MY OWN EVIDENCE"
    assert not (mine / "notes.txt").exists()
    assert (box.work / "evidence" / "chat.json").read_text() == "CHANGED BY THE KERNEL"


BACKGROUND = {
    "background": """
subprocess.Popen(["sleep", "600"], start_new_session=True)
subprocess.Popen([sys.executable, "-c",
    "import os, time\\nif os.fork(): os._exit(0)\\nos.setsid()\\n"
    "if os.fork(): os._exit(0)\\ntime.sleep(600)"]).wait()
time.sleep(0.3)
report(os.readlink("/proc/self/ns/pid"))
""",
}


@pytest.mark.slow
def test_closing_ends_every_process_the_learner_started(isolation, tmp_path):
    """After close(), are a detached sleep and a double-forked process gone, and the scratch
    folder removed (and is closing twice harmless)?"""
    (tmp_path / "unit1").mkdir()
    box = Sandbox(tmp_path / "unit1", learner="me", limits=LIMITS)
    try:
        client = NotebookClient(nbformat.v4.new_notebook(), km=box.kernel_manager(), timeout=60)
        client.owns_km = True
        with client.setup_kernel():
            namespace = run_in(client, BACKGROUND["background"])
            assert len(pid_namespace_members(namespace)) >= 3  # kernel, sleep, double fork
            box.close()
            assert pid_namespace_members(namespace) == []
    finally:
        box.close()
    assert not box.work.exists()
    box.close()


@pytest.mark.slow
def test_the_kernel_ends_when_its_bwrap_is_killed(isolation, tmp_path):
    """If the grader dies (its bwrap is killed), do the kernel and its children end too?"""
    (tmp_path / "unit1").mkdir()
    with Sandbox(tmp_path / "unit1", learner="me", limits=LIMITS) as box:
        client = NotebookClient(nbformat.v4.new_notebook(), km=box.kernel_manager(), timeout=60)
        client.owns_km = True
        with client.setup_kernel():
            namespace = run_in(client, BACKGROUND["background"])
            os.kill(box.kernel_manager().provisioner.process.pid, signal.SIGKILL)
            deadline = time.monotonic() + 5
            while pid_namespace_members(namespace) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert pid_namespace_members(namespace) == []


def run_in(client: NotebookClient, code: str):
    """Run one cell (after the prelude) in a started client; the value it reported."""
    cell = nbformat.v4.new_code_cell(PRELUDE + code)
    client.nb.cells = [cell]
    client.execute_cell(cell, 0)
    for output in cell.outputs:
        for line in output.get("text", "").splitlines():
            if line.startswith(MARK):
                return json.loads(line[len(MARK) :])
    raise AssertionError(f"the cell reported nothing: {cell.outputs}")


def test_a_course_installed_under_tmp_is_bound_over_the_sandboxs_own_tmp(tmp_path):
    """A checkout (its venv and package) in /tmp is bound after the sandbox's empty /tmp is
    made, so the kernel can still start (it was hidden in a clone made under /tmp)."""
    import dataclasses

    host = dataclasses.replace(sandbox._host(), read_only=(Path("/usr"), tmp_path))
    argv, _ = sandbox._sandbox_argv(host, ["python3"], limits=Limits(), env={})
    tmpfs = argv.index("/tmp", argv.index("--tmpfs") if "--tmpfs" in argv else 0)
    bound = max(i for i, a in enumerate(argv) if a == str(tmp_path))
    assert argv[tmpfs - 1] == "--tmpfs"
    assert tmpfs < bound
    assert argv.index("--dev") < argv.index("/dev/shm")
