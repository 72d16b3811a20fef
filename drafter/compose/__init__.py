"""Drafting: brief → plan → selection → template rendering → outline → `Document`.

Each step has its module: `brief` (the model), `brief_load` and `brief_check` (reading and checking
a writer's file), `starters` (`drafter new`), `plan`, `select`, `length`, `paragraph`, `templating`
with `template_cache`, `outline` (the markup parser), and `pipeline` (`compose()`, the in-process
API). The package itself imports nothing, so that a command loads only the steps it uses.
"""
