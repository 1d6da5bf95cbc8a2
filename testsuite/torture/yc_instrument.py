#!/usr/bin/env python3
"""Makes every function defined in a C file a coroutine, for yc_torture.py.

The output is the same program written for yieldc: `YC_COROUTINE ` at the
start of every declaration of each function defined in the file (main
included), and every call of such a function, or through a function
pointer, inside the body of such a function wrapped in `YC_AWAIT(...)`.
Both are written where they are spelled: in the file, in a macro argument,
or in the body of a #define (a function the #define defines, a call whose
callee and arguments are all spelled there).

A function is left a plain function, with a line on stderr saying why, when
making it a coroutine would not give the same program or a valid yieldc
program: it redeclares a C library function (the runtime would call it), it
is called before it is declared (the implicit declaration cannot carry the
marker), a declaration of it cannot be marked on its own, or one of its
calls cannot be wrapped (its parts come from different places).

Every candidate output is parsed again with the translator's meaning of the
markers and checked: each call of a coroutine inside a coroutine is
awaited; every await is an evaluated call, inside a coroutine, of a
coroutine or through a pointer; every declaration of a coroutine carries
the marker, and no other does. In that parse each wrap has a marker of its
own, so that a wrap in a #define that goes wrong at one of the macro's uses
is found and dropped. What fails the check is dropped or made plain and the
file is written again, until the check passes.

usage: yc_instrument.py INPUT.c -o OUTPUT.c [--libclang FILE]
                        [--header NAME] [-- CLANG-FLAGS...]
       yc_instrument.py --self-check [--libclang FILE]

Exit status: 0 on success, 2 when clang rejects INPUT.c (the first error is
printed), 3 when the file cannot be instrumented (it includes itself), 1 on
any other failure. --self-check exits 0 when libclang and its Python
bindings load.
"""
import argparse
import bisect
import ctypes
import glob
import re
import sys

try:
    import clang.cindex as ci
except ImportError:
    # Debian's python3-clang-14 installs into the system interpreter's
    # dist-packages, which another python3 (a virtualenv, pyenv) on PATH
    # does not search.
    sys.path.append("/usr/lib/python3/dist-packages")
    import clang.cindex as ci

MARK = b"YC_COROUTINE "
AWAIT_OPEN = b"YC_AWAIT("
AWAIT_CLOSE = b")"
# The check gives wrap number N the marker yc__await_N and marker number N
# the marker yc__coroutine_N, which expand as YC_AWAIT and YC_COROUTINE do
# for the translator (runtime/include/yieldc.h under YC__TRANSLATING):
# `(yc__await_mark_N(), (E))` and `__attribute__((annotate(...)))`.
CHECK_AWAIT = b"yc__await_%d("
CHECK_AWAIT_DEF = b"#define yc__await_%d(e) (yc__await_mark_%d(), (e))\n" \
    b"void yc__await_mark_%d(void);\n"
CHECK_AWAIT_NAME = re.compile(r"yc__await_mark_(\d+)$")
CHECK_MARK = b"yc__coroutine_%d "
CHECK_MARK_DEF = b"#define yc__coroutine_%d " \
    b"__attribute__((annotate(\"yc_coroutine_%d\")))\n"
CHECK_MARK_NAME = re.compile(r"yc_coroutine_(\d+)$")

# Builtins whose arguments are not evaluated: a call there is not run, so
# it is not awaited either.
UNEVALUATED_BUILTINS = {"__builtin_constant_p", "__builtin_object_size",
                        "__builtin_dynamic_object_size",
                        "__builtin_classify_type"}
DECLS_WITH_TYPES = {ci.CursorKind.VAR_DECL, ci.CursorKind.FIELD_DECL,
                    ci.CursorKind.TYPEDEF_DECL, ci.CursorKind.PARM_DECL}
# Tokens after which a callee-like token sequence in a #define body is not
# a call but a declarator (`int f(void)`), a member (`s.f(x)`: a pointer
# call that the #define pass leaves alone) or an operand of # and ##.
NOT_CALL_BEFORE = {".", "->", "#", "##", "*"}
EXPR_KEYWORDS = {"return", "case", "sizeof", "else", "do", "__real",
                 "__real__", "__imag", "__imag__", "__extension__"}
