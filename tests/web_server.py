"""A `drafter serve` application on a free loopback port in a thread, for the web tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner
from sample_speeches import copy_samples
from werkzeug.serving import make_server

from drafter.cli import main
from drafter.web.app import create_app
from drafter.web.review import ReviewDesk
from drafter.web.service import Workspace


def sample_review_desk(folder: Path, team_files: dict[str, str] | None = None) -> ReviewDesk:
    """A review desk over the five sample speeches mined into `folder`, with a new team bank there."""
    corpus = copy_samples(folder / "corpus")
    result = CliRunner().invoke(main, ["mine", str(corpus), "-o", str(folder / "mined"), "-q"])
    assert result.exit_code == 0, result.output
    team = folder / "team"
    team.mkdir()
    for name, text in (team_files or {}).items():
        (team / name).write_text(text, encoding="utf-8")
    return ReviewDesk(folder / "mined", team, corpus)


@contextmanager
def running(
    brief: Path | None = None, phrasebanks: tuple[Path, ...] = (), review: ReviewDesk | None = None
) -> Iterator[str]:
    """The base URL of a server that stops when the block ends (the team bank of `review` drafts too)."""
    if review is not None:
        phrasebanks = (*phrasebanks, review.into)
    app = create_app(Workspace(phrasebanks), brief, review)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        thread.join()
