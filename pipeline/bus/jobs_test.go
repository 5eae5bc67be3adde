package bus_test

import (
	"context"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

// fetchLike turns a job into one raw item per job.
func fetchLike(_ context.Context, j *pipeline.FetchJob) ([]*pipeline.RawItem, error) {
	if j.URL == "bad" {
		return nil, pipeline.Permanentf("feed unparseable")
	}
	return []*pipeline.RawItem{rawItem("from-"+j.Source, 1, "ru", j.Source)}, nil
}

func TestFetchJobsFlowThroughTheWorkQueue(t *testing.T) {
	b := bustest.Open(t)
	ctx := context.Background()
	out := subscribe(t, b.Conn(), "polywire.raw.>")
	slot := mustTime(t, "2026-11-28T18:00:00Z")
	for _, job := range []*pipeline.FetchJob{{Source: "tass", Slot: slot}, {Source: "sibnews", Slot: slot, URL: "bad"}} {
		if _, err := b.PublishJob(ctx, job); err != nil {
			t.Fatal(err)
		}
	}
	startStage(t, b, bus.Spec[pipeline.FetchJob, pipeline.RawItem]{Stage: "fetch", Input: pipeline.SubjectJobs + ".>",
		OutputKind: pipeline.KindRaw, Fn: fetchLike})
	m := receive(t, out)
	if m.Subject != "polywire.raw.ru.tass" || m.Header.Get(pipeline.HeaderCorrelationID) != "job-tass-20261128T180000" {
		t.Errorf("got %s with correlation %q", m.Subject, m.Header.Get(pipeline.HeaderCorrelationID))
	}
	dl := waitDeadLetters(t, b, "fetch", 1)[0]
	if dl.Subject != "polywire.dlq.fetch.sibnews" || dl.OriginalSubject != "polywire-jobs.fetch.sibnews" {
		t.Errorf("dead letter %s from %s", dl.Subject, dl.OriginalSubject)
	}
	eventually(t, "work queue emptied", func() bool {
		s, err := b.JetStream().Stream(ctx, bus.StreamJobs)
		if err != nil {
			return false
		}
		info, err := s.Info(ctx)
		return err == nil && info.State.Msgs == 0
	})
}
