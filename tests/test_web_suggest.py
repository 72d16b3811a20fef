"""Suggestions per point on the page, and pinning or banning them into the brief (Flask test client)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.web.app import create_app
from drafter.web.briefyaml import brief_data, with_phrase
from drafter.web.service import Workspace
from drafter.yamlfile import parse_yaml

EXAMPLE = Path(__file__).parent.parent / "examples" / "training.yaml"


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return create_app(Workspace()).test_client()


def _draft(client, brief: dict[str, object]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    result: dict[str, object] = client.post(
        "/api/draft", json={"brief": brief, "name": "training.yaml"}
    ).get_json()
    return result


def test_each_point_gets_what_drafter_suggest_shows(client) -> None:  # type: ignore[no-untyped-def]
    text = EXAMPLE.read_text(encoding="utf-8")
    points = _draft(client, brief_data(text, EXAMPLE.name))["suggestions"]["points"]  # type: ignore[index]
    cli = CliRunner().invoke(main, ["suggest", str(EXAMPLE)])
    assert cli.exit_code == 0, cli.output
    assert [p["path"] for p in points] == [
        line.split()[0] for line in cli.output.splitlines() if line.startswith("sections.")
    ]
    for point in points:
        for item in point["material"]:
            # the line `drafter suggest` prints for it: score, id, sources, text
            assert (
                f"{item['score']:.2f}  {item['id']}  {'；'.join(item['sources'])}  {item['text']}"
                in cli.output
            )
        for item in point["formulas"]:
            assert item["score"] is None and f"{item['id']}  " in cli.output


def test_a_pin_lands_in_the_point_keeps_comments_and_reaches_the_draft(client) -> None:  # type: ignore[no-untyped-def]
    text = EXAMPLE.read_text(encoding="utf-8")
    brief = brief_data(text, EXAMPLE.name)
    first = _draft(client, brief)
    used = set(first["used"])  # type: ignore[arg-type]
    offered = [
        (p["path"], m["id"])
        for p in first["suggestions"]["points"]  # type: ignore[index]
        for m in p["material"]
        if m["id"] not in used
    ]
    comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    # a pin comes first among the point's material, unless the point has no room left or the
    # entry repeats what is said around it; so the writer tries the next one, as here
    for point, entry in offered:
        result = client.post(
            "/api/phrase",
            json={"brief": brief, "original": text, "point": point, "id": entry, "action": "use"},
        ).get_json()
        saved = parse_yaml(result["yaml"], "x.yaml")
        s, p = int(point.split(".")[1]), int(point.split(".")[3])
        assert saved["sections"][s]["points"][p]["phrases"]["use"] == [entry]
        assert all(c in result["yaml"] for c in comments)
        if entry in _draft(client, result["brief"])["used"]:  # type: ignore[operator]
            break
    else:
        raise AssertionError(f"no pin among {offered} reached the draft")

    # banned for the point: off `use`, on `avoid`, and no longer offered there or drafted
    banned = client.post(
        "/api/phrase",
        json={
            "brief": result["brief"],
            "original": result["yaml"],
            "point": point,
            "id": entry,
            "action": "avoid",
        },
    ).get_json()
    phrases = parse_yaml(banned["yaml"], "x.yaml")["sections"][s]["points"][p]["phrases"]
    assert phrases == {"avoid": [entry]}
    again = _draft(client, banned["brief"])
    assert entry not in again["used"]  # type: ignore[operator]
    offered = next(q for q in again["suggestions"]["points"] if q["path"] == point)  # type: ignore[index]
    assert entry not in [m["id"] for m in offered["material"]]


def test_a_brief_wide_ban_and_its_release() -> None:
    data: dict[str, object] = {"phrases": {"use": ["a.b"]}}
    assert with_phrase(data, "", "a.b", "avoid") == {"phrases": {"avoid": ["a.b"]}}
    assert with_phrase(data, "", "a.b", "none") == {"phrases": {}}


def test_a_pin_to_a_point_that_is_not_there_is_a_message(client) -> None:  # type: ignore[no-untyped-def]
    brief = brief_data(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name)
    response = client.post(
        "/api/phrase", json={"brief": brief, "point": "sections.9.points.0", "id": "x.y", "action": "use"}
    )
    assert response.status_code == 400
    assert (
        response.get_json()["findings"][0]["text"]
        == "request: sections.9.points.0: no such point in the brief"
    )
    response = client.post("/api/phrase", json={"brief": brief, "point": "", "id": "x.y", "action": "pin"})
    assert response.status_code == 400 and "expected one of: use, avoid, none" in response.get_data(
        as_text=True
    )


def test_pinning_writes_the_served_brief(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    client = create_app(Workspace(), path).test_client()
    opened = client.get("/api/opened").get_json()
    result = client.post(
        "/api/phrase",
        json={
            "brief": opened["brief"],
            "original": opened["original"],
            "point": "sections.0.points.0",
            "id": "requirement.diaoyan.bixiuke",
            "action": "use",
            "write": True,
        },
    ).get_json()
    assert result["saved"] == str(path)
    written = parse_yaml(path.read_text(encoding="utf-8"), "brief.yaml")
    assert written["sections"][0]["points"][0]["phrases"]["use"] == ["requirement.diaoyan.bixiuke"]
    assert CliRunner().invoke(main, ["check", str(path)]).exit_code == 0
