"""Click commands, one module per command family; `drafter.cli` registers their `COMMANDS`."""
