"""``python -m salesdesigner.cli``: the installed ``salesdesigner`` command."""

import sys

from salesdesigner.cli import main

sys.exit(main())
