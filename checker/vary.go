package checker

import (
	"context"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// A program that prints the expected answer without computing it passes
// every check of one run. What gives it away is that its output does not
// follow its inputs: change a value the task tells the learner to keep (a
// duration, the numbers to sum, the names to fetch) and the reference
// prints something else, while the hard-coded program prints the same.
// So an exercise lists such changes, and the grader runs the learner's
// program and the reference with each and compares what they print.

// Variation is one change of an exercise's inputs, made of one or more
// replacements applied together. Both the learner's program and the
// reference get the same change.
type Variation []Change

// Change replaces every expression of the program that is Old (compared
// as Go source without blanks, or as a constant: 10_000 is 10000) by New.
type Change struct {
	Old, New string
}

func (v Variation) String() string {
	var parts []string
	for _, c := range v {
		parts = append(parts, c.Old+" → "+c.New)
	}
	return strings.Join(parts, ", ")
}

// Compare says how the outputs of the learner's program and of the
// reference are compared under a variation.
type Compare struct {
	// Unordered compares the lines in any order.
	Unordered bool
	// Ignore drops the lines that match it before comparing: lines that
	// depend on how the work was scheduled, such as a time taken.
	Ignore *regexp.Regexp
}

// vary returns src with the replacements of v made, and how many it
// made. Matching is on the syntax tree, outermost first, so a replaced
// expression is not searched again; the new text is parenthesized, so it
// binds as the old expression did.
func vary(src []byte, v Variation) ([]byte, int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "prog.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, 0, err
	}
	olds := make([]ast.Expr, len(v))
	for i, c := range v {
		if olds[i], err = parser.ParseExpr(c.Old); err != nil {
			return nil, 0, fmt.Errorf("variation %q: %w", c.Old, err)
		}
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	ast.Inspect(f, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		for i, old := range olds {
			if sameExpr(e, old) {
				edits = append(edits, edit{fset.Position(e.Pos()).Offset, fset.Position(e.End()).Offset, "(" + v[i].New + ")"})
				return false
			}
		}
		return true
	})
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := slices.Clone(src)
	for _, e := range edits {
		out = slices.Concat(out[:e.start], []byte(e.text), out[e.end:])
	}
	return out, len(edits), nil
}

