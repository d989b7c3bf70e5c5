package tour_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// parityEN is the English side of the parity tests; each test edits a copy
// for the Chinese side.
const parityEN = `---
id: hello
title: Hello
order: 1
exercises: greet
summary: Say hello.
---
## Start here {#start}

` + "```go run id=hello show=timeline" + `
package main

import "fmt"

// main says hello.
func main() {
	fmt.Println("hello") // to stdout
}
` + "```" + `

` + "```output" + `
hello
` + "```" + `

## Exercise

` + "```go run id=greet exercise=greet" + `
package main

func main() {
	/* write here */
}
` + "```" + `
`

func parityTour(t *testing.T, lang, src string) *tour.Tour {
	t.Helper()
	tr, err := tour.Load(fstest.MapFS{lang + "/01-hello.md": {Data: []byte(src)}}, lang)
	if err != nil {
		t.Fatalf("Load %s: %v", lang, err)
	}
	return tr
}

func TestCheckParity(t *testing.T) {
	tests := []struct {
		name  string
		edits []string // old, new pairs applied to parityEN to make the zh file
		want  []string // error lines; nil for no error
	}{
		{"comments, prose, titles differ", []string{
			"title: Hello", "title: 你好",
			"## Start here {#start}", "## 从这里开始 {#start}",
			"// main says hello.", "// main 打招呼。\n// 第二行注释。",
			"// to stdout", "// 输出到标准输出",
			"/* write here */", "// 在这里写代码",
			"## Exercise", "## 练习 {#exercise}",
		}, nil},
		{"string literal translated", []string{`fmt.Println("hello")`, `fmt.Println("你好")`},
			[]string{`en/01-hello.md:10: snippet "hello": code on line 17 differs from zh/01-hello.md:17 (only comments may differ)`}},
		{"extra statement", []string{"/* write here */", "println()"},
			[]string{`en/01-hello.md:27: snippet "greet": code on line 32 differs from zh/01-hello.md:31 (only comments may differ)`}},
		{"settings", []string{"id=hello show=timeline", "id=hello procs=2"},
			[]string{`en/01-hello.md:10: snippet "hello": settings "go run id=hello show=timeline", but zh/01-hello.md:10 has "go run id=hello procs=2"`}},
		{"output", []string{"```output\nhello", "```output unordered\nhello"},
			[]string{`en/01-hello.md:10: snippet "hello": expected output differs from zh/01-hello.md:10`}},
		{"anchor", []string{"{#start}", "{#begin}"}, []string{
			`en/01-hello.md:8: section 1 has anchor "start", but zh/01-hello.md:8 has "begin"`,
			`en/01-hello.md:10: snippet "hello": in section "start", but zh/01-hello.md:10 is in section "begin"`,
		}},
		{"missing section", []string{"## Exercise\n", ""}, []string{
			`en/01-hello.md:25: section 2 has anchor "exercise", but zh/01-hello.md has no section 2`,
			`en/01-hello.md:27: snippet "greet": in section "exercise", but zh/01-hello.md:26 is in section "start"`,
		}},
		{"extra section", []string{"## Exercise\n", "## Exercise\n\n## More\n"}, []string{
			`en/01-hello.md:1: has no section 3, but zh/01-hello.md:27 has one, with anchor "more"`,
			`en/01-hello.md:27: snippet "greet": in section "exercise", but zh/01-hello.md:29 is in section "more"`,
		}},
		{"snippet renamed", []string{"id=hello show", "id=hi show"}, []string{
			`en/01-hello.md:1: snippets differ: hello greet, but zh/01-hello.md has hi greet`,
		}},
		{"order and exercises", []string{"order: 1", "order: 2", "exercises: greet", "exercises:", " exercise=greet", ""}, []string{
			"en/01-hello.md:1: order 1, but zh/02-hello.md has order 2",
			`en/01-hello.md:1: exercises ["greet"], but zh/02-hello.md has []`,
			`en/01-hello.md:27: snippet "greet": settings "go run id=greet exercise=greet", but zh/02-hello.md:27 has "go run id=greet"`,
		}},
	}
	en := parityTour(t, "en", parityEN)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zhSrc := strings.NewReplacer(tt.edits...).Replace(parityEN)
			if zhSrc == parityEN {
				t.Fatal("edits changed nothing")
			}
			file := "01-hello.md"
			if strings.Contains(zhSrc, "order: 2") {
				file = "02-hello.md"
			}
			zh, err := tour.Load(fstest.MapFS{"zh/" + file: {Data: []byte(zhSrc)}}, "zh")
			if err != nil {
				t.Fatalf("Load zh: %v", err)
			}
			var got []string
			if err := tour.CheckParity(en, zh); err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckParity errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckParityLessons(t *testing.T) {
	en := parityTour(t, "en", parityEN)
	other := strings.NewReplacer("id: hello", "id: bye", "01-hello", "01-bye").Replace(parityEN)
	zh, err := tour.Load(fstest.MapFS{"zh/01-bye.md": {Data: []byte(other)}}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	err = tour.CheckParity(en, zh)
	want := "lessons differ: en has hello, zh has bye"
	if err == nil || err.Error() != want {
		t.Errorf("CheckParity error = %v, want %q", err, want)
	}
}
