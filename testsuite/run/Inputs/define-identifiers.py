#!/usr/bin/env python3
"""Prints `#define NAME ...` for every ordinary identifier in the C header
given: one that is not a keyword nor reserved (a leading underscore, or
yieldc's own yc__/YC__/YC_ prefixes). A user program may define any such
macro, and code that yieldc generates must not be affected."""
import re
import sys

KEYWORDS = set("""auto break case char const continue default do double else
enum extern float for goto if inline int long register restrict return short
signed sizeof static struct switch typedef union unsigned void volatile while
_Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary _Noreturn
_Static_assert _Thread_local defined define include ifdef ifndef endif elif
error pragma line undef""".split())

text = open(sys.argv[1]).read()
text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)   # comments
text = re.sub(r'"(\\.|[^"\\])*"', " ", text)         # strings
text = re.sub(r"#\s*include\s*<[^>]*>", " ", text)     # header names
names = sorted(set(re.findall(r"\b[A-Za-z_][A-Za-z0-9_]*\b", text)))
for n in names:
    if n in KEYWORDS or n.startswith("_") or n.startswith("yc__") or \
            n.startswith("YC_"):
        continue
    print("#define %s ((broken_by_%s))" % (n, n))
