"""The shared vocabulary of the product: phrase functions, speech kinds, slots and topic tags.

The bank, the miner, the selection step and the templates all speak these names; they are
defined once, here. Descriptions are Chinese because writers read them (`drafter bank stats`,
the JSON Schemas, `drafter templates`).
"""

from __future__ import annotations

# Rhetorical functions of bank entries, in the order a speech uses them (listings follow it).
FUNCTIONS: dict[str, str] = {
    "title": "标题，如“在{occasion}上的讲话”",
    "salutation": "称谓，如“同志们：”",
    "opening.purpose": "开场：说明会议目的",
    "opening.acknowledge": "开场：肯定前面同志的讲话或部署",
    "opening.review": "开场：回顾成绩、表示感谢",
    "opening.transition": "开场：转入正文，如“下面，我围绕……讲几点意见”",
    "section.lead_in": "部分导语，如“关于{topic}方面，我强调{count}点：”",
    "transition": "正文中的承转与强调，如“这里，我想强调一点”",
    "heading_set": "成套的并列标题（整套及其骨架）",
    "heading": "单个标题骨架，如“{X}要更{Y}”",
    "enumerator": "列举标记，如“{n}是”“第{n}，”“{n}要”",
    "requirement": "按主题分类的要求句，如“要……”“必须……”",
    "parallel": "四字格排比",
    "problem": "问题剖析，如“有的……有的……”“X不适应”",
    "quote": "引语（连同引出语），如“古语说，……”",
    "closing.call": "结尾号召，如“同志们，……让我们……”",
    "closing.thanks": "结尾致谢，如“谢谢大家！”",
}

# Speech kinds: the built-in templates, one per occasion an office writes for. What each is for is
# what `drafter templates` says; `KIND_ROLES` says which speaker roles (`SPEAKER_ROLES`) it serves,
# the usual one first.
KINDS: dict[str, str] = {
    "work_meeting": "工作会议讲话：回顾成绩、剖析问题、提出要求（如 001）",
    "training": "专题培训讲话：讲规范、讲方法（如 000、002）",
    "system_meeting": "系统工作会议讲话：以“X要更Y”并列标题统领全篇（如 003）",
    "closing_remarks": (
        "会议总结讲话：在其他同志讲话之后作总结，以“三个清楚/三种能力/三项纪律”等计数标题再提要求（如 004）"
    ),
    "deployment": "工作部署会、推进会讲话：召集会议的领导讲形势、明任务、提要求（如 007）",
    "mobilization": "动员大会讲话：讲清意义、明确目标、提出要求，动员全体投入（如 007）",
    "annual_review": "年度工作总结会讲话：回顾一年工作、查找问题不足、部署明年重点",
    "symposium": "座谈会讲话：回应与会同志的发言，谈认识、提希望（如 009）",
    "commendation": "表彰大会讲话：祝贺受表彰者、号召学习先进、提出希望（如 020、021、026）",
    "training_opening": "培训班开班式讲话：讲意义、提要求、寄希望，预祝培训班圆满成功",
    "opening_address": "开幕式致辞：简短，致欢迎、讲意义、表祝愿",
    "closing_address": "闭幕式致辞：简短，作小结、致谢意、提希望",
    "chair_script": "会议主持词：宣布开会、介绍出席人员和会议任务、逐项“下面，请……”、小结并宣布会议结束",
}

# The speaker roles (`SPEAKER_ROLES`) each kind serves, the usual one first: a commendation or an
# opening address is given by the host or a visiting leader, a closing address after others have
# spoken, a chair's script by the leader who chairs the meeting.
KIND_ROLES: dict[str, tuple[str, ...]] = {
    "work_meeting": ("convener", "guest"),
    "training": ("convener", "guest"),
    "system_meeting": ("guest", "convener"),
    "closing_remarks": ("closing",),
    "deployment": ("convener",),
    "mobilization": ("convener", "guest"),
    "annual_review": ("convener",),
    "symposium": ("closing", "convener"),
    "commendation": ("convener", "guest"),
    "training_opening": ("convener", "guest"),
    "opening_address": ("convener", "guest"),
    "closing_address": ("closing", "convener"),
    "chair_script": ("convener",),
}

# Words of an occasion that name a kind of its own (`…培训班开班式` is a training_opening): a brief of
# one of the general kinds (`GENERAL_KINDS`) for such an occasion is warned (`plan.kind_warning`).
OCCASION_KINDS: tuple[tuple[str, str], ...] = (
    ("开班", "training_opening"),
    ("表彰", "commendation"),
    ("座谈", "symposium"),
    ("开幕", "opening_address"),
    ("闭幕", "closing_address"),
    ("动员", "mobilization"),
)
GENERAL_KINDS = frozenset({"work_meeting", "training", "system_meeting", "deployment", "closing_remarks"})

