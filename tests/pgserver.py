"""A real PostgreSQL server for the tests: Debian's binaries, a throwaway cluster.

``Server.start()`` runs ``initdb`` into a temporary folder (as the ``postgres`` user when
the tests run as root: PostgreSQL refuses to run as root), starts it on 127.0.0.1 on a
free port with its socket in that folder, and ``stop()`` stops it and removes the folder.
``Server.url(name)`` creates a database and gives its URL.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "dossier"


def binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (the newest installed), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if not found:
        on_path = shutil.which("initdb")
        return Path(on_path).parent if on_path else None
    return Path(found[-1]).parent


def _version(path: str) -> tuple[int, ...]:
    part = Path(path).parent.parent.name
    return tuple(int(x) for x in part.split(".") if x.isdigit())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="dossier-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0
        self._n = 0

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *args] if self.as_postgres else list(args)

    def _run(self, *args: str) -> None:
        subprocess.run(self._cmd(*args), check=True, capture_output=True, text=True)

    def start(self) -> None:
        if self.as_postgres:
            pw = pwd.getpwnam("postgres")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.root} -c fsync=off -c max_connections=50"
        )
        self._run(
            str(self.bin / "pg_ctl"), "start", "-D", str(self.data), "-w", "-t", "60",
            "-l", str(self.root / "log"), "-o", options,
        )  # fmt: skip

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "fast")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def base_url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def url(self, name: str | None = None) -> str:
        """A new, empty database's URL."""
        import psycopg

        self._n += 1
        dbname = name or f"test_{self._n}"
        with psycopg.connect(self.base_url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            conn.execute(f'CREATE DATABASE "{dbname}"')
        return self.base_url(dbname)
