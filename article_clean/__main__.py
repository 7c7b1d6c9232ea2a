"""`python -m article_clean`: the same as the `article-clean` command."""

from .cli import main

raise SystemExit(main())
