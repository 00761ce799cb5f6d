// gonet runs TCP, UDP and Unix-socket servers and clients in one program over the
// loopback interface. Go's netpoller drives them: epoll_create1/epoll_ctl/
// epoll_pwait, a wakeup pipe or eventfd, nonblocking sockets, accept4, connect
// completing through getsockopt(SO_ERROR), deadlines as netpoller timers.
// Nothing printed depends on port numbers or timing.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	tcpEcho()
	bulkTransfer()
	deadlines()
	refusedConnection()
	udpEcho()
	if len(os.Args) > 1 {
		unixSockets(os.Args[1])
	}
	fmt.Println("done")
}

// tcpEcho serves every connection in its own goroutine, echoing lines back upper-cased.
func tcpEcho() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					io.WriteString(c, strings.ToUpper(line))
				}
			}(conn)
		}
	}()

	const clients = 4
	results := make([]string, clients)
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			conn, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				results[i] = "dial: " + err.Error()
				return
			}
			defer conn.Close()
			r := bufio.NewReader(conn)
			var got []string
			for j := 0; j < 3; j++ {
				fmt.Fprintf(conn, "client %d message %d\n", i, j)
				line, err := r.ReadString('\n')
				if err != nil {
					got = append(got, "read: "+err.Error())
					break
				}
				got = append(got, strings.TrimSpace(line))
			}
			results[i] = strings.Join(got, " | ")
		}(i)
	}
	wg.Wait()
	for i, r := range results {
		fmt.Printf("tcp client %d: %s\n", i, r)
	}
	local := ln.Addr().(*net.TCPAddr)
	fmt.Println("listener on loopback:", local.IP.IsLoopback(), "port chosen:", local.Port != 0)
}

// bulkTransfer moves 4 MiB each way at once, so writes fill the socket buffers and
// wait for the netpoller (EAGAIN, then EPOLLOUT).
func bulkTransfer() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	defer ln.Close()
	payload := make([]byte, 4<<20)
	for i := range payload {
		payload[i] = byte(i*7 + i>>11)
	}
	want := sha256.Sum256(payload)
	serverSum := make(chan [32]byte, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			serverSum <- [32]byte{}
			return
		}
		defer conn.Close()
		go conn.Write(payload)
		h := sha256.New()
		io.CopyN(h, conn, int64(len(payload)))
		var sum [32]byte
		copy(sum[:], h.Sum(nil))
		serverSum <- sum
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	defer conn.Close()
	go conn.Write(payload)
	h := sha256.New()
	n, err := io.CopyN(h, conn, int64(len(payload)))
	fmt.Println("client received", n, "bytes, intact:", bytes.Equal(h.Sum(nil), want[:]), err)
	got := <-serverSum
	fmt.Println("server received intact:", got == want)
}

// deadlines: a read with nothing to read times out; a later write gets through.
func deadlines() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, _ := ln.Accept()
		accepted <- c
	}()
	conn, err := net.DialTimeout("tcp", ln.Addr().String(), 5*time.Second)
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	defer conn.Close()
	server := <-accepted
	defer server.Close()
	conn.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	buf := make([]byte, 8)
	_, err = conn.Read(buf)
	var ne net.Error
	fmt.Println("read timed out:", errors.As(err, &ne) && ne.Timeout(), errors.Is(err, os.ErrDeadlineExceeded))
	conn.SetReadDeadline(time.Time{})
	go func() {
		time.Sleep(10 * time.Millisecond)
		server.Write([]byte("wake"))
	}()
	n, err := conn.Read(buf)
	fmt.Printf("then read %q %v\n", buf[:n], err)
	server.Close()
	n, err = conn.Read(buf)
	fmt.Println("after the peer closed:", n, err)
}

// refusedConnection dials a port nothing listens on any more.
func refusedConnection() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = net.Dial("tcp", addr)
	fmt.Println("dial closed port refused:", errors.Is(err, syscall.ECONNREFUSED))
}

func udpEcho() {
	server, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen udp:", err)
		return
	}
	defer server.Close()
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := server.ReadFrom(buf)
			if err != nil {
				return
			}
			server.WriteTo(bytes.ToUpper(buf[:n]), from)
		}
	}()
	conn, err := net.Dial("udp", server.LocalAddr().String())
	if err != nil {
		fmt.Println("dial udp:", err)
		return
	}
	defer conn.Close()
	buf := make([]byte, 1500)
	for _, msg := range []string{"ping", "datagram two"} {
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		conn.Write([]byte(msg))
		n, err := conn.Read(buf)
		fmt.Printf("udp echo: %q %v\n", buf[:n], err)
	}
}

func unixSockets(dir string) {
	path := filepath.Join(dir, "echo.sock")
	ln, err := net.Listen("unix", path)
	if err != nil {
		fmt.Println("listen unix:", err)
		return
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				io.Copy(c, c)
			}()
		}
	}()
	var lines []string
	for i := 0; i < 2; i++ {
		c, err := net.Dial("unix", path)
		if err != nil {
			fmt.Println("dial unix:", err)
			return
		}
		fmt.Fprintf(c, "unix %d", i)
		c.(*net.UnixConn).CloseWrite()
		back, err := io.ReadAll(c)
		lines = append(lines, fmt.Sprintf("%q %v", back, err))
		c.Close()
	}
	sort.Strings(lines)
	fmt.Println("unix echoes:", strings.Join(lines, ", "))
	info, err := os.Stat(path)
	fmt.Println("socket file:", err == nil && info.Mode()&os.ModeSocket != 0)
}
