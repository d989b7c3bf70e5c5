// sandbox: 2^30 Ps need 8 GB for allp alone.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.GOMAXPROCS(1 << 30))
	fmt.Println(runtime.GOMAXPROCS(0))
}
