"""Only the package list lives here; every other setting is in pyproject.toml.

``reflectdesk._resources`` comes from the top-level ``resources/`` folder (see
``package-dir`` there), which a ``find`` over ``src/`` cannot list.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages("src"), "reflectdesk._resources"])
