package shingle

import (
	"math"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		name, truth, pred string
		want              Counts
	}{
		{"identical", "one two three four five", "one two three four five", Counts{TP: 2}},
		{"extra text", "one two three four", "one two three four five", Counts{TP: 1, FP: 1}},
		{"missing text", "one two three four five", "one two three four", Counts{TP: 1, FN: 1}},
		{"short texts are one shingle", "Hello world", "Hello, world!", Counts{TP: 1}},
		{"empty prediction", "one two three four", "", Counts{FN: 1}},
		{"repeated shingles count as a multiset", "a b c d a b c d", "a b c d", Counts{TP: 1, FN: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compare(tt.truth, tt.pred); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestScoreAveragesBeforeF1(t *testing.T) {
	p, r, f1 := Score([]Counts{{TP: 1}, {TP: 1, FP: 1}, {FN: 2}})
	// Precision over pages with predictions: (1 + 0.5)/2; recall over
	// pages with truth: (1 + 1 + 0)/3.
	if math.Abs(p-0.75) > 1e-9 || math.Abs(r-2.0/3) > 1e-9 || math.Abs(f1-2*0.75*(2.0/3)/(0.75+2.0/3)) > 1e-9 {
		t.Errorf("p %.4f r %.4f f1 %.4f", p, r, f1)
	}
}
