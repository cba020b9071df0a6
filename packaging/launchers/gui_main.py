"""The app folder's ``reflectdesk``: the wheel's gui-script entry point, frozen.

(Not named ``reflectdesk.py``: PyInstaller puts this folder on the import path, and a
script of that name would shadow the package.)
"""

import sys

from reflectdesk.gui.app import main

sys.exit(main())
