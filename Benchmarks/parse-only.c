/*
 * parse-only.c - libxml2 HTML parse baseline for the Crosscheck build benchmark.
 *
 * Reads every input file fully into memory first, then times only the loop of
 * htmlReadMemory() + xmlFreeDoc() over all buffers. This is the floor that
 * `crosscheck build` is compared against: no extraction, no claims, no I/O.
 *
 * Build:  gcc -O2 -o parse-only parse-only.c $(pkg-config --cflags --libs libxml-2.0)
 * Usage:  parse-only [-n RUNS] PATH...
 *         PATH may be a file (parsed whatever its extension) or a directory
 *         (its .html/.htm/.xhtml files are parsed, non-recursively, in name order).
 *         With -n RUNS the parse loop is repeated and the fastest run is reported.
 *
 * Output: parse-only: N pages, X MB, T s, P pages/s, M MB/s
 *         (MB = 10^6 bytes; T is wall-clock time from CLOCK_MONOTONIC)
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

typedef struct {
    char *path;
    char *data;
    size_t len;
} Page;

static Page *pages = NULL;
static size_t npages = 0, cap = 0;

static void die(const char *what, const char *path) {
    fprintf(stderr, "parse-only: %s %s: %s\n", what, path, strerror(errno));
    exit(2);
}

static void add_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    struct stat st;
    if (fstat(fileno(f), &st) != 0) die("cannot stat", path);
    size_t len = (size_t)st.st_size;
    char *buf = malloc(len + 1);
    if (!buf) die("out of memory reading", path);
    if (len > 0 && fread(buf, 1, len, f) != len) die("cannot read", path);
    buf[len] = '\0';
    fclose(f);
    if (npages == cap) {
        cap = cap ? cap * 2 : 256;
        pages = realloc(pages, cap * sizeof(Page));
        if (!pages) die("out of memory for", path);
    }
    pages[npages].path = strdup(path);
    pages[npages].data = buf;
    pages[npages].len = len;
    npages++;
}

static int has_html_ext(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot) return 0;
    return strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ||
           strcasecmp(dot, ".xhtml") == 0;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_path(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) die("cannot stat", path);
    if (!S_ISDIR(st.st_mode)) {
        add_file(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d) die("cannot open directory", path);
    char **names = NULL;
    size_t n = 0, ncap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !has_html_ext(e->d_name)) continue;
        if (n == ncap) {
            ncap = ncap ? ncap * 2 : 256;
            names = realloc(names, ncap * sizeof(char *));
            if (!names) die("out of memory listing", path);
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(char *), cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t plen = strlen(path) + strlen(names[i]) + 2;
        char *full = malloc(plen);
        snprintf(full, plen, "%s/%s", path, names[i]);
        struct stat fst;
        if (stat(full, &fst) == 0 && S_ISREG(fst.st_mode)) add_file(full);
        free(full);
        free(names[i]);
    }
    free(names);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int runs = 1;
    int argi = 1;
    if (argi < argc && strcmp(argv[argi], "-n") == 0) {
        if (argi + 1 >= argc || (runs = atoi(argv[argi + 1])) < 1) {
            fprintf(stderr, "parse-only: -n needs a positive integer\n");
            return 2;
        }
        argi += 2;
    }
    if (argi >= argc) {
        fprintf(stderr, "usage: %s [-n RUNS] FILE|DIR...\n", argv[0]);
        return 2;
    }

    LIBXML_TEST_VERSION
    xmlInitParser();

    for (; argi < argc; argi++) add_path(argv[argi]);
    if (npages == 0) {
        fprintf(stderr, "parse-only: no .html/.htm files found\n");
        return 2;
    }

    size_t total = 0;
    for (size_t i = 0; i < npages; i++) total += pages[i].len;

    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    double best = -1;
    size_t failed = 0;
    for (int r = 0; r < runs; r++) {
        failed = 0;
        double t0 = now();
        for (size_t i = 0; i < npages; i++) {
            htmlDocPtr doc = htmlReadMemory(pages[i].data, (int)pages[i].len, pages[i].path, NULL, options);
            if (doc) xmlFreeDoc(doc);
            else failed++;
        }
        double t = now() - t0;
        if (best < 0 || t < best) best = t;
    }

    double mb = (double)total / 1e6;
    printf("parse-only: %zu pages, %.2f MB, %.3f s, %.1f pages/s, %.1f MB/s\n",
           npages, mb, best, (double)npages / best, mb / best);
    if (failed) fprintf(stderr, "parse-only: %zu page(s) returned no document\n", failed);

    for (size_t i = 0; i < npages; i++) {
        free(pages[i].path);
        free(pages[i].data);
    }
    free(pages);
    xmlCleanupParser();
    return 0;
}
