"""The kernel manager and kernel spec a :class:`~coursework_kit.tutor.grading.sandbox.Sandbox`
starts its python3 kernel with."""

from __future__ import annotations

import asyncio
import os
import sys
from typing import TYPE_CHECKING, Any

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager

from coursework_kit.tutor.grading._bwrap import _OUTER_ENV, _kernel_env, _sandbox_argv

if TYPE_CHECKING:
    from coursework_kit.tutor.grading.sandbox import Sandbox


class _SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose python3 kernel starts in its :class:`Sandbox`."""

    def __init__(self, sandbox: Sandbox, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._sandbox = sandbox
        self._fds: list[int] = []  # passed to bwrap at launch
        self._info: int | None = None  # where bwrap says which process heads the namespace

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        box = self._sandbox
        self._info, write = os.pipe()
        argv, fds = _sandbox_argv(
            box._host,
            super().format_kernel_cmd(extra_arguments),
            limits=box.limits,
            env=_kernel_env(box.learner),
            work=box.work,
            run=box._run,
            info_fd=write,
        )
        self._fds = [write, *fds]
        return argv

    async def _async_pre_start_kernel(
        self, *, transport_encryption: str | None = None, **kw: Any
    ) -> tuple[list[str], dict[str, Any]]:
        # the caller's cwd, env and other Popen options are ignored: the sandbox sets its own
        kept = {k: v for k, v in kw.items() if k in ("extra_arguments", "kernel_id")}
        cmd, launch = await super()._async_pre_start_kernel(
            transport_encryption=transport_encryption, **kept
        )
        box = self._sandbox
        if box._host.as_root:
            os.chown(self.connection_file, *box._host.ids)
        launch.update(env=dict(_OUTER_ENV), cwd=str(box._run), pass_fds=tuple(self._fds))
        launch["stdout"] = launch["stderr"] = (box._base / "kernel.log").open("ab")
        return cmd, launch

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        info, self._info = self._info, None
        try:
            try:
                await super()._async_launch_kernel(kernel_cmd, **kw)
            finally:
                for fd in self._fds:  # bwrap has its own copies now
                    os.close(fd)
                self._fds = []
                kw["stdout"].close()  # the kernel has its own copy
            self._sandbox._watch(getattr(self.provisioner, "process", None), info)
        finally:
            if info is not None:
                os.close(info)

    # End the namespace before bwrap: bwrap killed first could not reap its head (a zombie).
    async def _async_kill_kernel(self, restart: bool = False) -> None:
        await asyncio.to_thread(self._sandbox._end)
        await super()._async_kill_kernel(restart)

    async def _async_send_kernel_sigterm(self, restart: bool = False) -> None:
        await asyncio.to_thread(self._sandbox._end)
        await super()._async_send_kernel_sigterm(restart)


class _OneKernel(KernelSpecManager):
    """Offers only the python3 kernel of the grader's own Python."""

    def find_kernel_specs(self) -> dict[str, str]:
        return {"python3": ""}

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:  # noqa: ARG002
        # bwrap does not pass signals on, so interrupts go as messages (ipykernel then
        # signals itself)
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        return KernelSpec(
            argv=argv, display_name="Python 3", language="python", interrupt_mode="message"
        )
