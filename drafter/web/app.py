"""The Flask application behind `drafter serve`: one page, a small JSON API, files to download.

Every answer to bad input is JSON with the findings `drafter check` would print (status 400), never
an error page; the page shows each beside the field it concerns.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from drafter.errors import DrafterError, Finding
from drafter.web.briefyaml import brief_data, brief_yaml, with_phrase
from drafter.web.review import ReviewDesk
from drafter.web.service import MEDIA_TYPES, Workspace, finding_data


def _payload() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if data is None and "payload" in request.form:
        try:
            data = json.loads(request.form["payload"])
        except ValueError:
            data = None
    if not isinstance(data, dict):
        raise DrafterError(findings=[Finding("request", None, "", "expected a JSON object")])
    return data


def _brief(payload: dict[str, Any]) -> dict[str, Any]:
    brief = payload.get("brief")
    if not isinstance(brief, dict):
        raise DrafterError(findings=[Finding("request", None, "brief", "expected the brief's fields")])
    return brief


def _seed(payload: dict[str, Any]) -> int | None:
    seed = payload.get("seed")
    return seed if isinstance(seed, int) and not isinstance(seed, bool) else None


def _general(text: str) -> dict[str, Any]:
    """A message about no field of the brief (shown above the draft)."""
    return {"field": "", "line": None, "severity": "error", "text": text}


def create_app(
    workspace: Workspace, brief_file: Path | None = None, review: ReviewDesk | None = None
) -> Flask:
    """The application; `brief_file` is the brief the page opens with and saves back to, `review`
    the bank review it offers (none unless `drafter serve` was given the mined folder)."""
    app = Flask(__name__, template_folder="pages", static_folder="static")
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    @app.errorhandler(DrafterError)
    def _user_error(exc: DrafterError) -> tuple[Response, int]:
        findings = [finding_data(f) for f in exc.findings] or [_general(str(exc))]
        return jsonify(findings=findings), 400

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> tuple[Response, int]:
        """A wrong address or method: a message in the same form, with its own status."""
        text = f"{request.method} {request.path}: {exc.name}"
        return jsonify(findings=[_general(text)]), exc.code or 400

    @app.errorhandler(Exception)
    def _bug(exc: Exception) -> tuple[Response, int]:
        text = f"内部错误：{type(exc).__name__}: {exc}（请报告此问题）"
        return jsonify(findings=[_general(text)]), 500

    @app.get("/")
    def index() -> str:
        name = brief_file.name if brief_file else "brief.yaml"
        served, reviewing = brief_file is not None, review is not None
        return render_template("index.html", brief_name=name, review=reviewing, served=served)

    @app.get("/review")
    def review_page() -> str:
        return render_template("review.html")

    @app.get("/favicon.ico")
    def favicon() -> tuple[str, int]:
        return "", 204

    @app.get("/api/schema")
    def schema() -> Response:
        from drafter.compose.starters import brief_schema

        return jsonify(brief_schema())

    @app.get("/api/templates")
    def templates() -> Response:
        return jsonify(workspace.template_list())

    @app.get("/api/starter/<kind>")
    def starter(kind: str) -> Response:
        from drafter.compose.starters import starter_kinds, starter_text

        if kind not in starter_kinds():
            known = "、".join(starter_kinds())
            raise DrafterError(
                findings=[Finding("template", None, "", f"没有“{kind}”的起草模板；可选：{known}")]
            )
        text = starter_text(kind)
        return jsonify(brief=brief_data(text, f"{kind}.yaml"), original=text, name=f"{kind}.yaml")

    @app.get("/api/opened")
    def opened() -> Response:
        """The brief `drafter serve BRIEF` was started with (empty when none)."""
        if brief_file is None or not brief_file.exists():
            return jsonify(brief=None)
        from drafter.yamlfile import read_user_text

        text = read_user_text(brief_file, what="brief")
        return jsonify(brief=brief_data(text, brief_file.name), original=text, name=brief_file.name)

    @app.post("/api/open")
    def open_() -> Response:
        payload = _payload()
        name = str(payload.get("name") or "brief.yaml")
        text = str(payload.get("yaml") or "")
        return jsonify(brief=brief_data(text, name), original=text, name=name)

    @app.post("/api/draft")
    def draft() -> Response:
        payload = _payload()
        name = str(payload.get("name") or "brief.yaml")
        return jsonify(workspace.draft(_brief(payload), _seed(payload), name))

    @app.post("/api/save")
    def save() -> Response:
        """The brief as YAML (comments of its original kept); written back when serving a file."""
        payload = _payload()
        return jsonify(_saved(_brief(payload), payload))

    @app.post("/api/phrase")
    def phrase() -> Response:
        """Pin (`use`), ban (`avoid`) or release an entry for a point or the whole brief: the brief
        changed as `save` writes it (and written back when serving a file)."""
        payload = _payload()
        data = with_phrase(
            _brief(payload),
            str(payload.get("point") or ""),
            str(payload.get("id") or ""),
            str(payload.get("action")),
        )
        return jsonify(_saved(data, payload))

    @app.get("/api/review")
    def review_state() -> Response:
        return jsonify(_desk().state(fresh=True))

    @app.post("/api/review")
    def review_decide() -> Response:
        payload = _payload()
        edits = payload.get("edits")
        state = _desk().decide(
            str(payload.get("id") or ""),
            str(payload.get("action") or ""),
            edits if isinstance(edits, dict) else None,
        )
        workspace.forget_bank()  # the team bank drafts too: the next draft sees what was approved
        return jsonify(state)

    def _desk() -> ReviewDesk:
        if review is None:
            message = "这次启动没有给出待审核的挖掘结果：请用 drafter serve --mined DIR --into DIR 启动"
            raise DrafterError(findings=[Finding("request", None, "", message)])
        return review

    def _saved(data: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        """The brief as YAML (comments of its original kept); written back when serving a file."""
        text = brief_yaml(data, payload.get("original") or None)
        saved = None
        if brief_file is not None and payload.get("write"):
            from drafter.atomic import write_atomic

            write_atomic(brief_file, text, force=True)
            saved = str(brief_file)
        return {
            "yaml": text,
            "saved": saved,
            "brief": brief_data(text, brief_file.name if brief_file else "brief.yaml"),
        }

    @app.post("/download/<fmt>")
    def download(fmt: str) -> Response:
        payload = _payload()
        if fmt not in MEDIA_TYPES:
            raise DrafterError(findings=[Finding("request", None, "format", f"未知格式 {fmt}")])
        name = str(payload.get("name") or "brief.yaml")
        data = workspace.file(_brief(payload), fmt, _seed(payload), name)
        stem = Path(name).stem or "draft"
        return Response(
            data,
            mimetype=MEDIA_TYPES[fmt],
            headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(stem)}.{fmt}"},
        )

    return app
