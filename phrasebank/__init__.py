"""Built-in phrase bank (package data): one YAML file per phrase function."""
