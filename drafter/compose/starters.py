"""What helps a writer type a brief: the JSON Schema and the commented starter briefs.

The schema is generated from `drafter.compose.brief_model.Brief` and also committed as package data
(`drafter/schemas/brief.schema.json`) so that editors running yaml-language-server can
validate and autocomplete a brief through its first line, which names the schema by a path
relative to the brief (`drafter new` writes the schema file beside it), so the reference resolves
for whoever opens the brief, on any machine and after any reinstall:

    # yaml-language-server: $schema=brief.schema.json

Starters are package data too (`drafter/starters/<kind>.yaml`), one per speech kind.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from drafter.errors import BriefError

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE = "brief.schema.json"
SCHEMA_ID = "urn:drafter:schema:brief"  # names the schema, wherever a copy of it lies
STARTER_SUFFIX = ".yaml"


def brief_schema() -> dict[str, object]:
    """The brief's JSON Schema, with the dialect named so editors know how to read it."""
    from drafter.compose.brief_model import Brief  # pydantic is slow to import; `drafter new` does without it

    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **Brief.model_json_schema()}


def brief_schema_text() -> str:
    """The schema as the committed file holds it: indented JSON, Chinese kept readable."""
    return json.dumps(brief_schema(), ensure_ascii=False, indent=2) + "\n"


def installed_schema_path() -> Path:
    """The committed schema file inside the installed package."""
    return Path(str(resources.files("drafter").joinpath("schemas", SCHEMA_FILE)))


def schema_modeline() -> str:
    """The first line of a brief: yaml-language-server finds the schema beside the brief."""
    return f"# yaml-language-server: $schema={SCHEMA_FILE}"


def _starters() -> Traversable:
    return resources.files("drafter").joinpath("starters")


def starter_kinds() -> list[str]:
    """The kinds that have a starter brief, sorted."""
    return sorted(
        item.name[: -len(STARTER_SUFFIX)]
        for item in _starters().iterdir()
        if item.name.endswith(STARTER_SUFFIX) and item.is_file()
    )


def starter_text(kind: str) -> str:
    """The starter brief for `kind` (or an old name of it), its first line pointing at the schema."""
    from drafter.vocabulary import kind_name

    kind = kind_name(kind)
    kinds = starter_kinds()
    if kind not in kinds:
        raise BriefError(f"{kind}: no starter brief for this kind; known kinds: {', '.join(kinds)}")
    body = _starters().joinpath(kind + STARTER_SUFFIX).read_text(encoding="utf-8")
    return f"{schema_modeline()}\n{body}"
