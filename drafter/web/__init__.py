"""`drafter serve`: a local web page for writers who do not use a terminal.

`service` is the drafting core as the page needs it (brief data in, draft, findings and files out),
called in process; `briefyaml` turns the form's data into the YAML file `drafter draft` reads,
keeping the comments of a brief that came from a file; `preview` renders the document model as
HTML; `app` is the Flask application; `static/` and `pages/` are shipped with the package, so the
page needs no network and no build step.
"""
