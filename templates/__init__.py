"""Built-in speech templates (package data): Jinja2 files rendered to outline markup."""
