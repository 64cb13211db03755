"""A real JupyterHub on loopback, for a course with learners as separate hub users.

JupyterHub comes from PyPI and its proxy, ``configurable-http-proxy``, from npm
(``npm install -g configurable-http-proxy``). Without the proxy these tests are skipped with
that advice, except under ``CI=true``, where a missing proxy fails the run.

Every user's single-user server is started by the hub (``SimpleLocalProcessSpawner``: one OS
account for all, a home folder each, ``JUPYTERHUB_USER`` set per user). A college runs each
learner as their own OS account instead (``LocalProcessSpawner``, ``SystemdSpawner``) or in a
container of their own (``KubeSpawner``, ``DockerSpawner``); the tests cannot make OS accounts
that can run this project's Python, so each learner's nbgrader settings name their hub user
as the student, which is what nbgrader takes from a learner's own OS account. Tests talk to
each server the way a browser does: through the proxy, with that user's token, over the
server's REST API and a kernel's websocket.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
COURSE_ID = "coursework-kit"
LEARNERS = ("learner-ayesha", "learner-ben")
TUTOR = "tutor-sam"
START_TIMEOUT = 90  # seconds for the hub, or one user's server, to come up


def proxy_command() -> str:
    """Where ``configurable-http-proxy`` is; skips (or under CI fails) when it or JupyterHub
    is missing."""
    found = os.environ.get("CONFIGURABLE_HTTP_PROXY") or shutil.which("configurable-http-proxy")
    advice = []
    if not found:
        advice.append(
            "configurable-http-proxy is not installed: npm install -g configurable-http-proxy "
            "(or set CONFIGURABLE_HTTP_PROXY to its path)."
        )
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        advice.append('JupyterHub is not installed: pip install -e ".[test]".')
    if advice:
        message = "The JupyterHub course test cannot run. " + " ".join(advice)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return str(found)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _request(
    url: str, token: str, method: str = "GET", body: Any = None, *, timeout: float = 30
) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", f"token {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        with error:
            text = error.read().decode(errors="replace")
            status = error.code
    return status, (json.loads(text) if text.strip().startswith(("{", "[")) else text)


class RemoteError(AssertionError):
    """Code run in a user's kernel raised an error."""


@dataclass
class Server:
    """One user's single-user server, reached through the hub's proxy with their token."""

    name: str
    url: str  # http://127.0.0.1:PORT/user/NAME/
    token: str
    home: Path
    kernel: str = ""

    def api(self, method: str, path: str, body: Any = None) -> Any:
        status, answer = _request(self.url + path, self.token, method, body)
        assert status < 300, f"{method} {path} on {self.name}'s server: {status} {answer}"
        return answer

    def run(self, code: str, *, timeout: float = 300) -> str:
        """Run ``code`` in this server's kernel (started on first use); returns its stdout.

        Each call opens its own websocket to the kernel, as a browser tab does, so a long wait
        between calls never finds a connection the server has since closed.
        """
        import websocket

        if not self.kernel:
            self.kernel = self.api("POST", "api/kernels", {"name": "python3"})["id"]
        ws_url = self.url.replace("http://", "ws://", 1) + f"api/kernels/{self.kernel}/channels"
        connection = websocket.create_connection(
            ws_url, header=[f"Authorization: token {self.token}"], timeout=timeout
        )
        try:
            return self._execute(connection, code, timeout)
        finally:
            connection.close()

    def _execute(self, connection: Any, code: str, timeout: float) -> str:
        msg_id = uuid.uuid4().hex
        connection.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "username": self.name,
                        "session": uuid.uuid4().hex,
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "channel": "shell",
                    "content": {"code": code, "silent": False, "store_history": False},
                }
            )
        )
        out: list[str] = []
        error = ""
        replied = idle = False
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise RemoteError(f"{self.name}'s kernel did not finish in {timeout} s")
            text = connection.recv()
            if not text:
                raise RemoteError(f"{self.name}'s server closed the kernel's websocket")
            message = json.loads(text)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream" and content["name"] == "stdout":
                out.append(content["text"])
            elif kind == "error":
                error = "\n".join(content["traceback"])
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        if error:
            raise RemoteError(f"in {self.name}'s kernel:\n{error}")
        return "".join(out)

    def run_json(self, code: str, *, timeout: float = 300) -> Any:
        """Run ``code``, whose last line of output is JSON; returns it decoded."""
        return json.loads(self.run(code, timeout=timeout).strip().splitlines()[-1])

    def shut_kernel(self) -> None:
        if self.kernel:
            _request(self.url + f"api/kernels/{self.kernel}", self.token, "DELETE")
            self.kernel = ""


