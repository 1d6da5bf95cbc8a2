# yieldc-gdb.py - gdb support for programs translated by yieldc: the locals
# a coroutine keeps in its frame, and the chain of coroutines awaiting each
# other.
#
# A coroutine's code runs in its step function, yc__NAME_step, whose #line
# directives point back at the original source, so breakpoints by file:line
# and stepping work as usual, and most locals are C locals of the step
# function that `print` finds. But a local whose address is taken, an
# array, or a const one lives in the heap frame, reached as yc__f->NAME;
# the others are saved there while the coroutine is suspended; and the C
# backtrace of a resumed coroutine ends in the scheduler.
# Load this file (gdb -x FILE, or `source FILE`; it is installed as
# share/yieldc/gdb/yieldc-gdb.py) for:
#
#   $yc_local("x")  x as the coroutine's source names it: a C local of the
#                   selected frame if there is one, else the field of its
#                   coroutine frame, else a global
#   yc-frame [N]    the selected coroutine frame (or the one N awaits up its
#                   chain): its coroutine, the line it waits at or runs,
#                   and the locals kept in it
#   yc-bt           the chain of coroutines awaiting each other, innermost
#                   first, each at the line it waits at
#   print *yc__f    frames print as "NAME frame at FILE:LINE" with their
#                   locals, under their source names
#
# Locals that shadow an outer one of the same name live in fields named
# yc__NAME_N; yc-frame shows them as "NAME (yc__NAME_N)", and $yc_local
# refuses to guess between several. Coroutines lowered stackfully keep
# their locals as C locals (plain `print` works there) and run as
# yc__NAME_body on a stack of their own; yc-bt and yc-frame follow the
# call records (yc__rec) of the coroutines on that stack, then the frames
# that await the stack's own.

import re

import gdb

STEP_RE = re.compile(r"^yc__(.+)_step$")
BODY_RE = re.compile(r"^yc__(.+)_body$")
ENTRY_RE = re.compile(r"^yc__(.+)_entry$")
RESUME_RE = re.compile(r"^yc__(.+)_resume$")
FRAME_TYPE_RE = re.compile(r"^yc__(.+)_frame$")
SHADOW_RE = re.compile(r"^yc__(.+)_[0-9]+$")


def coroutine_of(frame):
    """The coroutine name of a gdb frame running a step function or a
    stackful body, or None."""
    fn = frame.function()
    m = (STEP_RE.match(fn.name) or BODY_RE.match(fn.name)) if fn else None
    return m.group(1) if m else None


def function_at(addr):
    """The function symbol whose code holds addr, or None."""
    try:
        block = gdb.block_for_pc(addr)
    except RuntimeError:
        return None
    while block is not None and block.function is None:
        block = block.superblock
    return block.function if block is not None else None


def resume_line(fn, name, state):
    """The source line of resume state `state` of coroutine `name` whose
    step function is fn, from the yc__NAME_lines table the translator
    emits next to it (entry 0 is the definition), or None."""
    sym = gdb.lookup_symbol("yc__%s_lines" % name,
                            fn.symtab.static_block())[0]
    if sym is None:
        return None
    lines = sym.value()
    n = lines.type.range()[1] + 1
    return int(lines[state if state < n else 0])


def source_name(field):
    """The name a frame field has in the source, or None for the
    translator's own fields (header, temporaries, literals, stack slot)."""
    m = SHADOW_RE.match(field)
    if m:
        return m.group(1)
    return None if field.startswith("yc__") else field


def slots(value):
    """(field name, value) of every named field of a frame struct, through
    the anonymous structs and unions that group the slots by block."""
    for f in value.type.strip_typedefs().fields():
        if f.name is None:
            yield from slots(value[f])
        else:
            yield f.name, value[f.name]


def user_fields(frame_value):
    """(shown name, value) of each local kept in a frame struct."""
    for name, value in slots(frame_value):
        shown = source_name(name)
        if shown is None:
            continue
        if shown != name:
            shown = "%s (%s)" % (shown, name)
        yield shown, value


class Coro:
    """One stackless coroutine frame: its name, header and typed frame."""

    def __init__(self, hdr_ptr):
        self.addr = int(hdr_ptr)
        self.hdr = hdr_ptr.dereference()
        resume = int(self.hdr["resume"])
        self.fn = function_at(resume)
        m = RESUME_RE.match(self.fn.name) if self.fn else None
        self.name = m.group(1) if m else None
        self.state = int(self.hdr["state"])
        self.value = None
        if self.name is not None:
            block = gdb.block_for_pc(resume)
            try:
                t = gdb.lookup_type("struct yc__%s_frame" % self.name, block)
                self.value = hdr_ptr.cast(t.pointer()).dereference()
            except gdb.error:
                pass

    def where(self):
        if self.name is None:
            return "? (a runtime primitive or an untranslated file)"
        line = resume_line(self.fn, self.name, self.state)
        return "%s (%s:%s)" % (self.name, self.fn.symtab.filename,
                               line if line is not None else "?")

    def caller(self):
        # An awaited frame keeps its caller in the last 8 bytes of its
        # allocation, flagged by bit 0 of size (yc__frame_caller).
        size = int(self.hdr["size"])
        if not size & 1:
            return None
        fp = gdb.lookup_type("struct yc__frame").pointer()
        slot = gdb.Value(self.addr + (size & ~7) - 8).cast(fp.pointer())
        c = slot.dereference()
        return Coro(c) if int(c) else None


