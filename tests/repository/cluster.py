"""A throwaway PostgreSQL cluster for the repository tests and benchmarks.

The distribution's server binaries (``apt-get install postgresql``; Debian keeps them in
``/usr/lib/postgresql/N/bin``) make a cluster with ``initdb`` in a temporary folder and run
it on loopback on a free port, password authentication on (so a wrong password fails as
it would at a customer).  As root the server runs as the ``postgres`` account (the server
refuses to run as root).  Each pytest-xdist worker starts its own cluster on its own port.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "admin-pw-Ωé'\"%@:/"  # URL-hostile on purpose: quoting is tested


def server_bindir() -> str | None:
    """The newest installed server's binary folder, or None when there is no server."""
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(found)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(p.split("/")[-3]) if p.split("/")[-3].isdigit() else 0)
    return os.path.dirname(candidates[-1]) if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    """A running throwaway cluster: URLs for its roles, stop and start, admin SQL."""

    bindir: str
    root: Path
    port: int = 0
    _run_as: dict = field(default_factory=dict)

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    def url(self, user: str = SUPERUSER, password: str | None = SUPERUSER_PASSWORD,
            database: str = "postgres") -> str:
        secret = "" if password is None else ":" + quote(password, safe="")
        return f"postgresql://{quote(user, safe='')}{secret}@127.0.0.1:{self.port}/{database}"

    def _pg(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([os.path.join(self.bindir, tool), *args], check=check,
                              capture_output=True, text=True, **self._run_as)

    def init(self) -> None:
        if os.geteuid() == 0:  # the server refuses root: run it as the postgres account
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self._run_as = {"user": account.pw_uid, "group": account.pw_gid}
        pwfile = self.root / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n", encoding="utf-8")
        if self._run_as:
            os.chown(pwfile, self._run_as["user"], self._run_as["group"])
        self._pg("initdb", "-D", str(self.datadir), "-U", SUPERUSER, "--pwfile", str(pwfile),
                 "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync")
        pwfile.unlink()
        # fsync off: fast, and safe while the machine itself does not crash; synchronous
        # commit stays on, so a commit survives the immediate stop the mid-save test does
        # (with it off, that test passed even against a save committing half-way)
        with open(self.datadir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.root}'\n"
                       "fsync = off\nfull_page_writes = off\n"
                       "max_connections = 60\nshared_buffers = 32MB\n")

    def start(self) -> None:
        """Start on the remembered port (a new free one the first time, or if it was taken)."""
        for _attempt in range(5):
            self.port = self.port or _free_port()
            done = self._pg("pg_ctl", "-D", str(self.datadir), "-l", str(self.root / "log"),
                            "-o", f"-p {self.port}", "-w", "-t", "60", "start", check=False)
            if done.returncode == 0:
                return
            self.port = 0  # taken meanwhile by someone else: try another
        raise RuntimeError(f"PostgreSQL did not start: {done.stdout}{done.stderr}"
                           f"{self.log_tail()}")

    def stop(self, mode: str = "fast") -> None:
        self._pg("pg_ctl", "-D", str(self.datadir), "-m", mode, "-w", "stop", check=False)

    @contextmanager
    def stopped(self, mode: str = "fast") -> Iterator[None]:
        """The server down for the block, then up again on the same port (also when the
        block fails: the other tests of this worker share the cluster)."""
        self.stop(mode)
        try:
            yield
        finally:
            self.start()
            self.wait_ready()

    def log_tail(self) -> str:
        try:
            return (self.root / "log").read_text(encoding="utf-8", errors="replace")[-2000:]
        except OSError:
            return ""

    def sql(self, statement: str, *params: object, database: str = "postgres") -> list:
        """Run one statement as the superuser (autocommit); rows if it returns any."""
        import psycopg
        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER,
                             password=SUPERUSER_PASSWORD, dbname=database,
                             autocommit=True) as conn:
            cur = conn.execute(statement, params or None)
            return cur.fetchall() if cur.description else []

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.sql("SELECT 1")
                return
            except Exception:  # noqa: BLE001 - still starting
                time.sleep(0.1)
        raise RuntimeError("PostgreSQL did not accept connections")


def start_cluster() -> Cluster:
    """A new cluster, started; the caller stops it and removes ``cluster.root``."""
    bindir = server_bindir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL's server (initdb) is not installed "
                                "(apt-get install postgresql; bash installer/install.sh --test)")
    cluster = Cluster(bindir, Path(tempfile.mkdtemp(prefix="sd-pg-")))
    try:
        cluster.init()
        cluster.start()
        cluster.wait_ready()
    except BaseException:
        cluster.stop("immediate")
        shutil.rmtree(cluster.root, ignore_errors=True)
        raise
    return cluster


def remove_cluster(cluster: Cluster) -> None:
    cluster.stop("immediate")
    shutil.rmtree(cluster.root, ignore_errors=True)