@dataclass
class Hub:
    """A running JupyterHub: its public address, an admin service token and its folders."""

    url: str
    token: str
    root: Path
    exchange: Path
    servers: dict[str, Server] = field(default_factory=dict)
    pids: set[int] = field(default_factory=set)

    def api(self, method: str, path: str, body: Any = None) -> Any:
        status, answer = _request(f"{self.url}/hub/api/{path}", self.token, method, body)
        assert status < 300, f"{method} /hub/api/{path}: {status} {answer}"
        return answer

    def home(self, name: str) -> Path:
        return self.root / "home" / name

    def start(self, *names: str) -> None:
        """Ask the hub to start each user's own server, all at once, and wait until every one
        is ready."""
        for name in names:
            if name in self.servers:
                continue
            status, answer = _request(f"{self.url}/hub/api/users/{name}/server", self.token, "POST")
            assert status in (201, 202), f"starting {name}'s server: {status} {answer}"
        deadline = time.monotonic() + START_TIMEOUT
        for name in names:
            while name not in self.servers:
                model = self.api("GET", f"users/{name}")
                default = model.get("servers", {}).get("", {})
                pid = default.get("state", {}).get("pid")
                if pid:
                    self.pids.add(int(pid))
                if default.get("ready"):
                    made = self.api("POST", f"users/{name}/tokens", {"note": "hub course test"})
                    url = f"{self.url}/user/{name}/"
                    self.servers[name] = Server(name, url, made["token"], self.home(name))
                    break
                assert time.monotonic() < deadline, f"{name}'s server did not start: {model}"
                time.sleep(0.3)

    def server(self, name: str) -> Server:
        """``name``'s own server, started through the hub if it is not running yet."""
        self.start(name)
        return self.servers[name]

    def shut_kernels(self) -> None:
        """Shut every kernel the tests started (the hub stops the servers as it stops)."""
        for server in self.servers.values():
            with contextlib.suppress(OSError, AssertionError):
                server.shut_kernel()


def _hub_config(root: Path, *, token: str, proxy: str, ports: dict[str, int]) -> str:
    spawner_args = ["--allow-root"] if os.geteuid() == 0 else []
    return textwrap.dedent(
        f"""\
        # JupyterHub for the course test: loopback only, any password, one OS account.
        c = get_config()  # noqa: F821
        c.JupyterHub.bind_url = "http://127.0.0.1:{ports["public"]}"
        c.JupyterHub.hub_ip = "127.0.0.1"
        c.JupyterHub.hub_port = {ports["hub"]}
        c.ConfigurableHTTPProxy.command = [{proxy!r}]
        c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports["proxy_api"]}"
        c.ConfigurableHTTPProxy.pid_file = {str(root / "proxy.pid")!r}
        c.JupyterHub.db_url = "sqlite:///{root / "jupyterhub.sqlite"}"
        c.JupyterHub.cookie_secret_file = {str(root / "cookie_secret")!r}
        c.JupyterHub.authenticator_class = "dummy"
        c.Authenticator.allowed_users = set({sorted((*LEARNERS, TUTOR))!r})
        c.Authenticator.admin_users = {{{TUTOR!r}}}
        c.JupyterHub.spawner_class = "simple"
        c.SimpleLocalProcessSpawner.home_dir_template = {str(root / "home" / "{username}")!r}
        c.Spawner.cmd = [{str(BIN / "jupyterhub-singleuser")!r}]
        c.Spawner.args = {spawner_args!r}
        c.Spawner.default_url = "/lab"
        c.Spawner.start_timeout = {START_TIMEOUT}
        # the course-wide nbgrader settings, as /etc/jupyter/nbgrader_config.py would hold them
        c.Spawner.environment = {{"JUPYTER_CONFIG_PATH": {str(root / "etc-jupyter")!r}}}
        c.JupyterHub.services = [{{"name": "course-test", "api_token": {token!r}}}]
        c.JupyterHub.load_roles = [
            {{
                "name": "course-test",
                "scopes": [
                    "admin:users", "admin:servers", "admin:server_state", "tokens",
                    "access:servers",
                ],
                "services": ["course-test"],
            }}
        ]
        """
    )


