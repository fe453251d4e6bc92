"""Real servers on free loopback ports for the tests and `make cluster-test`: moto's S3
server and a Redis of their own. Each start waits until the server answers."""

import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.smtp import free_port

VENV_BIN = Path(sys.executable).parent


def _wait_for_port(port: int, process: subprocess.Popen, what: str, within: float = 20) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} ended at its start (exit {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {within} s")


def start_moto(port: int | None = None) -> tuple[subprocess.Popen, str]:
    """moto's S3-compatible server; (its process, its endpoint URL)."""
    port = port or free_port()
    process = subprocess.Popen(
        [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _wait_for_port(port, process, "moto_server")
    return process, f"http://127.0.0.1:{port}"


def start_redis(port: int | None = None) -> tuple[subprocess.Popen, int]:
    """A Redis of its own (no disk, no persistence), which a test may stop and start."""
    port = port or free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--daemonize", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _wait_for_port(port, process, "redis-server")
    return process, port


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
