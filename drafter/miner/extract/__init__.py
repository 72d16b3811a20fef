"""Extractors: one module per family of formulas, each `extract(outline) -> Iterator[Candidate]`."""
