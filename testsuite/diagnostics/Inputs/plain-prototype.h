/* A plain prototype of a function that the file including this defines
   as a coroutine. */
int from_header(int x);
