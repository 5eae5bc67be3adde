package translate_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
	"github.com/polywire/polywire/workers/translate/apertium"
	"github.com/polywire/polywire/workers/translate/apertium/apertiumtest"
)

// TestStageConcurrent runs the stage from several goroutines against one
// real APY (run with -race): every story comes out translated, and the same
// input twice gives the same output.
func TestStageConcurrent(t *testing.T) {
	tr := translate.New(translate.Options{
		Engines: []translate.Engine{apertium.New(apertiumtest.Start(t), apertium.Options{})},
		Targets: []string{"en"},
	})
	const n = 8
	bodies := make([]string, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			s := story("es", esHeadline, esBody)
			s.ID = fmt.Sprint("s", i)
			out, err := tr.Stage(context.Background(), s)
			if err != nil {
				errs <- err
				return
			}
			if g := out[0].Translations["en"]; g.Status != pipeline.TranslationOK {
				errs <- fmt.Errorf("story %d: %+v", i, g)
				return
			}
			bodies[i] = out[0].Translations["en"].Body
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i := 1; i < n; i++ {
		if bodies[i] != bodies[0] {
			t.Errorf("story %d translated differently:\n%q\n%q", i, bodies[i], bodies[0])
		}
	}
}