def selected_coro_frame():
    """(gdb frame, coroutine name) of the selected frame, which must run a
    step function."""
    frame = gdb.selected_frame()
    name = coroutine_of(frame)
    if name is None:
        raise gdb.GdbError("the selected frame is not a coroutine's step "
                           "function (yc__NAME_step) or stackful body "
                           "(yc__NAME_body); select one with `frame N`")
    return frame, name


def body_of(frame):
    """The coroutine name of a gdb frame running a stackful body, or
    None."""
    fn = frame.function()
    m = BODY_RE.match(fn.name) if fn else None
    return m.group(1) if m else None


def stack_calls(frame):
    """(name, file, line, gdb frame or None) of each coroutine call on the
    stack whose body runs in gdb frame `frame`, innermost first, from the
    call records (struct yc__stack_call) the stackful form keeps; then the
    frame the stack's entry runs, whose callers await it (a Coro or
    None)."""
    calls = []
    rec = frame.read_var("yc__rec")
    bodies = []
    f = frame
    while f is not None:
        if body_of(f) is not None:
            bodies.append(f)
        f = f.older()
    while int(rec) and len(calls) < 256:
        fn = function_at(int(rec["resume"]))
        m = RESUME_RE.match(fn.name) if fn else None
        calls.append((m.group(1) if m else "?",
                      fn.symtab.filename if fn else "?", int(rec["line"]),
                      bodies[len(calls)] if len(calls) < len(bodies)
                      else None))
        up = rec["up"]
        if int(up) <= int(rec):
            break
        rec = up
    root = None
    f = frame
    while f is not None:
        fn = f.function()
        if fn and ENTRY_RE.match(fn.name):
            root = Coro(f.read_var("yc__fp")).caller()
            break
        f = f.older()
    return calls, root


def frame_pointer(frame):
    return frame.read_var("yc__f")


class YcLocal(gdb.Function):
    """$yc_local("NAME"): the value of local NAME of the coroutine in the
selected frame, wherever the translator put it: a C local of the step
function (or of a stackful coroutine's body), a field of the coroutine's
frame, or else a global."""

    def __init__(self):
        super().__init__("yc_local")

    def invoke(self, name):
        name = name.string()
        frame = gdb.selected_frame()
        block = frame.block()
        while block is not None and not (block.is_global or block.is_static):
            for sym in block:
                if sym.name == name and (sym.is_variable or sym.is_argument):
                    return sym.value(frame)
            block = block.superblock
        if coroutine_of(frame) is not None:
            f = frame_pointer(frame).dereference()
            fields = dict(slots(f))
            if name in fields:
                return fields[name]
            shadows = [fl for fl in fields if SHADOW_RE.match(fl) and
                       source_name(fl) == name]
            if len(shadows) == 1:
                return fields[shadows[0]]
            if shadows:
                raise gdb.GdbError(
                    "'%s' names several shadowed locals (%s): print "
                    "yc__f->FIELD" % (name, ", ".join(shadows)))
        sym = gdb.lookup_symbol(name)[0]
        if sym is not None and sym.is_variable:
            return sym.value()
        raise gdb.GdbError("no local '%s' in the selected coroutine" % name)


class _Every:
    """A set that holds every name: a stackful body's parameters are all
    alive in its C frame."""

    def __contains__(self, name):
        return True


EVERY_NAME = _Every()


def c_locals(frame, slots_named):
    """(name, value) of the C locals in scope in a step function's frame,
    innermost block first, without the translator's own. A parameter
    counts only if the frame keeps it: after a resume, one that is dead is
    passed as 0."""
    seen = set()
    block = frame.block()
    while block is not None and not (block.is_global or block.is_static):
        for sym in block:
            if sym.is_argument and sym.name not in slots_named:
                continue
            if (sym.is_variable or sym.is_argument) and \
                    not sym.name.startswith("yc__") and sym.name not in seen:
                seen.add(sym.name)
                yield sym.name, sym.value(frame)
        if block.function is not None:
            break
        block = block.superblock


def step_frame_of(frame, addr):
    """The gdb frame, older than frame, of the step function that runs the
    coroutine frame at addr, if it is on the C stack."""
    f = frame.older()
    while f is not None:
        if coroutine_of(f) is not None:
            try:
                if int(f.read_var("yc__fp")) == addr:
                    return f
            except (gdb.error, ValueError):
                pass
        f = f.older()
    return None


