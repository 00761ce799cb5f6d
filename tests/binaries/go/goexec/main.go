// goexec runs itself as a child through os/exec (fork+exec by clone(CLONE_VFORK|
// CLONE_VM), pipes, wait4 with exit codes and signals) and works with files in the
// temporary directory given as its first argument. Run with GOEXEC_CHILD set, it
// is the child and does what that variable names.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"io/ioutil"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

const childVar = "GOEXEC_CHILD"

func main() {
	if role := os.Getenv(childVar); role != "" {
		child(role)
		return
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: goexec <temporary directory>")
		os.Exit(2)
	}
	dir := os.Args[1]
	runChildren(dir)
	fileOperations(dir)
	pipesWithDeadlines()
	fmt.Println("done")
}

// child is the program run again by runChildren.
func child(role string) {
	switch role {
	case "upper":
		in, _ := io.ReadAll(os.Stdin)
		fmt.Print(strings.ToUpper(string(in)))
		fmt.Fprintln(os.Stderr, "upper: read", len(in), "bytes")
	case "exit":
		fmt.Println("exiting with 7")
		os.Exit(7)
	case "panic":
		panic("child panics")
	case "segv":
		var p *struct{ a, b int }
		fmt.Println(p.b) // not recovered: the runtime prints the signal, its code, address and pc
	case "ids":
		pid := syscall.Getpid()
		sid, _, _ := syscall.RawSyscall(syscall.SYS_GETSID, 0, 0, 0)
		fmt.Printf("own session: %v, own process group: %v\n", int(sid) == pid, syscall.Getpgrp() == pid)
	case "yes":
		for {
			fmt.Println("y") // dies of SIGPIPE once the reader has gone
		}
	case "kill":
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		time.Sleep(time.Second)
		fmt.Println("still alive after SIGTERM")
	case "env":
		fmt.Printf("GREETING=%s args=%q\n", os.Getenv("GREETING"), os.Args[1:])
	case "cwd":
		wd, err := os.Getwd()
		fmt.Println("cwd matches:", err == nil && wd == os.Getenv("EXPECTED_CWD"))
	case "lines":
		scanner := bufio.NewScanner(os.Stdin)
		n := 0
		for scanner.Scan() {
			n++
			fmt.Printf("%d: %s\n", n, scanner.Text())
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown role", role)
		os.Exit(3)
	}
}

func self(role string, args ...string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		fmt.Println("executable:", err)
		exe = os.Args[0]
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), childVar+"="+role)
	return cmd
}

func describe(err error) string {
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		ws := exitErr.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			return fmt.Sprintf("%v (signaled %v, exit code %d)", err, ws.Signal(), exitErr.ExitCode())
		}
		return fmt.Sprintf("%v (exit code %d)", err, exitErr.ExitCode())
	}
	if err == nil {
		return "success"
	}
	return err.Error()
}

func runChildren(dir string) {
	cmd := self("upper")
	cmd.Stdin = strings.NewReader("hello from the parent\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	fmt.Printf("upper: %s stdout=%q stderr=%q\n", describe(err), stdout.String(), stderr.String())

	out, err := self("exit").Output()
	fmt.Printf("exit: %s stdout=%q\n", describe(err), out)

	cmd = self("panic")
	stderr.Reset()
	cmd.Stderr = &stderr
	err = cmd.Run()
	first, _, _ := strings.Cut(stderr.String(), "\n")
	fmt.Printf("panic: %s first stderr line=%q\n", describe(err), first)

	cmd = self("segv")
	stderr.Reset()
	cmd.Stderr = &stderr
	err = cmd.Run()
	lines := strings.Split(stderr.String(), "\n")
	if len(lines) > 3 {
		lines = lines[:3]
	}
	fmt.Printf("segv: %s stderr starts %q\n", describe(err), lines)

	// The child's session and process group, set between fork and exec.
	for _, attr := range []struct {
		what string
		sys  *syscall.SysProcAttr
	}{
		{"setsid", &syscall.SysProcAttr{Setsid: true, Pdeathsig: syscall.SIGKILL}},
		{"setpgid", &syscall.SysProcAttr{Setpgid: true}},
		{"neither", nil},
	} {
		cmd = self("ids")
		cmd.SysProcAttr = attr.sys
		out, err = cmd.Output()
		fmt.Printf("%s: %s %q\n", attr.what, describe(err), out)
	}

	cmd = self("yes")
	yes, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		fmt.Println("start:", err)
		return
	}
	first, _ = bufio.NewReader(yes).ReadString('\n')
	yes.Close()
	fmt.Printf("yes: read %q, then %s\n", first, describe(cmd.Wait()))

	err = self("kill").Run()
	fmt.Printf("kill: %s\n", describe(err))

	cmd = self("env", "one", "two words")
	cmd.Env = append(cmd.Env, "GREETING=hi there")
	out, err = cmd.CombinedOutput()
	fmt.Printf("env: %s output=%q\n", describe(err), out)

	cmd = self("cwd")
	cmd.Dir = dir
	abs, _ := filepath.Abs(dir)
	resolved, _ := filepath.EvalSymlinks(abs)
	cmd.Env = append(cmd.Env, "EXPECTED_CWD="+resolved)
	out, err = cmd.Output()
	fmt.Printf("cwd: %s output=%q\n", describe(err), out)

	// A pipeline of children running at the same time, fed through pipes.
	cmd = self("lines")
	stdin, _ := cmd.StdinPipe()
	pipeOut, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		fmt.Println("start:", err)
		return
	}
	go func() {
		for _, word := range []string{"alpha", "beta", "gamma"} {
			fmt.Fprintln(stdin, word)
		}
		stdin.Close()
	}()
	all, _ := io.ReadAll(pipeOut)
	fmt.Printf("lines: %s output=%q\n", describe(cmd.Wait()), all)

	var running []*exec.Cmd
	var outputs []*bytes.Buffer
	for i := 0; i < 3; i++ {
		c := self("env", fmt.Sprint("child", i))
		buf := &bytes.Buffer{}
		c.Stdout = buf
		if err := c.Start(); err != nil {
			fmt.Println("start:", err)
			return
		}
		running = append(running, c)
		outputs = append(outputs, buf)
	}
	for i, c := range running {
		fmt.Printf("concurrent %d: %s %q\n", i, describe(c.Wait()), outputs[i].String())
	}

	_, err = exec.Command(filepath.Join(dir, "does-not-exist")).Output()
	fmt.Println("missing program:", errors.Is(err, fs.ErrNotExist))
}

