"""Bank review on the page (Flask test client): the same steps and files as `drafter bank review`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from web_server import sample_review_desk

from drafter.bank.known import rejected
from drafter.bank.load import load_bank
from drafter.cli import main
from drafter.web.app import create_app
from drafter.web.review import ReviewDesk
from drafter.web.service import Workspace

TEAM = "# 团队词库：审核通过的结尾号召\nfunction: closing.call\nentries: []  # 由 drafter bank review 追加\n"


@pytest.fixture
def desk(tmp_path: Path) -> ReviewDesk:
    return sample_review_desk(tmp_path, {"closing.call.yaml": TEAM})


def _client(desk: ReviewDesk):  # type: ignore[no-untyped-def]
    return create_app(Workspace((desk.into,)), None, desk).test_client()


def test_a_candidate_comes_with_its_source_paragraph(desk: ReviewDesk) -> None:
    state = _client(desk).get("/api/review").get_json()
    candidate = state["candidate"]
    cli = CliRunner().invoke(main, ["bank", "review", str(desk.mined), "--into", str(desk.into)], input="q\n")
    assert cli.output.startswith(f"{state['left']} candidates to review")
    assert f"[1/{state['left']}] {candidate['id']} ({candidate['function']})" in cli.output
    source = [line for line in candidate["context"] if line["source"]]
    name, _, number = candidate["sources"][0].rpartition(":")
    assert [line["number"] for line in source] == [int(number)]
    lines = (desk.corpus / name).read_text(encoding="utf-8").splitlines()  # type: ignore[operator]
    assert source[0]["text"] == lines[int(number) - 1]
    assert len(candidate["context"]) > 1  # lines around it too


def test_approve_edit_reject_and_skip_write_the_team_bank(desk: ReviewDesk) -> None:
    workspace = Workspace((desk.into,))
    client = create_app(workspace, None, desk).test_client()
    assert workspace.bank is not None  # loaded before the review changes the team bank
    state = client.get("/api/review").get_json()
    left = state["left"]
    first = state["candidate"]
    state = client.post("/api/review", json={"id": first["id"], "action": "approve"}).get_json()
    second = state["candidate"]
    edited = "同志们，让我们在{superior}的坚强领导下，为{goal}而努力奋斗！"
    edits = {"text": edited, "domain": "政府自身建设", "type": "formula"}
    state = client.post(
        "/api/review", json={"id": second["id"], "action": "approve", "edits": edits}
    ).get_json()
    third = state["candidate"]
    state = client.post("/api/review", json={"id": third["id"], "action": "reject"}).get_json()
    fourth = state["candidate"]
    state = client.post("/api/review", json={"id": fourth["id"], "action": "skip"}).get_json()
    assert state["candidate"]["id"] != fourth["id"] and state["skipped"] == 1
    assert state["left"] <= left - 3

    bank = load_bank([desk.into], builtin=False)
    assert bank.entries[first["id"]].text == first["text"]
    assert bank.entries[first["id"]].status == "approved"
    entry = bank.entries[second["id"]]
    assert (entry.text, entry.domain, entry.type, entry.slots) == (
        edited,
        "政府自身建设",
        "formula",
        ("superior", "goal"),
    )
    assert third["id"] in rejected(desk.into) and third["id"] not in bank.entries
    assert (desk.into / "closing.call.yaml").read_text(encoding="utf-8").startswith("# 团队词库")
    # the page drafts with the team bank: the next draft sees what was approved
    assert first["id"] in workspace.bank.entries and second["id"] in workspace.bank.entries
    # the terminal review resumes where the page stopped: the skipped one is still to review
    cli = CliRunner().invoke(main, ["bank", "review", str(desk.mined), "--into", str(desk.into)], input="q\n")
    assert cli.output.startswith(f"{state['left']} candidates to review")


def test_a_bad_edit_is_answered_beside_its_field_and_writes_nothing(desk: ReviewDesk) -> None:
    client = _client(desk)
    candidate = client.get("/api/review").get_json()["candidate"]
    before = sorted((p.name, p.read_bytes()) for p in desk.into.iterdir())
    edits = {"text": "为{目标}而奋斗{", "domain": "外交", "type": "formula"}
    response = client.post("/api/review", json={"id": candidate["id"], "action": "approve", "edits": edits})
    assert response.status_code == 400
    findings = response.get_json()["findings"]
    assert {f["field"] for f in findings} == {"text", "domain"}
    assert any("unbalanced { or }" in f["text"] for f in findings)
    assert any("unknown field '外交'" in f["text"] for f in findings)
    assert sorted((p.name, p.read_bytes()) for p in desk.into.iterdir()) == before
    response = client.post("/api/review", json={"id": "closing.call.nope", "action": "approve"})
    assert response.status_code == 400
    assert "no candidate 'closing.call.nope' left to review" in response.get_json()["findings"][0]["text"]


def test_without_a_mined_folder_the_review_says_how_to_start_it() -> None:
    response = create_app(Workspace()).test_client().get("/api/review")
    assert response.status_code == 400
    assert "--mined DIR --into DIR" in response.get_json()["findings"][0]["text"]


def test_serve_wants_mined_and_into_together(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--mined", str(tmp_path)])
    assert result.exit_code == 1 and "--mined and --into go together" in result.stderr
