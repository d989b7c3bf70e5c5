package checker

import (
	"go/ast"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

func TestConstructNames(t *testing.T) {
	tests := []struct {
		got  i18n.Text
		want i18n.Text
	}{
		{MustUse(GoStmt).Name, i18n.Text{En: "uses a go statement", Zh: "使用了 go 语句"}},
		{MustNotUse(Call("time", "Sleep").Outside("fetch")).Name, i18n.Text{En: "does not use time.Sleep outside fetch", Zh: "没有使用 fetch 之外的 time.Sleep"}},
		{MustUse(Channel).Name, i18n.Text{En: "uses a channel", Zh: "使用了通道"}},
		{MustUse(Recv("").In("main")).Name, i18n.Text{En: "uses a receive from a channel in main", Zh: "使用了 main 中的从通道接收"}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("name = %+v, want %+v", tt.got, tt.want)
		}
	}
}

func TestConstInt(t *testing.T) {
	for src, want := range map[string]int64{"16 << 10": 16384, "16384": 16384, "(1 << 14)": 16384, "16*1024": 16384, "1_000": 1000} {
		s, err := parseSource("p.go", []byte("package p\n\nvar x = "+src+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		var got int64
		var ok bool
		for _, d := range s.File.Decls {
			got, ok = constInt(valueOf(d))
		}
		if !ok || got != want {
			t.Errorf("constInt(%s) = %d, %v; want %d", src, got, ok, want)
		}
	}
}

// valueOf returns the value of a one-variable declaration.
func valueOf(d ast.Decl) ast.Expr {
	return d.(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0]
}
