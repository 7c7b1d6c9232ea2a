"""A plugin module that exits as it is imported (tests/test_plugins.py loads it by entry point)."""

import sys

sys.exit(3)
