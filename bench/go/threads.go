// threads.go - the Go side of row 11 (bench/threads_bench.c): the same
// cases as goroutines, on GOMAXPROCS threads.
//
//	threads CASE THREADS N
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

const workSteps = 6000

func work(x uint64) uint64 {
	for i := 0; i < workSteps; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

func parallel(n int) int64 {
	var sum uint64
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			atomic.AddUint64(&sum, work(uint64(i))&0xffff)
			wg.Done()
		}(i)
	}
	wg.Wait()
	return int64(sum)
}

const cutoff = 4096

func msort(a, tmp []int32) {
	n := len(a)
	if n <= cutoff {
		sort.Slice(a, func(i, j int) bool { return a[i] < a[j] })
		return
	}
	h := n / 2
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { msort(a[:h], tmp[:h]); wg.Done() }()
	msort(a[h:], tmp[h:])
	wg.Wait()
	i, j, k := 0, h, 0
	for i < h && j < n {
		if a[j] < a[i] {
			tmp[k] = a[j]
			j++
		} else {
			tmp[k] = a[i]
			i++
		}
		k++
	}
	k += copy(tmp[k:], a[i:h])
	copy(tmp[k:], a[j:n])
	copy(a, tmp[:n])
}

func spawn(n int) int64 {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() { wg.Done() }()
	}
	wg.Wait()
	return 0
}

func pingpong(n int) int64 {
	ping, pong := make(chan int64), make(chan int64)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	var v int64
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	return v
}

// pingpong with each goroutine locked to an OS thread of its own: the
// two really are on different threads, as row 11 asks.
func pingpongLocked(n int) int64 {
	ping, pong := make(chan int64), make(chan int64)
	go func() {
		runtime.LockOSThread()
		for v := range ping {
			pong <- v + 1
		}
	}()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var v int64
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	return v
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: threads CASE THREADS N")
		os.Exit(2)
	}
	threads, _ := strconv.Atoi(os.Args[2])
	n, _ := strconv.Atoi(os.Args[3])
	runtime.GOMAXPROCS(threads)
	var a, tmp []int32
	if os.Args[1] == "msort" {
		a, tmp = make([]int32, n), make([]int32, n)
		x := uint32(12345)
		for i := range a {
			x = x*1103515245 + 12345
			a[i] = int32(x >> 1)
		}
	}
	var check int64
	t0 := time.Now()
	switch os.Args[1] {
	case "parallel":
		check = parallel(n)
	case "msort":
		msort(a, tmp)
		for i := 1; i < n; i++ {
			if a[i-1] > a[i] {
				check++
			}
		}
	case "spawn":
		check = spawn(n)
	case "pingpong":
		check = pingpong(n)
	case "pingpong-locked":
		check = pingpongLocked(n)
	default:
		fmt.Fprintln(os.Stderr, "threads: no case", os.Args[1])
		os.Exit(2)
	}
	fmt.Println(time.Since(t0).Nanoseconds(), check)
}
