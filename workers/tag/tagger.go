package tag

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

// Result is what Tag finds in one text: every mention in text order, and the
// facets deduplicated by id in order of first mention, with counts.
type Result struct {
	Entities      []pipeline.Mention `json:"entities"`
	Places        []pipeline.Entity  `json:"places"`
	People        []pipeline.Entity  `json:"people"`
	Organisations []pipeline.Entity  `json:"organisations"`
}

// Tagger tags texts against a gazetteer. It is safe for concurrent use; Swap
// replaces the gazetteer atomically, and a Tag call in progress finishes with
// the gazetteer it started with.
type Tagger struct {
	ix   atomic.Pointer[index]
	bufs sync.Pool // *buffers, reused across Tag calls
}

// New returns a Tagger for g. A nil g tags nothing but still runs the
// person recogniser.
func New(g *gazetteer.Gazetteer) *Tagger {
	t := &Tagger{}
	t.Swap(g)
	return t
}

// Swap replaces the gazetteer (hot reload). The matching index is built
// before the swap, so taggers never see a half-built index.
func (t *Tagger) Swap(g *gazetteer.Gazetteer) {
	if g == nil {
		g, _ = gazetteer.Load()
	}
	t.ix.Store(buildIndex(g))
}

// Tag finds the entities of text, written in lang (ISO 639-1; "" or "und"
// when unknown), resolving people's roles at the date at (zero: their
// current roles). Every script is matched whatever lang says; lang chooses
// the language of canonical names and the person recogniser's rules.
// Offsets are code points. Tag never fails: bad input yields fewer entities.
func (t *Tagger) Tag(text, lang string, at time.Time) Result {
	ix := t.ix.Load()
	cjk := hasCJK(text)
	buf, _ := t.bufs.Get().(*buffers)
	if buf == nil {
		buf = &buffers{}
	}
	toks, invalid := tokenizeText(text, buf)
	defer t.release(buf, toks)
	ct := newCPText(text, toks, cjk || invalid)
	spans := ix.matchTokens(text, toks)
	if cjk {
		spans = append(spans, ix.matchCJK(ct.runes)...)
		spans = append(spans, jaPeople(ct.runes, spans)...)
		spans = append(spans, japaneseNames(ct.runes, spans)...)
		spans = append(spans, jaDatelines(ct.runes)...)
	}
	spans = append(spans, ix.recognisePeople(text, toks, spans, lang)...)
	spans = append(spans, ix.recogniseOrgs(text, toks, spans, lang)...)
	spans = append(spans, ix.recognisePlaces(text, toks, spans, lang)...)
	spans = dropQuotedTitles(text, toks, ix.extendBranches(text, toks, extendOrgs(text, toks, extendPlaces(text, toks, glosses(ct, ix.mergePeople(ct, resolve(spans)))))))
	spans = ix.foreignBodies(text, toks, ix.splitCountrySuffix(text, toks, spans))
	if lang == "en" {
		spans = ix.governedRegions(text, toks, spans)
	}
	spans = ix.applyRoles(text, ct, toks, spans, lang)
	return ix.result(ct, spans, lang, at)
}

// release returns a token buffer to the pool, cleared so that it keeps no
// text alive; very large buffers are left to the garbage collector. A
// pooled buffer is zero up to its capacity, so clearing the tokens used is
// enough.
func (t *Tagger) release(buf *buffers, toks []token) {
	if cap(toks) > 1<<16 || cap(buf.arena) > 1<<20 {
		return
	}
	clear(toks)
	buf.toks = toks[:0]
	t.bufs.Put(buf)
}

// Stage is the tag stage: it tags story.TaggedText() in the story's
// language at its publication date and returns a copy of the story with
// Entities, Places, People and Organisations replaced. It honours ctx and is
// safe for concurrent use.
func (t *Tagger) Stage(ctx context.Context, story *pipeline.Story) ([]*pipeline.Story, error) {
	if story == nil {
		return nil, pipeline.Permanent(fmt.Errorf("tag: nil story"))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("tag: story %s: %w", story.ID, err)
	}
	r := t.Tag(story.TaggedText(), story.Language, story.Published)
	out := *story
	out.Entities, out.Places, out.People, out.Organisations = r.Entities, r.Places, r.People, r.Organisations
	return []*pipeline.Story{&out}, nil
}
