"""When each message of a saved e-mail thread was written."""

import datetime as dt

from assistant.message_dates import message_dates, written_on

_THREAD = (
    "Fra: Tina Brask <tibr@example.dk>\n"
    "Sendt: 30. juni 2026 10:12\n"
    "Til: Rasmus Kolding\n"
    "Emne: SV: Torvet - finansiering\n\n"
    "Forsyningen betaler 2,35 mio. kr.\n\n"
    "Fra: Rasmus Kolding <rako@example.dk>\n"
    "Sendt: 25. juni 2026 14:20\n"
    "Emne: Torvet - finansiering\n\n"
    "Forsyningen spørges, om de vil hæve medfinansieringen med 0,25 mio. kr.\n"
)


def test_each_sentence_is_dated_by_its_own_message() -> None:
    headers = message_dates(_THREAD)
    assert [d for _, d in headers] == [dt.date(2026, 6, 30), dt.date(2026, 6, 25)]
    assert written_on(headers, _THREAD.index("2,35 mio.")) == dt.date(2026, 6, 30)
    assert written_on(headers, _THREAD.index("hæve medfinansieringen")) == dt.date(2026, 6, 25)
    assert written_on(headers, 0) is None  # before the first header


def test_quoted_headers_count_as_messages() -> None:
    quoted = _THREAD.replace("Fra: Rasmus", "> Fra: Rasmus").replace("Sendt: 25.", "> Sendt: 25.")
    assert len(message_dates(quoted)) == 2


def test_a_date_field_without_a_sender_is_no_message() -> None:
    """Minutes' "Dato:" fields (one per agenda item, say) date no messages."""
    minutes = "Referat\nDato: 10. marts 2026\n\nPunkt 1\nDato: 12. marts 2026\nGodkendt.\n"
    assert message_dates(minutes) == []
    assert message_dates(_THREAD.split("Fra: Rasmus")[0]) == []  # one message: no thread
