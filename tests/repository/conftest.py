"""A real PostgreSQL server for the repository tests: one throwaway cluster per test
session (per pytest-xdist worker), a fresh database per test, and the people of a sales
organisation as login roles: two managers (editors) and a rep (reader)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.repository.cluster import Cluster, remove_cluster, start_cluster

#: login role → (password, group role the administrator grants)
PEOPLE = {"alice": ("alice-pw", "salesdesigner_editor"),
          "bob": ("bob pw with spaces", "salesdesigner_editor"),
          "rita": ("rita-pw", "salesdesigner_reader"),
          "nobody": ("nobody-pw", None)}


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    try:
        cluster = start_cluster()
    except FileNotFoundError as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    try:
        for name, (password, _group) in PEOPLE.items():
            cluster.sql(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
        yield cluster
    finally:
        remove_cluster(cluster)


@dataclass
class Repo:
    """A freshly initialised repository database and URLs to it as each person."""

    cluster: Cluster
    database: str

    def url(self, person: str = "postgres", password: str | None = None) -> str:
        if person == "postgres":
            return self.cluster.url(database=self.database)
        return self.cluster.url(person, PEOPLE[person][0] if password is None else password,
                                self.database)


_numbers = itertools.count(1)


def new_database(cluster: Cluster) -> str:
    """A new, empty database's name."""
    name = f"db_{os.getpid()}_{next(_numbers)}"
    cluster.sql(f"CREATE DATABASE {name}")
    return name


@pytest.fixture(scope="session")
def _repo_database(pg_cluster: Cluster) -> str:
    """One initialised repository for the session (creating a database costs seconds)."""
    from salesdesigner.storage.repository.admin import init_repository
    name = new_database(pg_cluster)
    init_repository(Repo(pg_cluster, name).url())
    for person, (_password, group) in PEOPLE.items():
        if group:
            pg_cluster.sql(f"GRANT {group} TO {person}")
    return name


@pytest.fixture
def repo(pg_cluster: Cluster, _repo_database: str) -> Repo:
    """The session's repository, emptied of processes (and so of everything else)."""
    pg_cluster.sql("TRUNCATE salesdesigner.processes CASCADE", database=_repo_database)
    return Repo(pg_cluster, _repo_database)