# Tokens found in arguments but not in a parameter list.
OPERATORS = {"&", "+", "=", "!", "~", "/", "%", "<", ">", "|", "^", "?",
             ":", "&&", "||", "==", "!=", "+=", "-=", "->", ".", "++", "--"}
# Words that start a statement, not a declaration, in a #define body.
STATEMENT_KEYWORDS = {"if", "while", "for", "switch", "return", "do", "else",
                      "case", "goto", "sizeof", "typedef", "break",
                      "continue", "default"}


# ---------------------------------------------------------------------------
# libclang
# ---------------------------------------------------------------------------

def load_libclang(path):
    """Points the bindings at libclang: PATH, or LLVM 14's."""
    if not path:
        found = sorted(glob.glob("/usr/lib/llvm-14/lib/libclang-14.so*"))
        found += sorted(glob.glob("/usr/lib/llvm-14/lib/libclang.so*"))
        if not found:
            raise RuntimeError("no libclang under /usr/lib/llvm-14/lib; "
                               "pass --libclang")
        path = found[0]
    ci.Config.set_library_file(path)
    lib = ci.conf.lib
    # clang_getFileLocation is not in the bindings' function list. It maps a
    # location inside a macro argument to where the argument is spelled, and
    # one inside a macro body to the macro's use; the bindings' own
    # SourceLocation.offset maps both to the macro's use.
    lib.clang_getFileLocation.argtypes = [
        ci.SourceLocation, ctypes.POINTER(ci.c_object_p),
        ctypes.POINTER(ctypes.c_uint), ctypes.POINTER(ctypes.c_uint),
        ctypes.POINTER(ctypes.c_uint)]
    lib.clang_getFileLocation.restype = None
    return lib


def file_location(lib, loc):
    """(file name, byte offset) of LOC, macro arguments at their spelling."""
    f = ci.c_object_p()
    line, col, off = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    lib.clang_getFileLocation(loc, ctypes.byref(f), ctypes.byref(line),
                              ctypes.byref(col), ctypes.byref(off))
    if not f:
        return None, off.value
    return ci.File(f).name, off.value


def is_macro_location(loc):
    """True when LOC is inside a macro expansion (SourceLocation's MacroID
    bit, the top bit of the raw encoding libclang keeps in int_data)."""
    return bool(loc.int_data & 0x80000000)


def parse(index, path, args, unsaved=None):
    """Parses PATH keeping the preprocessing record (macro definitions and
    uses)."""
    return index.parse(
        path, args=args, unsaved_files=unsaved,
        options=ci.TranslationUnit.PARSE_DETAILED_PROCESSING_RECORD)


def errors(tu):
    return [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]


def in_file(cursor, path):
    return cursor.location.file is not None and \
        cursor.location.file.name == path


def children(cursor):
    return list(cursor.get_children())


def strip_expr(cursor):
    """The expression under implicit casts and parentheses."""
    while cursor.kind in (ci.CursorKind.UNEXPOSED_EXPR,
                          ci.CursorKind.PAREN_EXPR):
        kids = children(cursor)
        if len(kids) != 1:
            break
        cursor = kids[0]
    return cursor


def callee_function(call):
    """Name of the function CALL calls directly (`f(x)`, `(f)(x)`,
    `(*f)(x)`), or None for a call through a pointer."""
    kids = children(call)
    if not kids:
        return None
    callee = strip_expr(kids[0])
    while callee.kind == ci.CursorKind.UNARY_OPERATOR:
        kids = children(callee)
        if len(kids) != 1:
            break
        callee = strip_expr(kids[0])
    if callee.kind == ci.CursorKind.DECL_REF_EXPR:
        ref = callee.referenced
        if ref is not None and ref.kind == ci.CursorKind.FUNCTION_DECL:
            return ref.spelling
    return None


def is_pointer_call(call):
    """True for a call through a pointer (`fp(x)`, `s->m(x)`, `(*fp)(x)`):
    its callee names no function."""
    kids = children(call)
    return bool(kids) and callee_function(call) is None


