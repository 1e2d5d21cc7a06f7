"""Warm kernels for batch reports: fork each notebook's kernel from a process that has already
imported what the notebooks need.

Starting a Jupyter kernel and importing pandas, matplotlib, NLTK and the kit costs several
seconds, far more than running a report's cells. A *fork server* pays that once per worker: it is
a small Python process that imports the modules the notebooks use (and warms the kit's cached
resources), then, for every notebook, ``fork()``s a child that becomes a fresh ipykernel. The
child shares the parent's already-imported modules copy-on-write, so each kernel starts in
milliseconds with an empty user namespace: notebooks still run in isolation from one another.

:class:`WarmKernelManager` plugs this into papermill/nbclient (``kernel_manager_class=``); when no
fork server is running, or the kernelspec is not an ipykernel, it starts kernels the usual way.

Only for POSIX systems with ``fork`` (Linux, macOS); elsewhere :func:`fork_supported` is False and
reports use ordinary kernels.
"""

from __future__ import annotations

import ast
import asyncio
import json
import logging
import os
import select
import signal
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import DottedObjectName, Type

log = logging.getLogger(__name__)

#: Modules every warm kernel imports besides those the notebooks name: the kernel itself.
KERNEL_MODULES = (
    "IPython",
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",
    "IPython.core.history",
    "sqlite3",
    "pdb",
    "psutil",
    "tornado.queues",
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    # imported by every kernel while it starts, or by its first cell that shows a table or a plot
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.oinspect",
    "IPython.core.logger",
    "IPython.core.pylabtools",
    "IPython.extensions.storemagic",
    "IPython.utils.wildcard",
    "tornado.platform.asyncio",
    "matplotlib.backends.backend_agg",
    "matplotlib_inline.backend_inline",
    "jinja2",
    "pandas.io.formats.style",
    "PIL.PngImagePlugin",
)

#: Options given to every forked kernel: no IPython history database (an SQLite file written
#: at start and after every cell, which reports never read).
KERNEL_OPTIONS = ("--HistoryManager.enabled=False",)

_SERVER: ForkServer | None = None


def fork_supported() -> bool:
    """Whether this platform can fork kernels (POSIX with ``os.fork``)."""
    return hasattr(os, "fork") and os.name == "posix"


def notebook_imports(paths: Iterable[str | Path]) -> list[str]:
    """The modules the code cells of ``paths`` import, in first-seen order.

    ``import a.b`` gives ``a.b``; ``from a import b`` gives ``a`` and ``a.b`` (``b`` may be a
    submodule; a name that is not one simply fails to import later and is skipped). Relative
    imports, IPython magics and shell lines are ignored; a cell that does not parse is skipped.

    Examples:
        >>> import json, tempfile, pathlib
        >>> nb = {"cells": [{"cell_type": "code", "source": "%matplotlib inline\\nimport pandas as pd\\n"
        ...                  "from analysis import quotes"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.ipynb"; _ = p.write_text(json.dumps(nb))
        >>> notebook_imports([p])
        ['pandas', 'analysis', 'analysis.quotes']
    """
    seen: dict[str, None] = {}
    for path in paths:
        try:
            nb = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for cell in nb.get("cells", []):
            if cell.get("cell_type") != "code":
                continue
            src = cell.get("source", "")
            src = "".join(src) if isinstance(src, list) else src
            lines = [ln for ln in src.splitlines() if not ln.lstrip().startswith(("%", "!"))]
            try:
                tree = ast.parse("\n".join(lines))
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    for alias in node.names:
                        seen.setdefault(alias.name, None)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    seen.setdefault(node.module, None)
                    for alias in node.names:
                        if alias.name != "*":
                            seen.setdefault(f"{node.module}.{alias.name}", None)
    return list(seen)


# --------------------------------------------------------------------------------------------
# The server process (``python -m analysis.report_kernels``)
# --------------------------------------------------------------------------------------------


