"""How a block reads, in any script: the measures the layout rules judge a block by."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from article_clean import clean
from article_clean.features import _UNSPACED, _lowercase_share, block_stats, count_words

# Korean has no letter case: a paragraph of it has no lower-case words, like a list of names.
KOREAN = (
    "결국 어쩔 수 없이 이 드라마의 분위기를 만드는 것은 오로지 여주인공의 몫이었고 그런데 "
    "그녀는 기존의 이런 종류의 드라마와는 다른 식으로 인물을 그렸으며 이 작품에서 그녀의 "
    "연기는 차분한 수채화 같은 톤이었고 의외로 강렬한 막장극과 어울릴 법하지 않았던 연기가 "
    "KBS 드라마에서는 더 와 닿았던 면이 있었고 또한 비록 폭발하는 연기는 아니지만 "
    "클라이막스 장면의 감정은 절대 놓치지 않았으며 강하게 치고 나가지는 않지만 꼼꼼한 "
    "바느질 같은 감정처리였다."
)
NEIGHBOURHOODS = "Neighbourhoods: Select... All Neighbourhoods " + " ".join(
    f"{name} St. {name} Village" for name in ("Annex", "Baldwin", "Bayview", "Leaside", "Beaches")
    + ("Bloordale", "Cabbagetown", "Chinatown", "Corktown", "Danforth", "Distillery", "Dundas")
    + ("Etobicoke", "Harbourfront", "Junction", "Kensington", "Koreatown", "Leslieville")
)


def test_a_paragraph_in_a_script_without_case_is_no_list_of_names() -> None:
    stats = block_stats(KOREAN)
    assert stats.words >= 60 and stats.sentences == 1
    assert stats.prose and not stats.list_on_one_line


def test_a_drop_down_of_names_is_a_list_however_many_abbreviations_end_in_a_full_stop() -> None:
    stats = block_stats(NEIGHBOURHOODS)
    assert stats.sentences * 40 > stats.words  # "St." and "Select..." read as sentence ends
    assert stats.list_on_one_line


def test_a_story_in_a_script_without_case_is_kept_whole() -> None:
    story = [KOREAN, KOREAN.replace("결국", "그리고")]
    text = "\n\n".join(["홈", "뉴스", *story, "댓글"])
    assert clean(text, kind="text").body == "\n\n".join(story)


def test_a_drop_down_of_names_is_no_story_before_a_comments_link() -> None:
    story = "\n\n".join(
        f"Paragraph {n} of the story says something with more than enough words in it."
        for n in range(5)
    )
    article = clean(f"{NEIGHBOURHOODS}\n\nMostly cloudy\n\n1 Comments\n\n{story}", kind="text")
    assert story in article.body


def test_a_sentence_ends_inside_its_closing_quote_or_bracket() -> None:
    for text in (
        "The minister said the talks had been “professional and pragmatic.”",
        "The minister said the talks had been professional (and pragmatic.)",
    ):
        stats = block_stats(text)
        assert stats.ends_sentence and stats.prose
    teaser = block_stats("The minister said the talks had been “professional and…”")
    assert teaser.ellipsis and not teaser.prose


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("「物価目標の実現にはなお時間がかかる。」", True),  # a full-width quote closes it
        ("市場では、年内の政策修正を予想する声も出ている。（経済部　佐藤花子）", True),
        ("Die Händler fürchten Einbußen. Die Polizei ermittelt. (dpa)", True),  # its agency
        ("Who will pay for the new stadium? (opinion)", False),  # a title's tag: no sentence
        ("多くの人が参加した。（記者 山田)", False),  # brackets of two widths: no tag, no crash
        ("This is a story. (note）", False),
    ],
)
def test_a_tag_after_a_sentences_stop_and_full_width_closers(text: str, ends: bool) -> None:
    assert block_stats(text).ends_sentence is ends


ASCII_LINES = st.text(
    alphabet=st.sampled_from("aZ .,:;!?'\"()-*@/\t\x0b\x0c\x1c\x1f0123456789" + "wWq"),
    max_size=60,
)


@given(ASCII_LINES)
def test_an_ascii_line_is_measured_as_the_general_measures_do(text: str) -> None:
    """ASCII lines (most lines) take a shortcut through words, letters and case: the same
    measures as the general path, which counts every script."""
    stats = block_stats(text)
    assert stats.words == count_words(text)
    assert stats.letters == (sum(map(str.isalpha, text)) / len(text) if text else 0.0)
    assert stats.lowercase == _lowercase_share(text)
    assert stats.commas == text.count(",")


MIXED_LINES = st.text(
    alphabet=st.sampled_from("ab Zé,.。、日本語のテキスト한국어ไทย_-1 \u3000’"), max_size=60
)
_TOKEN = regex.compile(rf"[{_UNSPACED}]|[^\W{_UNSPACED}]+")


@given(MIXED_LINES)
def test_words_of_unspaced_scripts_are_counted_as_every_token_read_one_by_one(text: str) -> None:
    """Two characters of Chinese, Japanese or Thai are a word, and each run of other letters
    between them is one: the count taken apart equals the count over a list of every token."""
    tokens = _TOKEN.findall(text)
    unspaced = sum(1 for token in tokens if regex.fullmatch(rf"[{_UNSPACED}]", token))
    if unspaced:
        assert count_words(text) == len(tokens) - unspaced + (unspaced + 1) // 2
    else:
        assert count_words(text) == len(text.split())


@given(st.text(st.characters(blacklist_categories=()), max_size=40) | MIXED_LINES)
@example("caf\udce9 \ud800 déjà vu")  # lone surrogates, as undecodable bytes leave them
@example("de\u0301ja\u0300 vu, कि")  # accents typed apart, a vowel sign
def test_a_lines_letters_are_its_alphabetic_characters(text: str) -> None:
    """Letters are counted by byte where a line is ASCII and one by one elsewhere: the share
    is that of the characters `str.isalpha` calls letters and of the combining marks (a vowel
    sign, an accent typed apart), in every script."""
    mark = regex.compile(r"\p{M}")
    letters = sum(c.isalpha() + (mark.match(c) is not None) for c in text)
    expected = letters / len(text) if text else 0.0
    assert block_stats(text).letters == expected


# A full stop in other scripts: the Devanagari danda, the Armenian full stop, the Ethiopic one,
# the Arabic question mark. Unicode's Sentence_Terminal property names them all.
SENTENCES_IN_SCRIPTS = {
    "hi": "सरकार ने सोमवार को किसानों के लिए एक नई सहायता योजना की घोषणा की। "
    "कृषि मंत्री ने कहा कि योजना अगले महीने शुरू होगी।",
    "hy": "Կառավարությունը երկուշաբթի օրը ներկայացրեց նոր ծրագիր։ "
    "Նախարարը ասաց, որ աշխատանքները կսկսվեն գարնանը։",
    "am": "መንግስት ለገበሬዎች አዲስ እቅድ ሰኞ ዕለት አስታውቋል። ሚኒስትሩ እቅዱ በሚቀጥለው ወር ይጀምራል ብለዋል።",
    "ar": "هل تنجح الخطة الجديدة في دعم المزارعين بعد عام صعب من الجفاف؟ "
    "يقول الخبراء إن النجاح يعتمد على سرعة الصرف؟",
}


def test_sentences_end_at_each_scripts_own_full_stop() -> None:
    for language, text in SENTENCES_IN_SCRIPTS.items():
        stats = block_stats(text)
        assert (stats.sentences, stats.ends_sentence, stats.prose) == (2, True, True), language


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Neil Gaiman and John M. Ford in 2002.", 1),
        ("Drugs cross the U.S. border every day, he said. Officials disagree.", 2),
        ("Нина А. Петрова пришла. Она ушла.", 2),
    ],
)
def test_a_full_stop_after_a_capital_alone_is_an_initial(text: str, sentences: int) -> None:
    assert block_stats(text).sentences == sentences


def test_a_list_of_sources_under_the_story_is_not_read_as_its_prose() -> None:
    """Citations full of initials ("Jonathan P. Caulkins", "the U.S. Department") read as
    several sentences, that is as prose, and the story ran on through them."""
    story = "\n\n".join(
        f"Paragraph {n} of the report on the border says something with more than enough words."
        for n in range(4)
    )
    sources = "\n\n".join(
        [
            "Sources:",
            "Email interview with Jonathan P. Caulkins, professor at Carnegie Mellon, Oct. 30",
            "Email interview with Katherine M. Pfaff, spokeswoman for the U.S. Department",
            "U.S. Drug Enforcement Administration, National Drug Threat Assessment, 2018",
            "Office of National Drug Control Policy, What America's Users Spend on Illegal Drugs",
        ]
    )
    article = clean(f"{story}\n\n{sources}", kind="text", strict=True)
    assert article.body == story


def test_a_vowel_sign_is_part_of_its_letter() -> None:
    # Devanagari writes most vowels as combining signs: counted as no letter, a headline in
    # Hindi read as under half letters, no title.
    headline = "सरकार ने किसानों के लिए नई योजना की घोषणा की"
    assert block_stats(headline).letters > 0.75  # all but the spaces
    story = SENTENCES_IN_SCRIPTS["hi"]
    text = "\n\n".join(["होम | समाचार | खेल", headline, story, story.replace("सरकार", "राज्य")])
    assert clean(text, kind="text").headline == headline
