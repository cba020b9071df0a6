"""The Qt desktop front-end: a thin layer over :mod:`reflectdesk.services`.

Modules here may import PySide6; nothing outside ``gui/`` does. The unlock path
(``app``, ``controller``, ``unlock``, ``tasks``, ``i18n``, ``theme``, ``prefs``)
imports only Qt and tiny modules so the first window appears fast; everything
heavy is imported on a worker after it is shown.
"""