def walk(top):
    """Yields (cursor, parent, grandparent, unevaluated) for TOP and every
    cursor under it; unevaluated is true inside sizeof and alignof, the
    controlling expression of _Generic, the arguments of builtins that do
    not evaluate them, and the type of a declaration (typeof), where a
    call is not run and so not awaited either."""
    # An explicit stack: torture tests nest expressions deeper than
    # Python's recursion limit.
    stack = [(top, None, None, False)]
    while stack:
        cursor, parent, grand, unevaluated = stack.pop()
        yield cursor, parent, grand, unevaluated
        kind = cursor.kind
        kids = children(cursor)
        if kind == ci.CursorKind.CXX_UNARY_EXPR or (
                kind == ci.CursorKind.CALL_EXPR and
                callee_function(cursor) in UNEVALUATED_BUILTINS):
            unevaluated = True
        elif kind == ci.CursorKind.GENERIC_SELECTION_EXPR and kids:
            stack.append((kids[0], cursor, parent, True))
            kids = kids[1:]
        elif kind in DECLS_WITH_TYPES:
            # What ends before the declared name is part of its type.
            name_at = cursor.location.offset
            stack.extend((k, cursor, parent,
                          unevaluated or k.extent.end.offset <= name_at)
                         for k in reversed(kids))
            continue
        stack.extend((k, cursor, parent, unevaluated)
                     for k in reversed(kids))


# ---------------------------------------------------------------------------
# What the original file holds
# ---------------------------------------------------------------------------

class Wrap:
    """A call that may be wrapped in YC_AWAIT(...): its text [start, end) in
    the file is exactly the call."""

    def __init__(self, key, start, end, callee, func):
        self.key = key        # ("file" or "macro", start, end): identity
        self.start = start    # byte offset of the call's first byte
        self.end = end        # byte offset just past its `)`
        self.callee = callee  # the function it names, None when the callee
        #                       is a pointer or made by the macro
        self.func = func      # function whose body holds it (file wraps)


class Mark:
    """A place for YC_COROUTINE: the start of a declaration in the file, or
    of a function's declaration in a #define body."""

    def __init__(self, key, offset, names):
        self.key = key        # ("file" or "macro", offset): identity
        self.offset = offset  # byte offset of the declaration's start
        self.names = names    # in the file, the functions it declares (a
        #                       set); None in a #define body


class Facts:
    """What the instrumenter needs from the original file's AST."""

    def __init__(self):
        self.defined = {}      # name -> line of each function defined here
        self.plain = {}        # name -> why it must stay a plain function
        self.marks = {}        # key -> Mark
        self.text_groups = []  # sets of functions declared together in a
        #                        declaration spelled in the file itself
        self.wraps = {}        # key -> Wrap


def walk_bodies(lib, tu, path, text, facts):
    """Records a Wrap for each evaluated call, of a function or through a
    pointer, in the bodies of functions defined in PATH whose text can be
    wrapped where it is spelled."""
    macro_uses = set()
    for cursor in tu.cursor.get_children():
        if cursor.kind == ci.CursorKind.MACRO_INSTANTIATION and \
                in_file(cursor, path):
            macro_uses.add(cursor.extent.start.offset)
    for top in tu.cursor.get_children():
        if top.kind != ci.CursorKind.FUNCTION_DECL or \
                not in_file(top, path) or not top.is_definition():
            continue
        for cursor, _, _, unevaluated in walk(top):
            if cursor.kind != ci.CursorKind.CALL_EXPR or unevaluated:
                continue
            callee = callee_function(cursor)
            if callee in UNEVALUATED_BUILTINS:
                continue
            wrap = file_wrap(lib, path, text, cursor, callee, top.spelling,
                             macro_uses)
            if wrap:
                facts.wraps[wrap.key] = wrap


def file_wrap(lib, path, text, call, callee, func, macro_uses):
    """A Wrap for CALL when both its ends are in PATH and the bytes between
    are exactly the call: a callee naming CALLEE (or, for a pointer call,
    one not made by a macro) and one parenthesised argument list. A call
    made by a macro body fails this (its bytes are the macro's use) and is
    left to the #define pass."""
    s_file, s = file_location(lib, call.extent.start)
    e_file, e = file_location(lib, call.extent.end)
    if s_file != path or e_file != path or not s < e:
        return None
    if not call_text_ok(text[s:e], callee):
        return None
    if callee is None:
        start = call.extent.start
        if (is_macro_location(start) and start.offset == s) or \
                s in macro_uses:
            return None
    return Wrap(("file", s, e), s, e, callee, func)


