// range over a channel receives every value sent, then ends when the channel is closed.
package main

import "fmt"

func main() {
	fmt.Println("start")
	ch := make(chan string)
	go func() {
		for _, w := range []string{"a", "b", "c"} {
			fmt.Println("produce", w)
			ch <- w
		}
		fmt.Println("producer closes")
		close(ch)
	}()
	for w := range ch {
		fmt.Println("consume", w)
	}
	fmt.Println("range ended")
}
