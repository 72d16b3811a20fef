"""Content keys of bank files known by their stat: trusted only while the file is as it was."""

from __future__ import annotations

import os
import time
from pathlib import Path

from drafter.bank import cache, cache_keys
from drafter.bank.cache_keys import known_key, read_with_key

SALT = "test"


def _old(path: Path, text: str, age: float = 60.0) -> Path:
    path.write_text(text, encoding="utf-8")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_the_key_of_a_file_left_alone_is_known_without_reading_it(tmp_path: Path) -> None:
    path = _old(tmp_path / "a.yaml", "function: title\n")
    assert known_key(path, SALT) is None
    data, key = read_with_key(path, SALT)
    assert data == path.read_bytes() and key == cache.content_key(data, SALT)
    assert known_key(path, SALT) == key
    cache_keys._loaded.clear()  # another process: the record is read back from the cache folder
    assert known_key(path, SALT) == key
    assert known_key(path, "other salt") is None


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = _old(tmp_path / "a.yaml", "function: title\n")
    _, key = read_with_key(path, SALT)
    _old(path, "function: heads\n", age=30.0)  # same size, another time
    assert known_key(path, SALT) is None
    _, again = read_with_key(path, SALT)
    assert again != key and known_key(path, SALT) == again


def test_a_key_taken_just_after_a_change_is_not_remembered(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("function: title\n", encoding="utf-8")
    read_with_key(path, SALT)
    assert known_key(path, SALT) is None  # written within RACY seconds: size and time could stay