def call_text_ok(seg, callee):
    """True when SEG is `CALLEE-EXPR(ARGS)`: brackets balanced, no comma
    outside them (which would mean SEG spans two macro arguments), ending
    in the argument list's `)`; for a direct call the callee part is
    CALLEE, possibly in parentheses or after `*`."""
    if not seg.endswith(b")"):
        return False
    depth, i, args_open, opens = 0, 0, None, []
    while i < len(seg):
        c = seg[i:i + 1]
        if c in (b'"', b"'"):
            j = i + 1
            while j < len(seg) and seg[j:j + 1] != c:
                j += 2 if seg[j:j + 1] == b"\\" else 1
            i = j
        elif seg.startswith(b"/*", i):
            j = seg.find(b"*/", i + 2)
            if j < 0:
                return False
            i = j + 1
        elif seg.startswith(b"//", i):
            j = seg.find(b"\n", i)
            i = len(seg) if j < 0 else j
        elif c == b"#":
            return False                  # a directive inside the call
        elif c in b"([{":
            depth += 1
            opens.append(i)
        elif c in b")]}":
            depth -= 1
            if depth < 0:
                return False
            args_open = opens.pop()
        elif c == b"," and depth == 0:
            return False
        i += 1
    if depth != 0 or args_open is None:
        return False
    callee_part = seg[:args_open]
    if callee is None:
        return callee_part.strip() != b""
    return re.fullmatch(rb"[\s(*&]*" + re.escape(callee.encode()) +
                        rb"[\s)]*", callee_part) is not None


def collect_declarations(tu, lib, path, facts):
    """Fills facts.defined and facts.marks: a Mark at the start of every
    declaration of a function in PATH (block scope too), or at the use of
    the macro it starts in; a declaration of several functions has one."""
    macro_made = set()
    for cursor in tu.cursor.walk_preorder():
        if cursor.kind != ci.CursorKind.FUNCTION_DECL or \
                not in_file(cursor, path):
            continue
        name = cursor.spelling
        f, start = file_location(lib, cursor.extent.start)
        if f != path:
            continue
        key = ("file", start)
        facts.marks.setdefault(key, Mark(key, start, set())).names.add(name)
        if is_macro_location(cursor.extent.start):
            macro_made.add(key)
        if cursor.is_definition():
            facts.defined[name] = cursor.location.line
            # Called before any declaration: the first declaration is the
            # implicit one clang made at the call, which has no text.
            canon = cursor.canonical
            if canon.extent.start.file is None or \
                    canon.extent.start.line == 0:
                facts.plain[name] = "called before it is declared " \
                    "(implicit declaration)"
    # Declarations that one macro use makes (`T(A)` defining several
    # functions) also start at one place, but the marker there marks only
    # the first; the #define pass marks the others.
    facts.text_groups = [m.names for m in facts.marks.values()
                         if m.key not in macro_made]


def find_library_functions(index, tu, path, args, facts):
    """Marks plain the defined functions that redeclare a C library
    function: the runtime and the compiler call those too (memcpy for a
    struct copy), so as coroutines they would change the program. They are
    the names also declared in a header, and those clang knows as library
    builtins, which a probe file finds by calling each without a
    declaration ("implicitly declaring library function")."""
    for cursor in tu.cursor.get_children():
        if cursor.kind == ci.CursorKind.FUNCTION_DECL and \
                cursor.spelling in facts.defined and \
                cursor.location.file and not in_file(cursor, path):
            facts.plain[cursor.spelling] = "redeclares a library function"
    names = sorted(facts.defined)
    probe = "".join("void yc__probe_%d(void) { %s(); }\n" % (i, n)
                    for i, n in enumerate(names))
    # The warning is wanted even under -w.
    probe_args = [a for a in args if a != "-w"] + \
        ["-Wimplicit-function-declaration"]
    probe_tu = index.parse("yc-probe.c", args=probe_args,
                           unsaved_files=[("yc-probe.c", probe)])
    for d in probe_tu.diagnostics:
        m = re.match(r"implicitly declaring library function '(\w+)'",
                     d.spelling)
        if m and m.group(1) in facts.defined:
            facts.plain[m.group(1)] = "redeclares a library function"


