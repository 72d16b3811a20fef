"""The JSON Schema of a bank file, for editors to validate while people type (`drafter bank schema`).

The committed copy is `drafter/schemas/bank.schema.json`; a test keeps it equal to this output.
"""

from __future__ import annotations

import json
from typing import Any

from drafter.bank.entry_model import BankFile
from drafter.vocabulary import FUNCTIONS, KINDS, SLOTS, TOPIC_TAGS

BANK_SCHEMA_ID = "urn:drafter:schema:bank"  # names the schema, wherever a copy of it lies


def bank_file_schema() -> dict[str, Any]:
    """The schema of one bank file; entries need only an id, as a later layer's override may."""
    schema = BankFile.model_json_schema()
    entry = schema["$defs"]["Entry"]
    entry["required"] = ["id"]
    entry["description"] = (
        "词条。首次出现的编号必须给出 text 和 sources；上层词库覆盖下层同编号词条时，只写要改的字段即可，"
        "如 {id: ..., status: deprecated}。text 中可用的槽位：" + "、".join("{" + s + "}" for s in SLOTS)
    )
    entry["properties"]["function"]["enum"] = ["", *FUNCTIONS]
    entry["properties"]["kinds"]["items"]["examples"] = list(KINDS)
    entry["properties"]["tags"]["items"]["examples"] = list(TOPIC_TAGS)
    schema["properties"]["function"]["enum"] = list(FUNCTIONS)
    schema["required"] = ["function", "entries"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BANK_SCHEMA_ID,
        "title": "drafter 词库文件",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def bank_file_schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(bank_file_schema(), ensure_ascii=False, indent=2) + "\n"
