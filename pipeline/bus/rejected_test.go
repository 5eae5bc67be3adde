package bus_test

import (
	"strings"
	"testing"

	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

func TestPublishDeadLetterOfRejectedInput(t *testing.T) {
	b := bustest.Open(t)
	ctx := t.Context()
	r := bus.Rejected{Stage: "fetch", Source: "ap-drop", URL: "file:///drop/ap/bad.xml",
		Reason: "fetch: not a NewsML-G2 item:\nunexpected EOF", Data: []byte("<newsItem")}
	first, err := b.PublishDeadLetter(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	again, err := b.PublishDeadLetter(ctx, r)
	if err != nil || !again.Duplicate || again.Seq != first.Seq {
		t.Errorf("the same rejected input twice must be stored once: %+v %v", again, err)
	}
	dls, err := b.DeadLetters(ctx, bus.DLQFilter{Source: "ap-drop"})
	if err != nil || len(dls) != 1 {
		t.Fatalf("dead letters %+v, %v", dls, err)
	}
	d := dls[0]
	if d.Stage != "fetch" || d.URL != r.URL || string(d.Data) != "<newsItem" || strings.Contains(d.Reason, "\n") || !strings.Contains(d.Reason, "unexpected EOF") {
		t.Errorf("dead letter %+v", d)
	}
	if err := b.ReplayDeadLetter(ctx, d.Seq); err == nil {
		t.Error("a rejected input has no original subject to replay to")
	}
}
