package bus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
)

// Stream names provisioned by Open.
const (
	// StreamStories holds every stage output, polywire.<kind>.<lang>.<source>
	// for raw, extracted, tagged, translated and indexed (limits retention,
	// MaxAge = Options.Retention).
	StreamStories = "POLYWIRE"
	// StreamJobs is the work queue of fetch jobs, polywire-jobs.fetch.<source>.
	StreamJobs = "POLYWIRE_JOBS"
	// StreamDLQ holds dead letters, polywire.dlq.<stage>.<source>.
	StreamDLQ = "POLYWIRE_DLQ"
	// StreamEvents holds source health events, polywire.events.>.
	StreamEvents = "POLYWIRE_EVENTS"
	// PayloadBucket is the object store bucket for payloads too large for
	// one message (see docs/bus.md).
	PayloadBucket = "polywire-payloads"
)

// DuplicateWindow is how long JetStream remembers a Nats-Msg-Id.
const DuplicateWindow = 10 * time.Minute

func (b *Bus) streamConfigs() []jetstream.StreamConfig {
	r := b.opts.Retention
	kinds := []string{pipeline.KindRaw, pipeline.KindExtracted, pipeline.KindTagged,
		pipeline.KindTranslated, pipeline.KindIndexed}
	subjects := make([]string, len(kinds))
	for i, k := range kinds {
		subjects[i] = pipeline.SubjectRoot + "." + k + ".>"
	}
	return []jetstream.StreamConfig{
		{Name: StreamStories, Subjects: subjects, Retention: jetstream.LimitsPolicy,
			MaxAge: r, Duplicates: DuplicateWindow, Storage: jetstream.FileStorage},
		{Name: StreamJobs, Subjects: []string{pipeline.SubjectJobs + ".>"},
			Retention: jetstream.WorkQueuePolicy, MaxAge: 24 * time.Hour,
			Duplicates: DuplicateWindow, Storage: jetstream.FileStorage},
		{Name: StreamDLQ, Subjects: []string{pipeline.SubjectDLQ + ".>"},
			Retention: jetstream.LimitsPolicy, MaxAge: r, Duplicates: DuplicateWindow,
			Storage: jetstream.FileStorage},
		{Name: StreamEvents, Subjects: []string{pipeline.SubjectRoot + ".events.>"},
			Retention: jetstream.LimitsPolicy, MaxAge: r, Storage: jetstream.FileStorage},
	}
}

// provision creates or updates every stream and the payload object store.
// It is idempotent: every process of a deployment runs it at start.
func (b *Bus) provision(ctx context.Context) error {
	for _, cfg := range b.streamConfigs() {
		if _, err := b.js.CreateOrUpdateStream(ctx, cfg); err != nil {
			return fmt.Errorf("bus: provisioning stream %s: %w", cfg.Name, err)
		}
	}
	obs, err := b.js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{
		Bucket:      PayloadBucket,
		Description: "Polywire payloads larger than one message",
		TTL:         b.opts.Retention + 24*time.Hour,
		Storage:     jetstream.FileStorage,
	})
	if err != nil {
		return fmt.Errorf("bus: provisioning object store %s: %w", PayloadBucket, err)
	}
	b.objects = obs
	return nil
}
