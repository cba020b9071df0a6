"""Runtime hook: programs the app starts get the user's library path, not the app's.

PyInstaller's bootloader puts ``_internal/`` on ``LD_LIBRARY_PATH`` so the bundled
libraries load. The dynamic loader read it when the process started, so taking it back
out of the environment changes nothing here; it only keeps child processes (the file
manager or browser Qt opens, ``update-mime-database`` after ``desktop install``) from
loading our copies of glib, fontconfig or OpenSSL instead of their own, and crashing.
Linux and the BSDs only: Windows' DLL directory must stay (the app loads Qt plugins
later), and macOS builds use @rpath, not the environment.
"""

import os
import sys

if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original
