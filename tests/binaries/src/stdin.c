/*
 * stdin: reads standard input.  Echoes every line with its number and
 * length (upper-cased), then prints byte/line/word counts and a checksum.
 * Lines are read with a 256-byte fgets buffer, so long lines arrive in
 * pieces; a piece (or final line) without a newline is marked as such.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char line[256];
    unsigned long lines = 0, bytes = 0, words = 0;
    uint32_t sum = 2166136261u;
    int in_word = 0;
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        int has_nl = len > 0 && line[len - 1] == '\n';
        bytes += len;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)line[i];
            sum = (sum ^ c) * 16777619u;
            if (isspace(c))
                in_word = 0;
            else if (!in_word) {
                in_word = 1;
                words++;
            }
            line[i] = (char)toupper(c);
        }
        if (has_nl)
            line[--len] = 0;
        lines++;
        printf("%3lu (%2zu%s): %s\n", lines, len, has_nl ? "" : ", no newline", line);
    }
    printf("bytes=%lu lines=%lu words=%lu fnv=%08x eof=%d\n", bytes, lines, words, sum,
           feof(stdin) != 0);
    return 0;
}
