// Code outside coroutine definitions is copied byte for byte, comments,
// macros and odd spacing included, and a file without coroutines is copied
// unchanged.
// RUN: %yieldc %s -o %t.c
// RUN: diff %s %t.c
// RUN: %yieldc %S/Inputs/plain.c -o %t.plain.c
// RUN: diff %S/Inputs/plain.c %t.plain.c

#include <stdio.h>
#define   TWICE(x)   ((x)  +  (x))   /* spacing kept */

static int   helper ( int a )
{
	return TWICE( a );	// tabs kept
}

int main(void) { printf("%d\n", helper(21)); return 0; }