def collect_macro_wraps(tu, path, facts):
    """Marks and wraps in the bodies of the #defines of PATH.

    Marks go at the start of each function declaration in a body (see
    declarations). Wraps go around calls spelled whole in a body, callee
    and `)` in the same body. The callee is a function defined in the file
    (`f(x)`), or one the macro makes: a name pasted with ## (`fn_##n(x)`)
    or a macro's result (`CAT(f_, n)(x)`). Those that the check finds are
    not calls of coroutines at some use are dropped."""
    macros = set()
    for cursor in tu.cursor.get_children():
        if cursor.kind == ci.CursorKind.MACRO_DEFINITION and \
                in_file(cursor, path):
            macros.add(cursor.spelling)
    for cursor in tu.cursor.get_children():
        if cursor.kind != ci.CursorKind.MACRO_DEFINITION or \
                not in_file(cursor, path):
            continue
        toks = list(cursor.get_tokens())
        if len(toks) < 2:
            continue
        # A token after a line continuation is spelled with it.
        spell = [re.sub(r"\\\r?\n", "", t.spelling).strip() for t in toks]
        params, body = set(), 1
        # Function-like when `(` follows the name with no space between.
        if spell[1] == "(" and \
                toks[1].extent.start.offset == toks[0].extent.end.offset:
            i = 2
            while i < len(toks) and spell[i] != ")":
                params.add(spell[i])
                i += 1
            body = i + 1
        decls = declarations(spell, body, macros)
        for i, _ in decls:
            offset = toks[i].extent.start.offset
            facts.marks[("macro", offset)] = Mark(("macro", offset), offset,
                                                  None)
        # In a #define that defines functions, a call outside their bodies
        # is at file scope (an initializer): never awaited.
        bodies = [span for _, span in decls if span]
        for i in range(body, len(toks)):
            if decls and not any(a < i < b for a, b in bodies):
                continue
            callee_end, callee = macro_callee(spell, i, body, params, macros,
                                              facts.defined)
            if callee_end is None or callee_end >= len(toks) or \
                    spell[callee_end] != "(":
                continue
            prev = spell[i - 1] if i > body else ""
            if prev in NOT_CALL_BEFORE or (
                    re.fullmatch(r"\w+", prev) and prev not in EXPR_KEYWORDS):
                continue
            close = matching_token(spell, callee_end)
            if close is None or (close + 1 < len(toks) and
                                 spell[close + 1] == "##"):
                continue
            start = toks[i].extent.start.offset
            end = toks[close].extent.end.offset
            key = ("macro", start, end)
            facts.wraps[key] = Wrap(key, start, end, callee, None)


def declarations(spell, body, macros):
    """The function declarations in a #define body (from token BODY on):
    (index of the first token, (index of `{`, index of `}`) of the body of
    a definition or None). One starts at the body's start or after a `;`
    or `}` outside brackets with words (types, names, ## pastes, macro
    uses, __attribute__((...))), the last a name, then a parameter list
    and `{`, `;`, `,` or the end."""
    found, depth = [], 0
    for i in range(body, len(spell)):
        if i == body or (depth == 0 and spell[i - 1] in (";", "}")):
            after = declaration_end(spell, i, macros)
            if after is not None:
                span = None
                if after < len(spell) and spell[after] == "{":
                    close = matching_token(spell, after, "{", "}")
                    span = (after, close if close is not None else len(spell))
                found.append((i, span))
        if spell[i] in ("(", "[", "{"):
            depth += 1
        elif spell[i] in (")", "]", "}"):
            depth = max(0, depth - 1)
    return found


def declaration_end(spell, i, macros):
    """Index of the token after the parameter list of a function declarator
    starting at token I (see declarations), or None."""
    j, words, named = i, 0, False
    while j < len(spell):
        tok = spell[j]
        if (tok in ("__attribute__", "__attribute") or tok in macros) and \
                j + 1 < len(spell) and spell[j + 1] == "(":
            # __attribute__((...)), or a macro's use, maybe the name
            # (`u8 CAT (ashift_, n) (u8 x)`).
            close = matching_token(spell, j + 1)
            if close is None:
                return None
            named = tok in macros
            words += named
            j = close + 1
            continue
        if tok == "(":
            break
        if tok in STATEMENT_KEYWORDS or not (
                re.fullmatch(r"[A-Za-z_]\w*", tok) or tok in ("*", "##")):
            return None
        # A ## paste makes one word of its operands.
        words += tok != "##" and spell[j - 1] != "##"
        named = re.fullmatch(r"\w+", tok) is not None
        j += 1
    if j >= len(spell) or words < 2 or not named:
        return None
    close = matching_token(spell, j)
    if close is None or any(t in OPERATORS for t in spell[j:close]):
        return None
    if close + 1 == len(spell) or spell[close + 1] in \
            ("{", ";", ",", "__attribute__"):
        return close + 1
    return None


