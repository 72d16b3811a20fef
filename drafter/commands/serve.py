"""`drafter serve`: the local web page (the optional extra `drafter[web]`)."""

from __future__ import annotations

import contextlib
import ipaddress
from pathlib import Path

import click

from drafter.commands.options import phrasebank_option, templates_option
from drafter.errors import DrafterError

FOLDER = click.Path(exists=True, file_okay=False, path_type=Path)


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.argument("brief", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; only this machine's (loopback) addresses unless --allow-remote.",
)
@click.option(
    "--allow-remote", is_flag=True, help="Allow a --host other machines can reach (drafts may be sensitive)."
)
@phrasebank_option
@templates_option
@click.option(
    "--mined",
    type=FOLDER,
    metavar="DIR",
    help="Candidates from drafter mine to review on the page (/review), as drafter bank review MINED.",
)
@click.option(
    "--into",
    type=FOLDER,
    metavar="DIR",
    help="Team bank folder that receives approvals (needed with --mined); also drafts, over --phrasebank.",
)
@click.option(
    "--corpus", type=FOLDER, metavar="DIR", help="Corpus folder, to show each candidate's source paragraph."
)
def serve_command(
    brief: Path | None,
    port: int,
    host: str,
    allow_remote: bool,
    phrasebanks: tuple[Path, ...],
    templates_dir: Path | None,
    mined: Path | None,
    into: Path | None,
    corpus: Path | None,
) -> None:
    """Open a local web page to fill a brief and watch the draft as it will print.

    The page runs on this machine only (127.0.0.1) and uses no network. With BRIEF, it opens that
    file and 保存简报 writes it back, comments kept; without, briefs are opened and saved through
    the browser. Needs the web extra: pip install 'drafter[web]'.

    \b
    Examples:
      drafter serve                        # then open http://127.0.0.1:8000/
      drafter serve brief.yaml --port 8080 --phrasebank team-bank/
      drafter serve --mined mined/ --into team-bank/ --corpus speeches/   # and review at /review
    """
    if not is_loopback(host) and not allow_remote:
        raise DrafterError(
            f"--host: {host} can be reached from other machines; drafts may be sensitive. "
            "Use 127.0.0.1, or add --allow-remote if you mean it"
        )
    try:
        from werkzeug.serving import make_server

        from drafter.web.app import create_app
    except ImportError:
        raise DrafterError("drafter serve needs the web extra: pip install 'drafter[web]'") from None
    from drafter.web.review import ReviewDesk
    from drafter.web.service import Workspace

    if (mined is None) != (into is None):
        raise DrafterError(
            "--mined and --into go together: the candidates to review and the team bank they go into"
        )
    if into is not None and into.resolve() not in {p.resolve() for p in phrasebanks}:
        phrasebanks = (*phrasebanks, into)
    workspace = Workspace(phrasebanks, templates_dir)
    _ = workspace.bank  # load now: a bad bank is reported before the page opens
    desk = ReviewDesk(mined, into, corpus) if mined is not None and into is not None else None
    app = create_app(workspace, brief, desk)
    server = make_server(host, port, app, threaded=True)
    click.echo(f"drafter 页面：http://{host}:{server.port}/ （仅本机可访问；按 Ctrl+C 结束）", err=True)
    if desk is not None:
        click.echo(f"词库审核：http://{host}:{server.port}/review", err=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
