"""The phrase bank: its entry format, layered loading, validation, search and editing."""
