"""Whether a sentence is about a point, and whether it piles up the point's subject."""

from __future__ import annotations

from drafter.compose.about import (
    about,
    aspect_of,
    catalogue,
    lead_clause,
    piles,
    restates,
    retells,
    says_a_writers_run,
    says_writers_words,
    straddling,
    strays,
    subject_of,
)
from drafter.compose.select import key_terms


def test_a_sentence_is_about_a_point_by_its_subjects_distinctive_words() -> None:
    def said_about(heading: str, topic: str, writer: str, text: str, common: set[str]) -> bool:
        own = key_terms(heading + writer)
        generic = common.__contains__
        return about(own, subject_of(topic, generic), text, generic)

    writer = "各项惠企政策要不折不扣兑现到企业。"
    aside = "规范招商引资行为，共享支持政策、企业信息，推动资金加快到位。"
    assert not said_about("要兑现惠企政策", "惠企政策", writer, aside, {"政策", "企业"})
    assert said_about(
        "要兑现惠企政策", "惠企政策", writer, "加大惠企政策兑现和直达企业力度。", {"政策", "企业"}
    )
    writer = "汛前对水库、堤防逐一排查隐患。"
    text = "聚焦病险水库、地质灾害隐患点，补齐防御短板。"
    assert said_about("要强化隐患排查", "隐患排查", writer, text, {"防汛"})
    assert not said_about("要强化隐患排查", "隐患排查", writer, text, {"隐患", "防汛"})
    # three items that 等 closes: a programme's fields, about no one point
    listed = "聚焦防洪排涝工程、病险水库、地质灾害隐患点等薄弱环节。"
    assert not said_about("要强化隐患排查", "隐患排查", writer, listed, {"防汛"})
    catalogue = "盯紧道路交通、水上运输、燃气、消防、危化品、矿山等重点领域安全。"
    assert not said_about("要抓好道路交通安全", "道路交通安全", "重点盯住客运车辆。", catalogue, set())


def test_a_sentence_is_on_what_its_first_clause_says() -> None:
    own = key_terms("要备足防汛物资" + "冲锋舟、编织袋提前到位。")
    subject = subject_of("防汛物资", lambda term: False)
    # the subject said on the way, after a clause on something else
    assert not about(own, subject, "健全空地一体联合应急救援体系，提升应急物资储备保障能力。")
    assert about(own, subject, "健全防汛物资储备体系，提高调运效率。")
    # ... unless that clause is on the point's own words too, or frames the next
    assert about(own, subject, "冲锋舟要逐艘检修，防汛物资按点存放。")
    assert about(own, subject, "针对山洪易发区域，前置防汛物资和抢险力量。")
    assert lead_clause("为此，要前置防汛物资，加强值守。") == "为此，要前置防汛物资"


def test_a_sentence_saying_the_heading_with_one_insertion_restates_it() -> None:
    assert restates("要构建亲清政商关系", "加快构建亲清统一的新型政商关系，赢得企业信赖。", "亲清政商关系")
    assert restates("要深入打好蓝天保卫战", "突出抓减污，深入打好蓝天、碧水、净土保卫战。", "蓝天保卫战")
    assert restates("要整治人居环境", "开展人居环境整治提升，抓好农村厕所改造。", "人居环境")
    # a verb's characters across two words are no restatement (`储备足额`: 备足)
    assert not restates("要备足防汛物资", "抢险队伍集结待命，冲锋舟等防汛物资储备足额。", "防汛物资")


def test_a_sentence_sharing_only_generic_words_of_the_subject_is_not_about_it() -> None:
    generic = {"环境", "治理", "公共", "管理", "保障", "基本"}.__contains__
    heading, topic = "要加强水环境治理", "水环境治理"
    subject = subject_of(topic, generic)
    # `境治` straddles `环境` and `治理`: any 环境治理 says it, so it is no word of the subject's
    assert subject.words == {"水环", "环境", "治理"} and subject.distinctive == {"水环"}
    air = "以减少重污染天气为重点，全面提升大气环境治理能力和治理成效。"
    assert not about(key_terms(heading + "抓好水环境治理。"), subject, air, generic)
    assert about(key_terms(heading), subject, "加强水环境保护，推进重点流域综合治理。", generic)
    # a subject of generic words only: two of them, not one
    subject = subject_of("公共管理", generic)
    own = key_terms("要加强公共管理")
    assert not subject.distinctive
    assert about(own, subject, "提升公共管理服务水平。", generic)
    assert not about(own, subject, "统筹公共文化设施，提升文化空间运营效能。", generic)


