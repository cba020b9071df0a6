import sys

from reflectdesk.cli.main import main

sys.exit(main())
