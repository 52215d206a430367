"""desktop_app/domain: ID numbers, phones, dates and the basic-information checks."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import dates, event_info, idcard, phones


def test_known_id_number_parses():
    info = idcard.parse("11010519491231002X")
    assert isinstance(info, idcard.IdInfo)
    assert info.birth_date == dt.date(1949, 12, 31)
    assert info.sex == "女"


def test_id_number_errors_are_specific():
    assert idcard.parse("110105194912310021") == idcard.BAD_CHECK
    assert idcard.parse("11010519491331002X") == idcard.BAD_DATE
    assert idcard.parse("1101051949") == idcard.BAD_LENGTH
    assert idcard.parse("11010519491231002A") == idcard.BAD_CHARS
    assert idcard.parse("6.40422E+17") == idcard.LOOKS_EXCEL


def test_legacy_15_digit_number_is_upgraded():
    info = idcard.parse("110105491231002")
    assert isinstance(info, idcard.IdInfo)
    assert info.upgraded and info.number.startswith("11010519491231002")
    assert info.birth_date == dt.date(1949, 12, 31)


def test_residence_permit_is_recognised():
    number = idcard.make("810000", dt.date(1990, 5, 1), 11)
    info = idcard.parse(number)
    assert isinstance(info, idcard.IdInfo) and info.residence_permit


@given(
    birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)),
    sequence=st.integers(min_value=0, max_value=999),
)
def test_made_numbers_round_trip(birth, sequence):
    number = idcard.make("640422", birth, sequence)
    info = idcard.parse(number.lower())
    assert isinstance(info, idcard.IdInfo)
    assert info.birth_date == birth
    assert info.sex == ("男" if sequence % 2 else "女")


@given(birth=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2000, 1, 1)),
       position=st.integers(min_value=0, max_value=16), delta=st.integers(min_value=1, max_value=9))
def test_one_wrong_digit_is_caught(birth, position, delta):
    number = idcard.make("640422", birth, 123)
    wrong = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    assert isinstance(idcard.parse(wrong), idcard.IdError)


def test_age_on_a_day():
    info = idcard.parse(idcard.make("640422", dt.date(2008, 6, 15), 12))
    assert info.age_on(dt.date(2026, 6, 14)) == 17
    assert info.age_on(dt.date(2026, 6, 15)) == 18


def test_phones_are_normalised():
    assert phones.parse("+86 138-1234-5678") == phones.Phone("13812345678", True)
    assert phones.parse("0954-3018118") == phones.Phone("0954-3018118", False)
    assert phones.parse("0954 3018118") == phones.Phone("0954-3018118", False)
    assert phones.parse("(010)12345678") == phones.Phone("010-12345678", False)
    assert phones.parse("12812345678") == phones.BAD_PHONE
    assert phones.parse("3018118") == phones.BAD_PHONE


@given(st.one_of(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
                 st.from_regex(r"0[1-9][0-9]{1,2}[- ]?[2-9][0-9]{6,7}", fullmatch=True),
                 st.text(alphabet="0123456789- ()+转", max_size=16)))
def test_every_number_the_library_accepts_is_well_formed(text):
    """The rule check asks only the shape (``well_formed``): it never flags a number that ``parse`` accepts."""
    if isinstance(phones.parse(text), phones.Phone):
        assert phones.well_formed(text)


def test_phones_are_masked():
    assert phones.mask("13812345678") == "138****5678"
    assert phones.mask("0954-3018118") == "0954-***8118"


def test_cn_date_has_no_zero_padding():
    assert dates.cn_date(dt.date(2024, 8, 4)) == "2024年8月4日"
    assert dates.shift_year(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)


def test_basic_info_warnings():
    values = {"unit": "某局", "title": "", "venue": "大厅", "start_time": dt.time(9), "end_time": dt.time(8),
              "gathering_time": dt.time(9, 30), "contact_phone": "12345", "contact_email": "a@b"}
    fields = {issue.field for issue in event_info.check(values)}
    assert fields == {"title", "end_time", "gathering_time", "contact_phone", "contact_email"}
    good = {**values, "title": "t", "end_time": dt.time(11), "gathering_time": dt.time(8, 50),
            "contact_phone": "0954-3018118", "contact_email": "a@b.cn"}
    assert event_info.check(good) == []


def test_search_by_pinyin_phone_id_and_code():
    from desktop_app.domain.search import matches, name_keys

    assert matches("zs", "张三") and matches("zhangsan", "张三") and matches("zhangs", "张三")
    assert matches("dw", "单伟") and matches("sw", "单伟") and matches("shanwei", "单伟")
    assert matches("王", "王伟") and not matches("李", "王伟")
    assert matches("5678", "王伟", phone="13812345678") and matches("1234", "王伟", phone="13812345678")
    assert matches("2345", "王伟", id_number="640422198001012345")
    assert matches("k7mq2z", "王伟", pass_code="K7MQ2Z")
    assert not matches("zz", "王伟")
    assert "danwei" in name_keys("单伟") and "shanwei" in name_keys("单伟")


def test_readings_without_the_phrase_dictionary_are_the_full_libraries():
    """The search loads pypinyin without its phrases (a 60 ms parse); one character reads the same either way."""
    import json
    import subprocess
    import sys

    from desktop_app.domain import search

    chars = "".join(chr(c) for c in range(0x4E00, 0x5200)) + "单曾解查仇朴区乐长重万尉迟覃翟缪"
    script = ("import json, sys; from pypinyin import Style, pinyin; "
              "print(json.dumps([pinyin(c, style=Style.NORMAL, heteronym=True)[0] for c in sys.argv[1]]))")
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("PYPINYIN_")}
    full = json.loads(subprocess.run([sys.executable, "-c", script, chars], capture_output=True, text=True,
                                     check=True, env=env).stdout)
    assert [search._pinyin()(c, heteronym=True)[0] for c in chars] == full


def test_pinyin_matches_start_at_a_syllable():
    from desktop_app.domain.search import matches

    names = ("韩梅", "汉", "张伟", "苏占福", "李汉")
    assert [n for n in names if matches("han", n)] == ["韩梅", "汉", "李汉"]  # not zhang, not zhan
    assert [n for n in names if matches("zw", n)] == ["张伟"]  # initials
    assert matches("zhangw", "张伟") and matches("zhangwei", "张伟") and matches("wei", "张伟")
    assert matches("zhan", "苏占福") and matches("zf", "苏占福") and matches("fu", "苏占福")
    assert not matches("ang", "张伟") and not matches("ei", "张伟") and not matches("hangw", "张伟")
    assert not matches("anf", "苏占福") and not matches("u", "苏占福")


def test_mobile_validity_by_prefix_agrees_with_the_library_number_by_number():
    import random

    from desktop_app.domain import phones

    rng = random.Random(7)
    for _ in range(4000):
        number = "1" + str(rng.randint(3, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(9))
        assert (phones._mobile_prefix_kind(number[:phones.MOBILE_PREFIX]) == "mobile") == (
            phones._kind(number) == "mobile"), number
