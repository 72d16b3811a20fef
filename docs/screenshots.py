"""Screenshots of `drafter serve` for docs/: `python docs/screenshots.py` (needs chromium).

Drives the same headless Chromium as the browser tests (tests/browser.py) against a server on a
loopback port, working on copies in a temporary folder (the repository's files are only read):

- docs/web-draft.png: the example training brief, its draft, and one point's suggestions with
  one of them pinned;
- docs/web-review.png: the bank review of what `drafter mine` finds in the five sample speeches.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402
from sample_speeches import copy_samples  # noqa: E402
from web_server import running  # noqa: E402


def _wait(condition: Callable[[], Any], seconds: float = 30) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise SystemExit("screenshots: the page did not show what was expected in time")


def _draft_page(driver: Any, url: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(url)
    _wait(lambda: driver.find_elements(By.CSS_SELECTOR, ".suggestions .suggestion .score"))
    rows = [
        r
        for r in driver.find_elements(By.CSS_SELECTOR, ".suggestion")
        if r.find_elements(By.CSS_SELECTOR, ".score") and not r.find_elements(By.CSS_SELECTOR, ".used")
    ]
    rows = rows[-1:]  # the last point's (the first points' material is all drafted already)
    for row in rows:
        entry = row.get_attribute("data-entry")
        row.find_element(By.CSS_SELECTOR, 'button[data-action="use"]').click()
        _wait(lambda entry=entry: f"已选用 {entry}" in driver.find_element(By.ID, "status").text)
        box = driver.find_element(By.CSS_SELECTOR, f'.suggestion[data-entry="{entry}"]')
        driver.execute_script("arguments[0].closest('.suggestions').scrollIntoView({block: 'start'})", box)
        drafted = driver.find_elements(By.CSS_SELECTOR, f'#draft [data-entry="{entry}"]')
        if drafted:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", drafted[0])
    time.sleep(0.5)
    driver.save_screenshot(str(ROOT / "docs" / "web-draft.png"))


def _review_page(driver: Any, url: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{url}/review")
    _wait(lambda: driver.find_elements(By.CSS_SELECTOR, ".context-line.source mark"))
    time.sleep(0.5)
    driver.save_screenshot(str(ROOT / "docs" / "web-review.png"))


def main() -> None:
    from click.testing import CliRunner

    from drafter.cli import main as cli
    from drafter.web.review import ReviewDesk

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.chdir(folder)
        brief = folder / "training.yaml"
        shutil.copyfile(ROOT / "examples" / "training.yaml", brief)
        corpus = copy_samples(folder / "corpus")
        mined = CliRunner().invoke(cli, ["mine", str(corpus), "-o", str(folder / "mined"), "-q"])
        if mined.exit_code != 0:
            raise SystemExit(mined.output)
        (folder / "team").mkdir()
        desk = ReviewDesk(Path("mined"), Path("team"), Path("corpus"))  # shown as the writer names them
        driver = browser.start(folder / "downloads", folder / "profile", size="1600,1000")
        try:
            with running(Path(brief.name), review=desk) as url:
                _draft_page(driver, url)
                _review_page(driver, url)
        finally:
            driver.quit()
            os.chdir(ROOT)
    print("docs/web-draft.png docs/web-review.png")


if __name__ == "__main__":
    main()
