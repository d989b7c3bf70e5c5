// Two goroutines pass a ball back and forth on unbuffered channels: the
// channels order every line, whatever the schedule.
package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan bool)
	go func() {
		for ball := range ping {
			fmt.Println("ping", ball)
			pong <- ball + 1
		}
		close(pong)
	}()
	go func() {
		for ball := range pong {
			fmt.Println("pong", ball)
			if ball >= 5 {
				close(ping)
				break
			}
			ping <- ball + 1
		}
		done <- true
	}()
	ping <- 0
	<-done
}
