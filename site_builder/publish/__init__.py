"""From generated pages to the published site/.

- staging.py: build/docs/: the hand-written pages, then the generated ones beside them
- docs_files.py: which files of docs/ are published (pages, raster images, stylesheets), and their front matter
- mkdocs_settings.py: the settings the build takes from mkdocs.yml (an allow-list); the rest is refused with the reason
- mkdocs_config.py: build/mkdocs.yml from those settings plus the nav, Markdown extensions, hooks and scripts of the code
- raw_html.py, sanitise.py, csp.py, css_comments.py: MkDocs hooks: pages' HTML blocks kept out of Markdown;
  hand-written pages' HTML through nh3, an allow-list sanitiser; every page's Content-Security-Policy;
  docs/stylesheets/ published without their comments
- mkdocs_run.py: the MkDocs build, strict (any warning fails it)
- edition_builds.py: each edition's configuration, and the engine run once per edition
- search_index.py: the Pagefind index of the built site (both editions)
- link_check.py: every internal link and anchor resolves; nothing loads from another host
- swap.py: a temporary output folder beside site/, swapped in by a rename
"""
