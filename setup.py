"""Packaging detail pyproject.toml cannot say: the top-level ``resources/`` folder is installed
as the package ``salesdesigner.resources`` (metadata lives in pyproject.toml)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["salesdesigner", "salesdesigner.*"]),
              "salesdesigner.resources"],
    package_dir={"salesdesigner.resources": "resources"},
)
