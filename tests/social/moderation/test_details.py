"""Personal details in posts and replies: UK phone numbers in every form people type them,
and the numbers that are not phone numbers."""

from __future__ import annotations

import pytest

from coursework_kit.social import get_item, judge, personal_details
from coursework_kit.social.moderation._details import is_phone, phone_key, phones
from coursework_kit.social.moderation.reply import repeated_details

PHONE_NUMBERS = [
    # mobiles
    ("07700 900461", "07700900461"),
    ("07700900461", "07700900461"),
    ("07700 900 461", "07700900461"),
    ("07700-900-461", "07700900461"),
    ("07700.900.461", "07700900461"),
    ("(07700) 900461", "07700900461"),
    ("+44 (0)7700 900461", "07700900461"),
    ("+44 (0) 7700 900461", "07700900461"),
    ("+447700900461", "07700900461"),
    ("+44 7700 900 461", "07700900461"),
    ("+44 07700 900461", "07700900461"),
    ("0044 7700 900461", "07700900461"),
    ("00 44 7700 900461", "07700900461"),
    # landlines and other numbers
    ("(0113) 496 0000", "01134960000"),
    ("0113 496 0000", "01134960000"),
    ("0113-496-0000", "01134960000"),
    ("+44 (0)113 496 0000", "01134960000"),
    ("+44 113 496 0000", "01134960000"),
    ("020 7946 0000", "02079460000"),
    ("(020) 7946 0000", "02079460000"),
    ("+44 20 7946 0000", "02079460000"),
    ("(01632) 960123", "01632960123"),
    ("0161 496 0000", "01614960000"),
    ("0800 123 4567", "08001234567"),
    ("0300 123 1234", "03001231234"),
]


@pytest.mark.parametrize(("number", "national"), PHONE_NUMBERS)
def test_every_form_of_a_uk_number_is_found(number, national):
    """Is a UK mobile or landline found whole, however it is grouped, bracketed or prefixed?"""
    for text in (f"Ring me on {number} please", f"{number}.", f"Call ({number}) today"):
        found = phones(text)
        assert found == [number], text
    assert phone_key(number) == national
    assert is_phone(number)
    assert personal_details(f"My number is {number}, thanks") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Order HP-20417 has not come",
        "It cost £1,299.00 in the sale",
        "It was due on 01/12/2026",
        "It was due on 01.12.2026",
        "It was due on 2026-12-01",
        "Delivered 01.12.2026 10.30 by the driver",
        "on 01 12 2026 at 10 30",
        "Order 01234567890 is missing",
        "order no. 07700900461 is missing",
        "Ref: 01134960000",
        "Tracking number: 0113 496 0000 1234",
        "Card 4111 1111 1111 1111",
        "Sort code 12-34-56",
        "We open at 10:30 and close at 17:00",
        "The code is 0113",
        "3 x 07 units for £0.99",
        "Order HP-0123456789",
    ],
)
def test_order_numbers_prices_and_dates_are_not_phone_numbers(text):
    """Are order numbers, prices, dates, times and card numbers left alone?"""
    assert phones(text) == []


def test_two_numbers_and_an_email_are_each_found_once():
    """Are several details in one post each listed once, in the order they are written?"""
    text = (
        "Call +44 (0)7700 900461 or (0113) 496 0000, or email dani@example.com about "
        "HP-20417. Again: 07700 900461"
    )
    assert personal_details(text) == [
        "+44 (0)7700 900461",
        "(0113) 496 0000",
        "07700 900461",
        "dani@example.com",
        "HP-20417",
    ]


@pytest.mark.parametrize(
    "written_back",
    ["+44 (0)7700 900461", "0044 7700 900461", "07700-900-461", "(07700) 900 461"],
)
def test_a_number_written_back_in_another_form_is_still_repeated(written_back):
    """Is a customer's number written back in public caught whatever form the reply uses?"""
    item = get_item("phone-number-public")
    reply = f"Hi Dani, sorry! We'll ring you on {written_back} today."
    assert repeated_details(item, reply) == ["07700 900461"]
    assert "07700 900461" in judge(item, action="reply", reply=reply).reply.repeated[0]


def test_a_different_number_is_not_a_repeat():
    """Is the shop's own number (not the customer's) no repeat of her details?"""
    item = get_item("phone-number-public")
    assert repeated_details(item, "Hi Dani, sorry! Please ring us on 0113 496 0000.") == []