def macro_callee(spell, i, body, params, macros, defined):
    """Where the callee starting at token I of a #define body ends, and the
    function it names (None when the macro makes the name), or (None, None)
    when no callee starts there."""
    tok = spell[i]
    if not re.fullmatch(r"[A-Za-z_]\w*", tok) or \
            (i > body and spell[i - 1] == "##"):
        return None, None
    if i + 1 < len(spell) and spell[i + 1] == "##":
        j = i
        while j + 2 < len(spell) and spell[j + 1] == "##" and \
                re.fullmatch(r"\w+", spell[j + 2]):
            j += 2
        return j + 1, None
    if tok in params:
        # `fn(x)` with fn a parameter: the callee comes from the macro's
        # use, and is as often a macro passed by name (`X(1)` in
        # `#define MULTI(X)`) as a function.
        return None, None
    if tok in defined:
        return i + 1, tok
    if tok in macros and i + 1 < len(spell) and spell[i + 1] == "(":
        close = matching_token(spell, i + 1)
        return (None, None) if close is None else (close + 1, None)
    return None, None


def matching_token(spell, i, open_="(", close_=")"):
    """Index of the `)` closing the `(` at spell[i], or None."""
    depth = 0
    for j in range(i, len(spell)):
        if spell[j] == open_:
            depth += 1
        elif spell[j] == close_:
            depth -= 1
            if depth == 0:
                return j
    return None


# ---------------------------------------------------------------------------
# Writing the instrumented file
# ---------------------------------------------------------------------------

class Edited:
    """Insertions into the original bytes, and the map back from offsets in
    the result to offsets in the original."""

    def __init__(self, original, header, items):
        # items: (offset, order, bytes, tag); at one offset a `)` comes
        # before a marker and a marker before a `(`, and an enclosing call
        # opens before and closes after a call it contains (`f(1)(2)`).
        items = sorted(items, key=lambda item: (item[0], item[1]))
        out, pos, new = [header], 0, len(header)
        self.header = len(header)
        self.new_starts, self.orig, self.length, self.tags = [], [], [], []
        for offset, _, insert, tag in items:
            out.append(original[pos:offset])
            new += offset - pos
            self.new_starts.append(new)
            self.orig.append(offset)
            self.length.append(len(insert))
            self.tags.append(tag)
            out.append(insert)
            new += len(insert)
            pos = offset
        out.append(original[pos:])
        self.text = b"".join(out)

    def to_original(self, new):
        """Offset in the original of offset NEW of the result."""
        i = bisect.bisect_right(self.new_starts, new) - 1
        if i < 0:
            return max(0, new - self.header)
        if new < self.new_starts[i] + self.length[i]:
            return self.orig[i]
        return self.orig[i] + (new - self.new_starts[i] - self.length[i])


def build(original, facts, coroutines, banned, header):
    """The instrumented file for the set COROUTINES, the text the check
    parses, and the marks and wraps in it (mark N of the list is
    yc__coroutine_N there, wrap N yc__await_N)."""
    marks = [m for m in facts.marks.values() if m.key not in banned and
             (m.names is None or m.names & coroutines)]
    marks.sort(key=lambda m: m.key)
    wraps = []
    for w in facts.wraps.values():
        if w.key in banned or (w.func is not None and
                               w.func not in coroutines):
            continue
        if w.callee is not None and w.callee not in coroutines:
            continue
        wraps.append(w)
    wraps.sort(key=lambda w: w.key)
    real, check = [], []
    # A file mark and a #define mark may meet at one place (a macro that
    # defines a function used at the start of a line): one marker there.
    seen = set()
    for n, m in enumerate(marks):
        if m.offset not in seen:
            seen.add(m.offset)
            real.append((m.offset, (1, 0), MARK, ("mark", n)))
        check.append((m.offset, (1, n), CHECK_MARK % n, ("mark", n)))
    for n, w in enumerate(wraps):
        span = w.end - w.start
        close = (w.end, (0, span), AWAIT_CLOSE, ("wrap", n))
        real += [(w.start, (2, -span), AWAIT_OPEN, ("wrap", n)), close]
        check += [(w.start, (2, -span), CHECK_AWAIT % n, ("wrap", n)), close]
    text = Edited(original, b"#include <%s>\n" % header.encode(), real).text
    defs = b"".join(CHECK_MARK_DEF % (n, n) for n in range(len(marks))) + \
        b"".join(CHECK_AWAIT_DEF % (n, n, n) for n in range(len(wraps)))
    checked = Edited(original, defs, check)
    return text, checked, marks, wraps


