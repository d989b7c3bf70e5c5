// Channels: unbuffered hand-off, buffered queue, len/cap, close, comma-ok,
// range over a channel, and sends and receives in unusual places.
package main

import "fmt"

type Job struct {
	ID   int
	Name string
}

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func producer(n int, out chan<- Job, done chan struct{}) {
	for i := 0; i < n; i++ {
		out <- Job{i, fmt.Sprint("job", i)}
	}
	close(out)
	<-done
}

func gen(vals ...int) <-chan int {
	ch := make(chan int, len(vals))
	for _, v := range vals {
		ch <- v
	}
	close(ch)
	return ch
}

func main() {
	jobs := make(chan Job)
	done := make(chan struct{})
	go producer(3, jobs, done)
	for j := range jobs {
		fmt.Println("got", j.ID, j.Name)
	}
	done <- struct{}{}

	buf := make(chan string, 3)
	buf <- "a"
	buf <- "b"
	fmt.Println(len(buf), cap(buf))
	fmt.Println(<-buf + <-buf)
	close(buf)
	v, ok := <-buf
	fmt.Printf("%q %v\n", v, ok)

	var total int
	for v := range gen(1, 2, 3, 4) {
		total += v
	}
	fmt.Println("total", total)

	shapes := make(chan Shape, 2)
	shapes <- Sq{2}
	shapes <- nil
	s := <-shapes
	fmt.Println(s.Area())
	if s2, ok := <-shapes; ok {
		fmt.Println("nil shape", s2 == nil)
	}
	var errs = make(chan error, 1)
	errs <- fmt.Errorf("boom")
	var e, eok = <-errs
	fmt.Println(e, eok)

	nums := make(chan int, 10)
	for i := 0; i < 3; nums <- i {
		i++
	}
	close(nums)
	for range nums {
		total++
	}
	fmt.Println("total", total)

	type B bool
	var got B
	x := make(chan int, 1)
	x <- 7
	var n int
	n, got = <-x
	fmt.Println(n, got)

	chch := make(chan chan int, 1)
	inner := make(chan int, 1)
	chch <- inner
	(<-chch) <- 42
	fmt.Println(<-inner)
	func() {
		c := make(chan int, 1)
		c <- 1
		<-c
		(<-gen(5))
	}()
}
