"""Screenshots of `drafter serve` for docs/: `python docs/screenshots.py` (needs chromium).

Drives the same headless Chromium as the browser tests (tests/browser.py) against a server on a
loopback port, opens the example training brief, and writes docs/web-*.png.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402
from web_server import running  # noqa: E402


def main() -> None:
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory() as folder, running(ROOT / "examples" / "training.yaml") as url:
        driver = browser.start(Path(folder), Path(folder) / "profile", size="1600,1000")
        try:
            driver.get(url)
            deadline = time.monotonic() + 30
            while not driver.find_elements(By.CSS_SELECTOR, "#draft .page") and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(0.5)
            driver.save_screenshot(str(ROOT / "docs" / "web-draft.png"))
        finally:
            driver.quit()
    print("docs/web-draft.png")


if __name__ == "__main__":
    main()