# Old names of kinds, still accepted in briefs, bank entries' `kinds` and `drafter new`.
KIND_ALIASES: dict[str, str] = {"summary": "closing_remarks"}


def kind_name(name: str) -> str:
    """The kind a name stands for: itself, or the kind an old name (`KIND_ALIASES`) was renamed to."""
    return KIND_ALIASES.get(name, name)


# Named slots that phrase texts may contain and the drafting step knows how to fill.
# Heading sets are the exception: their slots are filled by their own members.
SLOTS: dict[str, str] = {
    "occasion": "会议名称，如“全市政府办公室工作会议”",
    "org": "讲话人所在的机关（本机关），如“市政府”“市应急管理局”",
    "superior": "讲话人的上级领导机关，如“市委、市政府”",
    "audience_org": "听众所在的系统，如“全市应急管理系统”",
    "region": "辖区范围词，如“全市”“全区”",
    "audience": "听众的称呼，如“政府办公室系统的同志们”",
    "purpose": "会议目的，如“总结去年工作，部署今年任务”",
    "earlier_speaker": "前面讲话的同志，如“张区长”",
    "earlier_work": "前面讲话的内容，如“本月的重点工作”",
    "achievement": "要肯定的成绩",
    "thanks_to": "感谢的对象，如“全市政府办公室系统的同志们”",
    "topic": "当前部分或要点的主题，如“工作规范”",
    "topics": "全篇的几个方面，如“工作规范和工作方法”",
    "count": "部分或要点的个数（中文数字），如“三”",
    "n": "列举序数（中文数字），如“一”“二”",
    "goal": "结尾提出的目标",
    "slogan": "结尾口号",
    "honoured": "受表彰的对象，如“受到表彰的先进集体和先进个人”",
    "gathering": "活动的类别，从会议名称看出，如“论坛”“培训班”“大会”（看不出时为“会议”）",
}

# Topic tags the built-in bank uses; teams may add their own (unknown tags are warnings, not errors).
TOPIC_TAGS: tuple[str, ...] = tuple(
    "学习 调研 落实 作风 纪律 廉洁 法治 服务 团结 创新 担当 决策 督查 效能 能力 站位 "
    "大局 激励 问责 改革 发展 群众 基层 责任 规范 方法 安全 政治 思想 队伍".split()
)

# The two sorts of bank entry (`type`). A formula is the genre's glue and holds for any topic once
# its slots are filled; material says something about one field (`domain`) and is drafted only
# under a point about that field.
ENTRY_TYPES: dict[str, str] = {
    "formula": "套话：开场、过渡、引语、列举、标题骨架、带槽位的要点框架、结尾等，任何主题都可用",
    "material": "素材：讲某一领域的具体内容，只用在与该领域有关的要点下",
}

# The fields a local government speaks about: a brief's `domain` and a material entry's `domain`.
# Keys are what writers type; aliases (second item) are accepted in briefs and mined from words.
DOMAINS: dict[str, tuple[str, tuple[str, ...]]] = {
    "安全生产": ("安全生产、危化品、道路交通、消防、燃气、建筑施工", ("安全",)),
    "防汛抗旱与应急": (
        "防汛抗旱、地质灾害、森林防火、应急管理与救援",
        ("防汛抗旱", "防汛", "应急", "应急管理", "森林防灭火", "防灭火"),
    ),
    "乡村振兴与三农": (
        "乡村振兴、农业农村、粮食安全、农民增收、高标准农田、耕地保护",
        ("乡村振兴", "三农", "农业农村"),
    ),
    "营商环境与招商": ("优化营商环境、政务服务、招商引资、民营经济", ("营商环境", "招商", "招商引资")),
    "生态环境": ("污染防治、生态保护、绿色低碳、河湖长制", ("环保", "生态", "环境保护")),
    "民生与社会事业": (
        "就业、教育、医疗、养老、社会保障、住房、卫生健康、乡村医生",
        (
            "民生",
            "社会事业",
            "民生实事",
            "社会救助",
            "低保",
            "托育",
            "医保",
            "医疗保障",
            "医共体",
            "义务教育",
            "学前教育",
            "保障性住房",
            "老旧小区",
        ),
    ),
    "文化体育与精神文明": (
        "文明创建、精神文明、文化惠民、文化遗产保护、全民健身、体育赛事",
        # no bare 文化: 文化旅游节 speeches are tourism's, 廉洁文化 is 党风廉政's
        (
            "文明创建",
            "文明城市",
            "文明实践",
            "移风易俗",
            "志愿服务",
            "公共文化",
            "文化遗产",
            "文物",
            "体育",
            "文体",
        ),
    ),
    "干部教育与队伍建设": ("干部培训、能力本领、年轻干部、队伍建设", ("干部教育", "队伍建设", "干部培训")),
    "党风廉政": ("全面从严治党、纪律作风、廉洁自律、监督问责", ("廉政", "党风廉政建设", "纪律作风")),
    "项目与产业发展": ("重大项目、产业升级、工业经济、园区建设", ("项目建设", "产业发展", "产业")),
    "改革创新与基层治理": (
        "重点改革、科技创新、基层治理、社会治理",
        (
            "改革创新",
            "基层治理",
            "社会治理",
            "深化改革",
            "改革任务",
            "成果转化",
            "科技型企业",
            "创新主体",
            "信访工作",
            "矛盾纠纷",
            "平安建设",
            "社会治安",
            "综治",
            "网格化",
            "社会组织",
            "数字政府",
        ),
    ),
    "政府自身建设": (
        "机关作风、办文办会办事、督查落实、行政效能、依法行政、集体决策、工作规范、工作方法",
        ("机关建设", "办公室工作", "作风建设"),
    ),
}