def test_a_writers_run_of_generic_words_only_does_not_make_a_sentence_about_the_point() -> None:
    generic = {"基本", "公共", "服务"}.__contains__
    assert straddling("创新基本公共服务供给方式", generic) == {"本公", "共服"}
    subject = subject_of("待遇保障", generic)
    writer = ["落实基本公共卫生服务补助，逐步解决村医养老保障问题。"]
    own = key_terms("提高待遇保障" + writer[0])
    text = "加快完善公共服务资源配置机制，创新基本公共服务供给方式。"
    assert not about(own, subject, text, generic, writer)
    assert about(own, subject, "健全村医养老保障制度，提高村医收入。", generic, writer)


def test_a_paragraph_does_not_pile_up_its_subjects_words() -> None:
    said = "依托茶叶基地做大特色产业规模。"  # the bank's sentences of the paragraph so far
    assert not piles("特色产业", "", said)
    assert piles("特色产业", said, "推动乡村特色产业集群化。")  # a second one says it again
    assert not piles("特色产业", said * 3, "完善联农带农机制。")


def test_a_sentence_saying_a_run_of_the_writers_words_is_about_the_point() -> None:
    heading, topic, writer = "要加强水环境治理", "水环境治理", "落实河湖长制，抓好黑臭水体整治。"
    own = key_terms(heading + writer)
    text = "深入推进入河排污口排查整治，巩固黑臭水体治理成效。"
    generic = {"治理", "环境"}.__contains__
    assert not about(own, subject_of(topic, generic), text, generic)
    assert about(own, subject_of(topic, generic), text, generic, [writer])
    # a word of attitude any field says is no subject (`牢固树立红线意识` / `牢固树立宗旨意识`)
    heading, topic, writer = "要强化反向问责", "反向问责", "牢固树立红线意识和底线思维，严肃问责。"
    own = key_terms(heading + writer)
    text = "要强化宗旨意识，牢固树立全心全意为人民服务的宗旨意识。"
    assert not about(own, subject_of(topic, lambda term: False), text, writer=[writer])


def test_a_paragraph_retells_a_run_of_the_writers_words_three_times_at_most() -> None:
    writer = ["落实河湖长制，抓好黑臭水体整治。"]
    said = writer[0] + "整治垃圾、油烟、黑臭水体等环境问题。"
    assert not retells(writer, "水环境治理", said, "巩固黑臭水体治理成效。")
    assert retells(writer, "水环境治理", said + "巩固黑臭水体治理成效。", "基本消除农村黑臭水体。")
    # the point's topic is `piles`'s to count
    assert not retells(["抓好水环境治理。"], "水环境治理", "水环境治理" * 3, "加强水环境治理。")


def test_a_sentence_saying_its_subject_thrice_says_it_once() -> None:
    assert not piles("养老服务", "", "发展社区养老、居家养老和互助养老服务。")
    assert piles("养老服务", "强化农村养老服务设施建设。", "加强养老助餐点建设。")


def test_a_subject_word_with_a_function_character_is_a_key_term() -> None:
    assert "就业" in key_terms("要稳定就业") and "要素" in key_terms("强化要素保障")
    assert "就是" not in key_terms("就是要")


def test_a_run_that_modifies_the_writers_word_is_not_his_subject() -> None:
    """`公共卫生` of `落实基本公共卫生服务补助` (a subsidy) does not make `…突发公共卫生事件…` about
    `提高待遇保障`; `黑臭水体` of `抓好黑臭水体整治` (the task is on it) makes its sentence about
    `加强水环境治理`; a conjunct ends where 和 begins (`垃圾污水治理和村容村貌提升`)."""
    generic = {"治理", "环境", "公共", "服务", "保障", "整治"}.__contains__
    text = "完善急救服务和血液保障体系，提高突发公共卫生事件应对能力。"
    assert not says_writers_words(["落实基本公共卫生服务补助，逐步解决村医养老保障问题。"], text, generic)
    assert says_writers_words(["抓好黑臭水体整治。"], "巩固黑臭水体治理成效。", generic)
    assert says_writers_words(["抓好垃圾污水治理和村容村貌提升。"], "加强生活垃圾污水治理。", generic)


