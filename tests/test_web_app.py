"""The web page's API, through Flask's test client: same findings as the CLI, files, saving."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.compose.starters import starter_text
from drafter.web.app import create_app
from drafter.web.briefyaml import brief_data
from drafter.web.service import Workspace

EXAMPLE = Path(__file__).parent.parent / "examples" / "training.yaml"


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return create_app(Workspace()).test_client()


def _brief() -> dict[str, object]:
    return brief_data(EXAMPLE.read_text(encoding="utf-8"), "training.yaml")


def test_a_brief_drafts_to_html_with_its_length(client) -> None:  # type: ignore[no-untyped-def]
    result = client.post("/api/draft", json={"brief": _brief(), "name": "training.yaml"}).get_json()
    assert result["html"].startswith('<div class="page">')
    assert "约" in result["length"] and result["chars"] > 500
    assert [f for f in result["findings"] if f["severity"] == "error"] == []


def test_bad_input_gets_the_cli_messages_beside_their_fields(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    brief = _brief()
    brief["sections"][0]["points"] = []  # type: ignore[index]
    result = client.post("/api/draft", json={"brief": brief, "name": "training.yaml"}).get_json()
    assert result["html"] is None
    fields = {f["field"] for f in result["findings"]}
    assert "sections.0.points" in fields
    # the same line `drafter check` prints for the same file
    from drafter.web.briefyaml import brief_yaml

    path = tmp_path / "training.yaml"
    path.write_text(brief_yaml(brief), encoding="utf-8")
    cli = CliRunner().invoke(main, ["check", str(path)])
    shown = {f["text"].split(": ", 1)[1] for f in result["findings"]}
    assert shown <= {line.split(": ", 1)[1] for line in cli.stderr.splitlines()}


def test_not_json_is_an_answer_not_an_error_page(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/draft", data="nonsense", content_type="text/plain")
    assert response.status_code == 400
    assert response.get_json()["findings"][0]["text"].endswith("expected a JSON object")
    response = client.post("/api/draft", data={"payload": "{bad"})
    assert response.status_code == 400
    for response in (client.get("/nope"), client.get("/api/draft")):  # wrong address, wrong method
        assert response.status_code in (404, 405) and response.get_json()["findings"][0]["text"]
    response = client.post("/api/open", json={"yaml": "a: [", "name": "x.yaml"})
    assert response.status_code == 400
    assert response.get_json()["findings"][0]["text"].startswith("x.yaml:")


@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
def test_downloads_are_the_draft(client, fmt: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post(f"/download/{fmt}", json={"brief": _brief(), "name": "training.yaml"})
    assert response.status_code == 200
    assert "training." + fmt in response.headers["Content-Disposition"]
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.data)).paragraphs)
    else:
        text = response.data.decode("utf-8")
    assert "同志们" in text


def test_saving_keeps_the_comments_of_the_opened_file(client) -> None:  # type: ignore[no-untyped-def]
    original = starter_text("training")
    assert "#" in original
    brief = brief_data(original, "training.yaml")
    brief["occasion"] = "全县新任职干部培训班"
    result = client.post("/api/save", json={"brief": brief, "original": original}).get_json()
    comments = [line.strip() for line in original.splitlines() if line.strip().startswith("#")]
    kept = [c for c in comments if c in result["yaml"]]
    assert len(kept) == len(comments)
    assert brief_data(result["yaml"], "x.yaml")["occasion"] == "全县新任职干部培训班"


def test_serving_a_file_writes_it_back(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    client = create_app(Workspace(), path).test_client()
    opened = client.get("/api/opened").get_json()
    opened["brief"]["seed"] = 3
    result = client.post(
        "/api/save", json={"brief": opened["brief"], "original": opened["original"], "write": True}
    )
    assert result.get_json()["saved"] == str(path)
    assert "seed: 3" in path.read_text(encoding="utf-8")


def test_serve_refuses_a_host_others_can_reach() -> None:
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "--allow-remote" in result.stderr


def test_gaps_are_highlighted_and_counted(client) -> None:  # type: ignore[no-untyped-def]
    heldout = Path(__file__).parent / "heldout" / "fangxun_shi.yaml"
    brief = brief_data(heldout.read_text(encoding="utf-8"), heldout.name)
    result = client.post("/api/draft", json={"brief": brief, "name": heldout.name}).get_json()
    assert result["gaps"] and all(gap.startswith("〔待补") for gap in result["gaps"])
    assert result["html"].count('<mark class="gap">') == len(result["gaps"])
