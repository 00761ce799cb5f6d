/*
 * What a dynamically linked program can see of its own loading: the auxiliary
 * vector the kernel (emulator) built, the objects ld.so mapped, symbol lookup
 * across them, dlopen, and the sysroot through absolute paths.  Prints only
 * facts that do not depend on where things were placed, so the output is the
 * same under any correct loader.  Built dynamically only (aarch64-dyn/).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

extern char _start[];

struct objects {
    int count;
    unsigned long interp_base;
    const ElfW(Phdr) *main_phdr;
    int main_phnum;
};

static const char *yes(int ok)
{
    return ok ? "yes" : "NO";
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int each_object(struct dl_phdr_info *info, size_t size, void *data)
{
    struct objects *o = data;
    (void)size;
    if (o->count == 0) {
        o->main_phdr = info->dlpi_phdr;
        o->main_phnum = info->dlpi_phnum;
        printf("object 0: the program\n");
    } else {
        printf("object %d: %s\n", o->count, info->dlpi_name);
    }
    if (strstr(info->dlpi_name, "ld-linux-aarch64") != NULL) {
        o->interp_base = info->dlpi_addr;
    }
    o->count++;
    return 0;
}

static void show_elf_magic(const char *path)
{
    unsigned char magic[20] = {0};
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        printf("open %s: failed\n", path);
        return;
    }
    ssize_t n = read(fd, magic, sizeof magic);
    close(fd);
    int elf = n == (ssize_t)sizeof magic && memcmp(magic, ELFMAG, SELFMAG) == 0;
    printf("%s: ELF %s, machine %s\n", path, yes(elf),
           magic[18] == EM_AARCH64 ? "aarch64" : "other");
}

int main(void)
{
    struct objects o = {0};
    dl_iterate_phdr(each_object, &o);

    unsigned long base = getauxval(AT_BASE);
    unsigned long page = getauxval(AT_PAGESZ);
    printf("AT_PAGESZ: %lu\n", page);
    printf("AT_BASE is set and page aligned: %s\n", yes(base != 0 && base % page == 0));
    printf("AT_BASE is where ld.so was loaded: %s\n", yes(base == o.interp_base));
    printf("AT_ENTRY is the program's _start: %s\n", yes(getauxval(AT_ENTRY) == (unsigned long)_start));
    printf("AT_PHDR is the program's headers: %s\n",
           yes(getauxval(AT_PHDR) == (unsigned long)o.main_phdr));
    printf("AT_PHNUM matches: %s\n", yes(getauxval(AT_PHNUM) == (unsigned long)o.main_phnum));

    Dl_info info;
    if (dladdr((void *)printf, &info) != 0) {
        printf("printf lives in %s\n", base_name(info.dli_fname));
    }

    void *libm = dlopen("libm.so.6", RTLD_NOW);
    if (libm == NULL) {
        printf("dlopen libm.so.6: %s\n", dlerror());
    } else {
        double (*cosine)(double) = (double (*)(double))dlsym(libm, "cos");
        double (*power)(double, double) = (double (*)(double, double))dlsym(libm, "pow");
        printf("dlopen libm.so.6: cos(0) = %g, pow(2, 10) = %g\n", cosine(0.0), power(2.0, 10.0));
        dlclose(libm);
    }
    void *missing = dlopen("libdoes-not-exist.so.7", RTLD_NOW);
    printf("dlopen of a missing library fails: %s\n", yes(missing == NULL));

    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    printf("/proc/self/exe names the program: %s\n", yes(strcmp(base_name(exe), "dynlink") == 0));

    show_elf_magic("/lib/libc.so.6");
    show_elf_magic("/lib/ld-linux-aarch64.so.1");
    struct stat st;
    printf("/lib/libc.so.6 is a regular file: %s\n",
           yes(stat("/lib/libc.so.6", &st) == 0 && S_ISREG(st.st_mode)));
    return 0;
}
