"""Click commands, one module per command family; `drafter.cli` names them and loads them lazily."""