func fileOperations(dir string) {
	check := func(what string, err error) {
		if err != nil {
			fmt.Printf("%s: %v\n", what, strings.ReplaceAll(err.Error(), dir, "$DIR"))
		}
	}
	check("mkdir", os.MkdirAll(filepath.Join(dir, "a", "b", "c"), 0o755))
	check("write", os.WriteFile(filepath.Join(dir, "a", "one.txt"), []byte("one\n"), 0o644))
	check("write", os.WriteFile(filepath.Join(dir, "a", "b", "two.txt"), bytes.Repeat([]byte("2"), 5000), 0o600))
	check("rename", os.Rename(filepath.Join(dir, "a", "one.txt"), filepath.Join(dir, "a", "uno.txt")))
	check("symlink", os.Symlink("uno.txt", filepath.Join(dir, "a", "link")))

	f, err := os.OpenFile(filepath.Join(dir, "a", "uno.txt"), os.O_RDWR|os.O_APPEND, 0)
	check("open", err)
	if f != nil {
		fmt.Fprintf(f, "appended\n")
		buf := make([]byte, 3)
		_, err := f.ReadAt(buf, 4)
		check("readat", err)
		fmt.Printf("ReadAt(4): %q\n", buf)
		check("sync", f.Sync())
		check("close", f.Close())
	}
	content, err := os.ReadFile(filepath.Join(dir, "a", "link"))
	check("read via link", err)
	fmt.Printf("uno.txt via link: %q\n", content)
	target, err := os.Readlink(filepath.Join(dir, "a", "link"))
	check("readlink", err)
	fmt.Println("link ->", target)

	info, err := os.Stat(filepath.Join(dir, "a", "b", "two.txt"))
	check("stat", err)
	if info != nil {
		fmt.Println("two.txt:", info.Size(), info.Mode(), info.IsDir())
	}
	check("chmod", os.Chmod(filepath.Join(dir, "a", "b", "two.txt"), 0o640))
	check("truncate", os.Truncate(filepath.Join(dir, "a", "b", "two.txt"), 10))
	if info, err := os.Stat(filepath.Join(dir, "a", "b", "two.txt")); err == nil {
		fmt.Println("two.txt now:", info.Size(), info.Mode())
	}
	if info, err := os.Lstat(filepath.Join(dir, "a", "link")); err == nil {
		fmt.Println("link is a symlink:", info.Mode()&fs.ModeSymlink != 0)
	}

	var walked []string
	check("walk", filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		walked = append(walked, fmt.Sprintf("%s(%v)", rel, d.Type()))
		return nil
	}))
	fmt.Println("walk:", strings.Join(walked, " "))

	entries, err := os.ReadDir(filepath.Join(dir, "a"))
	check("readdir", err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	fmt.Println("a/:", names)

	tmp, err := ioutil.TempDir(dir, "scratch-")
	check("tempdir", err)
	fmt.Println("TempDir prefix kept:", strings.HasPrefix(filepath.Base(tmp), "scratch-"))
	tf, err := os.CreateTemp(tmp, "file-*.txt")
	check("createtemp", err)
	if tf != nil {
		fmt.Fprint(tf, "temporary")
		tf.Seek(0, io.SeekStart)
		back, _ := io.ReadAll(tf)
		fmt.Printf("temp file holds %q\n", back)
		tf.Close()
	}
	_, err = os.Open(filepath.Join(dir, "missing"))
	check("open missing", err)
	fmt.Println("missing is ErrNotExist:", errors.Is(err, fs.ErrNotExist))
	err = os.Remove(filepath.Join(dir, "a"))
	check("remove non-empty dir", err)
	check("removeall", os.RemoveAll(filepath.Join(dir, "a")))
	check("removeall", os.RemoveAll(tmp))
	left, _ := os.ReadDir(dir)
	fmt.Println("entries left:", len(left))
}

// pipesWithDeadlines uses os.Pipe, whose ends the runtime's netpoller watches.
func pipesWithDeadlines() {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println("pipe:", err)
		return
	}
	r.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	buf := make([]byte, 16)
	_, err = r.Read(buf)
	fmt.Println("read past deadline times out:", errors.Is(err, os.ErrDeadlineExceeded))
	r.SetReadDeadline(time.Time{})
	go func() {
		time.Sleep(5 * time.Millisecond)
		w.Write([]byte("late data"))
		w.Close()
	}()
	all, err := io.ReadAll(r)
	fmt.Printf("read after a wait: %q %v\n", all, err)
	r.Close()

	// A write to a pipe nobody reads: SIGPIPE, which the runtime ignores for
	// descriptors other than 1 and 2, so the write fails with EPIPE.
	r, w, err = os.Pipe()
	if err != nil {
		fmt.Println("pipe:", err)
		return
	}
	r.Close()
	_, err = w.Write([]byte("nobody listens"))
	fmt.Println("write to a closed pipe:", errors.Is(err, syscall.EPIPE))
	w.Close()
}
