"""The shipped plan data against the plan itself (鹿政办发〔2023〕4号, 二.(三) 量化指标).

Everything expected here is written out by hand from the plan's text, not from the YAML: a row
of the table, the units in its brackets, "—" for a base year figure that was not carried out,
以实际业务开展为准 for a target that is tracked without a number, and the 责任单位 exactly as the
plan prints them. Agencies are checked by resolving those printed names, so the YAML's ids and
aliases are free to change as long as the plan's names still lead to the right unit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from lzip_cli.models import NOT_CARRIED_OUT, PER_ACTUAL, Plan
from lzip_cli.plan_loader import default_data_dir, load_plan

DASH = NOT_CARRIED_OUT  # the plan's "—": 未开展该项工作
PER = PER_ACTUAL  # the plan's 以实际业务开展为准

# The recurring lists of 责任单位, as printed.
LAW_ENFORCERS = ("县农业农村局", "县知识产权局", "县林业局", "县新闻出版局")
PATENT_OWNERS = ("县发改局", "县科工贸局", "县教育局", "县知识产权局")
FINANCE_IP = ("县财政局", "县知识产权局", "柳州银保监分局鹿寨监管组")
OUTREACH = (
    "县发改局",
    "县科工贸局",
    "县教育局",
    "县公安局",
    "县农业农村局",
    "县文体广旅局",
    "县知识产权局",
    "县林业局",
    "县新闻出版局",
)


@dataclass(frozen=True)
class Row:
    """One row of the 量化指标 table as the plan prints it."""

    id: str
    name: str
    unit: str
    count_unit: str | None
    kind: str
    baseline: float | str
    target: float | str
    scope: str
    agencies: tuple[str, ...]


TABLE = [
    Row("1.1", "查处假冒知识产权行政案件", "起", None, "flow", 15, 18, "shared", LAW_ENFORCERS),
    Row("1.2", "非正常专利申请主动撤回率", "%", None, "rate", DASH, 95, "shared", ("县知识产权局",)),
    Row("2.1", "压缩知识产权行政案件办理法定时限", "%", None, "rate", DASH, 10, "each", LAW_ENFORCERS),
    Row("3.1", "柳州市知识产权标杆企业", "个", None, "stock", DASH, 1, "shared", ("县科工贸局", "县知识产权局")),
    Row("4.1", "战略性新兴产业发明专利拥有量", "件", None, "stock", DASH, 1, "shared", PATENT_OWNERS),
    Row("4.2", "10年以上高维持发明专利保有量", "件", None, "stock", 15, 20, "shared", PATENT_OWNERS),
    Row("4.3", "有效注册商标拥有量", "件", None, "stock", 1409, 1700, "shared", ("县知识产权局", "县科工贸局")),
    Row("5.1", "专利质押融资金额", "万元", "笔", "flow", DASH, PER, "shared", FINANCE_IP),
    Row("5.2", "商标质押融资金额", "万元", "件", "flow", DASH, PER, "shared", FINANCE_IP),
    Row(
        "5.3", "其他知识产权质押融资金额", "万元", "件", "flow", DASH, PER, "shared",
        ("县财政局", "县农业农村局", "县林业局", "县新闻出版局", "柳州银保监分局鹿寨监管组"),
    ),
    Row("5.4", "知识产权保险投保金额", "万元", "笔", "flow", DASH, PER, "shared", FINANCE_IP),
    Row("6.1", "县级各类知识产权学习、培训、交流", "次", None, "flow", 1, 5, "shared", OUTREACH),
    Row("7.1", "县级以上媒体知识产权工作宣传", "篇次", None, "flow", 1, 10, "shared", OUTREACH),
    Row(
        "8.1", "知识产权文化法律“四进”活动", "次", None, "flow", 2, 4, "shared",
        ("县人民法院", "县检察院", "县教育局", "县公安局", "县农业农村局", "县文体广旅局",
         "县知识产权局", "县林业局", "县新闻出版局"),
    ),
]  # fmt: skip

# Every 责任单位 the plan names, in the table and in 三、主要任务, spelled as printed.
NAMED_IN_PLAN = [
    "县农业农村局",
    "县知识产权局",
    "县林业局",
    "县新闻出版局",
    "县科工贸局",
    "县发改局",
    "县教育局",
    "县财政局",
    "柳州银保监分局鹿寨监管组",
    "县公安局",
    "县文体广旅局",
    "县人民法院",
    "县检察院",
    "县人民检察院",
    "县司法局",
    "县卫健局",
    "中国人民银行鹿寨县支行",
    "县投促中心",
    "县人社局",
]

LEADING_GROUP = "县知识产权强县战略领导小组各成员单位"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(default_data_dir())


def by_row(test):
    return pytest.mark.parametrize("row", TABLE, ids=[row.id for row in TABLE])(test)


def test_the_indicators_are_the_table_rows_in_the_plans_order(plan: Plan) -> None:
    assert [indicator.id for indicator in plan.indicators] == [row.id for row in TABLE]


@by_row
def test_name_is_printed_without_the_unit(plan: Plan, row: Row) -> None:
    assert plan.indicator(row.id).name == row.name


@by_row
def test_unit_is_the_one_in_brackets(plan: Plan, row: Row) -> None:
    indicator = plan.indicator(row.id)
    assert (indicator.unit, indicator.count_unit) == (row.unit, row.count_unit)


@by_row
def test_kind(plan: Plan, row: Row) -> None:
    assert plan.indicator(row.id).kind == row.kind


@by_row
def test_baseline_is_the_2022_figure_or_not_carried_out(plan: Plan, row: Row) -> None:
    baseline = plan.indicator(row.id).baseline
    assert (baseline.year, baseline.value) == (2022, row.baseline)


@by_row
def test_target_is_the_2025_figure_or_per_actual(plan: Plan, row: Row) -> None:
    target = plan.indicator(row.id).target
    assert (target.year, target.value) == (2025, row.target)


@by_row
def test_scope(plan: Plan, row: Row) -> None:
    assert plan.indicator(row.id).scope == row.scope


@by_row
def test_responsible_agencies_in_the_plans_order(plan: Plan, row: Row) -> None:
    expected = []
    for name in row.agencies:
        agency = plan.find_agency(name)
        assert agency is not None, f"{name} does not resolve"
        expected.append(agency.id)
    assert plan.indicator(row.id).agencies == expected


def test_every_target_is_an_increase_over_its_baseline(plan: Plan) -> None:
    assert {indicator.direction for indicator in plan.indicators} == {"increase"}


@pytest.mark.parametrize("name", NAMED_IN_PLAN)
def test_every_unit_the_plan_names_as_responsible_is_an_agency(plan: Plan, name: str) -> None:
    assert plan.find_agency(name) is not None


def test_every_agency_is_one_the_plan_names(plan: Plan) -> None:
    named = {plan.find_agency(name).id for name in NAMED_IN_PLAN}  # type: ignore[union-attr]
    assert named == {agency.id for agency in plan.agencies}


@pytest.mark.parametrize(
    ("printed", "other_spelling"),
    [
        ("县检察院", "县人民检察院"),  # the table vs 三、主要任务
        ("柳州银保监分局鹿寨监管组", "国家金融监督管理总局鹿寨监管支局"),  # renamed in 2023
        ("县发改局", "鹿寨县发展和改革局"),  # in full, with the county's name
    ],
)
def test_two_spellings_of_one_unit_are_one_agency(
    plan: Plan, printed: str, other_spelling: str
) -> None:
    agency = plan.find_agency(printed)
    assert agency is not None
    assert plan.find_agency(other_spelling) is agency


def test_the_leading_groups_member_units_are_a_group_not_an_agency(plan: Plan) -> None:
    assert plan.find_agency(LEADING_GROUP) is None
    assert [group.name for group in plan.groups] == [LEADING_GROUP]


def test_the_leading_group_has_only_known_agencies_as_members(plan: Plan) -> None:
    (group,) = plan.groups
    assert set(group.members) <= {agency.id for agency in plan.agencies}


def test_the_plan_is_identified_by_its_document_number(plan: Plan) -> None:
    assert plan.info.document == "鹿政办发〔2023〕4号"


def test_the_tables_two_notes_are_carried(plan: Plan) -> None:
    assert [note.zh for note in plan.info.notes] == [
        "表内知识产权包括：作品、专利、商标、地理标志、商业秘密、集成电路布图设计、植物新品种等专有权利。",
        "2022年指标值标记“—”，意为未开展该项工作。",
    ]


def test_the_unit_of_6_1_is_marked_as_assumed(plan: Plan) -> None:
    note = plan.indicator("6.1").note
    assert note is not None
    assert "次" in note
    assert "assumed" in note


def test_the_plans_units_of_measure_include_counts_and_their_combination(plan: Plan) -> None:
    # What a row of units under a form's header may hold (,,万元,笔 / 万元/笔 / %).
    assert {"起", "件", "个", "万元", "笔", "万元/笔", "%"} <= plan.units()
    assert "吨" not in plan.units()


def test_the_plans_units_are_worked_out_once(plan: Plan) -> None:
    # A report asks on every row it cannot place; a scan of the plan each time was quadratic.
    assert plan.units() is plan.units()
