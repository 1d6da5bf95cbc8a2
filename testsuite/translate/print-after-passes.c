// --print-after=PASS prints what each pass of the pipeline found, for
// reading the translator's decisions on one file: find lists the
// coroutines (declared, or defined here); analyse lists each coroutine's
// lowering, its suspension points with the locals each keeps across it,
// and where each local lives; normalize shows the bodies whose macros it
// expanded; lower prints the rewritten bodies.
// RUN: %yieldc --print-after=find %s -o /dev/null | FileCheck %s --check-prefix=FIND
// RUN: %yieldc --print-after=analyse %s -o /dev/null | FileCheck %s --check-prefix=ANALYSE
// RUN: %yieldc --print-after=normalize %s -o /dev/null | FileCheck %s --check-prefix=NORMALIZE
// RUN: %yieldc --print-after=lower %s -o /dev/null | FileCheck %s --check-prefix=LOWER

#include <yieldc.h>

YC_COROUTINE int leaf(int x);

#define TWICE(e) ((e) + (e))

YC_COROUTINE int f(int n) {
    int total = 0;
    for (int i = 0; i < n; i++)
        total += YC_AWAIT(leaf(i));
    int unused = total * 2;
    (void)unused;
    return total + TWICE(YC_AWAIT(leaf(0)));
}

// FIND: {{^}}coroutine yc_sleep_for{{$}}
// FIND: {{^}}coroutine leaf{{$}}
// FIND-NEXT: {{^}}coroutine f defined{{$}}

// ANALYSE: {{^}}coroutine f: state machine{{$}}
// ANALYSE-NEXT: {{^}}  suspend at 21:18: await leaf{{$}}
// ANALYSE-NEXT: {{^}}    keeps n{{$}}
// ANALYSE-NEXT: {{^}}    keeps total{{$}}
// ANALYSE-NEXT: {{^}}    keeps i{{$}}
// ANALYSE-NEXT: {{^}}  suspend at 24:26: await leaf{{$}}
// ANALYSE: {{^}}  param n: spilled{{$}}
// ANALYSE-NEXT: {{^}}  local total: spilled{{$}}
// ANALYSE-NEXT: {{^}}  local i: spilled{{$}}
// ANALYSE-NEXT: {{^}}  local unused: C local{{$}}

// NORMALIZE: {{^}}coroutine f: macros expanded{{$}}
// NORMALIZE: {{^}}    return total + ((YC_AWAIT(leaf(0))) + (YC_AWAIT(leaf(0))));{{$}}
// NORMALIZE: {{^}}coroutine f: state machine{{$}}
// NORMALIZE-NEXT: {{^}}  suspend at 21:18: await leaf{{$}}
// NORMALIZE: {{^}}  suspend at 24:22: await leaf{{$}}
// NORMALIZE-NEXT: {{^}}    keeps total{{$}}
// NORMALIZE: {{^}}  suspend at 24:44: await leaf{{$}}

// LOWER: {{^}}coroutine f (state machine):{{$}}
// LOWER: {{^}}        { int yc__t1;{{$}}
// LOWER-NEXT: {{^#line 21 }}
// LOWER-NEXT: {{^}}            yc__cf = YC__NEW(leaf, 1); yc__t1 = yc__leaf_step(yc__cf, yc__s, i);{{$}}
// LOWER-NEXT: {{^#line 21 }}
// LOWER-NEXT: {{^}}            if (YC__SUSPENDED()) { yc__save_1 return yc__f_z; yc__resume_1: yc__load_1
// LOWER-SAME: YC__RESUMED(); yc__t1 = YC__RESULT(leaf); } YC__FREE();{{$}}
// LOWER-NEXT: {{^#line 21 }}
// LOWER-NEXT: {{^}}            total += yc__t1; }{{$}}
// LOWER: {{^}}    int unused = total * 2;{{$}}
