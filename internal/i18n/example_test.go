package i18n_test

import (
	"fmt"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

func Example() {
	// A learner with a Chinese locale and no --lang flag.
	env := map[string]string{"LANG": "zh_CN.UTF-8"}
	getenv := func(k string) string { return env[k] }

	greeting := i18n.Text{En: "Welcome to the course", Zh: "欢迎学习本课程"}
	fmt.Println(greeting.In(i18n.Detect("", getenv)))
	fmt.Println(greeting.In(i18n.Detect("en", getenv)))

	// A message nobody has translated yet falls back to English.
	fmt.Println(i18n.Text{En: "coming soon"}.In(i18n.Zh))
	// Output:
	// 欢迎学习本课程
	// Welcome to the course
	// coming soon
}

func ExampleParse() {
	for _, s := range []string{"zh_CN.UTF-8", "en-US", "fr"} {
		l, err := i18n.Parse(s)
		fmt.Printf("%q %v\n", l, err)
	}
	// Output:
	// "zh" <nil>
	// "en" <nil>
	// "" unknown language "fr" (valid: en, zh)
}
