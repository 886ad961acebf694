"""`site-builder serve`: a preview that follows your edits.

- watch.py: which files the site is made from, and whether any changed (polled, by content)
- server.py: the built preview served on 127.0.0.1, each page told to reload when it is rebuilt
- loop.py: build, serve, and on every change build again (only what changed), then validate
"""
