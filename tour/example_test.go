package tour_test

import (
	"fmt"

	"github.com/gotour-gpm/gotour-gpm/tour"
)

func ExampleParse() {
	src := "---\n" +
		"id: hello\n" +
		"title: Hello, goroutines\n" +
		"order: 1\n" +
		"summary: The smallest concurrent program.\n" +
		"---\n" +
		"## 起步 {#start}\n" +
		"\n" +
		"```go run id=hello procs=2 show=timeline\n" +
		"package main\n" +
		"\n" +
		"import \"fmt\"\n" +
		"\n" +
		"func main() { fmt.Println(\"hello\") }\n" +
		"```\n" +
		"\n" +
		"```output\n" +
		"hello\n" +
		"```\n"
	l, err := tour.Parse("zh/01-hello.md", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.ID, l.Title)
	for _, s := range l.Sections {
		fmt.Printf("section %q #%s at line %d\n", s.Title, s.Anchor, s.Line)
	}
	for _, s := range l.Snippets {
		fmt.Printf("snippet %s at line %d: %d P, show %v, output %q\n",
			s.ID, s.Line, s.Info.Procs, s.Info.Show, s.Output.Stdout)
	}

	_, err = tour.Parse("zh/01-hello.md", []byte("---\nid: hello\n---\n## 总结\n"))
	fmt.Println(err)
	// Output:
	// hello Hello, goroutines
	// section "起步" #start at line 7
	// snippet hello at line 9: 2 P, show [timeline], output "hello\n"
	// zh/01-hello.md:1: front matter has no "title"
	// zh/01-hello.md:1: front matter has no "order"
	// zh/01-hello.md:1: front matter has no "summary"
	// zh/01-hello.md:4: heading "总结" has no ASCII letters to make an anchor from: add {#anchor}
}
