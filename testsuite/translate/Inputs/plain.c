/* A file with no coroutines at all: yieldc copies it unchanged. */
#include <yieldc.h>
int plain(int x) { return x + 1; }
