# cython: language_level=3, boundscheck=False, wraparound=False
"""A prototype of the compiled core's hottest loop: the statistics of every block of a
document, in one pass per block over its characters, into lists (one per field).

It mirrors `article_clean.features.block_stats` field by field; `benchmarks/core_prototype.py`
checks that the two agree on every line it is given and times them. Lines holding a character
of an unspaced script (Chinese, Japanese, Thai...) or a link mark are handed back to the
Python functions for those two fields: rare lines, and the prototype measures the common path.
"""

from unicodedata import category

import regex

_INITIAL_AT = regex.compile(r"(?<=\b\p{Lu})\.(?!\.)")

from cpython.unicode cimport (
    Py_UNICODE_ISALNUM, Py_UNICODE_ISALPHA, Py_UNICODE_ISLOWER, Py_UNICODE_ISSPACE, Py_UNICODE_ISUPPER,
)


cdef inline bint _pattern_space(Py_UCS4 c):
    # `\s` of the `regex` module (Unicode White_Space): Python's isspace() less U+001C-U+001F.
    return Py_UNICODE_ISSPACE(c) and not (0x1c <= c <= 0x1f)


cdef inline bint _terminal(Py_UCS4 c):
    return c == u'.' or c == u'!' or c == u'?' or c == u'…' or c == u'。' or c == u'！' or c == u'？'


cdef inline bint _cjk_terminal(Py_UCS4 c):
    return c == u'。' or c == u'！' or c == u'？'


cdef bint _mark(Py_UCS4 c):
    # `\p{M}`, read from Python's table: marks are rare enough not to need one of our own.
    return category(chr(c))[0] == u'M'


cdef bint _initial(str text, Py_ssize_t j, Py_ssize_t length):
    # `(?!(?<=\b\p{Lu})\.(?!\.))`: one full stop after a capital letter that starts a word.
    # Around ASCII letters by hand; where a neighbour is not ASCII, by the package's own pattern
    # (Python's isupper() and isalnum() are not `\p{Lu}` and `regex`'s `\w`).
    if text[j] != u'.' or j == 0 or (j + 1 < length and text[j + 1] == u'.'):
        return False
    cdef Py_UCS4 before = text[j - 1]
    if before >= 128 or (j > 1 and text[j - 2] >= 128):
        return _INITIAL_AT.match(text, j) is not None
    if not (u'A' <= before <= u'Z'):
        return False
    return j == 1 or not (Py_UNICODE_ISALNUM(text[j - 2]) or text[j - 2] == u'_')


cdef inline bint _sentence_closer(Py_UCS4 c):
    # The closers after a sentence's end in the sentence pattern (no `*`, unlike the tail's).
    return c == u'"' or c == u"'" or c == u'”' or c == u'’' or c == u'»' or c == u')' or c == u']'


cdef inline bint _tail_closer(Py_UCS4 c):
    return _sentence_closer(c) or c == u'*'


cdef inline bint _bullet(Py_UCS4 c):
    return (c == u'•' or c == u'◦' or c == u'▪' or c == u'▫' or c == u'‣' or c == u'∙'
            or c == u'·' or c == u'*' or c == u'–' or c == u'-')


def stats_of(list texts, object count_words, object has_link, object unspaced, double uncased):
    """Eleven lists, one value per text, in `BlockStats`' field order."""
    cdef Py_ssize_t n = len(texts), i, j, k, length, tail_end
    cdef Py_ssize_t words, sentences, letters, commas, lower, upper, alpha_firsts
    cdef Py_UCS4 c, previous
    cdef bint in_word, ascii_only
    cdef str text
    chars_l, words_l, sentences_l, ends_l, letters_l, link_l = [], [], [], [], [], []
    ellipsis_l, lower_l, commas_l, introduces_l, bullet_l = [], [], [], [], []
    for i in range(n):
        text = texts[i]
        length = len(text)
        words = sentences = letters = commas = lower = upper = alpha_firsts = 0
        in_word = False
        has_mark = False
        j = 0
        while j < length:
            c = text[j]
            if Py_UNICODE_ISSPACE(c):
                in_word = False
            else:
                if not in_word:  # a word's first character, as str.split() finds words
                    words += 1
                    if Py_UNICODE_ISLOWER(c):
                        lower += 1
                    elif Py_UNICODE_ISUPPER(c):
                        upper += 1
                    if Py_UNICODE_ISALPHA(c):
                        alpha_firsts += 1
                in_word = True
            if Py_UNICODE_ISALPHA(c) or (c >= 0x300 and _mark(c)):
                letters += 1  # a vowel sign or other combining mark counts with its letter
            if c == u',' or c == u'、' or c == u'，':
                commas += 1
            elif c == u'@' or c == u':' or c == u'w' or c == u'W':
                has_mark = True
            if _initial(text, j, length):
                # A full stop after a capital alone ends no sentence; a CJK stop after it does.
                k = j + 1
                while k < length and _terminal(text[k]):
                    if _cjk_terminal(text[k]):
                        sentences += 1
                    k += 1
                j = k
                continue
            if _terminal(c):
                # [.!?…。！？]+ closers* (?=\s|$), else one of 。！？ alone
                k = j
                while k < length and _terminal(text[k]):
                    k += 1
                while k < length and _sentence_closer(text[k]):
                    k += 1
                if k == length or _pattern_space(text[k]):
                    sentences += 1
                    j = k  # what it skipped is no letter, comma or mark, and stays in the word
                    continue
                if _cjk_terminal(c):
                    sentences += 1
            j += 1
        if unspaced(text):
            words = count_words(text)
        tail_end = length
        while tail_end > 0 and _tail_closer(text[tail_end - 1]):
            tail_end -= 1
        chars_l.append(length)
        words_l.append(words)
        sentences_l.append(sentences)
        ends_l.append(tail_end > 0 and _terminal(text[tail_end - 1]))
        letters_l.append(letters / length if length else 0.0)
        link_l.append(has_link(text) if has_mark else False)
        ellipsis_l.append(
            (tail_end >= 3 and text[tail_end - 1] == u'.' and text[tail_end - 2] == u'.'
             and text[tail_end - 3] == u'.') or (tail_end >= 1 and text[tail_end - 1] == u'…')
        )
        if (lower + upper) * 2 < alpha_firsts:
            lower_l.append(uncased)
        else:
            lower_l.append(lower / (lower + upper) if lower + upper else 0.0)
        commas_l.append(commas)
        introduces_l.append(tail_end > 0 and (text[tail_end - 1] == u':' or text[tail_end - 1] == u'：'))
        bullet_l.append(
            length >= 3 and _bullet(text[0]) and _pattern_space(text[1]) and _after_space(text)
        )
    return (chars_l, words_l, sentences_l, ends_l, letters_l, link_l, ellipsis_l, lower_l,
            commas_l, introduces_l, bullet_l)


cdef bint _after_space(str text):
    cdef Py_ssize_t k = 1, length = len(text)
    while k < length and _pattern_space(text[k]):
        k += 1
    return k < length and not _pattern_space(text[k])


def best_run(list scores):
    """The maximum-sum run of `scores` (first and last index), or None: the story scan's core."""
    cdef double best = 0.0, total = 0.0, score
    cdef Py_ssize_t start = 0, index, n = len(scores), best_start = -1, best_end = -1
    for index in range(n):
        score = scores[index]
        if total <= 0:
            total = score
            start = index
        else:
            total += score
        if total > best:
            best = total
            best_start = start
            best_end = index
    return None if best_start < 0 else (best_start, best_end)
