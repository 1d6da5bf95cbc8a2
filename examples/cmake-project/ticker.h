/* ticker.h - a coroutine that counts, shared by main.c and its build test. */
#ifndef TICKER_H
#define TICKER_H

#include <yieldc.h>

/* How many ticks tick() counts; the install test edits this header to
   check that main.c is translated again. */
#define TICKER_TICKS 3

/* Prints "NAME tick I" for I = 1..TICKER_TICKS, yielding after each, and
   returns TICKER_TICKS. */
YC_COROUTINE int tick(const char *name);

#endif
