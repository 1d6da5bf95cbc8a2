/* count-epoll.c - prints how many epoll instances the process holds once
   its scheduler exists: 1 with the epoll backend, 0 with poll. Plain C:
   no coroutine, so it needs no translation. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <yieldc.h>

int main(void) {
    yc_sched_current(); /* creates this thread's scheduler */
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char path[300], target[300];
        snprintf(path, sizeof path, "/proc/self/fd/%s", e->d_name);
        ssize_t k = readlink(path, target, sizeof target - 1);
        if (k > 0) {
            target[k] = 0;
            n += strstr(target, "eventpoll") != NULL;
        }
    }
    if (d)
        closedir(d);
    printf("epoll instances: %d\n", n);
    return 0;
}
