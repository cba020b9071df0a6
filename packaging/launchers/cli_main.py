"""The app folder's ``reflectdesk-cli``: the wheel's console-script entry point, frozen."""

import sys

from reflectdesk.cli.main import main

sys.exit(main())
