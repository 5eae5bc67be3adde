package web

import (
	"net/http"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// uiLanguages picks the UI language of a request among those of the bundle.
type uiLanguages struct {
	tags    []language.Tag
	matcher language.Matcher
}

func newUILanguages(b *i18n.Bundle) *uiLanguages {
	tags := b.LanguageTags() // the default language comes first
	return &uiLanguages{tags: tags, matcher: language.NewMatcher(tags)}
}

// choice is the UI language of one request. Explicit is true when it came
// from a valid ?lang=, which links then carry along.
type choice struct {
	Tag      language.Tag
	Explicit bool
}

// pick chooses from ?lang= (when we speak it), else Accept-Language, else
// the bundle's default.
func (u *uiLanguages) pick(r *http.Request) choice {
	if v := r.URL.Query().Get("lang"); v != "" {
		if t, err := language.Parse(v); err == nil {
			if i, ok := u.match(t); ok {
				return choice{Tag: u.tags[i], Explicit: true}
			}
		}
	}
	if tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language")); err == nil && len(tags) > 0 {
		if i, ok := u.match(tags...); ok {
			return choice{Tag: u.tags[i]}
		}
	}
	return choice{Tag: u.tags[0]}
}

func (u *uiLanguages) match(tags ...language.Tag) (int, bool) {
	_, i, conf := u.matcher.Match(tags...)
	return i, conf != language.No
}

// translator localizes the messages of one page. Missing messages fall back
// to English and, failing that, to the message id, so a page never breaks
// over a string.
type translator struct {
	loc  *i18n.Localizer
	tag  language.Tag
	lang string
	// names resolves an entity id to its name in a language ("" when
	// unknown); nil when the handler has no resolver.
	names func(id, lang string) string
}

func newTranslator(b *i18n.Bundle, tag language.Tag, names func(id, lang string) string) *translator {
	base, _ := tag.Base()
	return &translator{loc: i18n.NewLocalizer(b, tag.String()), tag: tag, lang: base.String(), names: names}
}

// EntityName names an entity id (place, person, organisation) in the UI
// language through Options.Names, or returns "".
func (t *translator) EntityName(id string) string {
	if t.names == nil || id == "" {
		return ""
	}
	return t.names(id, t.lang)
}

// T returns the message id; args are alternating template keys and values.
func (t *translator) T(id string, args ...any) string {
	return t.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: pairs(args)})
}

// N returns the plural form of id for count, with {{.Count}} set.
func (t *translator) N(id string, count int, args ...any) string {
	data := pairs(args)
	data["Count"] = count
	return t.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data})
}

func (t *translator) localize(lc *i18n.LocalizeConfig) string {
	s, err := t.loc.Localize(lc)
	if s == "" && err != nil {
		return lc.MessageID
	}
	return s
}

func pairs(args []any) map[string]any {
	m := make(map[string]any, len(args)/2+1)
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok {
			m[k] = args[i+1]
		}
	}
	return m
}

// Role localizes a role keyword (governor, prime minister, …); unknown
// roles are shown as given.
func (t *translator) Role(role string) string {
	id := "role_" + strings.ReplaceAll(strings.ToLower(strings.TrimSpace(role)), " ", "_")
	s, err := t.loc.Localize(&i18n.LocalizeConfig{MessageID: id})
	if err != nil || s == "" {
		return role
	}
	return s
}

// Status localizes a translation status (ok, no-engine, failed, pending).
func (t *translator) Status(status string) string {
	id := "tstatus_" + strings.ReplaceAll(status, "-", "_")
	s, err := t.loc.Localize(&i18n.LocalizeConfig{MessageID: id})
	if err != nil || s == "" {
		return status
	}
	return s
}

// LanguageName names an ISO 639 code in the UI language ("ru" → "русский"
// in Russian, "Russian" in English); unknown codes are shown as given.
func (t *translator) LanguageName(code string) string {
	tag, err := language.Parse(code)
	if err != nil || code == "und" {
		return code
	}
	if name := display.Tags(t.tag).Name(tag); name != "" {
		return name
	}
	return code
}

// RegionName names a place code or id in the UI language, with the code
// ("JP" → "Japan (JP)", "RU-KYA" → "Krasnoyarsk Krai (RU-KYA)",
// "city:tokyo" → "Tokyo"); unknown values are shown as given.
func (t *translator) RegionName(code string) string {
	if n := t.EntityName(code); n != "" {
		if strings.Contains(code, ":") {
			return n
		}
		return n + " (" + code + ")"
	}
	if strings.Contains(code, ":") {
		return humanizeID(code)
	}
	if len(code) != 2 {
		return code
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if name := display.Regions(t.tag).Name(r); name != "" {
		return name + " (" + code + ")"
	}
	return code
}

// languageSelf names a UI language in itself (English, русский, 日本語).
func languageSelf(tag language.Tag) string {
	if name := display.Self.Name(tag); name != "" {
		return name
	}
	return tag.String()
}