// sameExpr reports whether a and b are the same expression: the same
// constant for two literals (10_000 and 10000), else the same source
// without blanks.
func sameExpr(a, b ast.Expr) bool {
	la, okA := a.(*ast.BasicLit)
	lb, okB := b.(*ast.BasicLit)
	if okA && okB {
		ca, cb := constant.MakeFromLiteral(la.Value, la.Kind, 0), constant.MakeFromLiteral(lb.Value, lb.Kind, 0)
		return la.Kind == lb.Kind && ca.Kind() != constant.Unknown && constant.Compare(ca, token.EQL, cb)
	}
	if okA != okB {
		return false
	}
	return squeeze(types.ExprString(a)) == squeeze(types.ExprString(b))
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// sameOutput compares two outputs as c says.
func (c Compare) sameOutput(a, b string) bool {
	la, lb := c.keep(lines(a)), c.keep(lines(b))
	if c.Unordered {
		slices.Sort(la)
		slices.Sort(lb)
	}
	return slices.Equal(la, lb)
}

func (c Compare) keep(ls []string) []string {
	if c.Ignore == nil {
		return ls
	}
	return slices.DeleteFunc(ls, c.Ignore.MatchString)
}

// olds lists the expressions v replaces.
func (v Variation) olds() string {
	var parts []string
	for _, c := range v {
		parts = append(parts, c.Old)
	}
	return strings.Join(parts, ", ")
}

// msgInputsRewritten says that the program no longer has the inputs the
// task gives, so that the grader cannot vary them.
func msgInputsRewritten(v Variation) i18n.Text {
	return i18n.Text{
		En: fmt.Sprintf("Your program no longer contains %s, which the task gives and the grader changes to see that the output follows: keep the inputs as the starter writes them.", v.olds()),
		Zh: fmt.Sprintf("你的程序里已经没有 %s 了。这是题目给出的输入，评分时会改变它，看输出是否跟着变：请保持起始代码里输入的写法。", v.olds()),
	}
}

// msgHardCoded says what a program whose output does not follow its
// inputs did.
func msgHardCoded(v Variation) i18n.Text {
	return i18n.Text{
		En: fmt.Sprintf("With the inputs changed (%s), your program does not print what the reference solution prints: its output does not follow the inputs the task gives, as if it were typed in rather than computed. Compute the result from the inputs.", v),
		Zh: fmt.Sprintf("把输入改一下（%s），你的程序打印的内容就和参考答案不一样了：它的输出没有随题目给出的输入而变化，像是直接写进代码的，而不是算出来的。请根据输入把结果算出来。", v),
	}
}

// nameComputes is the case that grades the variations.
var nameComputes = i18n.Text{
	En: "computes its output: follows the reference when the inputs change",
	Zh: "输出是算出来的：输入改变时，输出与参考答案一致",
}

// refOutput returns what the reference solution prints with variation i
// on procs Ps, running it the first time it is asked for.
func (g *grading) refOutput(ctx context.Context, i int, s schedule) (string, error) {
	ex := g.ex
	key := fmt.Sprint(i, "/", s.Procs, "/", g.cpus)
	ex.refMu.Lock()
	defer ex.refMu.Unlock()
	if out, ok := ex.refOut[key]; ok {
		return out, nil
	}
	src, _, err := vary([]byte(ex.Solution), ex.Inputs[i])
	if err != nil {
		return "", err
	}
	res, err := g.runOne(ctx, src, s)
	if err != nil {
		return "", err
	}
	if res.Outcome != runner.OutcomeOK || res.ExitCode != 0 {
		return "", fmt.Errorf("the reference solution of %s does not end normally with %s: %v\n%s", ex.ID, ex.Inputs[i], res.Outcome, res.Stderr)
	}
	if ex.refOut == nil {
		ex.refOut = map[string]string{}
	}
	ex.refOut[key] = string(res.Stdout)
	return string(res.Stdout), nil
}

// gradeInputs runs the learner's program with each variation of the
// exercise's inputs, once, and compares what it prints with what the
// reference prints. It runs only once every schedule has passed: a
// program that fails already needs no more checks.
func (g *grading) gradeInputs(ctx context.Context, src []byte) error {
	if len(g.ex.Inputs) == 0 {
		return nil
	}
	cr := &g.results[len(g.results)-1]
	if g.stopped || g.results[0].Status != Pass || g.graded == 0 {
		cr.Status, cr.Message = Skip, msgSkipStopped
		if g.results[0].Status != Pass {
			cr.Message = msgSkipCompile
		}
		return nil
	}
	s := schedule{Seed: 0, Procs: slices.Max(g.opts.Procs)}
	for i, v := range g.ex.Inputs {
		want, err := g.refOutput(ctx, i, s)
		if err != nil {
			return err
		}
		varied, n, err := vary(src, v)
		if err != nil {
			return err
		}
		if n == 0 {
			// Nothing to vary: the learner rewrote the inputs. Say so,
			// rather than guess that the output is typed in.
			cr.Status, cr.Message = Fail, msgInputsRewritten(v)
			cr.Got, cr.Want = tr("none of: "+v.olds(), "没有："+v.olds()), text(v.olds())
			return nil
		}
		res, err := g.runOne(ctx, varied, s)
		if err != nil {
			return err
		}
		got := string(res.Stdout)
		if res.Outcome == runner.OutcomeOK && res.ExitCode == 0 && g.ex.Compare.sameOutput(got, want) {
			continue
		}
		cr.Status, cr.Got, cr.Want, cr.Message = Fail, text(got), text(want), msgHardCoded(v)
		if res.Outcome != runner.OutcomeOK || res.ExitCode != 0 {
			r := newRun(s, res)
			cr.Got = r.outcomeText()
		}
		return nil
	}
	cr.Status, cr.Runs = Pass, len(g.ex.Inputs)
	return nil
}