class YcFrame(gdb.Command):
    """yc-frame [N]: the coroutine running in the selected frame, or the one
N awaits up its chain: its name and the line it runs or waits at. For the
running one, its C locals in scope, then what its frame holds; for a
waiting one whose step function is still on the C stack (its await has
not suspended), the same; for one that suspended, what its frame holds:
the locals that live there, and the values the others had when it
suspended (a local no longer alive may show an older value)."""

    def __init__(self):
        super().__init__("yc-frame", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        frame, name = selected_coro_frame()
        depth = int(arg) if arg.strip() else 0
        if body_of(frame) is not None:
            self.stackful(frame, name, depth)
            return
        coro = Coro(frame_pointer(frame).cast(
            gdb.lookup_type("struct yc__frame").pointer()))
        shown = set()
        if depth == 0:
            sal = frame.find_sal()
            gdb.write("%s (%s:%d), running\n" %
                      (name, sal.symtab.filename, sal.line))
            names = set(n for n, _ in user_fields(coro.value)) \
                if coro.value is not None else set()
            for local, value in c_locals(frame, names):
                gdb.write("  %s = %s\n" % (local, value))
                shown.add(local)
        else:
            for _ in range(depth):
                coro = coro.caller() if coro else None
            if coro is None:
                raise gdb.GdbError("the chain is shorter than %d" % depth)
            gdb.write("%s, waiting\n" % coro.where())
            # An await that has not suspended yet leaves the caller's step
            # on the C stack, its locals live there, not yet saved.
            step = step_frame_of(frame, coro.addr)
            if step is not None and coro.value is not None:
                names = set(n for n, _ in user_fields(coro.value))
                for local, value in c_locals(step, names):
                    gdb.write("  %s = %s\n" % (local, value))
                    shown.add(local)
        if coro.value is not None:
            for field, value in user_fields(coro.value):
                if field not in shown:
                    gdb.write("  %s = %s (in the frame)\n" % (field, value))


    def stackful(self, frame, name, depth):
        """A stackful body: the calls on its stack, each with its C
        locals; past them, the frames that await the stack."""
        calls, root = stack_calls(frame)
        if depth < len(calls):
            cname, cfile, cline, body = calls[depth]
            if depth == 0:
                sal = frame.find_sal()
                cline = sal.line
            gdb.write("%s (%s:%d), %s\n" % (cname, cfile, cline,
                                            "running" if depth == 0
                                            else "waiting"))
            if body is not None:
                for local, value in c_locals(body, EVERY_NAME):
                    gdb.write("  %s = %s\n" % (local, value))
            return
        coro = root
        for _ in range(depth - len(calls)):
            coro = coro.caller() if coro else None
        if coro is None:
            raise gdb.GdbError("the chain is shorter than %d" % depth)
        gdb.write("%s, waiting\n" % coro.where())
        if coro.value is not None:
            for field, value in user_fields(coro.value):
                gdb.write("  %s = %s (in the frame)\n" % (field, value))


class YcBacktrace(gdb.Command):
    """yc-bt: the chain of coroutines awaiting each other from the one in the
selected frame, innermost first: each coroutine and the line it runs or
waits at. Callers resumed by the scheduler are not in gdb's backtrace;
this follows the frames' caller links instead."""

    def __init__(self):
        super().__init__("yc-bt", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        frame, name = selected_coro_frame()
        sal = frame.find_sal()
        gdb.write("#0  %s (%s:%d)\n" % (name, sal.symtab.filename, sal.line))
        n = 1
        if body_of(frame) is not None:
            calls, coro = stack_calls(frame)
            for cname, cfile, cline, _ in calls[1:]:
                gdb.write("#%d  %s (%s:%d)\n" % (n, cname, cfile, cline))
                n += 1
        else:
            coro = Coro(frame_pointer(frame).cast(
                gdb.lookup_type("struct yc__frame").pointer())).caller()
        while coro is not None:
            gdb.write("#%d  %s\n" % (n, coro.where()))
            coro = coro.caller()
            n += 1


class FramePrinter:
    """struct yc__NAME_frame: its coroutine, the line its resume state
    stands for, and its locals."""

    def __init__(self, value):
        self.value = value

    def to_string(self):
        hdr = self.value.address.cast(
            gdb.lookup_type("struct yc__frame").pointer())
        return "frame of " + Coro(hdr).where()

    def children(self):
        return user_fields(self.value)


def lookup_printer(value):
    t = value.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_STRUCT and t.tag and \
            FRAME_TYPE_RE.match(t.tag):
        return FramePrinter(value)
    return None


YcLocal()
YcFrame()
YcBacktrace()
gdb.pretty_printers.append(lookup_printer)