def _nbgrader_configs(root: Path, exchange: Path) -> None:
    """The course-wide nbgrader settings, and each learner's own."""
    etc = root / "etc-jupyter"
    etc.mkdir()
    (etc / "nbgrader_config.py").write_text(
        textwrap.dedent(
            f"""\
            c = get_config()  # noqa: F821
            c.CourseDirectory.course_id = {COURSE_ID!r}
            c.Exchange.root = {str(exchange)!r}
            """
        )
    )
    for learner in LEARNERS:
        jupyter = root / "home" / learner / ".jupyter"
        jupyter.mkdir(parents=True)
        # nbgrader names a submission after the OS account that made it; here every learner
        # shares one, so each learner's settings name their own hub user instead
        (jupyter / "nbgrader_config.py").write_text(
            "c = get_config()  # noqa: F821\n"
            "import os\n"
            'c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]\n'
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A JupyterHub on loopback with two learners and a tutor; yields a ``Hub``.

    The tutor's home holds a copy of the course (``~/course``: the source notebooks, answer
    keys and ``nbgrader_config.py``); the exchange is one folder every server can write to,
    mode 1777 as nbgrader's documentation asks.
    """
    proxy = proxy_command()
    root = tmp_path_factory.mktemp("hub")
    exchange = root / "exchange"
    exchange.mkdir()
    exchange.chmod(0o1777)
    _nbgrader_configs(root, exchange)
    course = root / "home" / TUTOR / "course"
    shutil.copytree(ROOT / "assignments" / "source", course / "source")
    shutil.copytree(ROOT / "assignments" / "keys", course / "keys")
    shutil.copy(ROOT / "assignments" / "nbgrader_config.py", course)

    token = uuid.uuid4().hex
    ports = {"public": free_port(), "hub": free_port(), "proxy_api": free_port()}
    config = root / "jupyterhub_config.py"
    config.write_text(_hub_config(root, token=token, proxy=proxy, ports=ports))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTERHUB_", "JPY_"))}
    env["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    log = (root / "jupyterhub.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(config)],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    running = Hub(f"http://127.0.0.1:{ports['public']}", token, root, exchange)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            with contextlib.suppress(OSError):
                status, _ = _request(f"{running.url}/hub/api/", token, timeout=2)
                if status == 200:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterHub did not start:\n{_tail(root / 'jupyterhub.log')}")
            time.sleep(0.3)
        proxy_pid = root / "proxy.pid"
        if proxy_pid.is_file() and proxy_pid.read_text().strip().isdigit():
            running.pids.add(int(proxy_pid.read_text().strip()))
        yield running
    finally:
        running.shut_kernels()
        process.send_signal(signal.SIGTERM)  # the hub stops every server and its proxy on exit
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
        for pid in running.pids:  # anything the hub left running: its proxy, users' servers
            if _alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
