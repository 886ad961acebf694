"""Dated releases of the data: immutable copies of the packages that a citation can point to.

A release is data, kept in the repository under `releases/<YYYY-MM-DD>/` (one folder per
package, as in datapackages/, with SHA256SUMS, CITATION.cff, CITATION.txt, CHANGES.txt and
release.json), written once by `site-builder release` and never again; the build copies every
release into the site at data/releases/<YYYY-MM-DD>/, so the same commit builds the same bytes.

- store.py: reading the releases kept in the repository (Release, read_releases, ReleaseFiles)
- make.py: `site-builder release`: copy the packages, checksums, citation, the changes
- changes.py: what changed from one release to the next (the data diff of site_builder/review/)
- status.py: which release the data of a build is, and when a set of rows last changed
- publish.py: the releases in the site: the files, data/releases/releases.json, the list
"""
