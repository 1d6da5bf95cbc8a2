#include "source-input.h"
#define ADD(a, b) ((a) + (b))
#define CALL_G() g(1)
#define STMT(e) do { e; } while (0)
int g(int);
int f(int n) {
    int r = ADD(n, g(n));
    r += CALL_G();
    STMT(r = g(r));
    return r + FROM_HEADER;
}
/* a comment */ // and a line comment
int after = MARK ( "(" , ')' /* ) */ ) ;