STATUSES: tuple[str, ...] = ("approved", "candidate", "deprecated")

# The salutation of a kind whose audience is not only colleagues, when a brief gives none (a
# ceremony has guests: `同志们` alone leaves them out); any other kind says `同志们`.
KIND_SALUTATIONS: dict[str, str] = {
    "opening_address": "各位来宾，同志们，朋友们",
    "closing_address": "各位来宾，同志们，朋友们",
}

# The salutation of an occasion whose audience the occasion names, when a brief gives none (before
# the kind's, `KIND_SALUTATIONS`): teachers, entrepreneurs, trainees and athletes are addressed.
OCCASION_SALUTATIONS: tuple[tuple[str, str], ...] = (
    ("教师", "老师们，同志们"),
    ("企业家", "各位企业家朋友，同志们"),
    ("民营企业", "各位企业家朋友，同志们"),
    ("运动会", "各位来宾，运动员、裁判员同志们，朋友们"),
    ("培训班", "各位学员，同志们"),
)

# Chinese numerals used for counts and ordinals (1-10).
CHINESE_NUMERALS: tuple[str, ...] = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def domain_key(name: str) -> str | None:
    """The `DOMAINS` key a writer's name for a field stands for (a key or an alias), else None."""
    name = name.strip()
    if name in DOMAINS:
        return name
    for key, (_, aliases) in DOMAINS.items():
        if name in aliases:
            return key
    return None


# Who speaks (`speaker_role` of a brief, `roles` of a bank entry): the leader opening a meeting of
# his own, a visiting leader, closing remarks after others have spoken.
SPEAKER_ROLES: dict[str, str] = {
    "convener": "主持召开本次会议的领导（如“这次会议的主要任务是……”）",
    "guest": "应邀到会的领导（如“我来参加这个会，主要是……”）",
    "closing": "在别人讲话后作总结讲话（如“刚才……讲得很好，我都同意”）",
}

# What `drafter templates` calls each role, short.
ROLE_LABELS: dict[str, str] = {
    "convener": "召集会议的领导",
    "guest": "应邀到会的领导",
    "closing": "作总结讲话的领导",
}


def kind_roles_text(kind: str) -> str:
    """`讲话人：召集会议的领导（convener）、…` for a built-in kind, "" for another name."""
    roles = KIND_ROLES.get(kind_name(kind), ())
    return "讲话人：" + "、".join(f"{ROLE_LABELS[r]}（{r}）" for r in roles) if roles else ""


# What a speaker does on a chair's agenda (`agenda[].does` of a brief), and how the chair's script
# asks for it: `下面，请{who}{ask}。` (`{what}` from the item), and says it was done: `刚才，{who}{done}。`
# (empty: not recalled). The corpus holds no chair's script, so these words are the template's glue.
AGENDA_ACTS: dict[str, tuple[str, str, str]] = {
    "讲话": ("讲话，如县委书记作重要讲话", "讲话", "作了重要讲话"),
    "部署": (
        "安排部署，what 写部署的工作，如“全县安全生产工作”",
        "对{what}作安排部署",
        "对{what}作了安排部署",
    ),
    "发言": ("发言，what 可写发言的单位或主题", "发言", "作了发言"),
    "表态发言": ("表态发言", "作表态发言", "作了表态发言"),
    "汇报": ("汇报，what 写汇报的内容，如“全县重点项目推进情况”", "汇报{what}", "汇报了{what}"),
    "宣读": ("宣读文件，what 写文件名，如《关于表彰……的决定》", "宣读{what}", "宣读了{what}"),
    "颁奖": ("颁奖，what 写受奖者，如“受到表彰的先进集体和先进个人”", "为{what}颁奖", ""),
    "授课": ("授课，what 可写课程题目", "为大家授课", "作了授课"),
}
# Acts whose `{what}` is required (the chair cannot say what is read or deployed without it).
AGENDA_NEEDS_WHAT: frozenset[str] = frozenset({"部署", "汇报", "宣读", "颁奖"})
