"""``python -m newsresearch``: the same as the ``newsresearch`` command."""

from newsresearch.cli import main

raise SystemExit(main())
