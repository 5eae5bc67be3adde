package bus_test

import (
	"context"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

func TestRunRejectsBadSpecs(t *testing.T) {
	b := bustest.Open(t)
	tests := []struct {
		name string
		spec bus.Spec[pipeline.RawItem, pipeline.Story]
	}{
		{"no stage", bus.Spec[pipeline.RawItem, pipeline.Story]{Input: "polywire.raw.>", Fn: extractLike}},
		{"no function", bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>"}},
		{"stage with a dot", bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "ex.tract", Input: "polywire.raw.>", Fn: extractLike}},
		{"input no stream holds", bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "elsewhere.>", Fn: extractLike}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A valid spec would block until ctx is done; a bad one returns at once.
			ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
			defer cancel()
			if err := bus.Run(ctx, b, tc.spec); err == nil {
				t.Error("Run accepted the spec")
			}
		})
	}
}
