"""Where a build reads and writes: the project's folders, build/ (staging, caches, record) and
the published site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_builder.pages.editions import Edition


@dataclass(frozen=True)
class BuildPaths:
    root: Path  # the project: datapackages/, docs/, mkdocs.yml
    data_dir: Path  # datapackages/
    docs_dir: Path  # hand-written pages
    config_file: Path  # the top-level mkdocs.yml
    work_dir: Path  # build/: staging docs and the generated mkdocs.yml
    site_dir: Path  # the published site

    @classmethod
    def for_project(
        cls, root: Path, *, data_dir: Path | None = None, site_dir: Path | None = None, work_dir: Path | None = None
    ) -> "BuildPaths":
        root = Path(root).resolve()
        return cls(
            root=root,
            data_dir=Path(data_dir).resolve() if data_dir else root / "datapackages",
            docs_dir=root / "docs",
            config_file=root / "mkdocs.yml",
            work_dir=Path(work_dir).resolve() if work_dir else root / "build",
            site_dir=Path(site_dir).resolve() if site_dir else root / "site",
        )

    @property
    def staging_docs(self) -> Path:
        """Where this build writes the English docs; what changed is then moved into docs_for()."""
        return self.work_dir / "staging" / "docs"

    @property
    def releases_dir(self) -> Path:
        """The dated releases kept in the repository (site_builder/releases/)."""
        return self.root / "releases"

    @property
    def spare_site(self) -> Path:
        """The site before the published one, which the next incremental build starts from."""
        return self.work_dir / "previous-site"

    @property
    def build_config(self) -> Path:
        return self.work_dir / "mkdocs.yml"

    def staging_for(self, edition: Edition) -> Path:
        """The staging docs folder of an edition: build/staging/docs/ for English, build/staging/docs-vi/ ..."""
        return self.staging_docs if not edition.folder else self.work_dir / "staging" / f"docs-{edition.folder}"

    def docs_for(self, edition: Edition) -> Path:
        """The docs folder MkDocs reads for an edition: build/docs/ for English, build/docs-vi/ ..."""
        return self.work_dir / ("docs" if not edition.folder else f"docs-{edition.folder}")

    def config_for(self, edition: Edition) -> Path:
        return self.build_config if not edition.folder else self.work_dir / f"mkdocs.{edition.folder}.yml"


def display_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root)) + "/"
    except ValueError:
        return str(path)
