"""The GB/T 9704-2012 .docx writer (being built: see the open issues)."""