def _warm(modules: list[str]) -> tuple[list[str], list[str]]:
    """Import ``modules`` and warm the kit's caches; returns (imported, failed)."""
    import importlib

    # Decide matplotlib's backend before matplotlib is imported: a kernel would set it at start,
    # but by then rcParams were read here. Importing the inline backend here does not hook it
    # into IPython (there is no shell yet): each kernel does that when it starts (see _child).
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    done, failed = [], []
    for name in [*KERNEL_MODULES, *modules]:
        if name in sys.modules:
            done.append(name)
            continue
        try:
            importlib.import_module(name)
            done.append(name)
        except Exception:  # noqa: BLE001 - a name may be a class, not a module
            failed.append(name)
    _warm_kit()
    _warm_display()
    return done, failed


def _warm_display() -> None:
    """Draw one figure and render one table, so that every kernel inherits matplotlib's font
    cache and text layout, Pillow's PNG encoder and pandas' HTML templates instead of loading
    them in its first plotting or table cell. Best effort."""
    try:
        from IPython.core.pylabtools import print_figure
        from matplotlib.figure import Figure

        fig = Figure(figsize=(6, 3))
        ax1, ax2 = fig.subplots(1, 2)
        ax1.barh(["alpha", "beta"], [1.5, 2.5], label="bars")
        ax1.set_title("Title")
        ax1.set_xlabel("x label")
        ax1.legend(frameon=False)
        ax2.hist([1, 2, 2, 3, 3, 3], bins=3)
        ax2.axvline(2, linestyle="--")
        ax2.plot([1, 2, 3], [3, 1, 2], marker="o")
        ax2.text(0.5, 0.5, "text", transform=ax2.transAxes, ha="center")
        fig.tight_layout()
        print_figure(fig, "png", bbox_inches="tight")  # what the inline backend does per figure
    except Exception:  # noqa: BLE001
        log.debug("matplotlib warm-up failed", exc_info=True)
    try:
        import pandas as pd

        frame = pd.DataFrame({"a": [1.5, 2.0], "b": ["x", "<y>"]})
        frame._repr_html_()
        frame.style.hide(axis="index").set_properties(subset=["b"], **{"text-align": "right"}).to_html()
    except Exception:  # noqa: BLE001
        log.debug("pandas warm-up failed", exc_info=True)


def _warm_kit() -> None:
    """Fill the kit's ``functools.cache`` resources and lazily built analysers once."""
    res = sys.modules.get("analysis.resources")
    if res is not None:
        for name in dir(res):
            fn = getattr(res, name)
            if callable(fn) and hasattr(fn, "cache_info") and not name.startswith("_"):
                try:
                    fn()
                except Exception:  # noqa: BLE001 - takes arguments, or resource missing
                    pass
    sample = 'Mr. Smith said the plan was "a disaster". "It works," she said on Jan. 5.'
    for mod, fn in (
        ("analysis.text", "segment"),
        ("analysis.stats", "text_stats"),
        ("analysis.quotes", "extract_quotes"),
        ("analysis.sentiment", "polarity"),
    ):
        m = sys.modules.get(mod)
        if m is not None and hasattr(m, fn):
            try:
                getattr(m, fn)(sample)
            except Exception:  # noqa: BLE001 - warming is best effort
                pass


def _child(argv: list[str], cwd: str, env: dict[str, str], quiet: bool, server_pid: int) -> None:
    """Runs in the forked child: become an ipykernel. Never returns."""
    code = 1
    try:
        os.setsid()  # own process group: interrupts and kills reach the kernel and its children
        for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGPIPE):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        if quiet:
            os.dup2(null, 2)
        os.close(null)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        np = sys.modules.get("numpy")
        if np is not None:  # forked children would otherwise share numpy's global random state
            np.random.seed()
        sys.argv = ["ipykernel_launcher", *argv]
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance(parent_handle=server_pid)
        app.initialize(argv)
        inline = sys.modules.get("matplotlib_inline.backend_inline")
        if inline is not None and hasattr(inline, "_enable_matplotlib_integration"):
            inline._enable_matplotlib_integration()  # imported before the shell existed
        app.start()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:  # noqa: BLE001 - report and exit, never return into the server loop
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code)


