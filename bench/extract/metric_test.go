package main

import (
	"math"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		name, truth, pred string
		want              counts
	}{
		{"identical", "one two three four five", "one two three four five", counts{tp: 2}},
		{"extra text", "one two three four", "one two three four five", counts{tp: 1, fp: 1}},
		{"missing text", "one two three four five", "one two three four", counts{tp: 1, fn: 1}},
		{"short texts are one shingle", "Hello world", "Hello, world!", counts{tp: 1}},
		{"empty prediction", "one two three four", "", counts{fn: 1}},
		{"repeated shingles count as a multiset", "a b c d a b c d", "a b c d", counts{tp: 1, fn: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compare(tt.truth, tt.pred); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestScoreAveragesBeforeF1(t *testing.T) {
	p, r, f1 := score([]counts{{tp: 1}, {tp: 1, fp: 1}, {fn: 2}})
	// Precision over pages with predictions: (1 + 0.5)/2; recall over
	// pages with truth: (1 + 1 + 0)/3.
	if math.Abs(p-0.75) > 1e-9 || math.Abs(r-2.0/3) > 1e-9 || math.Abs(f1-2*0.75*(2.0/3)/(0.75+2.0/3)) > 1e-9 {
		t.Errorf("p %.4f r %.4f f1 %.4f", p, r, f1)
	}
}
