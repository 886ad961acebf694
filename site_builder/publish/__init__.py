"""From generated pages to the published site/.

- staging.py: build/docs/: the hand-written pages, then the generated ones beside them
- mkdocs_config.py: build/mkdocs.yml from mkdocs.yml plus the nav and the chart scripts
- mkdocs_run.py: the MkDocs build, strict (any warning fails it)
- search_index.py: the Pagefind index of the built site (both editions)
- link_check.py: every internal link and anchor resolves; nothing loads from another host
- swap.py: a temporary output folder beside site/, swapped in by a rename
"""
