"""Issue 17, attacked: full disks and damaged files, forged bundles, impossible ID numbers and phones, the log."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain import idcard, phones
from desktop_app.logs import redact

# -- ID numbers and phones --------------------------------------------------------------------------------------


@pytest.mark.parametrize("area", ["000000", "990000", "160000", "240000", "380000", "470000", "550000", "660000",
                                  "720000", "910000"])
def test_id_with_an_impossible_province_is_refused(area):
    number = idcard.make(area, dt.date(1980, 1, 1), 123)
    assert idcard.parse(number) == idcard.BAD_PROVINCE


@pytest.mark.parametrize("area", ["110101", "150102", "210102", "230102", "310101", "370102", "410102", "460105",
                                  "500101", "540102", "610102", "650102", "710000", "810000", "820000", "640422"])
def test_id_with_a_real_province_is_accepted(area):
    assert isinstance(idcard.parse(idcard.make(area, dt.date(1980, 1, 1), 123)), idcard.IdInfo)


def test_id_birth_date_not_in_the_future_nor_before_1900():
    today = dt.date(2026, 6, 1)
    assert idcard.parse(idcard.make("640422", dt.date(2026, 6, 2), 11), today=today) == idcard.FUTURE_BIRTH
    assert isinstance(idcard.parse(idcard.make("640422", dt.date(2026, 6, 1), 11), today=today), idcard.IdInfo)
    future = dt.date.today() + dt.timedelta(days=400)
    assert idcard.parse(idcard.make("640422", future, 11)) == idcard.FUTURE_BIRTH
    assert idcard.parse(idcard.make("640422", dt.date(1899, 12, 31), 11)) == idcard.BAD_DATE


def test_id_digits_are_ascii_only():
    number = idcard.make("640422", dt.date(1980, 1, 1), 123)
    arabic = number.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert idcard.parse(arabic) == idcard.BAD_CHARS


@pytest.mark.parametrize("prefix", [140, 141, 142, 143, 144, 146, 148, 154, 160, 163, 164, 168, 169, 174, 179, 194])
def test_mobile_with_an_unassigned_prefix_is_refused(prefix):
    assert phones.parse(f"{prefix}12345678") == phones.BAD_PHONE


@pytest.mark.parametrize("text, number", [("13812345678", "13812345678"), ("+86 138-1234-5678", "13812345678"),
                                          ("0086 199 1234 5678", "19912345678"), ("15912345678", "15912345678")])
def test_assigned_mobiles_are_accepted_and_normalised(text, number):
    assert phones.parse(text) == phones.Phone(number, True)


@pytest.mark.parametrize("text", ["010-1234567", "021-1234567", "0101234567", "029 1234567", "0954-301811",
                                  "0954-301811899"])
def test_landline_of_the_wrong_length_for_its_area_is_refused(text):
    assert phones.parse(text) == phones.BAD_PHONE


@pytest.mark.parametrize("text, number", [("010-12345678", "010-12345678"), ("02112345678", "021-12345678"),
                                          ("0954-3018118", "0954-3018118"), ("(0755) 1234 5678", "0755-12345678")])
def test_landlines_keep_the_projects_form(text, number):
    assert phones.parse(text) == phones.Phone(number, False)


def test_phone_digits_are_ascii_only():
    assert phones.parse("١٣٨١٢٣٤٥٦٧٨") == phones.BAD_PHONE


def test_demo_people_pass_the_stricter_checks(workspace):
    from db import models
    from desktop_app import demo

    demo.create_demo_event()
    people = list(models.Invitee.select())
    assert people
    assert not [p.phone for p in people if isinstance(phones.parse(p.phone), phones.PhoneError)]
    assert not [p.id_number for p in people if isinstance(idcard.parse(p.id_number), idcard.IdError)]


# -- the log ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("ID110101198001011232", "ID<id-number>"),
    ("138.1234.5678", "<phone>"),
    ("640422 19741021 4513", "<id-number>"),
    ("id=640422-19741021-451X;", "id=<id-number>;"),
    ("tel13812345678", "tel<phone>"),
    ("call 138 1234 5678 now", "call <phone> now"),
    ("0954.3018118", "<phone>"),
])
def test_redact_catches_numbers_people_write(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["order 12345678901234567890", "2026-06-01 10:00:00", "v1.2.3", "bundle 1a2b3c4d"])
def test_redact_leaves_other_numbers(text):
    assert redact(text) == text
