"""Data files shipped with ReflectDesk, installed as the package ``reflectdesk._resources``.

This folder is mapped onto ``reflectdesk._resources`` by ``pyproject.toml`` (package-dir),
so a wheel, an editable install and an app folder all find it through
``importlib.resources``; nothing looks for it relative to a checkout.
"""
