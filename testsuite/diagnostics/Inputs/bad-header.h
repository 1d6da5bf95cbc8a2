/* A header with a C error, included by error-in-included-header.c. */
int broken(int x) { return x +; }