# ---------------------------------------------------------------------------
# Checking the instrumented file
# ---------------------------------------------------------------------------

def await_number(cursor):
    """N for `(yc__await_mark_N(), (E))`, what wrap N expands to in the
    check, else None."""
    if cursor.kind != ci.CursorKind.BINARY_OPERATOR:
        return None
    kids = children(cursor)
    if len(kids) != 2 or kids[0].kind != ci.CursorKind.CALL_EXPR:
        return None
    m = CHECK_AWAIT_NAME.match(callee_function(kids[0]) or "")
    return int(m.group(1)) if m else None


class Problems:
    """What the check found: functions to make plain, marks and wraps to
    drop."""

    def __init__(self):
        self.plain = {}     # name -> why
        self.drop = set()   # ("mark", N) and ("wrap", N)

    def __bool__(self):
        return bool(self.plain or self.drop)


def check(lib, index, path, checked, args, coroutines, marks, wraps,
          original):
    """Parses the check text as the translator would parse the output and
    returns the Problems (see the module comment)."""
    tu = parse(index, path, args, [(path, checked.text)])
    problems = Problems()

    def line_of(offset):
        return original.count(b"\n", 0, checked.to_original(offset)) + 1

    errs = [d for d in errors(tu) if d.location.file and
            d.location.file.name == path]
    if errs:
        parse_errors(errs, checked, original, marks, wraps, problems,
                     line_of)
        return problems
    for top in tu.cursor.get_children():
        if top.kind == ci.CursorKind.FUNCTION_DECL and in_file(top, path):
            in_coroutine = top.spelling in coroutines and top.is_definition()
            check_function(lib, top, in_coroutine, coroutines, problems,
                           line_of)
    for cursor in tu.cursor.walk_preorder():
        if not cursor.kind.is_declaration() or not in_file(cursor, path):
            continue
        by = [int(m.group(1)) for m in
              (CHECK_MARK_NAME.match(k.spelling) for k in children(cursor)
               if k.kind == ci.CursorKind.ANNOTATE_ATTR) if m]
        if cursor.kind != ci.CursorKind.FUNCTION_DECL:
            # A marker before a macro's use that declares a variable first.
            problems.drop.update(("mark", n) for n in by)
            continue
        name = cursor.spelling
        line = line_of(file_location(lib, cursor.extent.start)[1])
        if name in coroutines and not by:
            problems.plain[name] = \
                "a declaration at line %d cannot be marked" % line
        elif name not in coroutines:
            # The marker is there for a coroutine declared with it, or
            # made by the same #define.
            problems.drop.update(("mark", n) for n in by)
    return problems


def parse_errors(errs, checked, original, marks, wraps, problems, line_of):
    """Drops the wraps and marks on the lines of parse errors; when none is
    there, those in #define bodies, wraps first (an error in a macro's
    expansion is reported at its use)."""
    for d in errs:
        line = line_of(d.location.offset)
        hit = False
        for i, tag in enumerate(checked.tags):
            if original.count(b"\n", 0, checked.orig[i]) + 1 != line:
                continue
            if tag is not None:
                problems.drop.add(tag)
                hit = True
        for kind, items in (("wrap", wraps), ("mark", marks)):
            if not hit:
                for n, item in enumerate(items):
                    if item.key[0] == "macro":
                        problems.drop.add((kind, n))
                        hit = True
        if not hit:
            raise RuntimeError("instrumented file does not parse: %s" % d)


