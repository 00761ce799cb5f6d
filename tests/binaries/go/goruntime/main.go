// goruntime exercises what the Go runtime asks of the kernel: threads made by
// clone, futexes under contention, mmap/madvise for the heap, timers, and
// signals whose frames must be laid out exactly as Linux does (the runtime
// turns SIGSEGV into a panic, preempts goroutines with SIGURG, and delivers
// os/signal notifications). Everything printed is deterministic.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

func main() {
	mutexContention()
	channelPipeline()
	manyGoroutines()
	stackGrowth()
	allocationChurn()
	timersAndSelect()
	recoveredPanics()
	faultAddresses()
	signalNotify()
	preemption()
	lockedThreads()
	allThreadsSyscalls()
	cpuProfile()
	fmt.Println("done")
}

// mutexContention has goroutines fight over one mutex on 2, 3 and 4 threads.
func mutexContention() {
	for procs := 2; procs <= 4; procs++ {
		runtime.GOMAXPROCS(procs)
		var mu sync.Mutex
		var wg sync.WaitGroup
		var locked, atomicCount int64
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 2000; i++ {
					mu.Lock()
					locked++
					mu.Unlock()
					atomic.AddInt64(&atomicCount, 1)
				}
			}()
		}
		wg.Wait()
		fmt.Printf("GOMAXPROCS=%d mutex=%d atomic=%d\n", procs, locked, atomicCount)
	}
}

// channelPipeline squares numbers in four workers and sums them.
func channelPipeline() {
	numbers := make(chan int)
	squares := make(chan int, 16)
	go func() {
		for i := 1; i <= 1000; i++ {
			numbers <- i
		}
		close(numbers)
	}()
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range numbers {
				squares <- n * n
			}
		}()
	}
	go func() { wg.Wait(); close(squares) }()
	sum := 0
	for s := range squares {
		sum += s
	}
	fmt.Println("pipeline sum of squares:", sum)
}

// manyGoroutines parks a thousand goroutines on one channel, then releases them.
func manyGoroutines() {
	start := make(chan struct{})
	results := make(chan int)
	for i := 0; i < 1000; i++ {
		go func(i int) {
			<-start
			results <- i
		}(i)
	}
	close(start)
	total := 0
	for i := 0; i < 1000; i++ {
		total += <-results
	}
	fmt.Println("1000 goroutines total:", total)
}

func depth(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return depth(n-1) + 1 + int(pad[n%64]) - int(byte(n))
}

// stackGrowth recurses deep enough that the goroutine stack is copied many times.
func stackGrowth() {
	done := make(chan int)
	go func() { done <- depth(200000) }()
	fmt.Println("recursion depth:", <-done)
}

// allocationChurn allocates far more than it keeps, so the heap grows,
// collects and returns memory to the kernel.
func allocationChurn() {
	var ring [8][]byte
	var checksum uint64
	for i := 0; i < 300; i++ {
		buf := make([]byte, 1<<20)
		for j := 0; j < len(buf); j += 4096 {
			buf[j] = byte(i + j/4096)
		}
		ring[i%len(ring)] = buf
		if old := ring[(i+3)%len(ring)]; old != nil {
			checksum += uint64(old[4096*(i%256)])
		}
	}
	huge := make([]byte, 64<<20)
	huge[len(huge)-1] = 7
	checksum += uint64(huge[len(huge)-1])
	huge = nil
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	runtime.GC()
	debug.FreeOSMemory()
	runtime.ReadMemStats(&after)
	fmt.Println("churn checksum:", checksum, "gc ran:", after.NumGC > before.NumGC)
}

// timersAndSelect checks sleeps, timers, tickers and select timeouts.
func timersAndSelect() {
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("slept at least 20ms:", time.Since(start) >= 20*time.Millisecond)

	ticker := time.NewTicker(5 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-ticker.C
	}
	ticker.Stop()
	fmt.Println("ticker ticked 3 times")

	never := make(chan int)
	select {
	case <-never:
		fmt.Println("impossible")
	case <-time.After(15 * time.Millisecond):
		fmt.Println("select timed out")
	}
	select {
	case <-never:
		fmt.Println("impossible")
	default:
		fmt.Println("select took default")
	}

	timer := time.NewTimer(time.Hour)
	fmt.Println("stopped pending timer:", timer.Stop())
	fired := make(chan string, 1)
	time.AfterFunc(5*time.Millisecond, func() { fired <- "AfterFunc fired" })
	fmt.Println(<-fired)
}

func recovered(what string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(runtime.Error); ok {
			fmt.Printf("%s: recovered runtime.Error: %v\n", what, err)
		} else {
			fmt.Printf("%s: recovered %v\n", what, r)
		}
	}()
	f()
}

type point struct{ x, y int }

var zero = 0

