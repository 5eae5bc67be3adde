package translate

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"strings"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// Stage translates a story into every target language other than its own
// and returns one story: a copy of s whose Translations hold, for each such
// target, exactly one entry:
//
//   - ok: headline and body translated by the first engine listing the
//     pair (Engine names it; Machine is true; Created is Now);
//   - no-engine: the story's language is unknown ("source language
//     unknown") or no engine lists the pair ("no engine serves ru→en");
//   - failed: the engine failed permanently (pair rejected, empty
//     translation), or it has kept failing on this pair with retryable
//     errors for longer than Options.GiveUpAfter; Detail holds the error.
//
// A retryable engine failure within GiveUpAfter makes Stage return that
// error and no story, so the runner redelivers the story with backoff; a
// story is therefore only dead-lettered when the runner's attempts run out
// before GiveUpAfter has passed. A cancelled ctx returns ctx's error. The
// input story is not modified. Translations of languages that are not
// targets are kept as they were.
func (t *Translator) Stage(ctx context.Context, s *pipeline.Story) ([]*pipeline.Story, error) {
	out := *s
	out.Translations = maps.Clone(s.Translations)
	if out.Translations == nil {
		out.Translations = map[string]pipeline.Translation{}
	}
	var errs []error
	lang := normLang(s.Language)
	for _, target := range t.targets {
		if target == lang {
			continue
		}
		tr, err := t.translateStory(ctx, s, target)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out.Translations[target] = tr
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(out.Translations) == 0 {
		out.Translations = s.Translations
	}
	return []*pipeline.Story{&out}, nil
}

// translateStory returns the Translation of s into target, or a retryable
// error when the story should be redelivered.
func (t *Translator) translateStory(ctx context.Context, s *pipeline.Story, target string) (pipeline.Translation, error) {
	log := t.log.With("story_id", s.ID, "source", s.Source, "target", target)
	from := normLang(s.Language)
	if from == "" || from == pipeline.LanguageUnknown {
		return t.status(pipeline.TranslationNoEngine, "source language unknown"), nil
	}
	p := Pair{From: from, To: target}
	e, err := t.pick(ctx, p)
	switch {
	case errors.Is(err, ErrNoEngine):
		log.Debug("no engine", "pair", p.String())
		return t.status(pipeline.TranslationNoEngine, "no engine serves "+p.String()), nil
	case err != nil:
		return t.failure(ctx, log, "pairs|"+p.String(), err)
	}
	key := e.Name() + "|" + p.String()
	tr, err := t.translate(ctx, e, p, s)
	if err != nil {
		return t.failure(ctx, log, key, err)
	}
	t.outages.ok(key)
	log.Debug("translated", "engine", e.Name())
	return tr, nil
}

// translate asks e for the headline and the body under the stage timeout.
func (t *Translator) translate(ctx context.Context, e Engine, p Pair, s *pipeline.Story) (pipeline.Translation, error) {
	ctx, cancel := context.WithTimeout(ctx, t.timeout)
	defer cancel()
	head, err := e.Translate(ctx, p.From, p.To, s.Headline)
	if err != nil {
		return pipeline.Translation{}, fmt.Errorf("translate: %s %s headline: %w", e.Name(), p, err)
	}
	body, err := e.Translate(ctx, p.From, p.To, s.Body)
	if err != nil {
		return pipeline.Translation{}, fmt.Errorf("translate: %s %s body: %w", e.Name(), p, err)
	}
	if err := checkNotEmpty(s, head, body); err != nil {
		return pipeline.Translation{}, fmt.Errorf("translate: %s %s: %w", e.Name(), p, err)
	}
	tr := t.status(pipeline.TranslationOK, "")
	tr.Headline, tr.Body, tr.Engine = head, body, e.Name()
	return tr, nil
}

// checkNotEmpty guards against engines that answer text with nothing.
func checkNotEmpty(s *pipeline.Story, head, body string) error {
	if (strings.TrimSpace(s.Headline) != "" && strings.TrimSpace(head) == "") ||
		(strings.TrimSpace(s.Body) != "" && strings.TrimSpace(body) == "") {
		return pipeline.Permanent(ErrEmptyTranslation)
	}
	return nil
}

// failure turns an engine error into a failed Translation (permanent errors,
// or an outage longer than GiveUpAfter) or returns it for redelivery.
func (t *Translator) failure(ctx context.Context, log *slog.Logger, key string, err error) (pipeline.Translation, error) {
	if ctx.Err() != nil {
		return pipeline.Translation{}, err
	}
	if pipeline.IsPermanent(err) {
		log.Warn("translation failed", "error", err)
		return t.status(pipeline.TranslationFailed, err.Error()), nil
	}
	lasted := t.outages.fail(key, t.now())
	if t.giveUpAfter >= 0 && lasted >= t.giveUpAfter {
		log.Warn("engine still failing, giving up on this story", "error", err, "outage", lasted.String())
		return t.status(pipeline.TranslationFailed, fmt.Sprintf("engine failing for %s: %v", lasted.Round(time.Second), err)), nil
	}
	log.Warn("translation retryable failure", "error", err)
	return pipeline.Translation{}, err
}

func (t *Translator) status(status, detail string) pipeline.Translation {
	return pipeline.Translation{Status: status, Detail: detail, Machine: true, Created: t.now()}
}
