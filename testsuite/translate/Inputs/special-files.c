/* A file to translate for output-to-special-files.test. */
#include <yieldc.h>
YC_COROUTINE static int one(void) { return 1; }

YC_COROUTINE int main(void) { return YC_AWAIT(one()) - 1; }