def _call_child(target: str, args: list[Any], result: str) -> None:
    """Runs in a forked child: ``module:function(*args)``, JSON result to ``result``. Never returns."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        import importlib

        module, _, name = target.partition(":")
        value = getattr(importlib.import_module(module), name)(*args)
        with open(result + ".part", "w", encoding="utf-8") as fh:
            json.dump(value, fh)
        os.replace(result + ".part", result)
        code = 0
    except BaseException:  # noqa: BLE001 - report and exit, never return into the server loop
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code)


def serve(quiet: bool = True) -> None:
    """The fork server's main loop: JSON lines on stdin, JSON lines on stdout.

    First line in: ``{"modules": [...]}``; answer ``{"ready": true, "imported": n, "failed": [...]}``.
    Then each line ``{"argv": [...], "cwd": "...", "env": {...}}`` is answered ``{"pid": N}``.
    The server exits at end of input (its worker is gone).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the worker's business
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped automatically
    proto_in = os.fdopen(os.dup(0), "rb")
    proto_out = os.fdopen(os.dup(1), "wb", buffering=0)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)  # keep stray prints of warmed modules out of the protocol
    os.close(null)

    def send(obj: dict[str, Any]) -> None:
        proto_out.write(json.dumps(obj).encode() + b"\n")

    first = proto_in.readline()
    if not first:
        return
    modules = json.loads(first).get("modules", [])
    done, failed = _warm(modules)
    extra_threads = threading.active_count() - 1
    send({"ready": True, "imported": len(done), "failed": failed, "threads": extra_threads})
    for line in proto_in:
        req = json.loads(line)
        pid = os.fork()
        if pid == 0:
            proto_in.close()
            proto_out.close()
            if "call" in req:
                _call_child(req["call"], req["args"], req["result"])
            _child(req["argv"], req["cwd"], req["env"], quiet, os.getppid())
        send({"pid": pid})


# --------------------------------------------------------------------------------------------
# The worker side: a handle on the server, and a provisioner that asks it for kernels
# --------------------------------------------------------------------------------------------


