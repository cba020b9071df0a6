"""The Qt desktop front-end: a thin layer over :mod:`reflectdesk.services`.

Modules here may import PySide6; nothing outside ``gui/`` does. The path to the first
window (``app``, ``controller``, ``unlock``, ``tasks``, ``i18n``, ``theme``, ``prefs``,
``context``, ``idle``, ``dialogs``, ``crash``) imports only Qt and tiny modules so the
unlock window appears fast; the services are imported on a worker once it is shown.
See ``docs/gui.md``.
"""
