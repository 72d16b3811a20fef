"""The page in a real browser: fill a brief, watch the draft, pin a suggestion, download the .docx;
review mined candidates into a team bank."""

from __future__ import annotations

import time
from pathlib import Path

import browser
import docx
import pytest
from click.testing import CliRunner
from web_server import running, sample_review_desk

from drafter.bank.known import rejected
from drafter.bank.load import load_bank
from drafter.cli import main
from drafter.yamlfile import parse_yaml

EXAMPLE = Path(__file__).parent.parent / "examples" / "training.yaml"

pytestmark = pytest.mark.skipif(not browser.available(), reason=browser.MISSING)


def _wait(condition, seconds: float = 20):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
        except Exception as exc:  # the page replaced the element while it was read
            if type(exc).__name__ != "StaleElementReferenceException":
                raise
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_fill_a_brief_for_a_new_occasion_and_download_it(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = browser.start(downloads, tmp_path / "profile")
    css = driver.find_elements
    try:
        with running() as url:
            driver.get(url)
            _wait(lambda: len(css(By.CSS_SELECTOR, "#starter option")) > 1)
            kinds = [o.get_attribute("value") for o in css(By.CSS_SELECTOR, "#starter option")]
            Select(driver.find_element(By.ID, "starter")).select_by_value(kinds[-1])
            _wait(lambda: css(By.CSS_SELECTOR, "#draft .page"))
            occasion = driver.find_element(By.ID, "f-occasion")
            occasion.clear()
            occasion.send_keys("全县秋冬季森林防火工作会议")
            _wait(lambda: "全县秋冬季森林防火工作会议" in driver.find_element(By.ID, "draft").text)
            assert "字" in driver.find_element(By.ID, "figures").text
            assert css(By.CSS_SELECTOR, ".suggestions")  # each point shows what the bank offers it

            # a field made wrong gets its message beside it, as `drafter check` words it
            date = driver.find_element(By.ID, "f-date")
            driver.execute_script("arguments[0].type='text'", date)
            date.clear()
            date.send_keys("明天")
            finding = _wait(lambda: css(By.CSS_SELECTOR, '.field[data-path="date"] .finding'))
            assert f"{kinds[-1]}.yaml:" in finding[0].text and "date: not a date: '明天'" in finding[0].text
            date.clear()
            date.send_keys("2026-12-20")
            _wait(lambda: not css(By.CSS_SELECTOR, ".finding.error"))

            driver.find_element(By.CSS_SELECTOR, '[data-fmt="docx"]').click()
            files = _wait(lambda: [p for p in downloads.glob("*.docx")])
            _wait(lambda: not list(downloads.glob("*.crdownload")))
            text = "\n".join(p.text for p in docx.Document(str(files[0])).paragraphs)
            assert "全县秋冬季森林防火工作会议" in text
    finally:
        driver.quit()


def test_pin_a_suggestion_into_the_served_brief(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    brief = tmp_path / "brief.yaml"  # served: pins are written into it
    original = EXAMPLE.read_text(encoding="utf-8")
    brief.write_text(original, encoding="utf-8")
    driver = browser.start(downloads, tmp_path / "profile")
    css = driver.find_elements
    try:
        with running(brief) as url:
            driver.get(url)
            occasion = _wait(lambda: css(By.ID, "f-occasion"))[0]
            occasion.clear()
            occasion.send_keys("全县新任职科级干部培训班")
            subtitle = driver.find_element(By.ID, "f-subtitle")
            subtitle.clear()
            subtitle.send_keys("——在全县新任职科级干部培训班上的讲话")
            _wait(lambda: "在全县新任职科级干部培训班上的讲话" in driver.find_element(By.ID, "draft").text)
            _wait(lambda: css(By.CSS_SELECTOR, ".suggestions .suggestion"))
            offered = [
                (
                    row.find_element(By.XPATH, "ancestor::div[@class='suggestions']").get_attribute(
                        "data-point"
                    ),
                    row.get_attribute("data-entry"),
                )
                for row in css(By.CSS_SELECTOR, ".suggestion")
                if not row.find_elements(By.CSS_SELECTOR, ".used")
                and row.find_elements(By.CSS_SELECTOR, ".score")
            ]
            assert offered, "every suggested material is drafted already"
            pinned = None
            for point, entry in offered:  # a pin the point has no room for is said so; try the next
                row = f'.suggestions[data-point="{point}"] .suggestion[data-entry="{entry}"]'
                driver.find_element(By.CSS_SELECTOR, f'{row} button[data-action="use"]').click()
                _wait(lambda entry=entry: f"已选用 {entry}" in driver.find_element(By.ID, "status").text)
                if css(By.CSS_SELECTOR, f'#draft [data-entry="{entry}"]'):
                    pinned = (point, entry)
                    break
                assert "成稿未用上" in driver.find_element(By.CSS_SELECTOR, row).text
                driver.find_element(By.CSS_SELECTOR, f'{row} button[data-action="none"]').click()
                _wait(lambda entry=entry: f"已撤销 {entry}" in driver.find_element(By.ID, "status").text)
            assert pinned is not None, f"no pin among {offered} reached the draft"
            point, entry = pinned
            assert css(By.CSS_SELECTOR, f'.suggestion.pinned[data-entry="{entry}"]')
            drafted = driver.find_element(By.CSS_SELECTOR, f'#draft [data-entry="{entry}"]').text

            # the pin is in the saved brief, under its point, with the new occasion and the comments
            text = brief.read_text(encoding="utf-8")
            saved = parse_yaml(text, "brief.yaml")
            target = saved
            for part in point.split("."):
                target = target[int(part)] if part.isdigit() else target[part]
            assert target["phrases"]["use"] == [entry]
            assert saved["occasion"] == "全县新任职科级干部培训班"
            comments = [line.strip() for line in original.splitlines() if line.strip().startswith("#")]
            assert comments and all(c in text for c in comments)
            assert CliRunner().invoke(main, ["check", str(brief)]).exit_code == 0

            driver.find_element(By.CSS_SELECTOR, '[data-fmt="docx"]').click()
            files = _wait(lambda: [p for p in downloads.glob("*.docx")])
            _wait(lambda: not list(downloads.glob("*.crdownload")))
            printed = "\n".join(p.text for p in docx.Document(str(files[0])).paragraphs)
            assert drafted in printed and "在全县新任职科级干部培训班上的讲话" in printed
    finally:
        driver.quit()


def test_review_three_candidates_into_the_team_bank(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    desk = sample_review_desk(tmp_path)
    team = desk.into
    driver = browser.start(tmp_path / "downloads", tmp_path / "profile")
    css = driver.find_elements

    def shown() -> str:
        return str(driver.find_element(By.ID, "c-id").text)

    try:
        with running(review=desk) as url:
            driver.get(f"{url}/review")
            first = _wait(shown)
            source = driver.find_element(By.CSS_SELECTOR, ".context-line.source")
            assert source.find_elements(By.TAG_NAME, "mark")  # the candidate marked in its paragraph
            left = driver.find_element(By.ID, "progress").text
            driver.find_element(By.ID, "approve").click()

            second = _wait(lambda: shown() != first and shown())
            text = driver.find_element(By.ID, "c-text")
            # bad input: the bank's own message beside the field, nothing written
            text.clear()
            text.send_keys("为{目标而奋斗")
            driver.find_element(By.ID, "approve").click()
            message = _wait(lambda: css(By.CSS_SELECTOR, '.field[data-path="text"] .finding'))
            assert "unbalanced { or }" in message[0].text
            assert shown() == second
            # edit: text, a slot put over the words it stands for, field and kind
            text.clear()
            text.send_keys("同志们，让我们为全面完成今年目标任务而努力奋斗！")
            words = "全面完成今年目标任务"
            driver.execute_script(
                "const a = arguments[0], at = a.value.indexOf(arguments[1]);"
                "a.focus(); a.setSelectionRange(at, at + arguments[1].length);",
                text,
                words,
            )
            Select(driver.find_element(By.ID, "c-slot")).select_by_value("goal")
            driver.find_element(By.ID, "c-put-slot").click()
            assert text.get_attribute("value") == "同志们，让我们为{goal}而努力奋斗！"
            assert "{goal}" in driver.find_element(By.ID, "c-slots").text
            Select(driver.find_element(By.ID, "c-domain")).select_by_value("政府自身建设")
            Select(driver.find_element(By.ID, "c-type")).select_by_value("formula")
            driver.find_element(By.ID, "approve").click()

            third = _wait(lambda: shown() not in (first, second) and shown())
            driver.find_element(By.TAG_NAME, "body").send_keys("r")  # the terminal's key
            _wait(lambda: shown() not in (first, second, third))
            assert driver.find_element(By.ID, "progress").text != left
    finally:
        driver.quit()

    bank = load_bank([team], builtin=False)
    assert bank.entries[first].status == "approved"
    entry = bank.entries[second]
    assert (entry.text, entry.slots, entry.domain, entry.type, entry.status) == (
        "同志们，让我们为{goal}而努力奋斗！",
        ("goal",),
        "政府自身建设",
        "formula",
        "approved",
    )
    assert third in rejected(team) and third not in bank.entries