def test_a_busy_sentence_is_a_catalogue_and_a_run_is_not() -> None:
    assert catalogue("开展燃气、危化品、高层建筑、“九小场所”等领域隐患排查整治。")
    assert catalogue("实行流程式、全过程督查督办，紧紧抓住立项、实施、反馈等关键环节，强化过程督办。")
    assert not catalogue("认真调研、充分准备、深入研究、反复酝酿")
    assert not catalogue("重点盯住客运车辆、校车和重型货车。")


def test_a_sentence_opening_on_its_headings_subject_restates_it() -> None:
    text = "要深入贯彻中央八项规定精神，以坚强党性涵养优良作风。"
    assert restates("要严守中央八项规定精神", text, "严守中央八项规定精神")
    assert restates("要学深悟透", "坚持多思多想、学深悟透。", "学深悟透")
    assert not restates("要抓好道路交通安全", "着力提升农村道路交通安全设施标准。", "道路交通安全")


def test_a_tasks_word_is_not_the_head_of_its_subject() -> None:
    """`整治` of `推进农村环境整治` says what is done: `推进重金属环境安全隐患排查整治…` is not about it."""
    generic = {"整治", "环境", "农村", "治理", "推进"}.__contains__
    subject = subject_of("农村环境整治", generic)
    assert subject.head == "农村"
    own = key_terms("推进农村环境整治 分类推进农村生活污水治理。")
    assert not about(own, subject, "推进重金属环境安全隐患排查整治，强化新污染物治理。", generic)


def test_a_sentence_on_the_town_is_not_about_a_point_on_the_country() -> None:
    generic = {"整治", "环境", "污水", "生活"}.__contains__
    subject = subject_of("农村人居环境", generic)
    own = key_terms("集中整治农村人居环境 以生活垃圾、生活污水和村容村貌为重点。")
    writer = ["以生活垃圾、生活污水和村容村貌为重点。"]
    assert not about(own, subject, "基本实现城市建成区生活污水处理能力全覆盖。", generic, writer)
    assert about(own, subject, "推进城乡生活污水治理，改善农村人居环境。", generic, writer)


def test_a_vague_subject_the_writer_qualifies_is_on_his_aspect() -> None:
    common = {"队伍", "专业", "常态", "开展", "应急", "综合", "项目", "资金", "整合", "统筹", "能力"}
    generic = common.__contains__
    subject = subject_of("队伍建设", generic)
    own = key_terms("要加强队伍建设" + "专业扑火队伍要常态化开展演练。")
    aspect = aspect_of(subject, ["专业扑火队伍要常态化开展演练。"], ["提升扑救能力"], generic)
    assert "扑火" in aspect and "扑救" in aspect
    rescue = "推进基层应急消防机构和综合性应急救援队伍建设，提高处置保障能力。"
    assert about(own, subject, rescue, generic)  # the subject said, no aspect asked
    assert not about(own, subject, rescue, generic, aspect=aspect)
    assert about(own, subject, "扑火队伍建设要专业化，定期开展实战演练。", generic, aspect=aspect)
    # the writer leaves the subject unqualified: no aspect to keep to
    subject = subject_of("统筹整合能力", generic)
    writer = ["工作越深入越要统筹整合、系统集成，把资源、资金、项目整合好。"]
    assert not aspect_of(subject, writer, [], generic)


def test_a_later_clause_setting_a_task_on_another_subject_strays() -> None:
    generic = {"污染", "源头", "预防", "体系", "集中", "提升", "效能"}.__contains__
    context = key_terms("要补齐污水收集处理短板" + "集镇生活污水收集率提高到80%以上。" + "河湖治理重点任务")
    assert strays("提升工业园区污水收集处理效能，健全土壤污染源头预防体系。", context, generic)
    assert not strays("提升工业园区污水收集处理效能，健全污水管网运维体系。", context, generic)
    # what the task brings is no task of its own
    context = key_terms("要提高统筹整合能力" + "把资源、资金、项目整合好。")
    assert not strays("要加强财政性资金整合，集中财力办大事。", context, generic)


def test_a_sentence_saying_a_run_of_the_writers_again_is_not_said() -> None:
    writer = ["围绕主导产业链招商补链。"]
    assert says_a_writers_run(writer, "大力开展以商招商、场景招商、产业链招商，提高招商实效。", "精准招商")
    assert not says_a_writers_run(writer, "大力开展以商招商、场景招商，提高招商实效。", "精准招商")
    # the point's own subject may be said again
    assert not says_a_writers_run(["抓好黑臭水体整治。"], "推进黑臭水体整治。", "黑臭水体整治")
