"""The page in a real browser: fill a brief, watch the draft, download the .docx."""

from __future__ import annotations

import time
from pathlib import Path

import browser
import docx
import pytest
from web_server import running

pytestmark = pytest.mark.skipif(not browser.available(), reason=browser.MISSING)


def _wait(condition, seconds: float = 20):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_fill_a_brief_see_the_draft_and_download_it(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = browser.start(downloads, tmp_path / "profile")
    try:
        with running() as url:
            driver.get(url)
            _wait(lambda: len(driver.find_elements(By.CSS_SELECTOR, "#starter option")) > 1)
            kinds = [
                o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#starter option")
            ]
            kind = kinds[-1]
            Select(driver.find_element(By.ID, "starter")).select_by_value(kind)
            _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#draft .page"))
            occasion = driver.find_element(By.ID, "f-occasion")
            occasion.clear()
            occasion.send_keys("全县秋冬季森林防火工作会议")
            _wait(lambda: "全县秋冬季森林防火工作会议" in driver.find_element(By.ID, "draft").text)
            assert "字" in driver.find_element(By.ID, "figures").text

            # a field made wrong gets its message beside it, as `drafter check` words it
            date = driver.find_element(By.ID, "f-date")
            driver.execute_script("arguments[0].type='text'", date)
            date.clear()
            date.send_keys("明天")
            _wait(lambda: driver.find_elements(By.CSS_SELECTOR, '.field[data-path="date"] .finding'))
            date.clear()
            date.send_keys("2026-12-20")
            _wait(lambda: not driver.find_elements(By.CSS_SELECTOR, ".finding.error"))

            driver.find_element(By.CSS_SELECTOR, '[data-fmt="docx"]').click()
            saved = _wait(lambda: [p for p in downloads.glob("*.docx")])
            _wait(lambda: not list(downloads.glob("*.crdownload")))
            text = "\n".join(p.text for p in docx.Document(str(saved[0])).paragraphs)
            assert "全县秋冬季森林防火工作会议" in text
    finally:
        driver.quit()