// recoveredPanics raises panics of every kind, including the ones the
// runtime makes from a SIGSEGV.
func recoveredPanics() {
	recovered("panic", func() { panic("boom") })
	recovered("error panic", func() { panic(fmt.Errorf("wrapped %d", 42)) })
	recovered("nil pointer", func() {
		var p *point
		fmt.Println(p.y)
	})
	recovered("nil pointer write", func() {
		var p *point
		p.x = 1
	})
	recovered("divide by zero", func() { fmt.Println(10 / zero) })
	recovered("index", func() {
		s := []int{1, 2, 3}
		i := 5 + zero
		fmt.Println(s[i])
	})
	recovered("nil map", func() {
		var m map[string]int
		m["a"] = 1
	})
	recovered("type assertion", func() {
		var v interface{} = "text"
		fmt.Println(v.(int))
	})
	recovered("closed channel", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	recovered("nested", func() {
		defer func() { panic(fmt.Sprint("second after ", recover())) }()
		panic("first")
	})
	recovered("in goroutine", func() {
		result := make(chan interface{})
		go func() {
			defer func() { result <- recover() }()
			var p *point
			_ = p.x
		}()
		panic(<-result)
	})
}

// faultAddresses reads and writes pages it cannot access; with
// SetPanicOnFault the panic carries the faulting address (si_addr).
func faultAddresses() {
	const page = 4096
	mem, err := syscall.Mmap(-1, 0, 3*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		fmt.Println("mmap:", err)
		return
	}
	base := uintptr(unsafe.Pointer(&mem[0]))
	if err := syscall.Mprotect(mem[page:2*page], syscall.PROT_NONE); err != nil {
		fmt.Println("mprotect:", err)
	}
	if err := syscall.Mprotect(mem[2*page:], syscall.PROT_READ); err != nil {
		fmt.Println("mprotect:", err)
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	report := func(what string, f func()) {
		defer func() {
			r := recover()
			if addr, ok := r.(interface{ Addr() uintptr }); ok {
				fmt.Printf("%s: %v at base+%d\n", what, r, addr.Addr()-base)
			} else {
				fmt.Printf("%s: %v\n", what, r)
			}
		}()
		f()
	}
	report("read of PROT_NONE page", func() { fmt.Println(mem[page+123]) })
	report("write of PROT_NONE page", func() { mem[page+200] = 1 })
	report("write of read-only page", func() { mem[2*page+8] = 1 })
	fmt.Println("read of read-only page:", mem[2*page+8])
	if err := syscall.Munmap(mem); err != nil {
		fmt.Println("munmap:", err)
	}
}

// signalNotify delivers SIGUSR1 by kill and SIGUSR2 by tgkill to os/signal.
func signalNotify() {
	c := make(chan os.Signal, 2)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGUSR2)
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGUSR1); err != nil {
		fmt.Println("kill:", err)
	}
	fmt.Println("received:", <-c)
	runtime.LockOSThread()
	if err := syscall.Tgkill(syscall.Getpid(), syscall.Gettid(), syscall.SIGUSR2); err != nil {
		fmt.Println("tgkill:", err)
	}
	runtime.UnlockOSThread()
	fmt.Println("received:", <-c)
	signal.Stop(c)
	signal.Ignore(syscall.SIGUSR1)
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGUSR1); err != nil {
		fmt.Println("kill:", err)
	}
	select {
	case s := <-c:
		fmt.Println("unexpected:", s)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("ignored SIGUSR1 not delivered")
	}
	signal.Reset(syscall.SIGUSR1)
}

// preemption runs a loop without calls on the only thread: the sleeping main
// goroutine gets back only if the runtime preempts the loop with SIGURG.
func preemption() {
	previous := runtime.GOMAXPROCS(1)
	var stop int32
	done := make(chan uint64)
	go func() {
		var spins uint64
		for atomic.LoadInt32(&stop) == 0 {
			spins++
		}
		done <- spins
	}()
	time.Sleep(30 * time.Millisecond)
	atomic.StoreInt32(&stop, 1)
	fmt.Println("spinner preempted, stopped after spinning:", <-done > 0)

	runtime.GOMAXPROCS(2)
	atomic.StoreInt32(&stop, 0)
	for i := 0; i < 2; i++ {
		go func() {
			var spins uint64
			for atomic.LoadInt32(&stop) == 0 {
				spins++
			}
			done <- spins
		}()
	}
	runtime.GC() // stops the world while both threads spin
	atomic.StoreInt32(&stop, 1)
	<-done
	<-done
	fmt.Println("GC stopped the world around two spinners")
	runtime.GOMAXPROCS(previous)
}

// lockedThreads wires goroutines to their own OS threads.
func lockedThreads() {
	const n = 3
	tids := make(chan int, n)
	release := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			tids <- syscall.Gettid()
			<-release
		}()
	}
	seen := map[int]bool{}
	for i := 0; i < n; i++ {
		seen[<-tids] = true
	}
	close(release)
	wg.Wait()
	fmt.Println("locked goroutines on distinct threads:", len(seen))
}

// allThreadsSyscalls: on Linux, Go runs setuid/setgid on every thread of the
// process, signalling each one to make the call (as glibc does for its setxid).
func allThreadsSyscalls() {
	runtime.GOMAXPROCS(3)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
			}
		}()
	}
	time.Sleep(10 * time.Millisecond)
	fmt.Println("setgid on every thread:", syscall.Setgid(syscall.Getgid()))
	fmt.Println("setuid on every thread:", syscall.Setuid(syscall.Getuid()))
	close(stop)
	wg.Wait()
}

// cpuProfile samples the program with SIGPROF from per-thread CPU-time timers
// (timer_create with SIGEV_THREAD_ID) and setitimer(ITIMER_PROF).
func cpuProfile() {
	var profile bytes.Buffer
	if err := pprof.StartCPUProfile(&profile); err != nil {
		fmt.Println("StartCPUProfile:", err)
		return
	}
	spins := 0
	for end := time.Now().Add(50 * time.Millisecond); time.Now().Before(end); {
		spins++
	}
	pprof.StopCPUProfile()
	fmt.Println("CPU profile written:", profile.Len() > 0, "busy loop ran:", spins > 0)
}
