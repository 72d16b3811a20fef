"""`drafter suggest`: what the bank offers each point of a brief, ranked, to pin or ban."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.commands.options import phrasebank_option, templates_option


@click.command("suggest")
@click.argument("brief", metavar="BRIEF", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--top", type=click.IntRange(1, 100), default=5, show_default=True, help="Entries per point and kind."
)
@phrasebank_option
@templates_option
def suggest_command(brief: Path, top: int, phrasebanks: tuple[Path, ...], templates_dir: Path | None) -> None:
    """Show, for every point of BRIEF, the bank's material ranked by relevance and the formulas.

    Each line gives the score (material only), the entry id, its source and its text; material
    marked 相关度不足 is not drafted unless pinned. Pin an entry to a point with the point's
    phrases.use (or the brief's), ban it with phrases.avoid.

    \b
    Examples:
      drafter suggest brief.yaml
      drafter suggest brief.yaml --top 10 --phrasebank team-bank/
    """
    from drafter.bank.load import load_bank
    from drafter.compose.brief_load import load_brief
    from drafter.compose.suggest import suggest
    from drafter.compose.templating import discover_templates

    loaded = load_brief(brief, discover_templates(templates_dir))
    bank = load_bank(list(phrasebanks))
    domain, points = suggest(loaded, bank, top)
    click.echo(f"领域：{domain or '（未能判断：只用不分领域的素材，可在提要中写明 domain）'}")
    for point in points:
        where = ".".join(str(part) for part in point.loc)
        click.echo(f"\n{where}  {point.heading or '（无小标题）'}")
        click.echo("  素材：" if point.material else "  素材：（词库中没有相关素材，成稿将标注待补）")
        for item in point.material:
            # below the bar a draft takes material by itself: the writer's to pin
            pin = "" if item.drafted else "  （相关度不足，成稿不自动选用，可写入 phrases.use）"
            click.echo(f"    {item.score:.2f}  {item.id}  {'；'.join(item.sources)}  {item.text}{pin}")
        if point.formulas:
            click.echo("  套话：")
        for item in point.formulas:
            click.echo(f"    {item.id}  {'；'.join(item.sources)}  {item.text}")