class ForkServer:
    """A running fork server (a child process of this one).

    Args:
        modules: modules to import before forking (e.g. :func:`notebook_imports`).
        quiet: send the kernels' own stderr (start-up warnings) to ``/dev/null``.

    The server warms up in the background; :meth:`spawn` waits for it the first time.
    """

    def __init__(self, modules: Iterable[str] = (), *, quiet: bool = True):
        env = dict(os.environ)
        env.setdefault("OPENBLAS_NUM_THREADS", "1")  # no BLAS thread pool to break across fork
        env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # debugpy's frozen-modules notice
        cmd = [sys.executable, "-m", "analysis.report_kernels"] + ([] if quiet else ["--verbose"])
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None if not quiet else subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        self._lock = threading.Lock()
        self.info: dict[str, Any] | None = None
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"modules": list(modules)}).encode() + b"\n")
        self.proc.stdin.flush()

    def wait_ready(self) -> dict[str, Any]:
        """Wait until the server has imported its modules; what it reported.

        Raises:
            RuntimeError: the server exited during warm-up.
        """
        if self.info is None:
            assert self.proc.stdout is not None
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"kernel fork server exited with code {self.proc.wait()}")
            self.info = json.loads(line)
            if self.info.get("threads"):
                log.warning("fork server has %s extra threads after warm-up", self.info["threads"])
            log.debug("fork server %s ready: %s", self.proc.pid, self.info)
        return self.info

    def spawn(self, argv: list[str], cwd: str, env: dict[str, str]) -> int:
        """Fork a kernel running ``ipykernel_launcher argv`` in ``cwd`` with ``env``; its pid."""
        with self._lock:
            self.wait_ready()
            assert self.proc.stdin is not None and self.proc.stdout is not None
            if self.proc.poll() is not None:
                raise RuntimeError("kernel fork server is not running")
            self.proc.stdin.write(json.dumps({"argv": argv, "cwd": cwd, "env": env}).encode() + b"\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("kernel fork server exited")
        return int(json.loads(line)["pid"])

    def call(self, target: str, *args: Any, timeout: float = 600) -> Any:
        """Run ``module:function(*args)`` in a child forked from the warm server; its result.

        The function sees every module the server imported and every cache it warmed, so a
        call that needs the kit costs no import. Arguments and result go through JSON.

        Raises:
            RuntimeError: the call raised (its traceback went to the server's stderr) or
                timed out.
        """
        import tempfile

        fd, result = tempfile.mkstemp(prefix="kit-call-", suffix=".json")
        os.close(fd)
        os.unlink(result)
        try:
            with self._lock:
                self.wait_ready()
                assert self.proc.stdin is not None and self.proc.stdout is not None
                req = {"call": target, "args": list(args), "result": result}
                self.proc.stdin.write(json.dumps(req).encode() + b"\n")
                self.proc.stdin.flush()
                line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("kernel fork server exited")
            child = _ForkedProcess(int(json.loads(line)["pid"]))
            try:
                child.wait(timeout)
            except subprocess.TimeoutExpired:
                child.kill()
                raise RuntimeError(f"{target} timed out after {timeout} s") from None
            try:
                with open(result, encoding="utf-8") as fh:
                    return json.load(fh)
            except FileNotFoundError:
                raise RuntimeError(f"{target} failed in the fork server") from None
        finally:
            for path in (result, result + ".part"):
                try:
                    os.unlink(path)
                except OSError:
                    pass

    def close(self) -> None:
        """Stop the server (kernels already forked keep running until shut down)."""
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.close()
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()


def start_server(modules: Iterable[str] = (), *, quiet: bool = True) -> ForkServer | None:
    """Start this process's fork server, used by every :class:`WarmKernelManager` from now on.

    Returns at once: the server warms up in the background. Returns ``None`` (and kernels
    start the usual way) when forking is not supported or the server cannot be started.
    """
    global _SERVER
    if not fork_supported():
        return None
    stop_server()
    try:
        _SERVER = ForkServer(modules, quiet=quiet)
    except (OSError, RuntimeError, ValueError) as exc:
        log.warning("warm kernels unavailable, starting kernels normally: %s", exc)
        _SERVER = None
    return _SERVER


def current_server() -> ForkServer | None:
    """This process's fork server, or ``None``."""
    return _SERVER


def stop_server() -> None:
    """Stop this process's fork server, if any."""
    global _SERVER
    if _SERVER is not None:
        _SERVER.close()
        _SERVER = None


class _ForkedProcess:
    """The minimum of ``subprocess.Popen`` that jupyter_client's provisioner uses, for a kernel
    that is the fork server's child rather than ours (so it is watched through a pidfd)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._fd: int | None = os.pidfd_open(pid)
        except (AttributeError, OSError):
            self._fd = None

    def poll(self) -> int | None:
        if self.returncode is not None:
            return self.returncode
        if self._fd is not None:
            ready, _, _ = select.select([self._fd], [], [], 0)
            gone = bool(ready)
        else:
            try:
                os.kill(self.pid, 0)
                gone = False
            except ProcessLookupError:
                gone = True
        if gone:
            self.returncode = 0  # the exit status belongs to the server, which reaps it
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired("kernel", timeout or 0)
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkProvisioner(LocalProvisioner):  # type: ignore[misc]
    """A local provisioner whose kernels come from the fork server when it can."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        server = _SERVER
        argv = _ipykernel_args(cmd)
        if server is None or argv is None:
            return await super().launch_kernel(cmd, **kwargs)
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        argv = [*argv, *KERNEL_OPTIONS]
        try:
            pid = await asyncio.get_running_loop().run_in_executor(None, server.spawn, argv, cwd, env)
        except (OSError, RuntimeError, ValueError) as exc:
            log.warning("warm kernel unavailable, starting one normally: %s", exc)
            return await super().launch_kernel(cmd, **kwargs)
        self.process = _ForkedProcess(pid)
        self.pid = pid
        self.pgid = pid  # the child called setsid()
        self.cwd = cwd
        return self.connection_info

    async def wait(self) -> int | None:
        ret = 0
        if self.process:
            while await self.poll() is None:
                await asyncio.sleep(0.02)
            ret = self.process.returncode or 0
            self.process = None
        return ret


def _ipykernel_args(cmd: list[str]) -> list[str] | None:
    """The arguments after ``-m ipykernel_launcher`` in a kernel command, or None."""
    for i in range(len(cmd) - 1):
        if cmd[i] == "-m" and cmd[i + 1] in ("ipykernel_launcher", "ipykernel"):
            return cmd[i + 2 :]
    return None


class WarmKernelClient(AsyncKernelClient):  # type: ignore[misc]
    """An ``AsyncKernelClient`` whose :meth:`wait_for_ready` notices a ready kernel sooner.

    jupyter_client's version asks for ``kernel_info`` and, after the reply, waits up to 0.2 s
    for a message on IOPub to be sure that channel is connected too; when the kernel answered
    before IOPub's subscription reached it (usual for a kernel that starts in milliseconds),
    that wait runs out and the whole exchange starts again. This one checks the same things
    (a ``kernel_info_reply`` on shell, then any message on IOPub) but in short steps, asking
    again every 20 ms until IOPub delivers.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        import time
        from queue import Empty

        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        replied = False
        while True:
            if not replied:
                self.kernel_info()
                try:
                    msg = await self.shell_channel.get_msg(timeout=1)
                except Empty:
                    msg = None
                if msg is not None and msg["msg_type"] == "kernel_info_reply":
                    replied = True
                    self._handle_kernel_info_reply(msg)
            if replied:
                try:
                    await self.iopub_channel.get_msg(timeout=0.02)
                    return
                except Empty:
                    self.kernel_info()  # its busy/idle status messages come on IOPub
                    try:  # drain the reply so that it does not wait for the first cell's
                        await self.shell_channel.get_msg(timeout=0.02)
                    except Empty:
                        pass
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")


class WarmKernelManager(AsyncKernelManager):
    """An ``AsyncKernelManager`` that launches kernels through :class:`ForkProvisioner`.

    Pass it to papermill as ``kernel_manager_class=WarmKernelManager`` after
    :func:`start_server`; without a server it behaves like the default manager.
    """

    quiet = True  #: kernels' own stderr (start-up warnings) to /dev/null
    client_class = DottedObjectName("analysis.report_kernels.WarmKernelClient")
    client_factory = Type(WarmKernelClient, klass=AsyncKernelClient)

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        # jupyter_client checks every 0.1 s whether a killed kernel has gone; a forked kernel
        # goes within milliseconds of SIGKILL, and papermill waits for it before returning.
        await super()._async_wait(pollinterval=min(pollinterval, 0.01))

    async def _async_pre_start_kernel(self, **kw: Any) -> Any:
        if self.quiet and _SERVER is None:
            kw.setdefault("stderr", subprocess.DEVNULL)
        if self.provisioner is None and _SERVER is not None:
            import uuid

            self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
            self.provisioner = ForkProvisioner(
                kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self
            )
        return await super()._async_pre_start_kernel(**kw)


if __name__ == "__main__":  # pragma: no cover - exercised through ForkServer
    serve(quiet="--verbose" not in sys.argv)