def check_function(lib, top, in_coroutine, coroutines, problems, line_of):
    """Checks the calls and awaits of one function (see check)."""
    for cursor, parent, grand, unevaluated in walk(top):
        if cursor.kind == ci.CursorKind.CALL_EXPR:
            callee = callee_function(cursor)
            awaited = parent is not None and grand is not None and \
                parent.kind == ci.CursorKind.PAREN_EXPR and \
                await_number(grand) is not None
            if callee in coroutines and in_coroutine and not unevaluated \
                    and not awaited:
                line = line_of(file_location(lib, cursor.extent.start)[1])
                problems.plain.setdefault(
                    callee, "a call at line %d cannot be awaited (its parts "
                    "come from different places)" % line)
        n = await_number(cursor)
        if n is not None:
            operand = strip_paren(children(cursor)[1])
            target = operand.kind == ci.CursorKind.CALL_EXPR and (
                callee_function(operand) in coroutines or
                is_pointer_call(operand))
            if not in_coroutine or unevaluated or not target:
                problems.drop.add(("wrap", n))


def strip_paren(cursor):
    while cursor.kind == ci.CursorKind.PAREN_EXPR:
        kids = children(cursor)
        if len(kids) != 1:
            break
        cursor = kids[0]
    return cursor


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

class ParseError(Exception):
    pass


class CannotInstrument(Exception):
    pass


def instrument(lib, path, args, header, report):
    """Returns the instrumented text of PATH."""
    index = ci.Index.create()
    tu = parse(index, path, args)
    errs = errors(tu)
    if errs:
        raise ParseError(str(errs[0]))
    # A file that includes itself has two copies of its functions under
    # one file name, which locations cannot tell apart.
    if any(inc.include and inc.include.name == path
           for inc in tu.get_includes()):
        raise CannotInstrument("it includes itself")
    original = open(path, "rb").read()
    facts = Facts()
    collect_declarations(tu, lib, path, facts)
    find_library_functions(index, tu, path, args, facts)
    walk_bodies(lib, tu, path, original, facts)
    collect_macro_wraps(tu, path, facts)

    coroutines = set(facts.defined)
    for name, why in sorted(facts.plain.items()):
        coroutines.discard(name)
        report(name, why)
    # A declaration that also declares a plain function (a library one,
    # say) cannot carry the marker: it would mark that one too.
    changed = True
    while changed:
        changed = False
        for names in facts.text_groups:
            if names & coroutines and not names <= coroutines:
                for name in sorted(names & coroutines):
                    coroutines.discard(name)
                    report(name, "declared together with the plain %s" %
                           ", ".join(sorted(names - coroutines)))
                changed = True
    banned = set()
    while True:
        text, checked, marks, wraps = build(original, facts, coroutines,
                                            banned, header)
        problems = check(lib, index, path, checked, args, coroutines, marks,
                         wraps, original)
        if not problems:
            return text
        progress = False
        for name, why in sorted(problems.plain.items()):
            if name in coroutines:
                coroutines.discard(name)
                report(name, why)
                progress = True
        for kind, n in problems.drop:
            key = (marks if kind == "mark" else wraps)[n].key
            if key not in banned:
                banned.add(key)
                progress = True
        if not progress:
            raise RuntimeError("the check fails and nothing can be made "
                               "plain: %s" % sorted(problems.plain.items()))


def main():
    argv = sys.argv[1:]
    clang_args = []
    if "--" in argv:
        clang_args = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", nargs="?")
    ap.add_argument("-o", dest="output")
    ap.add_argument("--libclang", help="libclang shared library to load")
    ap.add_argument("--header", default="yieldc/coroutine.h",
                    help="header to include for the markers")
    ap.add_argument("--self-check", action="store_true",
                    help="exit 0 if libclang loads, and do nothing else")
    args = ap.parse_args(argv)
    lib = load_libclang(args.libclang)
    if args.self_check:
        ci.Index.create()
        return 0
    if not args.input or not args.output:
        ap.error("INPUT and -o OUTPUT are needed")
    path = args.input

    def report(name, why):
        sys.stderr.write("%s: %s left a plain function: %s\n" %
                         (path, name, why))

    try:
        text = instrument(lib, path, clang_args, args.header, report)
    except ParseError as e:
        sys.stderr.write("clang rejects %s: %s\n" % (path, e))
        return 2
    except CannotInstrument as e:
        sys.stderr.write("%s: cannot instrument: %s\n" % (path, e))
        return 3
    except RuntimeError as e:
        sys.stderr.write("%s: %s\n" % (path, e))
        return 1
    with open(args.output, "wb") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
